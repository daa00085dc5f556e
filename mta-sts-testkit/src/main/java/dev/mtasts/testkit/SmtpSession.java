package dev.mtasts.testkit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SMTP connection a {@link TestSmtpServer} accepted, as far as it had got when the snapshot was taken: which
 * address took it, what the client said, whether TLS ran and how the session ended. Immutable value.
 *
 * <pre>{@code
 * try (TestSmtpServer server = TestSmtpServer.start(sandbox.authority())) {
 *     server.host("127.0.1.250", SmtpBehaviour.healthy());
 *     try (Socket client = new Socket("127.0.1.250", server.port())) {
 *         client.getOutputStream().write("EHLO probe.example\r\nQUIT\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
 *         client.getInputStream().readAllBytes();           // the server closes after 221
 *     }
 *     SmtpSession session = server.awaitSessions(1, Duration.ofSeconds(5)).get(0);
 *     assertThat(session.address()).isEqualTo("127.0.1.250");
 *     assertThat(session.ehloName()).contains("probe.example");
 *     assertThat(session.commands()).containsExactly("EHLO probe.example", "QUIT");
 *     assertThat(session.ending()).contains(SmtpSession.Ending.QUIT);
 * }
 * }</pre>
 *
 * @param local       the server's address and port that accepted the connection
 * @param remote      the client's address and port
 * @param ehloName    the name the client gave in its first {@code EHLO} (or {@code HELO})
 * @param commands    the command lines received, in order, without CRLF (the first 1000, each cut at 512 characters)
 * @param tls         true when a TLS handshake completed
 * @param sniHost     the SNI host name the client sent in its ClientHello, lower case, even when the handshake then
 *                    failed
 * @param tlsProtocol the TLS protocol negotiated, such as {@code TLSv1.3}
 * @param ending      how the session ended; empty while it runs
 * @since 0.1.0
 */
public record SmtpSession(InetSocketAddress local, InetSocketAddress remote, Optional<String> ehloName,
        List<String> commands, boolean tls, Optional<String> sniHost, Optional<String> tlsProtocol,
        Optional<Ending> ending) {

    /** How a session ended. */
    public enum Ending {
        /** The client sent {@code QUIT} and got {@code 221}: a clean end. */
        QUIT,
        /** The client closed the connection without {@code QUIT}. */
        CLIENT_CLOSED,
        /** The TLS handshake failed: the client refused the certificate, or hung up in the middle. */
        TLS_FAILED,
        /** The behaviour closed the connection: a {@code 421} greeting, a handshake failure, a line too long. */
        SERVER_CLOSED,
        /** The client sent nothing for {@link TestSmtpServer#IDLE_TIMEOUT}. */
        TIMEOUT,
        /** An I/O error, such as a connection reset by the client. */
        CONNECTION_ERROR,
        /** The server was closed, reset, or stopped listening on the address, while the session ran. */
        STOPPED
    }

    /** Validates and copies. */
    public SmtpSession {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(ehloName, "ehloName");
        commands = List.copyOf(Objects.requireNonNull(commands, "commands"));
        Objects.requireNonNull(sniHost, "sniHost");
        Objects.requireNonNull(tlsProtocol, "tlsProtocol");
        Objects.requireNonNull(ending, "ending");
    }

    /** @return the server address that accepted the connection, as {@link TestSmtpServer#addresses()} gives it */
    public String address() {
        return Loopback.text(local.getAddress());
    }

    /** @return true when the client ended the session with {@code QUIT} */
    public boolean quit() {
        return ending.filter(e -> e == Ending.QUIT).isPresent();
    }

    /** @return true once the session has ended */
    public boolean ended() {
        return ending.isPresent();
    }
}
