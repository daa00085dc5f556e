package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class TestCertificateAuthorityTest {

    private final TestCertificateAuthority ca = TestCertificateAuthority.create();
    private final X509TrustManager trust = ca.trustManager();

    private void check(IssuedCertificate issued) throws CertificateException {
        trust.checkServerTrusted(issued.chain().toArray(new X509Certificate[0]), "ECDHE_ECDSA");
    }

    @Test
    void issuedCertificateChainsToTheRootAndCarriesItsNames() throws Exception {
        IssuedCertificate issued = ca.issue("mta-sts.example.test", "*.example.test");

        check(issued);
        assertThat(issued.chain()).hasSize(2);
        assertThat(issued.chain().get(1)).isEqualTo(ca.intermediateCertificate());
        assertThat(issued.certificate().getSubjectAlternativeNames())
                .extracting(entry -> (Object) entry.get(1)).containsExactly("mta-sts.example.test", "*.example.test");
        assertThat(issued.certificate().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(trust.getAcceptedIssuers()).containsExactly(ca.rootCertificate());
    }

    @Test
    void expiredCertificateIsRefusedAsExpired() {
        IssuedCertificate issued = ca.certificate("a.test").expired().issue();

        assertThat(issued.certificate().getNotAfter().toInstant()).isBefore(Instant.now());
        assertThatThrownBy(() -> check(issued)).isInstanceOf(CertificateException.class);
    }

    @Test
    void notYetValidCertificateStartsInTheFuture() {
        IssuedCertificate issued = ca.certificate("a.test").notYetValid().issue();

        assertThat(issued.certificate().getNotBefore().toInstant()).isAfter(Instant.now());
        assertThatThrownBy(() -> check(issued)).isInstanceOf(CertificateException.class);
    }

    @Test
    void selfSignedCertificateIsItsOwnIssuerAndNotTrusted() {
        IssuedCertificate issued = ca.certificate("a.test").selfSigned().issue();

        assertThat(issued.chain()).containsExactly(issued.certificate());
        assertThat(issued.certificate().getIssuerX500Principal())
                .isEqualTo(issued.certificate().getSubjectX500Principal());
        assertThatThrownBy(() -> check(issued)).isInstanceOf(CertificateException.class);
    }

    @Test
    void incompleteChainLacksTheIntermediateAndIsNotTrusted() {
        IssuedCertificate issued = ca.certificate("a.test").incompleteChain().issue();

        assertThat(issued.chain()).containsExactly(issued.certificate());
        assertThatThrownBy(() -> check(issued)).isInstanceOf(CertificateException.class);
    }

    @Test
    void anotherAuthorityIsNotTrusted() {
        IssuedCertificate issued = TestCertificateAuthority.create().issue("a.test");

        assertThatThrownBy(() -> check(issued)).isInstanceOf(CertificateException.class);
    }

    @Test
    void commonNameOnlyCertificateHasNoSubjectAltNames() throws Exception {
        IssuedCertificate issued = ca.certificate().commonName("a.test").issue();

        assertThat(issued.certificate().getSubjectAlternativeNames()).isNull();
        assertThat(issued.certificate().getSubjectX500Principal().getName()).contains("CN=a.test");
    }

    @Test
    void pemHasEveryCertificateOfTheChainAndTheKey() {
        IssuedCertificate issued = ca.issue("a.test");

        assertThat(issued.chainPem().split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
        assertThat(issued.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(ca.rootPem()).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void invalidCombinationsAreRejected() throws Exception {
        assertThatThrownBy(() -> ca.certificate("a.test").selfSigned().incompleteChain().issue())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ca.certificate("a.test").validity(Instant.now(), Instant.now().minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(ca.issue("a.test").keyStore("k", new char[0]).aliases().nextElement())).containsExactly("k");
    }
}
