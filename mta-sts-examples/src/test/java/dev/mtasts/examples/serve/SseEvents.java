package dev.mtasts.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Server-Sent Events stream parsed as the specification says a browser parses it (lines, fields, blank line
 * ends an event), so a test sees exactly the events a page would: no more, no fewer.
 */
final class SseEvents {

    /** One event as a browser dispatches it. */
    record Event(String id, String name, String data) {
        JsonNode json() {
            try {
                return ServeFixture.JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private SseEvents() {
    }

    static List<Event> parse(String stream) {
        List<Event> events = new ArrayList<>();
        String id = "";
        String name = "";
        StringBuilder data = null;
        for (String line : stream.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(id, name.isEmpty() ? "message" : name, data.toString()));
                }
                name = "";
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> name = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> { }
            }
        }
        return events;
    }

    static List<String> names(List<Event> events) {
        return events.stream().map(Event::name).toList();
    }
}
