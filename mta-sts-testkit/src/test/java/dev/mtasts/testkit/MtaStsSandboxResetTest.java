package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * {@link MtaStsSandbox#reset()} and {@link SandboxDomain#clear()}: what a test set up is gone for the next one, over
 * the real sockets of the sandbox's servers.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MtaStsSandboxResetTest {

    private final MtaStsSandbox sandbox = MtaStsSandbox.start();
    private final DnsWireClient dns = new DnsWireClient(sandbox.dnsServer().address());

    @AfterEach
    void close() {
        sandbox.close();
    }

    private Message ask(String name, String type) throws Exception {
        return dns.udp(DnsWireClient.query(name, type, false));
    }

    private int txtRecords(String name) throws Exception {
        return ask(name, "TXT").getSection(Section.ANSWER).size();
    }

    /** @return the status line and body of a GET of the policy over HTTPS, and the certificate presented */
    private Fetched fetch(String host) throws Exception {
        try (SSLSocket socket = (SSLSocket) sandbox.authority().clientSslContext().getSocketFactory()
                .createSocket()) {
            socket.connect(new InetSocketAddress(sandbox.httpsServer().address(),
                    sandbox.httpsServer().httpsPort()), 5_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            socket.getOutputStream().write(("GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(out);
            return new Fetched(out.toString(StandardCharsets.ISO_8859_1), leaf);
        }
    }

    private record Fetched(String response, X509Certificate certificate) {
        String statusLine() {
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    @Test
    void theSameSetUpTwiceKeepsBothRecordsUntilAReset() throws Exception {
        sandbox.domain("twice.test").stsRecord("v=STSv1; id=1");
        sandbox.domain("twice.test").stsRecord("v=STSv1; id=2");
        assertThat(txtRecords("_mta-sts.twice.test")).isEqualTo(2);

        sandbox.reset();
        sandbox.domain("twice.test").stsRecord("v=STSv1; id=2");

        assertThat(txtRecords("_mta-sts.twice.test")).isEqualTo(1);
    }

    @Test
    void resetRemovesEveryDomainZoneFaultResponseAndCertificate() throws Exception {
        sandbox.domain("kept.test").stsRecord("v=STSv1; id=1").mx(10, "mx1.kept.test")
                .policy("version: STSv1\nmode: testing\nmx: mx1.kept.test\nmax_age: 86400\n")
                .policyCertificateFor(c -> c, "www.kept.test")
                .dnsFault("_smtp._tls", DnsFault.servfail());
        sandbox.dnsServer().zone("other.test").txt("other.test", "x");
        sandbox.dnsServer().authenticData(true);
        Fetched before = fetch("mta-sts.kept.test");
        assertThat(before.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(before.certificate().getSubjectAlternativeNames()).extracting(e -> (Object) e.get(1))
                .containsExactly("www.kept.test");

        assertThat(sandbox.reset()).isSameAs(sandbox);

        assertThat(sandbox.domainNames()).isEmpty();
        assertThat(sandbox.dnsServer().queryCount()).isZero();
        assertThat(sandbox.httpsServer().requestCount()).isZero();
        assertThat(ask("_mta-sts.kept.test", "TXT").getRcode()).as("no zone holds it").isEqualTo(Rcode.REFUSED);
        assertThat(ask("other.test", "TXT").getRcode()).isEqualTo(Rcode.REFUSED);
        Fetched after = fetch("mta-sts.kept.test");
        assertThat(after.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(after.certificate().getSubjectAlternativeNames()).as("a new certificate, for the host")
                .extracting(e -> (Object) e.get(1)).containsExactly("mta-sts.kept.test");

        sandbox.domain("kept.test");
        Message tlsRpt = ask("_smtp._tls.kept.test", "TXT");
        assertThat(tlsRpt.getRcode()).as("the fault is gone too").isEqualTo(Rcode.NXDOMAIN);
        assertThat(tlsRpt.getHeader().getFlag(org.xbill.DNS.Flags.AD)).isFalse();
    }

    @Test
    void aDomainObjectFromBeforeAResetStillConfiguresTheDomain() throws Exception {
        SandboxDomain before = sandbox.domain("old.test");
        before.stsRecord("v=STSv1; id=1");

        sandbox.reset();
        before.stsRecord("v=STSv1; id=2").policy("version: STSv1\nmode: none\nmax_age: 86400\n");

        assertThat(ask("_mta-sts.old.test", "TXT").getSection(Section.ANSWER))
                .singleElement().asString().contains("id=2");
        assertThat(ask("mta-sts.old.test", "A").getSection(Section.ANSWER)).hasSize(1);
        assertThat(fetch("mta-sts.old.test").statusLine()).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void clearEmptiesOneDomainAndLeavesTheOthers() throws Exception {
        SandboxDomain cleared = sandbox.domain("cleared.test").stsRecord("v=STSv1; id=1")
                .policy("version: STSv1\nmode: none\nmax_age: 86400\n")
                .dnsFault("_smtp._tls", DnsFault.servfail()).dnsFault("", DnsFault.refused());
        sandbox.domain("other.test").stsRecord("v=STSv1; id=1")
                .policy("version: STSv1\nmode: none\nmax_age: 86400\n")
                .dnsFault("_smtp._tls", DnsFault.servfail());

        assertThat(cleared.clear()).isSameAs(cleared);

        assertThat(ask("_mta-sts.cleared.test", "TXT").getRcode()).as("the zone stays, empty")
                .isEqualTo(Rcode.NXDOMAIN);
        assertThat(ask("_smtp._tls.cleared.test", "TXT").getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(ask("cleared.test", "MX").getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(fetch("mta-sts.cleared.test").statusLine()).isEqualTo("HTTP/1.1 404 Not Found");

        assertThat(txtRecords("_mta-sts.other.test")).isEqualTo(1);
        assertThat(ask("_smtp._tls.other.test", "TXT").getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(fetch("mta-sts.other.test").statusLine()).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void aPolicyHostWithAnAliasKeepsItWhenThePolicyIsSet() throws Exception {
        SandboxDomain d = sandbox.domain("alias.test");
        d.zone().cname("mta-sts.alias.test", "policy.alias.test").a("policy.alias.test", "127.0.0.1");

        d.policy("version: STSv1\nmode: none\nmax_age: 86400\n");

        assertThat(ask("mta-sts.alias.test", "A").getSection(Section.ANSWER))
                .anySatisfy(r -> assertThat(r.getType()).isEqualTo(org.xbill.DNS.Type.CNAME));
    }
}
