package dev.mtasts.http;

import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.testkit.HttpRecordedRequest;
import dev.mtasts.testkit.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsPolicyFetcherTest {

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
    void policyServedAsTextPlainIsFetched() throws Exception {
        fixture.server.respond("mta-sts.good.test", HttpResponse.ok("text/plain", POLICY));

        PolicyFetch fetch = fixture.fetch(fetcher, "mta-sts.good.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(fetch.statusCode()).hasValue(200);
        assertThat(fetch.bodyText()).isEqualTo(POLICY);
        assertThat(fetch.mediaType().orElseThrow().isTextPlain()).isTrue();
        assertThat(fetch.address().orElseThrow().getAddress()).isEqualTo(fixture.server.address());
        assertThat(fetch.address().orElseThrow().getPort()).isEqualTo(fixture.server.httpsPort());
        assertThat(fetch.tlsVersion()).hasValueSatisfying(v -> assertThat(v).isIn("TLSv1.2", "TLSv1.3"));
        assertThat(fetch.cipherSuite()).isPresent();
        assertThat(fetch.certificates()).hasSize(2);
        assertThat(fetch.certificates().get(0).dnsNames()).containsExactly("mta-sts.good.test");
        assertThat(fetch.certificates().get(0).daysLeft(Instant.now())).isBetween(360L, 365L);
        assertThat(fetch.failedAddresses()).isEmpty();
        assertThat(fetch.plainHttp()).isEmpty();
        assertThat(fetch.tlsFailure()).isEmpty();
    }

    @Test
    void requestCarriesSniHostAndNoConditionalHeaders() throws Exception {
        fixture.server.respond("mta-sts.request.test", HttpResponse.ok("text/plain", POLICY));

        fixture.fetch(fetcher, "mta-sts.request.test");

        HttpRecordedRequest request = fixture.server.requests().stream()
                .filter(r -> r.sniHost().equals(Optional.of("mta-sts.request.test"))).findFirst()
                .orElseThrow();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.target()).isEqualTo("/.well-known/mta-sts.txt");
        assertThat(request.tls()).isTrue();
        assertThat(request.header("Host")).hasValue("mta-sts.request.test:" + fixture.server.httpsPort());
        assertThat(request.header("If-Modified-Since")).isEmpty();
        assertThat(request.header("If-None-Match")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/plain; charset=utf-8", "TEXT/PLAIN"})
    void textPlainInAnySpellingIsTextPlain(String contentType) throws Exception {
        String host = "mta-sts.type" + Math.abs(contentType.hashCode()) + ".test";
        fixture.server.respond(host, HttpResponse.ok(contentType, POLICY));

        PolicyFetch fetch = fixture.fetch(fetcher, host);

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(fetch.contentType()).hasValue(contentType);
        assertThat(fetch.mediaType().orElseThrow().isTextPlain()).isTrue();
    }

    @Test
    void textHtmlIsFetchedAndReportedAsHtml() throws Exception {
        fixture.server.respond("mta-sts.html.test", HttpResponse.ok("text/html", "<html>catch-all</html>"));

        PolicyFetch fetch = fixture.fetch(fetcher, "mta-sts.html.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(fetch.mediaType().orElseThrow().essence()).isEqualTo("text/html");
        assertThat(fetch.mediaType().orElseThrow().isTextPlain()).isFalse();
    }

    @Test
    void missingContentTypeGivesNoMediaType() throws Exception {
        fixture.server.respond("mta-sts.notype.test", HttpResponse.ok("text/plain", POLICY).withoutContentType());

        PolicyFetch fetch = fixture.fetch(fetcher, "mta-sts.notype.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(fetch.contentType()).isEmpty();
        assertThat(fetch.mediaType()).isEmpty();
        assertThat(fetch.bodyText()).isEqualTo(POLICY);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void redirectIsNotFollowedAndItsLocationIsReported(int status) throws Exception {
        String host = "mta-sts.redirect" + status + ".test";
        fixture.server.respond(host, HttpResponse.redirect(status, "https://www.redirect.test/mta-sts.txt"));
        fixture.server.respond("www.redirect.test", HttpResponse.ok("text/plain", POLICY));

        PolicyFetch fetch = fixture.fetch(fetcher, host);

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.REDIRECT);
        assertThat(fetch.statusCode()).hasValue(status);
        assertThat(fetch.location()).hasValue("https://www.redirect.test/mta-sts.txt");
        assertThat(fetch.body()).isEmpty();
        assertThat(fixture.server.requests()).filteredOn(r -> r.tls() && r.host().equals(Optional.of(host)))
                .hasSize(1);
        assertThat(fixture.server.requests())
                .noneSatisfy(r -> assertThat(r.host()).hasValue("www.redirect.test"));
    }

    @ParameterizedTest
    @ValueSource(ints = {204, 304, 404, 500})
    void statusOtherThan200IsReportedAsHttpStatus(int status) throws Exception {
        String host = "mta-sts.status" + status + ".test";
        fixture.server.respond(host, HttpResponse.status(status));

        PolicyFetch fetch = fixture.fetch(fetcher, host);

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.HTTP_STATUS);
        assertThat(fetch.statusCode()).hasValue(status);
        assertThat(fetch.body()).isEmpty();
    }

    @Test
    void unconfiguredHostGets404() throws Exception {
        PolicyFetch fetch = fixture.fetch(fetcher, "mta-sts.nothing.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.HTTP_STATUS);
        assertThat(fetch.statusCode()).hasValue(404);
    }

    @Test
    void otherPathIsRequested() throws Exception {
        fixture.server.respond("mta-sts.path.test", HttpResponse.ok("text/plain", POLICY));

        PolicyFetch fetch = FetcherFixture.fetch(fetcher, fixture.request("mta-sts.path.test").withPath("/other.txt"));

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(fixture.server.requests()).anySatisfy(r -> assertThat(r.target()).isEqualTo("/other.txt"));
    }
}
