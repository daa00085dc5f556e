package dev.mtasts.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request: sets the {@link SecurityHeaders}, sends it to its endpoint or static file, and turns what goes
 * wrong into a status with a message in words. An unexpected exception is logged here, on the server, and the
 * client gets a plain 500 without any detail: never a stack trace.
 */
final class Router implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final StaticFiles files;
    private final Endpoints endpoints;
    private final EventStream events;

    Router(StaticFiles files, Endpoints endpoints, EventStream events) {
        this.files = files;
        this.endpoints = endpoints;
        this.events = events;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        boolean api = path.startsWith("/api/");
        try {
            SecurityHeaders.apply(exchange.getResponseHeaders());
            route(exchange, path, api);
        } catch (ApiException e) {
            fail(exchange, api, e);
        } catch (IOException e) {
            LOG.debug("{} {}: the client went away: {}", exchange.getRequestMethod(), path, e.toString());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", exchange.getRequestMethod(), path, e);
            fail(exchange, api, ApiException.serverError(500, "Something went wrong on the server; try again."));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String path, boolean api) throws IOException {
        String method = exchange.getRequestMethod();
        if (api) {
            if (!method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                throw ApiException.methodNotAllowed(method);
            }
            switch (path) {
                case "/api/check" -> endpoints.check(exchange);
                case "/api/events" -> events.handle(exchange);
                case "/api/examples" -> endpoints.examples(exchange);
                default -> throw ApiException.notFound("No such API: the server answers /api/check?domain=...,"
                        + " /api/events?domain=... and /api/examples.");
            }
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            throw ApiException.methodNotAllowed(method);
        }
        Optional<StaticFiles.File> file = files.get(path.equals("/index.html") ? "/" : path);
        if (file.isEmpty()) {
            throw ApiException.notFound("Not found. The check is at /.");
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        Responses.bytes(exchange, 200, file.get().contentType(), file.get().body());
    }

    private static void fail(HttpExchange exchange, boolean api, ApiException e) {
        if (exchange.getResponseCode() != -1) {
            return; // the status is sent: nothing more can be said
        }
        try {
            if (api) {
                Responses.error(exchange, e);
            } else {
                e.retryAfter().ifPresent(w -> exchange.getResponseHeaders().set("Retry-After",
                        Long.toString(ApiException.seconds(w))));
                Responses.bytes(exchange, e.status(), "text/plain; charset=utf-8",
                        (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException io) {
            LOG.debug("the client went away before the error: {}", io.toString());
        }
    }
}
