package dev.mtasts.http;

import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.testkit.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The examples of the Javadoc and the README, compiled and run on loopback (ports and address aside). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsPolicyFetcherExampleTest {

    @Test
    void classExampleFetchesThePolicyFromAPrivateCa() throws Exception {
        try (FetcherFixture fixture = new FetcherFixture()) {
            fixture.server.respond("mta-sts.example.com", HttpResponse.ok("text/plain", POLICY));
            X509Certificate privateRoot = fixture.ca.rootCertificate();

            HttpsPolicyFetcher fetcher = HttpsPolicyFetcher.builder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .trustedCertificates(List.of(privateRoot))     // in addition to the JDK's trust store
                    .httpsPort(fixture.server.httpsPort()).httpPort(fixture.server.httpPort())
                    .build();
            PolicyFetchRequest request = PolicyFetchRequest.of(
                    DomainName.of("mta-sts.example.com"), List.of(fixture.server.address()))
                    .withDeadline(Duration.ofSeconds(20));          // HTTPS 15 s, the plain-HTTP diagnostic 5 s
            PolicyFetch fetch = fetcher.fetch(request).toCompletableFuture().join();

            assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
            assertThat(fetch.bodyText()).isEqualTo(POLICY);
            assertThat(FetchBudget.of(request.deadline(), true).https()).isEqualTo(Duration.ofSeconds(15));
        }
    }
}
