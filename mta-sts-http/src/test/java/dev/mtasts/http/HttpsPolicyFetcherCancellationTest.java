package dev.mtasts.http;

import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.testkit.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cancelling the future {@link HttpsPolicyFetcher#fetch} returned closes the fetch's connection at once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsPolicyFetcherCancellationTest {

    private FetcherFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new FetcherFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void cancellingWhileTheServerHoldsTheResponseClosesTheConnectionAndStartsNoDiagnostic() throws Exception {
        String host = "mta-sts.held.test";
        fixture.server.respond(host, HttpResponse.ok("text/plain", POLICY).withHeaderDelay(Duration.ofSeconds(30)));
        HttpsPolicyFetcher fetcher = fixture.fetcherBuilder().build(); // with the plain-HTTP diagnostic

        CompletableFuture<PolicyFetch> future = fetcher.fetch(fixture.request(host).withDeadline(Duration.ofSeconds(40)))
                .toCompletableFuture();
        await(() -> fixture.server.requestCount() == 1 && fixture.server.openConnections() == 1);
        long cancelled = System.nanoTime();
        assertThat(future.cancel(true)).isTrue();

        await(() -> fixture.server.openConnections() == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(2));
        Thread.sleep(300);
        assertThat(fixture.server.requests()).as("no plain-HTTP diagnostic after a cancel").hasSize(1);
        assertThat(fixture.server.openConnections()).isZero();
    }

    @Test
    void cancellingInAStalledHandshakeClosesTheConnection() throws Exception {
        String host = "mta-sts.stalled.test";
        fixture.server.respond(host, HttpResponse.status(200).stallingHandshake());
        HttpsPolicyFetcher fetcher = fixture.fetcherBuilder().plainHttpDiagnostic(false).build();

        CompletableFuture<PolicyFetch> future = fetcher.fetch(fixture.request(host).withDeadline(Duration.ofSeconds(40)))
                .toCompletableFuture();
        await(() -> fixture.server.openConnections() == 1);
        Thread.sleep(200); // the server has read the ClientHello and stalls
        future.cancel(true);

        await(() -> fixture.server.openConnections() == 0);
        assertThat(future).isCancelled();
    }

    @Test
    void cancellingAFetchThatEndedChangesNothing() throws Exception {
        fixture.server.respond("mta-sts.done.test", HttpResponse.ok("text/plain", POLICY));
        HttpsPolicyFetcher fetcher = fixture.fetcherBuilder().build();

        CompletableFuture<PolicyFetch> future = fetcher.fetch(fixture.request("mta-sts.done.test")).toCompletableFuture();
        PolicyFetch fetch = future.get(10, TimeUnit.SECONDS);

        assertThat(future.cancel(true)).isFalse();
        assertThat(future.join()).isSameAs(fetch);
    }

    /** Waits up to five seconds for the condition, failing the test when it never holds. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - end).as("condition not met within 5 s").isNegative();
            Thread.sleep(10);
        }
    }
}
