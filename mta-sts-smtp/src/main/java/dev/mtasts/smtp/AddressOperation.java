package dev.mtasts.smtp;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.internal.Quoting;
import dev.mtasts.internal.tls.CategorisedCertificateException;
import dev.mtasts.internal.tls.HostCheck;
import dev.mtasts.internal.tls.NetworkThreads;
import dev.mtasts.internal.tls.ObservedHandshake;
import dev.mtasts.internal.tls.PlainTransport;
import dev.mtasts.internal.tls.TlsFailures;
import dev.mtasts.internal.tls.TlsTransport;
import dev.mtasts.internal.tls.Transport;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.ProbeOutcome;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probe of one address: connect, greeting, {@code EHLO}, {@code STARTTLS}, the TLS handshake, the certificate
 * check, {@code QUIT}. Every step is asynchronous and has one timer, its own timeout or what is left of the
 * request's deadline if that is less; when it fires the channel is closed whatever it is doing. The channel is
 * closed before the result completes, on every path. State is guarded by {@code this}.
 */
final class AddressOperation {

    private static final Logger LOG = LoggerFactory.getLogger(StartTlsProbe.class);
    /** The most a polite {@code QUIT} may take once the outcome is known. */
    private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(2);

    /** The steps, each with the words a timeout detail uses. */
    private enum Step {
        CONNECT("the connection attempt"),
        GREETING("the greeting"),
        EHLO("the reply to EHLO"),
        STARTTLS("the reply to STARTTLS"),
        HANDSHAKE("the TLS handshake"),
        QUIT("QUIT");

        final String words;

        Step(String words) {
            this.words = words;
        }
    }

    private final ProbeSettings settings;
    private final DomainName host;
    private final InetAddress address;
    private final Duration deadline;
    private final long deadlineNanos;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<AddressProbe> result = new CompletableFuture<>();
    private final ReplyReader reader;

    private AsynchronousSocketChannel channel;
    private ScheduledFuture<?> timer;
    private int armed;
    private boolean ending;
    private PlainTransport plain;
    private String greeting;
    private List<String> extensions = List.of();
    private String tlsVersion;
    private String cipherSuite;
    private List<X509Certificate> chain = List.of();
    private String injection = "";

    /**
     * @param settings      the probe's options
     * @param host          the MX host: the SNI name and the name the certificate must be valid for
     * @param address       the one address to connect to
     * @param deadline      the request's deadline, for the words of a detail
     * @param deadlineNanos when it passes, in {@link System#nanoTime()} terms
     */
    AddressOperation(ProbeSettings settings, DomainName host, InetAddress address, Duration deadline,
            long deadlineNanos) {
        this.settings = settings;
        this.host = host;
        this.address = address;
        this.deadline = deadline;
        this.deadlineNanos = deadlineNanos;
        this.reader = new ReplyReader(settings.maxReplyBytes());
    }

    /** @return completes, never exceptionally for a network fault, once the channel is closed */
    synchronized CompletableFuture<AddressProbe> start() {
        InetSocketAddress target = new InetSocketAddress(address, settings.port());
        try {
            channel = AsynchronousSocketChannel.open(NetworkThreads.group());
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            end(AddressProbe.builder(address, ProbeOutcome.CONNECT_FAILED)
                    .detail("cannot open a socket: " + TlsFailures.message(e)));
            return result;
        }
        arm(Step.CONNECT, settings.connectTimeout());
        AsynchronousSocketChannel opened = channel;
        try {
            opened.connect(target, null, new CompletionHandler<Void, Void>() {
                @Override
                public void completed(Void v, Void attachment) {
                    connected(null);
                }

                @Override
                public void failed(Throwable failure, Void attachment) {
                    connected(failure);
                }
            });
        } catch (RuntimeException e) { // an address family this host does not support, say
            connected(e);
        }
        return result;
    }

    private synchronized void connected(Throwable failure) {
        if (ending) {
            return;
        }
        if (failure != null) {
            String where = "port " + settings.port() + " of " + address.getHostAddress();
            String detail = failure instanceof ConnectException
                    ? where + " refused the connection: nothing listens there, or a firewall rejects it"
                    : "cannot connect to " + where + ": " + TlsFailures.message(failure);
            end(AddressProbe.builder(address, ProbeOutcome.CONNECT_FAILED).detail(detail));
            return;
        }
        plain = new PlainTransport(channel);
        arm(Step.GREETING, settings.replyTimeout());
        awaitReply(Step.GREETING, this::greeted);
    }

    private void greeted(SmtpReply reply) {
        greeting = Quoting.printable(reply.firstLine(), SmtpReply.QUOTE_LIMIT, true);
        if (!reply.isPositive()) {
            quit(plain, builder(ProbeOutcome.GREETING_REJECTED).detail("the server greeted with " + reply.quoted() + " instead of 220, so no mail is"
                            + " accepted on this connection" + (reply.code() == 421 || reply.code() == 554
                                    ? " (possibly only from the address this check ran from)" : "")));
            return;
        }
        send(Step.EHLO, "EHLO " + settings.ehloName(), this::ehloReplied);
    }

    private void ehloReplied(SmtpReply reply) {
        if (!reply.isPositive()) {
            quit(plain, builder(ProbeOutcome.NO_STARTTLS).detail("the server refused EHLO with " + reply.quoted()
                    + "; a sender then falls back to HELO, which has no STARTTLS"));
            return;
        }
        List<String> keywords = new ArrayList<>();
        for (String line : reply.lines().subList(1, reply.lines().size())) {
            String keyword = line.strip().split(" ", 2)[0].toUpperCase(Locale.ROOT);
            if (keyword.matches("[A-Z0-9][A-Z0-9-]{0,63}") && !keywords.contains(keyword)) {
                keywords.add(keyword);
            }
        }
        extensions = List.copyOf(keywords);
        if (!extensions.contains("STARTTLS")) {
            quit(plain, builder(ProbeOutcome.NO_STARTTLS).detail("the server does not offer STARTTLS: its EHLO"
                    + " reply lists " + (extensions.isEmpty() ? "no extension" : Quoting.list(extensions, 12))));
            return;
        }
        send(Step.STARTTLS, "STARTTLS", this::startTlsReplied);
    }

    private void startTlsReplied(SmtpReply reply) {
        if (reply.code() != 220) {
            quit(plain, builder(ProbeOutcome.NO_STARTTLS).detail("the server offers STARTTLS but answered it with "
                    + reply.quoted() + " instead of 220"));
            return;
        }
        byte[] early = reader.discardPending();
        if (early.length > 0) {
            injection = "the server sent " + early.length + " bytes after its 220 reply to STARTTLS and before the"
                    + " TLS handshake ('" + Quoting.printable(new String(early, StandardCharsets.ISO_8859_1), 60, true)
                    + "'), which were discarded: a client that read them as part of the TLS session would be open"
                    + " to STARTTLS command injection";
            LOG.debug("{} {}: {}", host, address.getHostAddress(), injection);
        }
        ObservedHandshake handshake;
        try {
            handshake = settings.tls().observingEngine(host.value());
        } catch (IllegalArgumentException e) { // not sendable as SNI (RFC 6066), a label with '_' say
            end(builder(ProbeOutcome.TLS_FAILED).tlsFailure(TlsFailureCategory.HANDSHAKE).detail("the name " + host
                    + " cannot be sent as the TLS server name (SNI): " + e.getMessage()));
            return;
        }
        TlsTransport tls = new TlsTransport(channel, handshake.engine());
        arm(Step.HANDSHAKE, settings.replyTimeout());
        tls.handshake().whenComplete((v, failure) -> handshakeDone(tls, handshake, failure));
    }

    private synchronized void handshakeDone(TlsTransport tls, ObservedHandshake handshake, Throwable failure) {
        if (ending) {
            return;
        }
        if (failure != null) {
            chain = handshake.chain();
            Throwable cause = unwrap(failure);
            String detail = cause instanceof EOFException
                    ? "the server closed the connection during the TLS handshake"
                    : "the TLS handshake failed: " + TlsFailures.message(cause);
            end(builder(ProbeOutcome.TLS_FAILED).tlsFailure(TlsFailureCategory.HANDSHAKE).detail(detail));
            return;
        }
        SSLSession session = tls.engine().getSession();
        tlsVersion = session.getProtocol();
        cipherSuite = session.getCipherSuite();
        chain = peerChain(session, handshake.chain());
        AddressProbe.Builder verdict;
        if (handshake.refusal().isPresent()) {
            CategorisedCertificateException refusal = handshake.refusal().get();
            verdict = builder(ProbeOutcome.TLS_FAILED).tlsFailure(refusal.category()).detail(refusal.getMessage());
        } else if (chain.isEmpty()) {
            verdict = builder(ProbeOutcome.TLS_FAILED).tlsFailure(TlsFailureCategory.UNTRUSTED)
                    .detail("the server sent no certificate");
        } else if (!CertificateFacts.of(chain.get(0)).isValidFor(host)) {
            verdict = builder(ProbeOutcome.TLS_FAILED).tlsFailure(TlsFailureCategory.HOSTNAME_MISMATCH)
                    .detail(HostCheck.mismatch(CertificateFacts.of(chain.get(0)), host));
        } else {
            verdict = builder(ProbeOutcome.STARTTLS_OK);
        }
        quit(tls, verdict);
    }

    /** Reads until a whole reply is at hand, then hands it on; under the lock. */
    private void awaitReply(Step step, Consumer<SmtpReply> then) {
        switch (reader.next()) {
            case COMPLETE:
                then.accept(reader.reply());
                return;
            case TOO_LONG:
                tooLong(step);
                return;
            case MALFORMED:
                malformed(step);
                return;
            default:
                plain.read().whenComplete((data, failure) -> received(step, then, data, failure));
        }
    }

    private synchronized void received(Step step, Consumer<SmtpReply> then, ByteBuffer data, Throwable failure) {
        if (ending) {
            return;
        }
        if (failure != null || data == Transport.EOF) {
            String how = failure == null ? "closed the connection" : "broke the connection ("
                    + TlsFailures.message(unwrap(failure)) + ")";
            if (step == Step.GREETING) {
                end(builder(ProbeOutcome.GREETING_REJECTED).detail("the server accepted the connection but " + how
                        + " before its greeting was complete"));
            } else {
                end(builder(ProbeOutcome.NO_STARTTLS).detail("the server " + how + " instead of sending "
                        + step.words));
            }
            return;
        }
        reader.feed(data);
        awaitReply(step, then);
    }

    private void send(Step step, String command, Consumer<SmtpReply> then) {
        arm(step, settings.replyTimeout());
        plain.write(ByteBuffer.wrap((command + "\r\n").getBytes(StandardCharsets.US_ASCII)))
                .whenComplete((v, failure) -> sent(step, then, failure));
    }

    private synchronized void sent(Step step, Consumer<SmtpReply> then, Throwable failure) {
        if (ending) {
            return;
        }
        if (failure != null) {
            received(step, then, null, failure);
            return;
        }
        awaitReply(step, then);
    }

    private void tooLong(Step step) {
        String detail = step.words.substring(0, 1).toUpperCase(Locale.ROOT) + step.words.substring(1)
                + " was cut off after " + reader.received() + " bytes (the cap on what is read before TLS) and "
                + reader.linesInReply() + " lines without its last line: the server sends a reply that does not end";
        end(step == Step.GREETING ? builder(ProbeOutcome.GREETING_REJECTED).detail(detail)
                : builder(ProbeOutcome.NO_STARTTLS).detail(detail));
    }

    private void malformed(Step step) {
        String detail = step.words.substring(0, 1).toUpperCase(Locale.ROOT) + step.words.substring(1)
                + " is not an SMTP reply: '" + Quoting.printable(reader.badLine(), SmtpReply.QUOTE_LIMIT, true)
                + "' (is this port an SMTP server?)";
        end(step == Step.GREETING ? builder(ProbeOutcome.GREETING_REJECTED).detail(detail)
                : builder(ProbeOutcome.NO_STARTTLS).detail(detail));
    }

    /** Schedules the one timer of a step: its own timeout, or what is left of the deadline if that is less. */
    private void arm(Step step, Duration timeout) {
        if (timer != null) {
            timer.cancel(false);
        }
        int generation = ++armed;
        long left = deadlineNanos - System.nanoTime();
        long nanos = Math.max(0, Math.min(timeout.toNanos(), left));
        boolean byDeadline = left < timeout.toNanos();
        timer = NetworkThreads.timer().schedule(() -> timedOut(generation, step, Duration.ofNanos(nanos), byDeadline),
                nanos, TimeUnit.NANOSECONDS);
    }

    private synchronized void timedOut(int generation, Step step, Duration waited, boolean byDeadline) {
        if (generation != armed || result.isDone() || (ending && step != Step.QUIT)) {
            return;
        }
        if (step == Step.QUIT) {
            close(); // the outcome is known; the server was slow to take the QUIT
            return;
        }
        String within = byDeadline ? "within " + words(waited) + ", what was left of the probe's deadline of "
                + words(deadline) : "within " + words(waited);
        if (step == Step.CONNECT) {
            end(AddressProbe.builder(address, ProbeOutcome.CONNECT_FAILED).connected(false)
                    .detail("no answer to the connection attempt " + within + ": port " + settings.port()
                            + " may be blocked on this network"));
            return;
        }
        String detail = step == Step.GREETING
                ? "the server accepted the connection but sent no complete greeting " + within
                : step == Step.HANDSHAKE ? "the TLS handshake did not complete " + within
                : "the server sent no complete reply to " + (step == Step.EHLO ? "EHLO " : "STARTTLS ") + within;
        end(builder(ProbeOutcome.TIMEOUT).detail(detail));
    }

    /**
     * Sends {@code QUIT} and waits for the server's answer (RFC 5321 §4.1.1.10: the client should wait for the
     * reply before closing), then, over TLS, sends {@code close_notify}; all of it briefly bounded. Then ends with
     * this outcome, which is known already: whatever the server does now does not change it.
     */
    private void quit(Transport transport, AddressProbe.Builder outcome) {
        ending = true;
        AddressProbe probe = built(outcome);
        arm(Step.QUIT, QUIT_TIMEOUT);
        CompletableFuture<?> sent = transport.write(ByteBuffer.wrap("QUIT\r\n".getBytes(StandardCharsets.US_ASCII)))
                .thenCompose(v -> transport.read()); // the 221, or the end of the stream: either will do
        if (transport instanceof TlsTransport) {
            sent = sent.thenCompose(v -> ((TlsTransport) transport).closeOutbound());
        }
        sent.whenComplete((v, failure) -> {
            synchronized (this) {
                if (timer != null) {
                    timer.cancel(false);
                }
                close();
                complete(probe);
            }
        });
        // a QUIT that hangs: the timer closes the channel, which fails the write, which completes
    }

    /** Closes the channel and completes with this outcome. */
    private void end(AddressProbe.Builder outcome) {
        ending = true;
        if (timer != null) {
            timer.cancel(false);
        }
        close();
        complete(built(outcome));
    }

    private void complete(AddressProbe probe) {
        if (result.isDone()) {
            return;
        }
        LOG.debug("{} {} port {}: {} in {} ms{}", host, address.getHostAddress(), settings.port(), probe.outcome(),
                probe.elapsed().toMillis(), probe.detail().isEmpty() ? "" : " (" + probe.detail() + ")");
        result.complete(probe);
    }

    private AddressProbe.Builder builder(ProbeOutcome outcome) {
        return AddressProbe.builder(address, outcome);
    }

    /** Adds what was seen so far and the note on early bytes to the outcome. */
    private AddressProbe built(AddressProbe.Builder outcome) {
        outcome.extensions(extensions).chain(chain).elapsed(Duration.ofNanos(System.nanoTime() - startNanos));
        if (greeting != null) {
            outcome.greeting(greeting);
        }
        if (tlsVersion != null) {
            outcome.tlsVersion(tlsVersion).cipherSuite(cipherSuite);
        }
        AddressProbe probe = outcome.build();
        if (!injection.isEmpty()) {
            return outcome.detail(probe.detail().isEmpty() ? injection : probe.detail() + "; also, " + injection)
                    .build();
        }
        return probe;
    }

    private void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }

    private static List<X509Certificate> peerChain(SSLSession session, List<X509Certificate> recorded) {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate certificate : session.getPeerCertificates()) {
                if (certificate instanceof X509Certificate) {
                    out.add((X509Certificate) certificate);
                }
            }
            return out;
        } catch (SSLPeerUnverifiedException e) {
            return recorded;
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** @return "10 s", "2.5 s" or "300 ms" */
    static String words(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
