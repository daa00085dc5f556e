package dev.mtasts.http;

import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PlainHttpProbe;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.testkit.HttpResponse;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HttpsPolicyFetcherDiagnosticsTest {

    private static FetcherFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new FetcherFixture();
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
        HttpsPolicyFetcher fetcher = fixture.fetcherBuilder().plainHttpDiagnostic(true).build();

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
        HttpsPolicyFetcher fetcher = fixture.fetcherBuilder().plainHttpDiagnostic(true).build();

        PolicyFetch fetch = fixture.fetch(fetcher, host);

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.HTTP_STATUS);
        assertThat(fetch.plainHttp().orElseThrow().fetch().outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(fetch.plainHttp().orElseThrow().policyServed()).isFalse();
    }

    @Test
    void diagnosticDoesNotRunWhenHttpsWorks() throws Exception {
        fixture.server.respond("mta-sts.httpsok.test", HttpResponse.ok("text/plain", POLICY));
        HttpsPolicyFetcher fetcher = fixture.fetcherBuilder().plainHttpDiagnostic(true).build();

        assertThat(fixture.fetch(fetcher, "mta-sts.httpsok.test").plainHttp()).isEmpty();
    }

    @Test
    void diagnosticIsOffByDefault() throws Exception {
        fixture.server.respond("mta-sts.nodiag.test", HttpResponse.status(404));

        PolicyFetch fetch = fixture.fetch(fixture.fetcherBuilder().build(), "mta-sts.nodiag.test");

        assertThat(fetch.plainHttp()).isEmpty();
    }

    @Test
    void twoHundredFetchesInFlightShareAFewThreads() throws Exception {
        fixture.server.respond("mta-sts.many.test",
                HttpResponse.ok("text/plain", POLICY).withHeaderDelay(Duration.ofMillis(300)));
        HttpsPolicyFetcher fetcher = fixture.fetcherBuilder().deadline(Duration.ofSeconds(60)).build();
        fixture.fetch(fetcher, "mta-sts.many.test"); // warm up the shared threads
        int before = ManagementFactory.getThreadMXBean().getThreadCount();

        List<CompletableFuture<PolicyFetch>> fetches = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fetches.add(fetcher.fetch(PolicyFetchRequest.of(DomainName.of("mta-sts.many.test"),
                    List.of(fixture.server.address()))).toCompletableFuture());
        }
        int peak = 0;
        long peakFetcherThreads = 0;
        while (!fetches.stream().allMatch(CompletableFuture::isDone)) {
            peak = Math.max(peak, ManagementFactory.getThreadMXBean().getThreadCount());
            peakFetcherThreads = Math.max(peakFetcherThreads, Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("mta-sts-http-")).count());
            Thread.sleep(20);
        }

        assertThat(fetches).allSatisfy(f -> assertThat(f.join().outcome()).isEqualTo(FetchOutcome.OK));
        // the test server has a fixed pool of 32 workers; the fetcher adds none per fetch
        assertThat(peak - before).isLessThan(TestServerThreads.BOUND);
        assertThat(peakFetcherThreads).isLessThanOrEqualTo(NetworkThreads.IO_THREADS + 1);
    }

    @Test
    void serviceLoaderFindsTheHttpsFetcher() {
        assertThat(PolicyFetcher.fromServiceLoader()).containsInstanceOf(HttpsPolicyFetcher.class);
    }

    @Test
    void builderRejectsBadValuesAndSecondTrustOption() {
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().deadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().connectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().maxBodySize(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().httpsPort(70000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().userAgent("a\r\nb"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().trustedCertificates(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder()
                .trustedCertificates(List.of(fixture.ca.rootCertificate()))
                .sslContext(fixture.ca.clientSslContext()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trustedCertificates");
    }

    /** Generous headroom: the server's 32 workers, the fetcher's shared threads and the common pool. */
    private static final class TestServerThreads {
        static final int BOUND = 32 + 16 + Runtime.getRuntime().availableProcessors() + 8;
    }
}
