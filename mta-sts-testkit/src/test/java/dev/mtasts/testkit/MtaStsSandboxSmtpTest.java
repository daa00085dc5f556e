package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * The SMTP side of {@link MtaStsSandbox}: MX hosts within sandbox domains get an address of their own with a healthy
 * SMTP server, which {@link SandboxDomain}'s {@code mx...} methods change; seen over real sockets (DNS and SMTP).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MtaStsSandboxSmtpTest {

    private final MtaStsSandbox sandbox = MtaStsSandbox.start();
    private final DnsWireClient dns = new DnsWireClient(sandbox.dnsServer().address());

    @AfterEach
    void close() {
        sandbox.close();
    }

    private List<String> resolve(String name, String type) throws Exception {
        Message reply = dns.udp(DnsWireClient.query(name, type, false));
        return reply.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }

    private SmtpWireClient connect(String address) throws IOException {
        return SmtpWireClient.connect(address, sandbox.smtpServer().port());
    }

    /** @return the greeting, and the certificate presented after STARTTLS with the host as SNI */
    private X509Certificate certificate(String address, String host) throws Exception {
        try (SmtpWireClient client = connect(address)) {
            assertThat(client.reply()).containsExactly("220 " + host + " ESMTP");
            assertThat(client.command("EHLO probe.test")).isEqualTo("250 STARTTLS");
            assertThat(client.command("STARTTLS")).startsWith("220 ");
            X509Certificate leaf = client.presented(sandbox.authority(), host);
            if (client.socket().isConnected() && client.socket() instanceof javax.net.ssl.SSLSocket) {
                client.command("QUIT");
            }
            return leaf;
        }
    }

    private static List<String> names(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(e -> (String) e.get(1)).toList();
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void eachMxHostOfASandboxDomainGetsAnAddressOfItsOwnWithAHealthyServer() throws Exception {
        SandboxDomain d = sandbox.domain("auto.test").mx(10, "mx1.auto.test").mx(20, "MX2.auto.test.");

        String mx1 = d.mxAddresses("mx1.auto.test").get(0);
        String mx2 = d.mxAddresses("mx2.auto.test").get(0);

        assertThat(mx1).startsWith("127.0.").isNotEqualTo(mx2);
        assertThat(resolve("mx1.auto.test", "A")).containsExactly(mx1);
        assertThat(resolve("mx2.auto.test", "A")).containsExactly(mx2);
        assertThat(sandbox.smtpServer().addresses()).containsExactlyInAnyOrder(mx1, mx2);
        X509Certificate leaf = certificate(mx1, "mx1.auto.test");
        assertThat(names(leaf)).containsExactly("mx1.auto.test");
        leaf.checkValidity();
        assertThat(names(certificate(mx2, "mx2.auto.test"))).containsExactly("mx2.auto.test");
        assertThat(sandbox.smtpServer().awaitSessions(2, Duration.ofSeconds(10))).allMatch(SmtpSession::quit);
    }

    @Test
    void addressesAreNeverGivenOutTwiceAndAHostKeepsItsAddress() throws Exception {
        SandboxDomain a = sandbox.domain("a.test").mx(10, "mx.a.test");
        SandboxDomain b = sandbox.domain("b.test").mx(10, "mx.b.test").mx(20, "mx.a.test");   // shared host

        assertThat(b.mxAddresses("mx.a.test")).isEqualTo(a.mxAddresses("mx.a.test")).hasSize(1);
        List<String> before = List.of(a.mxAddresses("mx.a.test").get(0), b.mxAddresses("mx.b.test").get(0));
        sandbox.reset();
        SandboxDomain again = sandbox.domain("a.test").mx(10, "mx.a.test");
        assertThat(again.mxAddresses("mx.a.test")).singleElement().isNotIn(before);
    }

    @Test
    void hostsOutsideTheSandboxDomainsGetNothing() throws Exception {
        sandbox.domain("outside.test").mx(10, "mx.provider.test");

        assertThat(sandbox.smtpServer().addresses()).isEmpty();
        assertThat(dns.udp(DnsWireClient.query("mx.provider.test", "A", false)).getRcode())
                .isEqualTo(Rcode.REFUSED);
        assertThatThrownBy(() -> sandbox.domain("outside.test").mxBehaviour("mx.provider.test", b -> b))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lies in no domain of the sandbox");
    }

    @Test
    void aHostWithAnAddressAlreadyKeepsIt() throws Exception {
        SandboxDomain d = sandbox.domain("own.test");
        d.zone().a("mx.own.test", MtaStsSandbox.DEAD_ADDRESS);
        d.mx(10, "mx.own.test");

        assertThat(d.mxAddresses("mx.own.test")).containsExactly(MtaStsSandbox.DEAD_ADDRESS);
        assertThat(sandbox.smtpServer().addresses()).isEmpty();
    }

    @Test
    void mxBehaviourChangesEveryAddressOfTheHost() throws Exception {
        SandboxDomain d = sandbox.domain("behaviour.test").mx(10, "mx.behaviour.test")
                .mxAddress("mx.behaviour.test", "127.0.0.77", SmtpBehaviour.healthy()
                        .withHostName("mx.behaviour.test"));

        d.mxBehaviour("mx.behaviour.test", SmtpBehaviour::withoutStartTls);

        assertThat(d.mxAddresses("mx.behaviour.test")).hasSize(2).allSatisfy(address -> {
            try (SmtpWireClient client = connect(address)) {
                assertThat(client.reply()).containsExactly("220 mx.behaviour.test ESMTP");
                assertThat(client.command("EHLO probe.test")).isEqualTo("250 8BITMIME");
            }
        });
        d.mxBehaviour("mx.behaviour.test", b -> b.withGreeting(554, "5.7.1 closed"));
        try (SmtpWireClient client = connect("127.0.0.77")) {
            assertThat(client.reply()).containsExactly("554 5.7.1 closed");
        }
        assertThat(sandbox.smtpServer().behaviour("127.0.0.77")).hasValueSatisfying(b ->
                assertThat(b.startTlsOffered()).as("changes add up").isFalse());
    }

    @Test
    void aDualStackHostCanServeAnotherCertificateOverIpv6() throws Exception {
        assumeThat(ipv6Loopback()).as("IPv6 loopback (::1) is available").isTrue();
        SandboxDomain d = sandbox.domain("dual.test").mx(10, "mx1.dual.test")
                .mxAddress("mx1.dual.test", "::1", b -> b.withCertificate(sandbox.authority().issue("other.test")));

        assertThat(resolve("mx1.dual.test", "AAAA")).containsExactly("0:0:0:0:0:0:0:1");
        assertThat(d.mxAddresses("mx1.dual.test")).hasSize(2).contains("::1");
        assertThat(names(certificate("::1", "mx1.dual.test"))).containsExactly("other.test");
        String v4 = d.mxAddresses("mx1.dual.test").get(0);
        assertThat(names(certificate(v4, "mx1.dual.test"))).containsExactly("mx1.dual.test");
    }

    @Test
    void mxCertificateServesAllAddressesACertificateFromTheSandboxCa() throws Exception {
        SandboxDomain d = sandbox.domain("cert.test").mx(10, "mx1.cert.test").mx(20, "mx2.cert.test");

        d.mxCertificate("mx1.cert.test", CertificateSpec::expired)
                .mxCertificateFor("mx2.cert.test", c -> c, "*.cert.test");

        X509Certificate expired = certificate(d.mxAddresses("mx1.cert.test").get(0), "mx1.cert.test");
        assertThat(names(expired)).containsExactly("mx1.cert.test");
        assertThat(expired.getNotAfter()).isInThePast();
        assertThat(names(certificate(d.mxAddresses("mx2.cert.test").get(0), "mx2.cert.test")))
                .containsExactly("*.cert.test");
    }

    @Test
    void mxNoAddressRemovesTheHostsAddressRecords() throws Exception {
        SandboxDomain d = sandbox.domain("none.test").mx(10, "mx1.none.test");

        d.mxNoAddress("mx1.none.test");

        assertThat(d.mxAddresses("mx1.none.test")).isEmpty();
        assertThat(resolve("mx1.none.test", "A")).isEmpty();
        assertThat(resolve("none.test", "MX")).containsExactly("10 mx1.none.test.");
        assertThatThrownBy(() -> d.mxBehaviour("mx1.none.test", b -> b)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no address");
    }

    @Test
    void resetAndClearStopTheListenersAndKeepThePort() throws Exception {
        int port = sandbox.smtpServer().port();
        SandboxDomain cleared = sandbox.domain("cleared.test").mx(10, "mx.cleared.test");
        SandboxDomain kept = sandbox.domain("kept.test").mx(10, "mx.kept.test");
        String clearedAddress = cleared.mxAddresses("mx.cleared.test").get(0);
        String keptAddress = kept.mxAddresses("mx.kept.test").get(0);

        cleared.clear();

        assertThatThrownBy(() -> connect(clearedAddress)).isInstanceOf(ConnectException.class);
        try (SmtpWireClient client = connect(keptAddress)) {
            assertThat(client.reply()).hasSize(1);
        }

        sandbox.reset();

        assertThat(sandbox.smtpServer().addresses()).isEmpty();
        assertThat(sandbox.smtpServer().sessions()).isEmpty();
        assertThatThrownBy(() -> connect(keptAddress)).isInstanceOf(ConnectException.class);
        assertThat(sandbox.smtpServer().port()).isEqualTo(port);
    }

    @Test
    void theMailDeploymentsServeWhatTheirDescriptionsSay() throws Exception {
        Deployments.installAll(sandbox);

        SandboxDomain plain = sandbox.domain("mx-no-starttls.test");
        try (SmtpWireClient client = connect(plain.mxAddresses("mx1.mx-no-starttls.test").get(0))) {
            client.reply();
            assertThat(client.commandReply("EHLO probe.test")).noneMatch(l -> l.contains("STARTTLS"));
        }
        SandboxDomain wrong = sandbox.domain("mx-wrong-cert.test");
        assertThat(names(certificate(wrong.mxAddresses("mx1.mx-wrong-cert.test").get(0), "mx1.mx-wrong-cert.test")))
                .containsExactly("mail.mx-wrong-cert.test");
        SandboxDomain expired = sandbox.domain("mx-expired-cert.test");
        assertThat(certificate(expired.mxAddresses("mx1.mx-expired-cert.test").get(0), "mx1.mx-expired-cert.test")
                .getNotAfter()).isInThePast();
        assertThat(resolve("_25._tcp.mx1.dane-mismatch.test", "TLSA")).singleElement().asString()
                .startsWith("3 1 1 ");
        assertThat(names(certificate(sandbox.domain("enforce.good.test").mxAddresses("mx2.enforce.good.test")
                .get(0), "mx2.enforce.good.test"))).as("every other MX host is healthy")
                .containsExactly("mx2.enforce.good.test");
    }

    @Test
    void withoutAProbeModuleTheValidatorProbesNothing() {
        assertThat(sandbox.mxProbe()).as("mta-sts-smtp is not on this module's class path").isEmpty();
    }
}
