package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TestHttpsServerTest {

    private final TestCertificateAuthority ca = TestCertificateAuthority.create();

    private static String exchange(Socket socket, String host) throws Exception {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: " + host
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private SSLSocket tls(TestHttpsServer server, String sni) throws Exception {
        SSLSocket socket = (SSLSocket) ca.clientSslContext().getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress(server.address(), server.httpsPort()), 5000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(sni)));
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    @Test
    void certificateAndResponseAreChosenBySni() throws Exception {
        IssuedCertificate cert = ca.issue("mta-sts.a.test");
        try (TestHttpsServer server = TestHttpsServer.start(ca)) {
            server.certificate("mta-sts.a.test", cert).respond("mta-sts.a.test", HttpResponse.ok("text/plain", "A"))
                    .respond("mta-sts.b.test", HttpResponse.ok("text/plain", "B"));

            try (SSLSocket a = tls(server, "mta-sts.a.test")) {
                assertThat(a.getSession().getPeerCertificates()[0]).isEqualTo(cert.certificate());
                assertThat(exchange(a, "ignored.test")).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nA");
            }
            try (SSLSocket b = tls(server, "mta-sts.b.test")) {
                X509Certificate leaf = (X509Certificate) b.getSession().getPeerCertificates()[0];
                assertThat(leaf.getSubjectAlternativeNames()).extracting(e -> (Object) e.get(1)).containsExactly("mta-sts.b.test");
                assertThat(exchange(b, "mta-sts.b.test")).contains("Content-Type: text/plain\r\n").endsWith("B");
            }
            assertThat(server.requests()).extracting(HttpRecordedRequest::sniHost)
                    .extracting(o -> o.orElseThrow()).containsExactly("mta-sts.a.test", "mta-sts.b.test");
        }
    }

    @Test
    void plainHttpChoosesByHostHeaderAndCanBeOverridden() throws Exception {
        try (TestHttpsServer server = TestHttpsServer.start(ca)) {
            server.respond("mta-sts.c.test", HttpResponse.ok("text/plain", "both"))
                    .respond("mta-sts.d.test", HttpResponse.ok("text/plain", "https"))
                    .respondPlainHttp("mta-sts.d.test", HttpResponse.redirect(301, "https://mta-sts.d.test/"));

            try (Socket c = new Socket(server.address(), server.httpPort())) {
                assertThat(exchange(c, "mta-sts.c.test:80")).endsWith("both");
            }
            try (Socket d = new Socket(server.address(), server.httpPort())) {
                assertThat(exchange(d, "MTA-STS.D.TEST")).startsWith("HTTP/1.1 301").contains("Location: https://mta-sts.d.test/");
            }
            try (Socket e = new Socket(server.address(), server.httpPort())) {
                assertThat(exchange(e, "unknown.test")).startsWith("HTTP/1.1 404");
            }
        }
    }

    @Test
    void closeReturnsPromptlyWhileAnEndlessBodyIsBeingSent() throws Exception {
        TestHttpsServer server = TestHttpsServer.start(ca);
        server.respond("mta-sts.e.test", HttpResponse.ok("text/plain", "x").withEndlessBody()
                .trickling(Duration.ofMillis(10)));
        Socket client = new Socket(server.address(), server.httpPort());
        client.getOutputStream().write("GET / HTTP/1.1\r\nHost: mta-sts.e.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(client.getInputStream().read()).isEqualTo('H');

        long start = System.nanoTime();
        server.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        client.close();
    }

    @Test
    void serverRefusesToBindANonLoopbackAddress() throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestHttpsServer.start(ca,
                java.net.InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
