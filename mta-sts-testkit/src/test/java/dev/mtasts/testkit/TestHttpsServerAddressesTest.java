package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One {@link TestHttpsServer} on several loopback addresses at the same ports, each able to answer its own way. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TestHttpsServerAddressesTest {

    private static final String HOST = "mta-sts.cdn.test";

    private final TestCertificateAuthority ca = TestCertificateAuthority.create();

    /** An HTTPS exchange with the host at an address: the leaf certificate presented and the whole response. */
    private record Answer(Certificate leaf, String response) {
    }

    private Answer get(TestHttpsServer server, String address) throws Exception {
        try (SSLSocket socket = (SSLSocket) ca.clientSslContext().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(Loopback.parse(address), server.httpsPort()), 5000);
            socket.setSoTimeout(10_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(HOST)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            socket.getOutputStream().write(("GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: " + HOST
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return new Answer(socket.getSession().getPeerCertificates()[0], out.toString(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void anExtraAddressServesWhatTheFirstServesAtTheSamePortsWithTheSameCertificate() throws Exception {
        try (TestHttpsServer server = TestHttpsServer.start(ca)) {
            server.respond(HOST, HttpResponse.ok("text/plain", "policy")).listenAlsoOn("127.0.0.2");

            Answer first = get(server, "127.0.0.1");
            Answer second = get(server, "127.0.0.2");

            assertThat(second.response()).isEqualTo(first.response()).endsWith("policy");
            assertThat(second.leaf()).isEqualTo(first.leaf());
            assertThat(server.addresses()).extracting(InetAddress::getHostAddress)
                    .containsExactly("127.0.0.1", "127.0.0.2");
            assertThat(server.requests()).extracting(r -> r.local().getAddress().getHostAddress())
                    .containsExactly("127.0.0.1", "127.0.0.2");
            assertThat(server.requests()).extracting(r -> r.local().getPort())
                    .containsOnly(server.httpsPort());
        }
    }

    @Test
    void oneAddressCanAnswerAndPresentACertificateOfItsOwn() throws Exception {
        IssuedCertificate other = ca.certificate(HOST).issue();
        try (TestHttpsServer server = TestHttpsServer.start(ca)) {
            server.respond(HOST, HttpResponse.ok("text/plain", "everywhere"))
                    .respondAt("127.0.0.3", HOST, HttpResponse.status(404))
                    .certificateAt("127.0.0.3", HOST, other);

            Answer first = get(server, "127.0.0.1");
            Answer third = get(server, "127.0.0.3");

            assertThat(first.response()).startsWith("HTTP/1.1 200").endsWith("everywhere");
            assertThat(third.response()).startsWith("HTTP/1.1 404");
            assertThat(third.leaf()).isEqualTo(other.certificate()).isNotEqualTo(first.leaf());
        }
    }

    @Test
    void aChangeOfTheSharedCertificateShowsAtEveryAddressWithoutOneOfItsOwn() throws Exception {
        IssuedCertificate replaced = ca.certificate(HOST).issue();
        try (TestHttpsServer server = TestHttpsServer.start(ca)) {
            server.listenAlsoOn("127.0.0.2");
            Certificate before = get(server, "127.0.0.2").leaf();

            server.certificate(HOST, replaced);

            assertThat(before).isNotEqualTo(replaced.certificate());
            assertThat(get(server, "127.0.0.2").leaf()).isEqualTo(replaced.certificate());
            assertThat(get(server, "127.0.0.1").leaf()).isEqualTo(replaced.certificate());
        }
    }

    @Test
    void resetAndForgetDropWhatOneAddressServedButTheAddressKeepsListening() throws Exception {
        try (TestHttpsServer server = TestHttpsServer.start(ca)) {
            server.respond(HOST, HttpResponse.ok("text/plain", "shared"))
                    .respondAt("127.0.0.2", HOST, HttpResponse.status(500));
            server.forget(HOST).respond(HOST, HttpResponse.ok("text/plain", "shared"));
            assertThat(get(server, "127.0.0.2").response()).endsWith("shared");

            server.respondAt("127.0.0.2", HOST, HttpResponse.status(500)).reset();

            assertThat(server.addresses()).hasSize(2);
            assertThat(get(server, "127.0.0.2").response()).startsWith("HTTP/1.1 404");   // nothing set: 404
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void plainHttpIsTheSameOnEveryAddress() throws Exception {
        try (TestHttpsServer server = TestHttpsServer.start(ca)) {
            server.respond(HOST, HttpResponse.ok("text/plain", "shared"))
                    .respondAt("127.0.0.2", HOST, HttpResponse.status(404));
            try (Socket plain = new Socket(Loopback.parse("127.0.0.2"), server.httpPort())) {
                plain.setSoTimeout(10_000);
                plain.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                plain.getInputStream().transferTo(out);
                assertThat(out.toString(StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200").endsWith("shared");
            }
        }
    }

    @Test
    void ipv6LoopbackWorksBesideIpv4() throws Exception {
        try (TestHttpsServer server = TestHttpsServer.start(ca)) {
            server.respond(HOST, HttpResponse.ok("text/plain", "v4"))
                    .respondAt("::1", HOST, HttpResponse.ok("text/plain", "v6"));

            assertThat(get(server, "::1").response()).endsWith("v6");
            assertThat(get(server, "127.0.0.1").response()).endsWith("v4");
        }
    }

    @Test
    void addressesBeyondLoopbackAndClosedServersAreRefused() throws Exception {
        TestHttpsServer server = TestHttpsServer.start(ca);
        assertThatThrownBy(() -> server.listenAlsoOn("192.0.2.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.listenAlsoOn("mta-sts.cdn.test")).isInstanceOf(IllegalArgumentException.class);
        server.close();
        assertThatThrownBy(() -> server.listenAlsoOn("127.0.0.2")).isInstanceOf(IllegalStateException.class);
    }
}
