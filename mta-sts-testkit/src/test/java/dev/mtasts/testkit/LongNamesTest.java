package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * Names as long as DNS allows: a certificate for a host over 64 characters (longer than any subject CN may be),
 * and negative answers from a zone whose apex is too long for {@code hostmaster.} below it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LongNamesTest {

    /** A name of {@code length} characters: labels of 63 letters, then a shorter one, then {@code .test}. */
    static String nameOf(int length) {
        StringBuilder out = new StringBuilder();
        char letter = 'a';
        int left = length - ".test".length();
        while (left > 0) {
            if (out.length() > 0) {
                out.append('.');
                left--;
            }
            int label = Math.min(63, left);
            if (left - label == 1) {
                label--;   // the next label needs a dot and a letter at least
            }
            out.append(String.valueOf(letter++).repeat(label));
            left -= label;
        }
        return out.append(".test").toString();
    }

    @Test
    void theNamesAreAsLongAsAsked() {
        for (int length : new int[] {68, 70, 71, 240, 248, 250, 253}) {
            assertThat(nameOf(length)).hasSize(length).doesNotContain("..").doesNotStartWith(".");
        }
    }

    @Test
    void aCertificateForAHostOverSixtyFourCharactersHasNoCommonNameAndTheHostAsItsName() throws Exception {
        String host = "mta-sts." + nameOf(240);
        IssuedCertificate issued = TestCertificateAuthority.create().issue(host);

        X509Certificate leaf = issued.certificate();
        assertThat(leaf.getSubjectX500Principal().getName()).doesNotContain("CN=").contains("O=mta-sts-java testkit");
        assertThat(leaf.getSubjectAlternativeNames()).extracting(e -> (Object) e.get(1)).containsExactly(host);
    }

    @Test
    void aHostOfSixtyFourCharactersIsStillTheCommonName() throws Exception {
        String host = "h".repeat(59) + ".test";
        assertThat(host).hasSize(64);

        X509Certificate leaf = TestCertificateAuthority.create().issue(host).certificate();

        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("O=mta-sts-java testkit,CN=" + host);
    }

    @Test
    void aCommonNameAnX509CertificateCannotCarryIsRefusedAtOnce() {
        CertificateSpec spec = TestCertificateAuthority.create().certificate("a.test");
        assertThatThrownBy(() -> spec.commonName("c".repeat(65))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64").hasMessageContaining("65");
        assertThatThrownBy(() -> spec.commonName("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCommonNameWithACommaStaysOneCommonName() throws Exception {
        X509Certificate leaf = TestCertificateAuthority.create().certificate("a.test").commonName("a, O=forged")
                .issue().certificate();

        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("O=mta-sts-java testkit,CN=a\\, O\\=forged");
    }

    @Test
    void theHttpsServerServesAPolicyHostOfAnyLengthByItsSni() throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create();
        try (TestHttpsServer server = TestHttpsServer.start(ca)) {
            for (String host : List.of("mta-sts." + nameOf(68), "mta-sts." + nameOf(240))) {
                server.respond(host, HttpResponse.ok("text/plain", "policy"));
                try (SSLSocket socket = (SSLSocket) ca.clientSslContext().getSocketFactory().createSocket()) {
                    socket.connect(new InetSocketAddress(server.address(), server.httpsPort()), 5_000);
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                    socket.setSSLParameters(parameters);
                    socket.setSoTimeout(10_000);
                    socket.startHandshake();
                    X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                    assertThat(leaf.getSubjectAlternativeNames()).extracting(e -> (Object) e.get(1))
                            .containsExactly(host);
                }
            }
        }
    }

    @Test
    void aZoneOfTwoHundredAndFiftyCharactersAnswersNegativeQueriesWithItsSoa() throws Exception {
        String apex = nameOf(250);
        try (TestDnsServer server = TestDnsServer.start()) {
            server.zone(apex).a("x." + apex, "192.0.2.1");
            DnsWireClient client = new DnsWireClient(server.address());

            Message nodata = client.udp(DnsWireClient.query(apex, "MX", true));
            Message nxdomain = client.tcp(DnsWireClient.query("y." + apex, "TXT", false));

            assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(nodata.getSection(Section.ANSWER)).isEmpty();
            assertThat(nxdomain.getRcode()).isEqualTo(Rcode.NXDOMAIN);
            for (Message m : List.of(nodata, nxdomain)) {
                List<Record> authority = m.getSection(Section.AUTHORITY);
                assertThat(authority).singleElement().isInstanceOf(SOARecord.class);
                SOARecord soa = (SOARecord) authority.get(0);
                assertThat(soa.getName().toString(true)).isEqualTo(apex);
                assertThat(soa.getHost().toString()).isEqualTo("ns.sandbox.invalid.");
                assertThat(soa.getAdmin().toString()).isEqualTo("hostmaster.sandbox.invalid.");
            }
        }
    }
}
