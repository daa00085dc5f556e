package dev.mtasts.http;

import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PlainHttpProbe;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.testkit.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The plain-HTTP diagnostic, and how it shares the request's time budget with HTTPS. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsPolicyFetcherDiagnosticsTest {

    /** Timer and scheduling latency allowed beyond a budget on a busy two-CPU machine. */
    private static final Duration SLACK = Duration.ofMillis(300);
    private static final Duration BUDGET = Duration.ofSeconds(2);
    private static final Duration HANG = Duration.ofSeconds(30);

    private static FetcherFixture fixture;
    private static HttpsPolicyFetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        fixture = new FetcherFixture();
        fetcher = fixture.fetcherBuilder().build();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void policyServedOnlyOverPlainHttpIsReportedByTheDiagnostic() throws Exception {
        String host = "mta-sts.plainonly.test";
        fixture.server.certificate(host, fixture.ca.issue("www.plainonly.test"))
                .respond(host, HttpResponse.ok("text/plain", POLICY));

        PolicyFetch fetch = fixture.fetch(fetcher, host);

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TLS_FAILURE);
        assertThat(fetch.tlsFailure()).hasValue(TlsFailureCategory.HOSTNAME_MISMATCH);
        PlainHttpProbe probe = fetch.plainHttp().orElseThrow();
        assertThat(probe.policyServed()).isTrue();
        assertThat(probe.fetch().address().orElseThrow().getPort()).isEqualTo(fixture.server.httpPort());
        assertThat(probe.fetch().tlsVersion()).isEmpty();
        assertThat(fixture.server.requests()).anySatisfy(r -> {
            assertThat(r.tls()).isFalse();
            assertThat(r.header("Host")).hasValue(host + ":" + fixture.server.httpPort());
        });
    }

    @Test
    void diagnosticSaysNoPolicyWhenPlainHttpServesSomethingElse() throws Exception {
        String host = "mta-sts.plainhtml.test";
        fixture.server.respond(host, HttpResponse.status(404))
                .respondPlainHttp(host, HttpResponse.ok("text/html", "<html>welcome</html>"));

        PolicyFetch fetch = fixture.fetch(fetcher, host);

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.HTTP_STATUS);
        assertThat(fetch.plainHttp().orElseThrow().fetch().outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(fetch.plainHttp().orElseThrow().policyServed()).isFalse();
    }

    @Test
    void diagnosticDoesNotRunWhenHttpsWorks() throws Exception {
        fixture.server.respond("mta-sts.httpsok.test", HttpResponse.ok("text/plain", POLICY));

        assertThat(fixture.fetch(fetcher, "mta-sts.httpsok.test").plainHttp()).isEmpty();
        assertThat(fixture.server.requests()).filteredOn(r -> r.host().equals(Optional.of("mta-sts.httpsok.test")))
                .singleElement().satisfies(r -> assertThat(r.tls()).isTrue());
    }

    @Test
    void diagnosticIsOnByDefault() throws Exception {
        fixture.server.respond("mta-sts.defaultdiag.test", HttpResponse.status(404));

        PolicyFetch fetch = fixture.fetch(fixture.bareBuilder().build(), "mta-sts.defaultdiag.test");

        assertThat(fetch.plainHttp()).isPresent();
        assertThat(fetch.plainHttp().orElseThrow().fetch().statusCode()).hasValue(404);
    }

    @Test
    void diagnosticTurnedOffDoesNotTouchPlainHttp() throws Exception {
        String host = "mta-sts.nodiag.test";
        fixture.server.respond(host, HttpResponse.status(404));

        PolicyFetch fetch = fixture.fetch(fixture.fetcherBuilder().plainHttpDiagnostic(false).build(), host);

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.HTTP_STATUS);
        assertThat(fetch.plainHttp()).isEmpty();
        assertThat(fixture.server.requests()).filteredOn(r -> r.host().equals(Optional.of(host)))
                .allSatisfy(r -> assertThat(r.tls()).isTrue());
    }

    @Test
    void hungHttpsAndHungPlainHttpBothEndWithinTheRequestTimeout() throws Exception {
        String host = "mta-sts.hungboth.test";
        fixture.server.respond(host, HttpResponse.ok("text/plain", POLICY).withHeaderDelay(HANG));
        PolicyFetchRequest request = fixture.request(host).withDeadline(BUDGET);
        long start = System.nanoTime();

        PolicyFetch fetch = FetcherFixture.fetch(fetcher, request);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(BUDGET.minusMillis(50), BUDGET.plus(SLACK));
        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(fetch.detail()).isEqualTo("no complete response within 1500 ms, the HTTPS share of the fetch"
                + " budget of 2000 ms (waiting for the response)");
        assertThat(fetch.elapsed()).isBetween(Duration.ofMillis(1500), Duration.ofMillis(1500).plus(SLACK));
        PolicyFetch plain = fetch.plainHttp().orElseThrow().fetch();
        assertThat(plain.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(plain.detail()).contains("the plain-HTTP diagnostic's share of the fetch budget of 2000 ms")
                .containsPattern("within (4\\d\\d|500) ms");
    }

    @Test
    void withoutTheDiagnosticHttpsHasTheWholeTimeout() throws Exception {
        String host = "mta-sts.hungnodiag.test";
        fixture.server.respond(host, HttpResponse.ok("text/plain", POLICY).withHeaderDelay(HANG));
        HttpsPolicyFetcher httpsOnly = fixture.fetcherBuilder().plainHttpDiagnostic(false).build();

        PolicyFetch fetch = FetcherFixture.fetch(httpsOnly, fixture.request(host).withDeadline(BUDGET));

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(fetch.detail())
                .isEqualTo("no complete response within the fetch budget of 2000 ms (waiting for the response)");
        assertThat(fetch.elapsed()).isBetween(BUDGET, BUDGET.plus(SLACK));
    }

    @Test
    void hungHttpsStillGetsThePlainHttpAnswerWithinTheBudget() throws Exception {
        String host = "mta-sts.hungtls.test";
        fixture.server.respond(host, HttpResponse.ok("text/plain", POLICY).withHeaderDelay(HANG))
                .respondPlainHttp(host, HttpResponse.ok("text/plain", POLICY));
        long start = System.nanoTime();

        PolicyFetch fetch = FetcherFixture.fetch(fetcher, fixture.request(host).withDeadline(BUDGET));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BUDGET.plus(SLACK));
        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TIMEOUT);
        assertThat(fetch.plainHttp().orElseThrow().policyServed()).isTrue();
    }
}
