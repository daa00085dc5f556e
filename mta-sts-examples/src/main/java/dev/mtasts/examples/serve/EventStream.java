package dev.mtasts.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import dev.mtasts.DomainName;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code GET /api/events?domain=...}: the check of a domain as Server-Sent Events ({@code text/event-stream}),
 * each event written and flushed as the validation produces it (see {@link ServerEvent} for the order), a comment
 * line every {@link #HEARTBEAT} while nothing happens, and the stream closed after {@code done} (or
 * {@code error}). A refused request (bad domain, rate limit, busy) gets its status and JSON error before any event.
 */
final class EventStream {

    /** A comment is sent after this much silence, so proxies and browsers keep the stream open. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final LiveChecks checks;
    private final Admission admission;
    private final Duration maxStream;

    EventStream(LiveChecks checks, Admission admission) {
        this.checks = checks;
        this.admission = admission;
        this.maxStream = checks.validator().deadline().plusSeconds(15);
    }

    void handle(HttpExchange exchange) throws IOException {
        DomainName domain = DomainQuery.parse(exchange.getRequestURI().getRawQuery());
        admission.admit(exchange);
        try {
            LiveCheck check = checks.check(domain);
            BlockingQueue<ServerEvent> queue = new LinkedBlockingQueue<>();
            Consumer<ServerEvent> subscriber = queue::add;
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
            exchange.sendResponseHeaders(200, 0);
            check.subscribe(subscriber);
            try (OutputStream out = exchange.getResponseBody()) {
                stream(queue, out, domain);
            } finally {
                check.unsubscribe(subscriber);
            }
        } finally {
            admission.release();
        }
    }

    private void stream(BlockingQueue<ServerEvent> queue, OutputStream out, DomainName domain) throws IOException {
        long end = System.nanoTime() + maxStream.toNanos();
        try {
            while (true) {
                ServerEvent event = queue.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    if (System.nanoTime() > end) {
                        ServerEvent late = new ServerEvent(0, "error", ReportEvents.failed("The check of "
                                + domain.value() + " took too long; try again.").data());
                        write(out, late.frame());
                        return;
                    }
                    write(out, ": still checking\n\n");
                    continue;
                }
                write(out, event.frame());
                if (event.last()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
