package dev.mtasts.http;

import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.IssuedCertificate;
import dev.mtasts.testkit.TestCertificateAuthority;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsPolicyFetcherTlsTest {

    static FetcherFixture fixture;
    static HttpsPolicyFetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        fixture = new FetcherFixture();
        fetcher = fixture.fetcherBuilder().build();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private PolicyFetch fetchWith(String host, IssuedCertificate certificate) throws Exception {
        fixture.server.certificate(host, certificate).respond(host, HttpResponse.ok("text/plain", POLICY));
        return fixture.fetch(fetcher, host);
    }

    private static void assertTlsFailure(PolicyFetch fetch, TlsFailureCategory category) {
        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TLS_FAILURE);
        assertThat(fetch.tlsFailure()).hasValue(category);
        assertThat(fetch.statusCode()).isEmpty();
        assertThat(fetch.body()).isEmpty();
        assertThat(fetch.detail()).isNotBlank();
    }

    @Test
    void aHostNameThatCannotBeAServerNameFailsAtOnceAsAHandshakeFailure() throws Exception {
        String host = "mta-sts.a_b.test";   // DomainName accepts '_'; TLS server names (RFC 6066) do not
        long start = System.nanoTime();
        PolicyFetch fetch = fixture.fetch(fetcher, host);

        assertTlsFailure(fetch, TlsFailureCategory.HANDSHAKE);
        assertThat(fetch.detail()).contains("mta-sts.a_b.test", "server name");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(FetcherFixture.TIMEOUT.dividedBy(2));
    }

    @Test
    void expiredCertificateIsReportedAsExpired() throws Exception {
        String host = "mta-sts.expired.test";
        PolicyFetch fetch = fetchWith(host, fixture.ca.certificate(host).expired().issue());

        assertTlsFailure(fetch, TlsFailureCategory.EXPIRED);
        assertThat(fetch.certificates()).isNotEmpty();
        assertThat(fetch.certificates().get(0).daysLeft(Instant.now())).isNegative();
        assertThat(fetch.detail()).contains("expired");
    }

    @Test
    void notYetValidCertificateIsReportedAsNotYetValid() throws Exception {
        String host = "mta-sts.future.test";
        PolicyFetch fetch = fetchWith(host, fixture.ca.certificate(host).notYetValid().issue());

        assertTlsFailure(fetch, TlsFailureCategory.NOT_YET_VALID);
        assertThat(fetch.certificates().get(0).notBefore()).isAfter(Instant.now());
    }

    @Test
    void selfSignedCertificateIsReportedAsUntrusted() throws Exception {
        String host = "mta-sts.selfsigned.test";
        PolicyFetch fetch = fetchWith(host, fixture.ca.certificate(host).selfSigned().issue());

        assertTlsFailure(fetch, TlsFailureCategory.UNTRUSTED);
        assertThat(fetch.detail()).contains("self-signed");
        assertThat(fetch.certificates()).hasSize(1);
        assertThat(fetch.certificates().get(0).isSelfIssued()).isTrue();
    }

    @Test
    void incompleteChainIsReportedAsUntrusted() throws Exception {
        String host = "mta-sts.incomplete.test";
        PolicyFetch fetch = fetchWith(host, fixture.ca.certificate(host).incompleteChain().issue());

        assertTlsFailure(fetch, TlsFailureCategory.UNTRUSTED);
        assertThat(fetch.detail()).contains("incomplete chain");
        assertThat(fetch.certificates()).hasSize(1);
    }

    @Test
    void certificateFromAnUnknownAuthorityIsReportedAsUntrusted() throws Exception {
        String host = "mta-sts.otherca.test";
        PolicyFetch fetch = fetchWith(host, TestCertificateAuthority.create().issue(host));

        assertTlsFailure(fetch, TlsFailureCategory.UNTRUSTED);
    }

    @Test
    void certificateForAnotherNameIsReportedAsHostnameMismatch() throws Exception {
        String host = "mta-sts.wrongname.test";
        PolicyFetch fetch = fetchWith(host, fixture.ca.issue("www.wrongname.test", "wrongname.test"));

        assertTlsFailure(fetch, TlsFailureCategory.HOSTNAME_MISMATCH);
        assertThat(fetch.detail()).contains("www.wrongname.test").contains(host);
        assertThat(fetch.certificates().get(0).dnsNames()).containsExactly("www.wrongname.test", "wrongname.test");
    }

    @Test
    void commonNameWithoutSubjectAltNameIsNotUsed() throws Exception {
        String host = "mta-sts.cnonly.test";
        PolicyFetch fetch = fetchWith(host, fixture.ca.certificate().commonName(host).issue());

        assertTlsFailure(fetch, TlsFailureCategory.HOSTNAME_MISMATCH);
        assertThat(fetch.certificates().get(0).subject()).contains("CN=" + host);
    }

    @Test
    void wildcardCertificateCoversOneLeftmostLabel() throws Exception {
        PolicyFetch fetch = fetchWith("mta-sts.wild.test", fixture.ca.issue("*.wild.test"));

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
    }

    @Test
    void wildcardCertificateDoesNotCoverTwoLabels() throws Exception {
        PolicyFetch fetch = fetchWith("mta-sts.sub.deepwild.test", fixture.ca.issue("*.deepwild.test"));

        assertTlsFailure(fetch, TlsFailureCategory.HOSTNAME_MISMATCH);
    }

    @Test
    void untrustedTakesPrecedenceOverExpiredAndWrongName() throws Exception {
        String host = "mta-sts.allbad.test";
        PolicyFetch fetch = fetchWith(host,
                fixture.ca.certificate("www.other.test").selfSigned().expired().issue());

        assertTlsFailure(fetch, TlsFailureCategory.UNTRUSTED);
    }

    @Test
    void expiredTakesPrecedenceOverWrongName() throws Exception {
        String host = "mta-sts.expiredwrong.test";
        PolicyFetch fetch = fetchWith(host, fixture.ca.certificate("www.other.test").expired().issue());

        assertTlsFailure(fetch, TlsFailureCategory.EXPIRED);
    }

    @Test
    void plainHttpOnTheHttpsPortIsAHandshakeFailure() throws Exception {
        HttpsPolicyFetcher wrongPort = fixture.fetcherBuilder().httpsPort(fixture.server.httpPort()).build();

        PolicyFetch fetch = fixture.fetch(wrongPort, "mta-sts.handshake.test");

        assertTlsFailure(fetch, TlsFailureCategory.HANDSHAKE);
        assertThat(fetch.address()).isPresent();
        assertThat(fetch.certificates()).isEmpty();
    }

    @Test
    void jdkTrustStoreDoesNotTrustTheTestAuthority() throws Exception {
        HttpsPolicyFetcher jdkRoots = fixture.bareBuilder().build();
        fixture.server.respond("mta-sts.jdkroots.test", HttpResponse.ok("text/plain", POLICY));

        PolicyFetch fetch = fixture.fetch(jdkRoots, "mta-sts.jdkroots.test");

        assertTlsFailure(fetch, TlsFailureCategory.UNTRUSTED);
    }

    @Test
    void trustedCertificatesAreTrustedInAdditionToTheJdkRoots() throws Exception {
        HttpsPolicyFetcher extra = fixture.bareBuilder().trustedCertificates(List.of(fixture.ca.rootCertificate()))
                .build();
        fixture.server.respond("mta-sts.extra.test", HttpResponse.ok("text/plain", POLICY));

        assertThat(fixture.fetch(extra, "mta-sts.extra.test").outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(extra.toString()).contains("trust=the JDK's trust store and ["
                + fixture.ca.rootCertificate().getSubjectX500Principal().getName() + "]");
    }

    @Test
    void trustOnlyTrustsNothingButTheGivenRoots() throws Exception {
        TestCertificateAuthority other = TestCertificateAuthority.create();
        HttpsPolicyFetcher onlyOther = fixture.bareBuilder().trustOnly(List.of(other.rootCertificate())).build();
        HttpsPolicyFetcher onlyOurs = fixture.bareBuilder().trustOnly(List.of(fixture.ca.rootCertificate())).build();
        fixture.server.respond("mta-sts.only.test", HttpResponse.ok("text/plain", POLICY));

        assertTlsFailure(fixture.fetch(onlyOther, "mta-sts.only.test"), TlsFailureCategory.UNTRUSTED);
        assertThat(fixture.fetch(onlyOurs, "mta-sts.only.test").outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(onlyOurs.toString()).contains("trust=only ["
                + fixture.ca.rootCertificate().getSubjectX500Principal().getName() + "]")
                .doesNotContain("JDK");
    }

    @Test
    void trustManagerOptionStillCategorisesPrecisely() throws Exception {
        HttpsPolicyFetcher withTrustManager = fixture.bareBuilder().trustManager(fixture.ca.trustManager()).build();
        String host = "mta-sts.tmexpired.test";
        fixture.server.certificate(host, fixture.ca.certificate(host).expired().issue())
                .respond(host, HttpResponse.ok("text/plain", POLICY));

        assertTlsFailure(fixture.fetch(withTrustManager, host), TlsFailureCategory.EXPIRED);
    }

    @Test
    void sslContextOptionChecksTheHostNameAfterTheHandshake() throws Exception {
        HttpsPolicyFetcher withContext = fixture.portsOnlyBuilder().sslContext(fixture.ca.clientSslContext()).build();
        fixture.server.respond("mta-sts.ctxgood.test", HttpResponse.ok("text/plain", POLICY));
        String wrong = "mta-sts.ctxwrong.test";
        fixture.server.certificate(wrong, fixture.ca.issue("www.ctxwrong.test"))
                .respond(wrong, HttpResponse.ok("text/plain", POLICY));

        assertThat(fixture.fetch(withContext, "mta-sts.ctxgood.test").outcome()).isEqualTo(FetchOutcome.OK);
        assertTlsFailure(fixture.fetch(withContext, wrong), TlsFailureCategory.HOSTNAME_MISMATCH);
    }

    @Test
    void sslContextOptionReportsAnUnknownAuthorityAsUntrusted() throws Exception {
        HttpsPolicyFetcher withContext = fixture.portsOnlyBuilder()
                .sslContext(TestCertificateAuthority.create().clientSslContext()).build();
        fixture.server.respond("mta-sts.ctxother.test", HttpResponse.ok("text/plain", POLICY));

        assertTlsFailure(fixture.fetch(withContext, "mta-sts.ctxother.test"), TlsFailureCategory.UNTRUSTED);
    }

    @Test
    void fixedCertificateIsSeenOnTheNextFetchBecauseSessionsAreNotResumed() throws Exception {
        String host = "mta-sts.fixed.test";
        assertTlsFailure(fetchWith(host, fixture.ca.certificate(host).expired().issue()), TlsFailureCategory.EXPIRED);
        PolicyFetch good = fetchWith(host, fixture.ca.issue(host));
        assertThat(good.outcome()).isEqualTo(FetchOutcome.OK);
        PolicyFetch wrong = fetchWith(host, fixture.ca.issue("www.fixed.test"));
        assertTlsFailure(wrong, TlsFailureCategory.HOSTNAME_MISMATCH);
    }
}
