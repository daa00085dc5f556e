package dev.mtasts.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.mtasts.json.ReportJsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes whole responses: JSON (with {@code mta-sts-json}'s escaping: control characters, U+2028 and U+2029 are
 * {@code \\uXXXX}), an error as {@code {"error": "..."}}, or bytes of a given type. Security headers are set by
 * {@link Router} before any of these run.
 */
final class Responses {

    /** Compact JSON, one line: the module's writer, so escaping is the same as the command line's. */
    static final ReportJsonWriter JSON = dev.mtasts.json.ReportJson.writer().build();

    static final String JSON_TYPE = "application/json; charset=utf-8";

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        bytes(exchange, status, JSON_TYPE, JSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    /** An API error: {@code {"error": "<message>"}}, and {@code Retry-After} for a 429. */
    static void error(HttpExchange exchange, ApiException e) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", e.getMessage());
        e.retryAfter().ifPresent(wait -> {
            long seconds = ApiException.seconds(wait);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
            body.put("retryAfter", seconds);
        });
        json(exchange, e.status(), body);
    }

    static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
