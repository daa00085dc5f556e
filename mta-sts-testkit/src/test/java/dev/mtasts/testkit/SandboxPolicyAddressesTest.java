package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A policy host with several addresses ({@link SandboxDomain#policyHostAlsoAt}, {@link SandboxDomain#policyAt} and
 * the rest), seen over the sandbox's real DNS and HTTPS sockets.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SandboxPolicyAddressesTest {

    private static final String POLICY = "version: STSv1\nmode: enforce\nmx: mx1.cdn.test\nmax_age: 604800\n";

    private final MtaStsSandbox sandbox = MtaStsSandbox.start();
    private final DnsWireClient dns = new DnsWireClient(sandbox.dnsServer().address());

    @AfterEach
    void close() {
        sandbox.close();
    }

    private List<String> addresses(String name, String type) throws Exception {
        Message answer = dns.udp(DnsWireClient.query(name, type, false));
        return answer.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }

    private record Fetched(String response, X509Certificate leaf) {
    }

    private Fetched fetch(String address, String host) throws Exception {
        try (SSLSocket socket = (SSLSocket) sandbox.authority().clientSslContext().getSocketFactory()
                .createSocket()) {
            socket.connect(new InetSocketAddress(Loopback.parse(address), sandbox.httpsServer().httpsPort()), 5_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            socket.getOutputStream().write(("GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return new Fetched(out.toString(StandardCharsets.ISO_8859_1), leaf);
        }
    }

    @Test
    void aSecondAddressIsPublishedAfterTheFirstAndServesTheSame() throws Exception {
        SandboxDomain d = sandbox.domain("cdn.test").policy(POLICY).policyHostAlsoAt("127.0.0.2")
                .policyHostAlsoAt("127.0.0.2");   // twice: still one record

        assertThat(addresses("mta-sts.cdn.test", "A")).containsExactly("127.0.0.1", "127.0.0.2");
        Fetched first = fetch("127.0.0.1", d.policyHost());
        Fetched second = fetch("127.0.0.2", d.policyHost());
        assertThat(second.response()).isEqualTo(first.response()).endsWith(POLICY);
        assertThat(second.leaf()).isEqualTo(first.leaf());
    }

    @Test
    void aPolicyHostWithoutAnAddressGetsTheServersFirst() throws Exception {
        sandbox.domain("fresh.test").policyHostAlsoAt("127.0.0.2");

        assertThat(addresses("mta-sts.fresh.test", "A")).containsExactly("127.0.0.1", "127.0.0.2");
    }

    @Test
    void eachAddressCanServeItsOwnPolicyResponseAndCertificate() throws Exception {
        Instant now = Instant.now();
        Instant notAfter = now.plus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SandboxDomain d = sandbox.domain("split.test").policy(POLICY)
                .policyAt("127.0.0.2", POLICY.replace("enforce", "testing"))
                .policyResponseAt("127.0.0.3", HttpResponse.status(404))
                .policyCertificateAt("127.0.0.2", c -> c.validity(now.minus(Duration.ofDays(1)), notAfter));

        assertThat(addresses("mta-sts.split.test", "A")).containsExactly("127.0.0.1", "127.0.0.2", "127.0.0.3");
        Fetched first = fetch("127.0.0.1", d.policyHost());
        Fetched second = fetch("127.0.0.2", d.policyHost());
        Fetched third = fetch("127.0.0.3", d.policyHost());
        assertThat(first.response()).endsWith("mode: enforce\nmx: mx1.cdn.test\nmax_age: 604800\n");
        assertThat(second.response()).contains("mode: testing");
        assertThat(third.response()).startsWith("HTTP/1.1 404");
        assertThat(second.leaf().getNotAfter().toInstant()).isEqualTo(notAfter);
        assertThat(first.leaf()).isNotEqualTo(second.leaf()).isEqualTo(third.leaf());
    }

    @Test
    void ipv6LoopbackIsAnAaaaRecord() throws Exception {
        SandboxDomain d = sandbox.domain("dual.test").policy(POLICY).policyAt("::1", POLICY.replace("604800",
                "86400"));

        assertThat(addresses("mta-sts.dual.test", "A")).containsExactly("127.0.0.1");
        assertThat(addresses("mta-sts.dual.test", "AAAA")).containsExactly("0:0:0:0:0:0:0:1");   // dnsjava's rdata text
        assertThat(fetch("::1", d.policyHost()).response()).endsWith("max_age: 86400\n");
    }

    @Test
    void clearAndResetForgetWhatAnAddressServed() throws Exception {
        SandboxDomain d = sandbox.domain("gone.test").policy(POLICY).policyResponseAt("127.0.0.2",
                HttpResponse.status(500));
        d.clear().policy(POLICY);
        assertThat(fetch("127.0.0.2", d.policyHost()).response()).endsWith(POLICY);
        assertThat(addresses("mta-sts.gone.test", "A")).containsExactly("127.0.0.1");

        d.policyResponseAt("127.0.0.2", HttpResponse.status(500));
        sandbox.reset();
        sandbox.domain("gone.test").policy(POLICY);
        assertThat(fetch("127.0.0.2", d.policyHost()).response()).endsWith(POLICY);
    }

    @Test
    void onlyLoopbackAddressesAreAccepted() {
        SandboxDomain d = sandbox.domain("far.test");
        assertThatThrownBy(() -> d.policyHostAlsoAt("192.0.2.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.policyAt("2001:db8::1", POLICY)).isInstanceOf(IllegalArgumentException.class);
    }
}
