package dev.mtasts.http;

import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.testkit.HttpResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsPolicyFetcherLimitsTest {

    private static final int CAP = 64 * 1024;
    /** The budget of each request here; the diagnostic is off, so HTTPS has all of it. */
    private static final Duration BUDGET = Duration.ofSeconds(2);

    private static FetcherFixture fixture;
    private static HttpsPolicyFetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        fixture = new FetcherFixture();
        fetcher = fixture.fetcherBuilder().plainHttpDiagnostic(false).build();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static PolicyFetch fetch(HttpsPolicyFetcher with, String host, InetAddress... addresses)
            throws Exception {
        return FetcherFixture.fetch(with, fixture.request(host, addresses).withDeadline(BUDGET));
    }

    private static byte[] bytes(int n) {
        byte[] body = new byte[n];
        Arrays.fill(body, (byte) '#');
        return body;
    }

    @Test
    void bodyOfExactly64KiBIsOk() throws Exception {
        fixture.server.respond("mta-sts.exact.test", HttpResponse.ok("text/plain", bytes(CAP)));

        PolicyFetch fetch = fetch(fetcher, "mta-sts.exact.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(fetch.bodySize()).isEqualTo(CAP);
    }

    @Test
    void bodyOf64KiBPlusOneIsTooLarge() throws Exception {
        fixture.server.respond("mta-sts.large.test", HttpResponse.ok("text/plain", bytes(CAP + 1)));

        PolicyFetch fetch = fetch(fetcher, "mta-sts.large.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(fetch.statusCode()).hasValue(200);
        assertThat(fetch.detail()).contains("65536");
        assertThat(fetch.bodySize()).isLessThanOrEqualTo(CAP);
    }

    @Test
    void endlessBodyIsTooLarge() throws Exception {
        fixture.server.respond("mta-sts.endless.test", HttpResponse.ok("text/plain", POLICY).withEndlessBody());

        PolicyFetch fetch = fetch(fetcher, "mta-sts.endless.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(fetch.bodySize()).isEqualTo(CAP);
    }

    @Test
    void smallerCapIsHonoured() throws Exception {
        HttpsPolicyFetcher small = fixture.fetcherBuilder().maxBodySize(10).build();
        fixture.server.respond("mta-sts.smallcap.test", HttpResponse.ok("text/plain", bytes(11)));

        assertThat(fetch(small, "mta-sts.smallcap.test").outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
    }

    @Test
    void tricklingBodyIsStoppedByTheBudget() throws Exception {
        fixture.server.respond("mta-sts.trickle.test",
                HttpResponse.ok("text/plain", POLICY).trickling(Duration.ofMillis(500)));
        long start = System.nanoTime();

        PolicyFetch fetch = fetch(fetcher, "mta-sts.trickle.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(fetch.detail())
                .isEqualTo("no complete response within the fetch budget of 2000 ms (reading the body)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(BUDGET, BUDGET.plusMillis(500));
    }

    @Test
    void endlessTricklingBodyIsStoppedByTheBudget() throws Exception {
        fixture.server.respond("mta-sts.slowendless.test",
                HttpResponse.ok("text/plain", POLICY).withEndlessBody().trickling(Duration.ofMillis(50)));

        assertThat(fetch(fetcher, "mta-sts.slowendless.test").outcome()).isEqualTo(FetchOutcome.TIMEOUT);
    }

    @Test
    void delayBeforeHeadersIsStoppedByTheBudget() throws Exception {
        fixture.server.respond("mta-sts.slowhead.test",
                HttpResponse.ok("text/plain", POLICY).withHeaderDelay(Duration.ofSeconds(30)));

        PolicyFetch fetch = fetch(fetcher, "mta-sts.slowhead.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(fetch.detail()).contains("waiting for the response");
        assertThat(fetch.tlsVersion()).isPresent();
    }

    @Test
    void shortDelayWithinTheBudgetIsOk() throws Exception {
        fixture.server.respond("mta-sts.shortdelay.test",
                HttpResponse.ok("text/plain", POLICY).withHeaderDelay(Duration.ofMillis(200)));

        assertThat(fetch(fetcher, "mta-sts.shortdelay.test").outcome()).isEqualTo(FetchOutcome.OK);
    }

    @Test
    void connectionClosedMidBodyIsAProtocolError() throws Exception {
        fixture.server.respond("mta-sts.cut.test", HttpResponse.ok("text/plain", POLICY).closingAfter(10));

        PolicyFetch fetch = fetch(fetcher, "mta-sts.cut.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
        assertThat(fetch.detail()).contains("10 of " + POLICY.length());
        assertThat(fetch.statusCode()).hasValue(200);
    }

    @Test
    void nothingListeningIsAConnectFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, FetcherFixture.loopback(1))) {
            closedPort = socket.getLocalPort();
        }
        HttpsPolicyFetcher nowhere = fixture.fetcherBuilder().httpsPort(closedPort).build();

        PolicyFetch fetch = fetch(nowhere, "mta-sts.refused.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.CONNECT_FAILURE);
        assertThat(fetch.address()).isEmpty();
        assertThat(fetch.failedAddresses()).hasSize(1);
        assertThat(fetch.failedAddresses().get(0).reason()).containsIgnoringCase("refused");
        assertThat(fetch.detail()).contains("127.0.0.1");
    }

    @Test
    void firstAddressRefusedThenSecondAnswersAndIsReported() throws Exception {
        fixture.server.respond("mta-sts.second.test", HttpResponse.ok("text/plain", POLICY));

        PolicyFetch fetch = fetch(fetcher, "mta-sts.second.test",
                FetcherFixture.loopback(2), FetcherFixture.loopback(1));

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(fetch.address().orElseThrow().getAddress()).isEqualTo(FetcherFixture.loopback(1));
        assertThat(fetch.failedAddresses()).singleElement()
                .satisfies(f -> assertThat(f.address().getAddress()).isEqualTo(FetcherFixture.loopback(2)));
    }

    @Test
    void everyAddressRefusedIsAConnectFailureNamingEach() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, FetcherFixture.loopback(1))) {
            closedPort = socket.getLocalPort();
        }
        HttpsPolicyFetcher nowhere = fixture.fetcherBuilder().httpsPort(closedPort).build();

        PolicyFetch fetch = fetch(nowhere, "mta-sts.allrefused.test",
                FetcherFixture.loopback(3), FetcherFixture.loopback(1));

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.CONNECT_FAILURE);
        assertThat(fetch.failedAddresses()).hasSize(2);
        assertThat(fetch.detail()).contains("127.0.0.3").contains("127.0.0.1");
    }

    @Test
    void addressThatDoesNotAnswerWithinTheConnectTimeoutIsSkippedForTheNext() throws Exception {
        fixture.server.respond("mta-sts.blackhole.test", HttpResponse.ok("text/plain", POLICY));
        try (Blackhole hole = Blackhole.on(FetcherFixture.loopback(5), fixture.server.httpsPort())) {
            HttpsPolicyFetcher quick = fixture.fetcherBuilder().connectTimeout(Duration.ofMillis(500)).build();

            PolicyFetch fetch = fetch(quick, "mta-sts.blackhole.test", FetcherFixture.loopback(5),
                    fixture.server.address());

            assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
            assertThat(fetch.failedAddresses()).singleElement().satisfies(f -> {
                assertThat(f.address().getAddress()).isEqualTo(FetcherFixture.loopback(5));
                assertThat(f.reason()).isEqualTo("no answer within the connect timeout of 500 ms");
            });
        }
    }

    @Test
    void connectTimeoutIsCappedByWhatIsLeftOfTheBudget() throws Exception {
        try (Blackhole first = Blackhole.on(FetcherFixture.loopback(6), fixture.server.httpsPort());
                Blackhole second = Blackhole.on(FetcherFixture.loopback(7), fixture.server.httpsPort())) {
            HttpsPolicyFetcher slowConnect = fixture.fetcherBuilder().plainHttpDiagnostic(false)
                    .connectTimeout(Duration.ofMillis(1200)).build();
            long start = System.nanoTime();

            PolicyFetch fetch = fetch(slowConnect, "mta-sts.blackholes.test", FetcherFixture.loopback(6),
                    FetcherFixture.loopback(7));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(BUDGET, BUDGET.plusMillis(300));
            assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
            assertThat(fetch.detail())
                    .isEqualTo("no complete response within the fetch budget of 2000 ms (connecting)");
            assertThat(fetch.failedAddresses()).singleElement().satisfies(f -> assertThat(f.reason())
                    .isEqualTo("no answer within the connect timeout of 1200 ms"));
        }
    }
}
