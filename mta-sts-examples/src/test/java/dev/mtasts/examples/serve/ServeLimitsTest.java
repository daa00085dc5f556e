package dev.mtasts.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-client rate limit and the caps on checks in flight, each answered with 429 and Retry-After. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeLimitsTest {

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndTheStreamToo() {
        try (ServeFixture fixture = ServeFixture.start(s -> s.withRate(2, Duration.ofHours(1)), b -> b)) {
            assertThat(fixture.get("/api/check?domain=enforce.good.test").statusCode()).isEqualTo(200);
            assertThat(fixture.get("/api/events?domain=enforce.good.test").statusCode()).isEqualTo(200);

            HttpResponse<String> third = fixture.get("/api/check?domain=enforce.good.test");
            assertThat(third.statusCode()).isEqualTo(429);
            long retry = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retry).isBetween(1L, 3600L);
            JsonNode body = ServeApiTest.json(third);
            assertThat(body.get("error").asText()).startsWith("Too many checks from your address")
                    .contains("seconds");
            assertThat(body.get("retryAfter").asLong()).isEqualTo(retry);
            ServeApiTest.assertSecurityHeaders(third);

            HttpResponse<String> stream = fixture.get("/api/events?domain=enforce.good.test");
            assertThat(stream.statusCode()).isEqualTo(429);
            assertThat(stream.headers().firstValue("Retry-After")).isPresent();
            // the page and its files are not rate-limited
            assertThat(fixture.get("/").statusCode()).isEqualTo(200);
            // nor is bad input: it costs the server nothing
            assertThat(fixture.get("/api/check?domain=%3C").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void beyondTheValidationsInFlightTheServerAnswers429AndAJoinerSharesTheRunningCheck() throws Exception {
        AtomicReference<GatedResolver> gate = new AtomicReference<>();
        try (ServeFixture fixture = gatedFixture(gate, 1, 10)) {
            CompletableFuture<HttpResponse<String>> first = async(fixture, "/api/events?domain=enforce.good.test");
            awaitInFlight(fixture, 1);

            HttpResponse<String> second = fixture.get("/api/check?domain=testing.good.test");
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(ServeApiTest.json(second).get("error").asText()).startsWith("The server is busy");
            HttpResponse<String> secondStream = fixture.get("/api/events?domain=testing.good.test");
            assertThat(secondStream.statusCode()).isEqualTo(429);

            // the same domain joins the check in flight: no new validation, the same events
            CompletableFuture<HttpResponse<String>> joined = async(fixture, "/api/check?domain=enforce.good.test");
            gate.get().open();
            HttpResponse<String> stream = first.get(30, TimeUnit.SECONDS);
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(SseEvents.names(SseEvents.parse(stream.body()))).endsWith("report", "done");
            HttpResponse<String> report = joined.get(30, TimeUnit.SECONDS);
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(ServeApiTest.json(report).get("domain").asText()).isEqualTo("enforce.good.test");
            assertThat(fixture.server.inFlight()).isZero();
            // a slot is free again
            assertThat(fixture.get("/api/check?domain=testing.good.test").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void beyondTheRequestsWaitingTheServerAnswers429() throws Exception {
        AtomicReference<GatedResolver> gate = new AtomicReference<>();
        try (ServeFixture fixture = gatedFixture(gate, 10, 1)) {
            CompletableFuture<HttpResponse<String>> first = async(fixture, "/api/check?domain=enforce.good.test");
            awaitInFlight(fixture, 1);

            HttpResponse<String> second = fixture.get("/api/check?domain=enforce.good.test");
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(ServeApiTest.json(second).get("error").asText()).contains("requests are waiting");

            gate.get().open();
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    private static ServeFixture gatedFixture(AtomicReference<GatedResolver> gate, int inFlight, int waiting) {
        return ServeFixture.start(s -> s.withLimits(inFlight, waiting).withReuseFor(Duration.ZERO)
                .withRate(1000, Duration.ofMillis(1)), (sandbox, builder) -> {
                    gate.set(new GatedResolver(sandbox.resolver()));
                    return builder.resolver(gate.get());
                });
    }

    private static CompletableFuture<HttpResponse<String>> async(ServeFixture fixture, String path) {
        return fixture.http.sendAsync(HttpRequest.newBuilder(fixture.uri(path)).timeout(Duration.ofSeconds(30))
                .build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void awaitInFlight(ServeFixture fixture, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (fixture.server.inFlight() < n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no check in flight");
            }
            Thread.sleep(10);
        }
    }
}
