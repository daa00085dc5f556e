package dev.mtasts.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link TestSmtpServer} address answers: its greeting, its {@code EHLO} reply, its {@code STARTTLS} and its
 * certificate, and the ways real MX hosts get them wrong. Immutable: every {@code with...} method returns a copy.
 * Thread-safe; equal when every part is equal (certificates by identity).
 *
 * <p>{@link #healthy()} is a server an MTA-STS sender delivers to: it greets {@code 220 <host> ESMTP}, answers
 * {@code EHLO} with a multi-line {@code 250} advertising {@code PIPELINING}, {@code 8BITMIME} and {@code STARTTLS},
 * answers {@code STARTTLS} with {@code 220} and a TLS handshake (TLS 1.2 or 1.3) presenting a certificate for its
 * {@linkplain #withHostName host name} from the server's {@link TestCertificateAuthority} (or the one
 * {@linkplain #withCertificate given}), then answers {@code EHLO} again (without {@code STARTTLS}) and {@code QUIT}
 * with {@code 221} and closes. {@code NOOP} and {@code RSET} get {@code 250}; anything else {@code 502}.
 *
 * <pre>{@code
 * TestCertificateAuthority ca = sandbox.authority();
 * SmtpBehaviour good = SmtpBehaviour.healthy().withHostName("mx1.example.test");
 * SmtpBehaviour plain = good.withoutStartTls();                                       // no STARTTLS in EHLO
 * SmtpBehaviour wrongName = good.withCertificate(ca.issue("www.example.test"));
 * SmtpBehaviour expired = good.withCertificate(ca.certificate("mx1.example.test").expired().issue());
 * SmtpBehaviour busy = good.withGreeting(421, "4.3.2 mx1.example.test busy, try later");   // then closes
 * SmtpBehaviour blocked = good.withGreeting(554, "5.7.1 no SMTP service here");          // 503 until QUIT
 * SmtpBehaviour slow = good.withGreetingDelay(Duration.ofSeconds(30));
 * SmtpBehaviour chatty = good.withGreetingLines(1_000_000);      // a million "220-" lines before the greeting
 * SmtpBehaviour endless = good.withEndlessGreeting();             // "220-" lines until the client hangs up
 * SmtpBehaviour refused = good.withStartTlsRefused(454, "4.7.0 TLS not available due to local problem");
 * SmtpBehaviour silent = good.withSilenceAfterStartTls();         // 220, then never a handshake
 * SmtpBehaviour broken = good.withHandshakeFailure();             // reads the ClientHello, then closes
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SmtpBehaviour {

    /** What happens after a {@code 220} to {@code STARTTLS}. */
    enum TlsStart {
        /** A TLS handshake, then SMTP over TLS. */
        HANDSHAKE,
        /** Nothing: the server reads and discards whatever comes, and never answers. */
        SILENCE,
        /** The server reads the ClientHello, then closes the connection. */
        CLOSE_AFTER_CLIENT_HELLO
    }

    private static final SmtpBehaviour HEALTHY = new SmtpBehaviour("localhost", 220, Optional.empty(),
            Duration.ZERO, 0, true, 220, "2.0.0 Ready to start TLS", TlsStart.HANDSHAKE, Optional.empty());

    private final String hostName;
    private final int greetingCode;
    private final Optional<String> greetingText;
    private final Duration greetingDelay;
    private final long greetingLines;
    private final boolean startTlsOffered;
    private final int startTlsCode;
    private final String startTlsText;
    private final TlsStart tlsStart;
    private final Optional<IssuedCertificate> certificate;

    private SmtpBehaviour(String hostName, int greetingCode, Optional<String> greetingText, Duration greetingDelay,
            long greetingLines, boolean startTlsOffered, int startTlsCode, String startTlsText, TlsStart tlsStart,
            Optional<IssuedCertificate> certificate) {
        this.hostName = hostName;
        this.greetingCode = greetingCode;
        this.greetingText = greetingText;
        this.greetingDelay = greetingDelay;
        this.greetingLines = greetingLines;
        this.startTlsOffered = startTlsOffered;
        this.startTlsCode = startTlsCode;
        this.startTlsText = startTlsText;
        this.tlsStart = tlsStart;
        this.certificate = certificate;
    }

    /** @return a server that does everything right, named {@code localhost} until {@link #withHostName} */
    public static SmtpBehaviour healthy() {
        return HEALTHY;
    }

    /**
     * @param name the name the server gives in its greeting and {@code EHLO} reply, and the name on the certificate
     *             it presents unless {@link #withCertificate} gives one
     * @return a copy with that name
     */
    public SmtpBehaviour withHostName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new IllegalArgumentException("a host name is printable ASCII without spaces, not '" + name + "'");
        }
        return new SmtpBehaviour(name, greetingCode, greetingText, greetingDelay, greetingLines, startTlsOffered,
                startTlsCode, startTlsText, tlsStart, certificate);
    }

    /**
     * Greets with another reply. {@code 220} with a text of your own greets normally; {@code 421} closes the
     * connection right after the greeting; any other code (such as {@code 554}, RFC 5321 §3.1) answers every
     * command but {@code QUIT} with {@code 503}.
     *
     * @param code the reply code, 200 to 599
     * @param text the text after the code, such as {@code 5.7.1 no SMTP service here}
     * @return a copy that greets so
     */
    public SmtpBehaviour withGreeting(int code, String text) {
        Objects.requireNonNull(text, "text");
        return new SmtpBehaviour(hostName, replyCode(code), Optional.of(replyText(text)), greetingDelay,
                greetingLines, startTlsOffered, startTlsCode, startTlsText, tlsStart, certificate);
    }

    /**
     * @param delay how long the server waits after accepting a connection before it greets
     * @return a copy that greets that late
     */
    public SmtpBehaviour withGreetingDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a greeting delay cannot be negative: " + delay);
        }
        return new SmtpBehaviour(hostName, greetingCode, greetingText, delay, greetingLines, startTlsOffered,
                startTlsCode, startTlsText, tlsStart, certificate);
    }

    /**
     * Sends a multi-line greeting: this many {@code 220-} continuation lines, then the greeting line itself.
     *
     * @param continuationLines how many lines come before the last one; 0 for a one-line greeting
     * @return a copy with that greeting
     */
    public SmtpBehaviour withGreetingLines(long continuationLines) {
        if (continuationLines < 0) {
            throw new IllegalArgumentException("a greeting cannot have " + continuationLines + " lines");
        }
        return new SmtpBehaviour(hostName, greetingCode, greetingText, greetingDelay, continuationLines,
                startTlsOffered, startTlsCode, startTlsText, tlsStart, certificate);
    }

    /** @return a copy whose greeting never ends: {@code 220-} lines until the client hangs up */
    public SmtpBehaviour withEndlessGreeting() {
        return withGreetingLines(Long.MAX_VALUE);
    }

    /** @return a copy that does not advertise {@code STARTTLS}, and answers the command with {@code 502} */
    public SmtpBehaviour withoutStartTls() {
        return new SmtpBehaviour(hostName, greetingCode, greetingText, greetingDelay, greetingLines, false,
                startTlsCode, startTlsText, tlsStart, certificate);
    }

    /**
     * Advertises {@code STARTTLS} but refuses the command, the session going on in plain text.
     *
     * @param code the reply code, 400 to 599, such as {@code 454}
     * @param text the text after the code, such as {@code 4.7.0 TLS not available due to local problem}
     * @return a copy that refuses so
     */
    public SmtpBehaviour withStartTlsRefused(int code, String text) {
        Objects.requireNonNull(text, "text");
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("a refusal has a 4xx or 5xx code, not " + code);
        }
        return new SmtpBehaviour(hostName, greetingCode, greetingText, greetingDelay, greetingLines, true, code,
                replyText(text), tlsStart, certificate);
    }

    /** @return a copy that answers {@code STARTTLS} with {@code 220}, then never answers the ClientHello */
    public SmtpBehaviour withSilenceAfterStartTls() {
        return withTlsStart(TlsStart.SILENCE);
    }

    /** @return a copy that answers {@code STARTTLS} with {@code 220}, reads the ClientHello, then closes */
    public SmtpBehaviour withHandshakeFailure() {
        return withTlsStart(TlsStart.CLOSE_AFTER_CLIENT_HELLO);
    }

    /**
     * @param certificate what to present after {@code STARTTLS}, whatever name the client sends as SNI: one for
     *                    another name, expired, self-signed, a wildcard, without its chain...
     * @return a copy presenting it
     */
    public SmtpBehaviour withCertificate(IssuedCertificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        return new SmtpBehaviour(hostName, greetingCode, greetingText, greetingDelay, greetingLines, startTlsOffered,
                startTlsCode, startTlsText, tlsStart, Optional.of(certificate));
    }

    /** @return the name in the greeting and {@code EHLO} reply */
    public String hostName() {
        return hostName;
    }

    /** @return the certificate presented; empty when the server issues one for {@link #hostName()} */
    public Optional<IssuedCertificate> certificate() {
        return certificate;
    }

    /** @return true when {@code EHLO} advertises {@code STARTTLS} */
    public boolean startTlsOffered() {
        return startTlsOffered;
    }

    int greetingCode() {
        return greetingCode;
    }

    String greetingText() {
        return greetingText.orElse(hostName + " ESMTP");
    }

    Duration greetingDelay() {
        return greetingDelay;
    }

    long greetingLines() {
        return greetingLines;
    }

    int startTlsCode() {
        return startTlsCode;
    }

    String startTlsText() {
        return startTlsText;
    }

    TlsStart tlsStart() {
        return tlsStart;
    }

    private SmtpBehaviour withTlsStart(TlsStart start) {
        return new SmtpBehaviour(hostName, greetingCode, greetingText, greetingDelay, greetingLines, true, 220,
                HEALTHY.startTlsText, start, certificate);
    }

    private static int replyCode(int code) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("an SMTP reply code is 200 to 599, not " + code);
        }
        return code;
    }

    private static String replyText(String text) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a reply text is one line: " + text.replace("\r", "\\r")
                    .replace("\n", "\\n"));
        }
        return text;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SmtpBehaviour)) {
            return false;
        }
        SmtpBehaviour b = (SmtpBehaviour) o;
        return greetingCode == b.greetingCode && greetingLines == b.greetingLines
                && startTlsOffered == b.startTlsOffered && startTlsCode == b.startTlsCode
                && hostName.equals(b.hostName) && greetingText.equals(b.greetingText)
                && greetingDelay.equals(b.greetingDelay) && startTlsText.equals(b.startTlsText)
                && tlsStart == b.tlsStart && certificate.equals(b.certificate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostName, greetingCode, greetingText, greetingDelay, greetingLines, startTlsOffered,
                startTlsCode, startTlsText, tlsStart, certificate);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("SmtpBehaviour[").append(hostName)
                .append(", greeting ").append(greetingCode);
        greetingText.ifPresent(t -> out.append(" '").append(t).append('\''));
        if (!greetingDelay.isZero()) {
            out.append(" after ").append(greetingDelay);
        }
        if (greetingLines == Long.MAX_VALUE) {
            out.append(", endless");
        } else if (greetingLines > 0) {
            out.append(", ").append(greetingLines).append(" continuation lines");
        }
        if (!startTlsOffered) {
            out.append(", no STARTTLS");
        } else if (startTlsCode != 220) {
            out.append(", STARTTLS refused ").append(startTlsCode);
        } else if (tlsStart != TlsStart.HANDSHAKE) {
            out.append(", STARTTLS then ").append(tlsStart.name().toLowerCase(java.util.Locale.ROOT));
        }
        certificate.ifPresent(c -> out.append(", ").append(c));
        return out.append(']').toString();
    }
}
