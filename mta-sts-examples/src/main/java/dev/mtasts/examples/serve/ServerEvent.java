package dev.mtasts.examples.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * One Server-Sent Event of a check's stream: its number, its name and its JSON data. {@link #frame()} is the text
 * sent: {@code id}, {@code event} and one {@code data} line, the JSON written compact by {@code mta-sts-json}, in
 * which a line break is always the escape {@code \n}, so nothing a report quotes can end the data line or start a
 * field of its own. The stream's events, in order:
 *
 * <pre>
 * started                 the domain, each layer's title: all pending
 * observed  (0..n)        a look-up or fetch step as the validator hears it: {layer, text[, host]}
 * mxHosts   (0..1)        the MX hosts, from the MX answer: the rows that probes fill in
 * mxProbe   (0..n)        one MX host's STARTTLS probe: {host, result, text}
 * layer     (x6)          each layer's result, in report order: {layer, title, status, summary, findings}
 * verdict                 verdict and promotion readiness in words (and TLS-RPT evidence, when judged with some)
 * report                  the full report: exactly GET /api/check's JSON
 * done                    the end; the server closes the stream
 * error                   in place of layer..done when the check failed: {error}
 * </pre>
 *
 * @param id   the event's number within its stream, from 1
 * @param name the event name
 * @param data the JSON data
 */
record ServerEvent(long id, String name, ObjectNode data) {

    /** The events after which nothing more is sent. */
    static final Set<String> LAST = Set.of("done", "error");

    ServerEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        if (!name.matches("[a-zA-Z]+")) {
            throw new IllegalArgumentException("event name " + name);
        }
    }

    /** @return true when the stream ends with this event */
    boolean last() {
        return LAST.contains(name);
    }

    /** @return the event as sent on the wire, ending with the blank line */
    String frame() {
        String json = Responses.JSON.toJson(data);
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            // the compact writer never writes a raw line break; if it did, the stream must not carry it
            throw new IllegalStateException("compact JSON with a line break");
        }
        return "id: " + id + "\nevent: " + name + "\ndata: " + json + "\n\n";
    }
}
