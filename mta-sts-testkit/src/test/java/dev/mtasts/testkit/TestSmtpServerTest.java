package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link TestSmtpServer} and each {@link SmtpBehaviour}, observed over real loopback sockets by a bare client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestSmtpServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestCertificateAuthority ca = TestCertificateAuthority.create();
    private final TestSmtpServer server = TestSmtpServer.start(ca);
    private final SmtpBehaviour mx1 = SmtpBehaviour.healthy().withHostName("mx1.example.test");

    @AfterEach
    void close() {
        server.close();
    }

    private SmtpWireClient connect(String address) throws IOException {
        return SmtpWireClient.connect(address, server.port());
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
    void aHealthyServerGreetsOffersStartTlsAndPresentsACertificateForItsName() throws Exception {
        server.host("127.0.1.1", mx1);
        try (SmtpWireClient client = connect("127.0.1.1")) {
            assertThat(client.reply()).containsExactly("220 mx1.example.test ESMTP");
            assertThat(client.commandReply("EHLO probe.example")).containsExactly("250-mx1.example.test Hello"
                    + " probe.example", "250-PIPELINING", "250-8BITMIME", "250 STARTTLS");
            assertThat(client.command("STARTTLS")).isEqualTo("220 2.0.0 Ready to start TLS");

            SSLSocket tls = client.startTls(ca.clientSslContext(), "mx1.example.test");

            assertThat(names(client.peer())).containsExactly("mx1.example.test");
            assertThat(tls.getSession().getProtocol()).startsWith("TLSv1.");
            assertThat(client.commandReply("EHLO probe.example")).as("no STARTTLS once TLS runs")
                    .containsExactly("250-mx1.example.test Hello probe.example", "250-PIPELINING", "250 8BITMIME");
            assertThat(client.command("STARTTLS")).startsWith("503 ");
            assertThat(client.command("NOOP")).startsWith("250 ");
            assertThat(client.command("MAIL FROM:<a@example.test>")).startsWith("502 ");
            assertThat(client.command("QUIT")).isEqualTo("221 2.0.0 Bye");
            assertThat(client.closedByServer()).isTrue();
        }
        SmtpSession session = server.awaitSessions(1, WAIT).get(0);
        assertThat(session.address()).isEqualTo("127.0.1.1");
        assertThat(session.local().getPort()).isEqualTo(server.port());
        assertThat(session.ehloName()).contains("probe.example");
        assertThat(session.commands()).containsExactly("EHLO probe.example", "STARTTLS", "EHLO probe.example",
                "STARTTLS", "NOOP", "MAIL FROM:<a@example.test>", "QUIT");
        assertThat(session.tls()).isTrue();
        assertThat(session.sniHost()).contains("mx1.example.test");
        assertThat(session.tlsProtocol()).hasValueSatisfying(p -> assertThat(p).startsWith("TLSv1."));
        assertThat(session.ending()).contains(SmtpSession.Ending.QUIT);
        assertThat(session.quit()).isTrue();
    }

    @Test
    void everyAddressSharesThePortWithABehaviourOfItsOwn() throws Exception {
        server.host("127.0.1.2", mx1).host("127.0.2.3", mx1.withHostName("mx2.example.test").withoutStartTls());

        assertThat(server.addresses()).containsExactly("127.0.1.2", "127.0.2.3");
        try (SmtpWireClient one = connect("127.0.1.2"); SmtpWireClient two = connect("127.0.2.3")) {
            assertThat(one.reply()).containsExactly("220 mx1.example.test ESMTP");
            assertThat(two.reply()).containsExactly("220 mx2.example.test ESMTP");
            assertThat(one.command("EHLO a.test")).isEqualTo("250 STARTTLS");
            assertThat(two.command("EHLO b.test")).isEqualTo("250 8BITMIME");
        }
        assertThatThrownBy(() -> connect("127.0.1.4")).as("an address not listened on refuses")
                .isInstanceOf(ConnectException.class);
        assertThat(server.behaviour("127.0.2.3")).hasValueSatisfying(b -> assertThat(b.startTlsOffered()).isFalse());
        assertThat(server.behaviour("127.0.1.4")).isEmpty();
    }

    @Test
    void hostingAnAddressAgainReplacesItsBehaviourForNewConnections() throws Exception {
        server.host("127.0.1.5", mx1);
        try (SmtpWireClient before = connect("127.0.1.5")) {
            assertThat(before.reply()).containsExactly("220 mx1.example.test ESMTP");
            server.host("127.0.1.5", mx1.withGreeting(554, "5.7.1 go away"));
            try (SmtpWireClient after = connect("127.0.1.5")) {
                assertThat(after.reply()).containsExactly("554 5.7.1 go away");
            }
            assertThat(before.command("EHLO a.test")).as("the open connection keeps its behaviour")
                    .isEqualTo("250 STARTTLS");
        }
        assertThat(server.addresses()).containsExactly("127.0.1.5");
    }

    @Test
    void ipv6LoopbackServesTheSamePortWithAnotherBehaviour() throws Exception {
        assumeThat(ipv6Loopback()).as("IPv6 loopback (::1) is available").isTrue();
        server.host("127.0.1.6", mx1).host("0:0:0:0:0:0:0:1", mx1.withCertificate(ca.issue("other.example.test")));

        assertThat(server.addresses()).containsExactly("127.0.1.6", "::1");
        try (SmtpWireClient v6 = connect("::1")) {
            assertThat(v6.reply()).containsExactly("220 mx1.example.test ESMTP");
            v6.command("EHLO a.test");
            v6.command("STARTTLS");
            v6.startTls(ca.clientSslContext(), "mx1.example.test");
            assertThat(names(v6.peer())).containsExactly("other.example.test");
            v6.command("QUIT");
        }
        assertThat(server.awaitSessions(1, WAIT).get(0).address()).isEqualTo("::1");
    }

    @Test
    void withoutStartTlsTheExtensionIsNotAdvertisedAndTheCommandIsRefused() throws Exception {
        server.host("127.0.1.7", mx1.withoutStartTls());
        try (SmtpWireClient client = connect("127.0.1.7")) {
            client.reply();
            assertThat(client.commandReply("EHLO a.test")).doesNotContain("250 STARTTLS", "250-STARTTLS");
            assertThat(client.command("STARTTLS")).startsWith("502 ");
            assertThat(client.command("QUIT")).startsWith("221 ");
        }
    }

    @Test
    void aGivenCertificateIsPresentedWhateverTheSni() throws Exception {
        IssuedCertificate wildcard = ca.issue("*.example.test");
        server.host("127.0.1.8", mx1.withCertificate(wildcard));
        try (SmtpWireClient client = connect("127.0.1.8")) {
            client.reply();
            client.command("EHLO a.test");
            client.command("STARTTLS");
            client.startTls(ca.clientSslContext(), "a.mx1.example.test");
            assertThat(client.peer()).isEqualTo(wildcard.certificate());
        }
        assertThat(server.awaitSessions(1, WAIT).get(0).sniHost()).contains("a.mx1.example.test");
    }

    @Test
    void aClientRefusingAnExpiredCertificateEndsTheSessionInATlsFailure() throws Exception {
        server.host("127.0.1.9", mx1.withCertificate(ca.certificate("mx1.example.test").expired().issue()));
        try (SmtpWireClient client = connect("127.0.1.9")) {
            client.reply();
            client.command("EHLO a.test");
            client.command("STARTTLS");
            assertThatThrownBy(() -> client.startTls(ca.clientSslContext(), "mx1.example.test"))
                    .isInstanceOf(SSLException.class);
        }
        SmtpSession session = server.awaitSessions(1, WAIT).get(0);
        assertThat(session.tls()).isFalse();
        assertThat(session.sniHost()).contains("mx1.example.test");
        assertThat(session.ending()).contains(SmtpSession.Ending.TLS_FAILED);
    }

    @Test
    void aSelfSignedCertificateIsNotTrustedByTheAuthoritysRoot() throws Exception {
        server.host("127.0.1.10", mx1.withCertificate(ca.certificate("mx1.example.test").selfSigned().issue()));
        try (SmtpWireClient client = connect("127.0.1.10")) {
            client.reply();
            client.command("EHLO a.test");
            client.command("STARTTLS");
            assertThatThrownBy(() -> client.startTls(ca.clientSslContext(), "mx1.example.test"))
                    .isInstanceOf(SSLException.class);
        }
    }

    @Test
    void a421GreetingClosesTheConnection() throws Exception {
        server.host("127.0.1.11", mx1.withGreeting(421, "4.3.2 busy"));
        try (SmtpWireClient client = connect("127.0.1.11")) {
            assertThat(client.reply()).containsExactly("421 4.3.2 busy");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(server.awaitSessions(1, WAIT).get(0).ending()).contains(SmtpSession.Ending.SERVER_CLOSED);
    }

    @Test
    void a554GreetingRefusesEveryCommandButQuit() throws Exception {
        server.host("127.0.1.12", mx1.withGreeting(554, "5.7.1 no service"));
        try (SmtpWireClient client = connect("127.0.1.12")) {
            assertThat(client.reply()).containsExactly("554 5.7.1 no service");
            assertThat(client.command("EHLO a.test")).startsWith("503 ");
            assertThat(client.command("STARTTLS")).startsWith("503 ");
            assertThat(client.command("QUIT")).startsWith("221 ");
        }
        SmtpSession session = server.awaitSessions(1, WAIT).get(0);
        assertThat(session.commands()).containsExactly("EHLO a.test", "STARTTLS", "QUIT");
        assertThat(session.quit()).isTrue();
    }

    @Test
    void aSlowGreetingComesAfterTheDelay() throws Exception {
        server.host("127.0.1.13", mx1.withGreetingDelay(Duration.ofMillis(600)));
        try (SmtpWireClient client = connect("127.0.1.13")) {
            long start = System.nanoTime();
            client.timeout(200);
            assertThatThrownBy(client::line).isInstanceOf(SocketTimeoutException.class);
            client.timeout(10_000);
            assertThat(client.reply()).containsExactly("220 mx1.example.test ESMTP");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void aMillionLineGreetingEndsWithItsGreetingLine() throws Exception {
        server.host("127.0.1.14", mx1.withGreetingLines(1_000_000));
        try (SmtpWireClient client = connect("127.0.1.14")) {
            List<String> reply = client.reply();
            assertThat(reply).hasSize(1_000_001);
            assertThat(reply.get(0)).isEqualTo("220-mx1.example.test greeting line 1");
            assertThat(reply.get(reply.size() - 1)).isEqualTo("220 mx1.example.test ESMTP");
            assertThat(client.command("EHLO a.test")).isEqualTo("250 STARTTLS");
        }
    }

    @Test
    void anEndlessGreetingNeverEndsAndStopsWhenTheClientHangsUp() throws Exception {
        server.host("127.0.1.15", mx1.withEndlessGreeting());
        try (SmtpWireClient client = connect("127.0.1.15")) {
            long bytes = 0;
            while (bytes < 8L * 1024 * 1024) { // 8 MiB of continuation lines, and still no last line
                String line = client.line();
                assertThat(line).startsWith("220-");
                bytes += line.length() + 2;
            }
        }
        SmtpSession session = server.awaitSessions(1, WAIT).get(0);
        assertThat(session.ending()).hasValueSatisfying(e -> assertThat(e)
                .isIn(SmtpSession.Ending.CONNECTION_ERROR, SmtpSession.Ending.CLIENT_CLOSED));
    }

    @Test
    void aStartTlsRefusalLeavesTheSessionInPlainText() throws Exception {
        server.host("127.0.1.16", mx1.withStartTlsRefused(454, "4.7.0 TLS not available due to local problem"));
        try (SmtpWireClient client = connect("127.0.1.16")) {
            client.reply();
            assertThat(client.command("EHLO a.test")).as("still advertised").isEqualTo("250 STARTTLS");
            assertThat(client.command("STARTTLS")).isEqualTo("454 4.7.0 TLS not available due to local problem");
            assertThat(client.command("QUIT")).startsWith("221 ");
        }
        assertThat(server.awaitSessions(1, WAIT).get(0).tls()).isFalse();
    }

    @Test
    void silenceAfterStartTlsNeverAnswersTheClientHello() throws Exception {
        server.host("127.0.1.17", mx1.withSilenceAfterStartTls());
        try (SmtpWireClient client = connect("127.0.1.17")) {
            client.reply();
            client.command("EHLO a.test");
            assertThat(client.command("STARTTLS")).startsWith("220 ");
            client.timeout(500);
            assertThatThrownBy(() -> client.startTls(ca.clientSslContext(), "mx1.example.test"))
                    .isInstanceOf(SocketTimeoutException.class);
        }
        SmtpSession session = server.awaitSessions(1, WAIT).get(0);
        assertThat(session.sniHost()).contains("mx1.example.test");
        assertThat(session.tls()).isFalse();
    }

    @Test
    void aHandshakeFailureClosesAfterTheClientHello() throws Exception {
        server.host("127.0.1.18", mx1.withHandshakeFailure());
        try (SmtpWireClient client = connect("127.0.1.18")) {
            client.reply();
            client.command("EHLO a.test");
            assertThat(client.command("STARTTLS")).startsWith("220 ");
            assertThatThrownBy(() -> client.startTls(ca.clientSslContext(), "mx1.example.test"))
                    .isInstanceOf(IOException.class);
        }
        SmtpSession session = server.awaitSessions(1, WAIT).get(0);
        assertThat(session.sniHost()).contains("mx1.example.test");
        assertThat(session.ending()).contains(SmtpSession.Ending.SERVER_CLOSED);
    }

    @Test
    void aClientThatHangsUpWithoutQuitIsRecordedSo() throws Exception {
        server.host("127.0.1.19", mx1);
        try (SmtpWireClient client = connect("127.0.1.19")) {
            client.reply();
            client.command("EHLO a.test");
        }
        SmtpSession session = server.awaitSessions(1, WAIT).get(0);
        assertThat(session.quit()).isFalse();
        assertThat(session.ending()).contains(SmtpSession.Ending.CLIENT_CLOSED);
    }

    @Test
    void removeStopsListeningAndClosesTheAddressesConnections() throws Exception {
        server.host("127.0.1.20", mx1).host("127.0.1.21", mx1);
        try (SmtpWireClient gone = connect("127.0.1.20"); SmtpWireClient kept = connect("127.0.1.21")) {
            gone.reply();
            kept.reply();

            server.remove("127.0.1.20");

            assertThat(gone.closedByServer()).isTrue();
            assertThat(kept.command("NOOP")).startsWith("250 ");
            assertThatThrownBy(() -> connect("127.0.1.20")).isInstanceOf(ConnectException.class);
        }
        server.host("127.0.1.20", mx1);
        try (SmtpWireClient again = connect("127.0.1.20")) {
            assertThat(again.reply()).as("the port is free to listen on again").hasSize(1);
        }
        assertThat(server.sessions()).extracting(SmtpSession::ending)
                .contains(java.util.Optional.of(SmtpSession.Ending.STOPPED));
    }

    @Test
    void resetKeepsThePortAndForgetsListenersAndSessions() throws Exception {
        int port = server.port();
        server.host("127.0.1.22", mx1);
        try (SmtpWireClient client = connect("127.0.1.22")) {
            client.reply();
        }
        server.awaitSessions(1, WAIT);

        assertThat(server.reset()).isSameAs(server);

        assertThat(server.port()).isEqualTo(port);
        assertThat(server.addresses()).isEmpty();
        assertThat(server.sessions()).isEmpty();
        assertThatThrownBy(() -> connect("127.0.1.22")).isInstanceOf(ConnectException.class);
        server.host("127.0.1.22", mx1);
        try (SmtpWireClient client = connect("127.0.1.22")) {
            assertThat(client.reply()).hasSize(1);
        }
    }

    @Test
    void aPortTakenOnANewAddressIsSaidClearly() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.1.23", server.port()));
            assertThatThrownBy(() -> server.host("127.0.1.23", mx1)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("127.0.1.23 port " + server.port())
                    .hasMessageContaining("the port is taken on that address");
        }
        assertThat(server.addresses()).isEmpty();
    }

    @Test
    void onlyLoopbackLiteralsAreListenedOn() {
        assertThatThrownBy(() -> server.host("192.0.2.25", mx1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> server.host("localhost", mx1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an IPv4 or IPv6 address literal");
    }

    @Test
    void closeClosesEveryListenerConnectionAndThread() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        TestSmtpServer other = TestSmtpServer.start(ca);
        other.host("127.0.1.24", mx1).host("127.0.1.25", mx1.withSilenceAfterStartTls());
        SmtpWireClient stalled = SmtpWireClient.connect("127.0.1.25", other.port());
        stalled.reply();
        stalled.command("EHLO a.test");
        stalled.command("STARTTLS");
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> !before.contains(t))
                .extracting(Thread::getName).anyMatch(n -> n.contains("-connection-"));

        other.close();

        assertThat(stalled.closedByServer()).isTrue();
        stalled.close();
        for (String address : List.of("127.0.1.24", "127.0.1.25")) {
            assertThatThrownBy(() -> SmtpWireClient.connect(address, other.port()))
                    .isInstanceOf(ConnectException.class);
            try (ServerSocket free = new ServerSocket()) {
                free.bind(new InetSocketAddress(address, other.port()));
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> !before.contains(t))
                .extracting(Thread::getName).noneMatch(n -> n.startsWith("test-smtp-"));
        assertThat(other.sessions()).singleElement().extracting(SmtpSession::ending)
                .isEqualTo(java.util.Optional.of(SmtpSession.Ending.STOPPED));
        assertThatThrownBy(() -> other.host("127.0.1.24", mx1)).isInstanceOf(IllegalStateException.class);
        other.close(); // twice is harmless
    }
}
