package dev.mtasts.examples.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.DomainName;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.report.Layer;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsAnswer;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a {@link dev.mtasts.ValidationListener} hears, as the stream's {@code observed}, {@code mxHosts} and
 * {@code mxProbe} events: each step in words, under the layer it belongs to. These say what was seen, not what it
 * means: the layer's status comes with the report, from the validator's own rules (the {@code layer} events of
 * {@link ReportEvents}). Stateless.
 */
final class ProgressEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProgressEvents() {
    }

    /** A named event's data before the stream numbers it. */
    record Draft(String name, ObjectNode data) {
    }

    static List<Draft> dnsAnswered(DomainName domain, DnsAnswer answer) {
        DomainName name = answer.result().name();
        if (answer instanceof TxtAnswer txt) {
            if (name.equals(domain.prefixedWith("_mta-sts"))) {
                return List.of(observed(Layer.DNS_RECORD, "_mta-sts." + domain.value() + " TXT: " + txt(txt)));
            }
            if (name.equals(domain.prefixedWith("_smtp._tls"))) {
                return List.of(observed(Layer.TLS_RPT, "_smtp._tls." + domain.value() + " TXT: " + txt(txt)));
            }
            return List.of();
        }
        if (answer instanceof MxAnswer mx) {
            return mx(domain, mx);
        }
        if (answer instanceof AddressAnswer a) {
            String text = name.value() + " A/AAAA: " + (a.isFound() ? addresses(a.addresses()) : Words.outcome(a));
            if (name.equals(domain.prefixedWith("mta-sts"))) {
                return List.of(observed(Layer.POLICY_FETCH, text));
            }
            Draft d = observed(Layer.MX_COVERAGE, text);
            d.data().put("host", name.value());
            return List.of(d);
        }
        if (answer instanceof TlsaAnswer tlsa) {
            String text = name.value() + " TLSA: " + (tlsa.isFound()
                    ? Words.plural(tlsa.records().size(), "record") : Words.outcome(tlsa))
                    + (tlsa.result().authenticated() ? " (DNSSEC-signed)" : "");
            return List.of(observed(Layer.MX_COVERAGE, text));
        }
        return List.of();
    }

    static Draft policyFetchStarted(PolicyFetchRequest request) {
        return observed(Layer.POLICY_FETCH, "Fetching https://" + request.host().value() + request.path()
                + " from " + addresses(request.addresses()) + "…");
    }

    static List<Draft> policyFetchEnded(PolicyFetch fetch) {
        StringBuilder s = new StringBuilder(switch (fetch.outcome()) {
            case OK -> "answered";
            case HTTP_STATUS -> "answered with an error status";
            case REDIRECT -> "answered with a redirect";
            case TLS_FAILURE -> "TLS failed";
            case CONNECT_FAILURE -> "no connection could be made";
            case TIMEOUT -> "no answer in time";
            case TOO_LARGE -> "the body is too large";
            default -> "failed (" + fetch.outcome().name() + ")";
        });
        fetch.tlsFailure().ifPresent(t -> s.append(" (").append(t.name()).append(")"));
        fetch.statusCode().ifPresent(c -> s.append(", HTTP ").append(c));
        fetch.location().ifPresent(l -> s.append(" to ").append(Words.quote(l)));
        fetch.contentType().ifPresent(t -> s.append(", ").append(Words.quote(t)));
        s.append(", ").append(Words.plural(fetch.bodySize(), "byte"));
        s.append(" in ").append(fetch.elapsed().toMillis()).append(" ms");
        Draft ended = observed(Layer.POLICY_FETCH, "Policy fetch: " + s);
        if (fetch.outcome() == dev.mtasts.fetcher.FetchOutcome.OK) {
            return List.of(ended, observed(Layer.POLICY_PARSE, "Reading the policy text ("
                    + Words.plural(fetch.bodySize(), "byte") + ")…"));
        }
        return List.of(ended);
    }

    static Draft mxProbeEnded(MxProbe probe) {
        ObjectNode data = NODES.objectNode();
        data.put("host", probe.host().value());
        data.put("result", probe.outcome().name());
        data.put("text", probeText(probe));
        return new Draft("mxProbe", data);
    }

    /** One host's probe in words: the worst address's outcome, and what the addresses that differ said. */
    static String probeText(MxProbe probe) {
        AddressProbe worst = probe.worst();
        String text = switch (probe.outcome()) {
            case STARTTLS_OK -> "STARTTLS works" + worst.tlsVersion().map(v -> " (" + v + ")").orElse("")
                    + ", the certificate is valid for the host";
            case TLS_FAILED -> "STARTTLS offered, but TLS or the certificate fails"
                    + worst.tlsFailure().map(t -> " (" + t.name() + ")").orElse("");
            case NO_STARTTLS -> "no STARTTLS offered";
            case GREETING_REJECTED -> "the server rejected the connection in its greeting";
            case TIMEOUT -> "the server did not answer in time";
            case CONNECT_FAILED -> "no connection on port 25 from here (not judged: port 25 is often blocked)";
        };
        if (probe.addresses().size() > 1) {
            text += "; " + Words.plural(probe.addresses().size(), "address") + " probed";
        }
        return text;
    }

    private static List<Draft> mx(DomainName domain, MxAnswer mx) {
        String text;
        if (!mx.isFound()) {
            text = domain.value() + " MX: " + Words.outcome(mx);
        } else if (mx.isNullMxOnly()) {
            text = domain.value() + " MX: null MX (0 .): the domain accepts no mail";
        } else {
            text = domain.value() + " MX: " + mx.byPreference().stream()
                    .map(r -> r.host().value() + " (" + r.preference() + ")").collect(Collectors.joining(", "));
        }
        ObjectNode hosts = NODES.objectNode();
        ArrayNode list = hosts.putArray("hosts");
        for (MxRecord r : mx.isFound() && !mx.isNullMxOnly() ? mx.byPreference() : List.<MxRecord>of()) {
            list.addObject().put("host", r.host().value()).put("preference", r.preference());
        }
        return List.of(observed(Layer.MX_COVERAGE, text), new Draft("mxHosts", hosts));
    }

    private static String txt(TxtAnswer txt) {
        if (!txt.isFound()) {
            return Words.outcome(txt);
        }
        List<String> joined = txt.joined();
        return Words.plural(joined.size(), "record") + ": " + joined.stream().limit(3).map(Words::quote)
                .collect(Collectors.joining(", ")) + (joined.size() > 3 ? ", …" : "");
    }

    private static String addresses(List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return "no address";
        }
        return addresses.stream().limit(4).map(InetAddress::getHostAddress).collect(Collectors.joining(", "))
                + (addresses.size() > 4 ? ", …" : "");
    }

    private static Draft observed(Layer layer, String text) {
        ObjectNode data = NODES.objectNode();
        data.put("layer", layer.name());
        data.put("text", text);
        return new Draft("observed", data);
    }
}
