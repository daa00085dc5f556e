package dev.mtasts.http;

import dev.mtasts.fetcher.AddressFailure;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.internal.tls.HostCheck;
import dev.mtasts.internal.tls.NetworkThreads;
import dev.mtasts.internal.tls.PlainTransport;
import dev.mtasts.internal.tls.TlsFailures;
import dev.mtasts.internal.tls.TlsTransport;
import dev.mtasts.internal.tls.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fetch over one scheme: tries the addresses in order until one accepts a TCP connection, then does
 * TLS (for HTTPS), sends the request and parses the response under the caps. Every step is asynchronous;
 * when the operation's budget has passed, the connection is closed whatever it is doing and the outcome is
 * {@code TIMEOUT}. A connect attempt waits the connect timeout, or what is left of the budget if that is less.
 *
 * <p>Every I/O callback runs guarded: any exception or error thrown on one ends the fetch at once as a
 * {@code PROTOCOL_ERROR} naming it (never left inside a future until the deadline). Reads loop rather than
 * recurse when data is already there. {@link #cancel()} closes the connection at once. State is guarded by
 * {@code this}.
 */
final class FetchOperation {

    private static final Logger LOG = LoggerFactory.getLogger(HttpsPolicyFetcher.class);
    private static final int MAX_HEAD = 32 * 1024;

    private final FetcherSettings settings;
    private final PolicyFetchRequest request;
    private final boolean tls;
    private final int port;
    private final Duration budget;
    private final String budgetWords;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final CompletableFuture<PolicyFetch> result = new CompletableFuture<>();
    private final List<AddressFailure> failedAddresses = new ArrayList<>();
    private final ResponseParser parser;

    private int nextAddress;
    private AsynchronousSocketChannel channel;
    private InetSocketAddress connectedTo;
    private boolean connectTimedOut;
    private long connectTimeoutMillis;
    private ScheduledFuture<?> connectTimer;
    private ScheduledFuture<?> deadlineTimer;
    private String tlsVersion;
    private String cipherSuite;
    private List<CertificateFacts> certificates = List.of();
    private String phase = "connecting";

    /**
     * @param settings    the fetcher's options
     * @param request     what to fetch
     * @param tls         true for HTTPS, false for the plain-HTTP diagnostic
     * @param budget      the most this operation may take; positive
     * @param budgetWords how a timeout detail names the budget, for example "the fetch budget of 65000 ms"
     */
    FetchOperation(FetcherSettings settings, PolicyFetchRequest request, boolean tls, Duration budget,
            String budgetWords) {
        this(settings, request, tls, budget, budgetWords, new ResponseParser(MAX_HEAD, settings.maxBodySize()));
    }

    /** As above, with the parser given (for tests). */
    FetchOperation(FetcherSettings settings, PolicyFetchRequest request, boolean tls, Duration budget,
            String budgetWords, ResponseParser parser) {
        this.settings = settings;
        this.request = request;
        this.tls = tls;
        this.port = tls ? settings.httpsPort() : settings.httpPort();
        this.budget = budget;
        this.budgetWords = budgetWords;
        this.deadlineNanos = startNanos + budget.toNanos();
        this.parser = parser;
    }

    CompletableFuture<PolicyFetch> start() {
        synchronized (this) {
            if (result.isDone()) {
                return result; // cancelled before it started
            }
            deadlineTimer = NetworkThreads.timer().schedule(this::deadlinePassed,
                    budget.toNanos(), TimeUnit.NANOSECONDS);
            tryNextAddress();
        }
        return result;
    }

    /**
     * Ends the fetch now: closes the connection, stops the timers, and completes the result with a
     * {@link java.util.concurrent.CancellationException}. Does nothing once the fetch has ended.
     */
    synchronized void cancel() {
        if (result.isDone()) {
            return;
        }
        stopTimersAndClose();
        LOG.debug("{}://{}{}: cancelled while {}", scheme(), request.host(), request.path(), phase);
        result.cancel(false);
    }

    /** @return the response bytes consumed so far (HTTP, after TLS), at most the parser's budget */
    synchronized long bytesRead() {
        return parser.consumed();
    }

    /** @return true while a channel of this operation is open (for tests) */
    synchronized boolean channelOpen() {
        return channel != null && channel.isOpen();
    }

    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (Throwable t) { // StackOverflowError and friends included: the fetch must end, not hang
            internalFailure(t);
        }
    }

    private synchronized void internalFailure(Throwable failure) {
        if (result.isDone()) {
            return;
        }
        LOG.debug("{}://{}{}: failed while {}", scheme(), request.host(), request.path(), phase, failure);
        finish(builder(FetchOutcome.PROTOCOL_ERROR).detail("the fetch failed while " + phase + ": "
                + failure.getClass().getSimpleName() + (failure.getMessage() == null ? ""
                        : ": " + failure.getMessage())));
    }

    private synchronized void tryNextAddress() {
        if (result.isDone()) {
            return;
        }
        if (nextAddress == request.addresses().size()) {
            finish(builder(FetchOutcome.CONNECT_FAILURE).detail(connectFailureDetail()));
            return;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            deadlinePassed();
            return;
        }
        InetAddress address = request.addresses().get(nextAddress++);
        InetSocketAddress target = new InetSocketAddress(address, port);
        AsynchronousSocketChannel opened;
        try {
            opened = AsynchronousSocketChannel.open(NetworkThreads.group());
            // the TLS Finished and the request are two small writes: without this, the request waits for an ACK
            opened.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            failedAddresses.add(new AddressFailure(target, "cannot open a socket: " + e.getMessage()));
            tryNextAddress();
            return;
        }
        channel = opened;
        connectTimedOut = false;
        long connectNanos = Math.min(settings.connectTimeout().toNanos(), left);
        connectTimeoutMillis = TimeUnit.NANOSECONDS.toMillis(connectNanos);
        connectTimer = NetworkThreads.timer().schedule(() -> connectTimeoutPassed(opened),
                connectNanos, TimeUnit.NANOSECONDS);
        CompletableFuture<Void> connected = new CompletableFuture<>();
        try {
            opened.connect(target, null, new java.nio.channels.CompletionHandler<Void, Void>() {
                @Override
                public void completed(Void v, Void attachment) {
                    connected.complete(null);
                }

                @Override
                public void failed(Throwable failure, Void attachment) {
                    connected.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) { // for example an address family the host does not support
            connected.completeExceptionally(e);
        }
        connected.whenComplete((v, failure) -> guarded(() -> connectDone(opened, target, failure)));
    }

    private synchronized void connectTimeoutPassed(AsynchronousSocketChannel which) {
        if (which == channel && connectedTo == null && System.nanoTime() - deadlineNanos >= 0) {
            deadlinePassed(); // the budget, not the connect timeout, ran out: that is a TIMEOUT
        } else if (which == channel && connectedTo == null) {
            connectTimedOut = true;
            close(which);
        }
    }

    private synchronized void connectDone(AsynchronousSocketChannel which, InetSocketAddress target,
            Throwable failure) {
        connectTimer.cancel(false);
        if (result.isDone()) {
            close(which);
            return;
        }
        if (failure != null) {
            String reason = connectTimedOut ? "no answer within the connect timeout of "
                    + connectTimeoutMillis + " ms" : TlsFailures.message(failure);
            failedAddresses.add(new AddressFailure(target, reason));
            LOG.debug("{} {}: cannot connect: {}", scheme(), target, reason);
            close(which);
            tryNextAddress();
            return;
        }
        connectedTo = target;
        Transport transport;
        SSLEngine engine = null;
        if (tls) {
            try {
                engine = settings.tls().newEngine(request.host().value());
            } catch (IllegalArgumentException e) {
                // the JDK refuses a server name outside the host-name syntax of RFC 6066 (a label with '_', say)
                close(which);
                finish(builder(FetchOutcome.TLS_FAILURE).tlsFailure(TlsFailureCategory.HANDSHAKE).detail("the name "
                        + request.host() + " cannot be sent as the TLS server name (SNI): " + e.getMessage()
                        + "; it is not a host name, and no public CA issues a certificate for it"));
                return;
            }
            transport = new TlsTransport(which, engine);
            phase = "in the TLS handshake";
        } else {
            transport = new PlainTransport(which);
        }
        SSLEngine handshakeEngine = engine;
        transport.handshake().whenComplete((v, e) -> guarded(() -> handshakeDone(transport, handshakeEngine, e)));
    }

    private synchronized void handshakeDone(Transport transport, SSLEngine engine, Throwable failure) {
        if (result.isDone()) {
            return;
        }
        if (failure != null) {
            TlsFailures.Classified classified = TlsFailures.classify(unwrap(failure));
            certificates = CertificateFacts.ofChain(classified.chain());
            finish(builder(FetchOutcome.TLS_FAILURE).tlsFailure(classified.category()).detail(classified.detail()));
            return;
        }
        if (engine != null) {
            SSLSession session = engine.getSession();
            tlsVersion = session.getProtocol();
            cipherSuite = session.getCipherSuite();
            certificates = CertificateFacts.ofChain(peerChain(session));
            if (settings.tls().checksHostAfterHandshake() && (certificates.isEmpty()
                    || !certificates.get(0).isValidFor(request.host()))) {
                String detail = certificates.isEmpty() ? "the server sent no certificate"
                        : HostCheck.mismatch(certificates.get(0), request.host());
                finish(builder(FetchOutcome.TLS_FAILURE).tlsFailure(TlsFailureCategory.HOSTNAME_MISMATCH)
                        .detail(detail));
                return;
            }
        }
        phase = "sending the request";
        transport.write(ByteBuffer.wrap(requestBytes())).whenComplete((v, e) -> guarded(() -> {
            if (e != null) {
                ioFailed(e);
            } else {
                readLoop(transport);
            }
        }));
    }

    /**
     * Reads until the parser is done. A read that completes at once is handled in this loop, not in a nested
     * callback, so bytes already buffered (a thousand tiny TLS records, say) cost no stack.
     */
    private void readLoop(Transport transport) {
        while (true) {
            synchronized (this) {
                if (result.isDone()) {
                    return;
                }
                phase = parser.headComplete() ? "reading the body" : "waiting for the response";
            }
            CompletableFuture<ByteBuffer> next = transport.read();
            if (!next.isDone()) {
                next.whenComplete((data, e) -> guarded(() -> {
                    if (received(data, e)) {
                        readLoop(transport);
                    }
                }));
                return;
            }
            ByteBuffer data;
            Throwable failure = null;
            try {
                data = next.join();
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                data = null;
                failure = e;
            }
            if (!received(data, failure)) {
                return;
            }
        }
    }

    /** @return true when the parser needs more bytes */
    private synchronized boolean received(ByteBuffer data, Throwable failure) {
        if (result.isDone()) {
            return false;
        }
        if (failure != null) {
            ioFailed(failure);
            return false;
        }
        ResponseParser.Result parsed = data == Transport.EOF ? parser.endOfStream() : parser.feed(data);
        if (parsed == ResponseParser.Result.NEED_MORE) {
            return true;
        }
        finish(fromParser(parsed));
        return false;
    }

    private PolicyFetch.Builder fromParser(ResponseParser.Result parsed) {
        PolicyFetch.Builder b;
        switch (parsed) {
            case TOO_LARGE:
                b = builder(FetchOutcome.TOO_LARGE).detail(parser.problem());
                break;
            case MALFORMED:
                b = builder(FetchOutcome.PROTOCOL_ERROR).detail(parser.problem());
                break;
            default:
                int status = parser.status();
                boolean location = parser.headers().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("location"));
                FetchOutcome outcome = status == 200 ? FetchOutcome.OK
                        : status >= 300 && status < 400 && status != 304 && location ? FetchOutcome.REDIRECT
                        : FetchOutcome.HTTP_STATUS;
                b = builder(outcome);
        }
        if (parser.status() != 0) {
            b.statusCode(parser.status());
        }
        for (Map.Entry<String, String> header : parser.headers()) {
            b.header(header.getKey(), header.getValue());
        }
        return b.body(parser.body());
    }

    private synchronized void ioFailed(Throwable failure) {
        if (result.isDone()) {
            return;
        }
        finish(builder(FetchOutcome.PROTOCOL_ERROR).detail("the connection failed while " + phase + ": "
                + TlsFailures.message(unwrap(failure))));
    }

    private synchronized void deadlinePassed() {
        if (result.isDone()) {
            return;
        }
        finish(builder(FetchOutcome.TIMEOUT).detail("no complete response within " + budgetWords + " ("
                + phase + ")"));
    }

    private PolicyFetch.Builder builder(FetchOutcome outcome) {
        PolicyFetch.Builder b = PolicyFetch.builder(outcome).failedAddresses(failedAddresses)
                .certificates(certificates);
        if (connectedTo != null) {
            b.address(connectedTo);
        }
        if (tlsVersion != null) {
            b.tlsVersion(tlsVersion).cipherSuite(cipherSuite);
        }
        return b;
    }

    private void finish(PolicyFetch.Builder builder) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        PolicyFetch fetch = builder.elapsed(elapsed).build();
        stopTimersAndClose();
        LOG.debug("{}://{}{} via {}: {} in {} ms{}", scheme(), request.host(), request.path(),
                fetch.address().map(Object::toString).orElse("no address"), fetch.outcome(), elapsed.toMillis(),
                fetch.detail().isEmpty() ? "" : " (" + fetch.detail() + ")");
        result.complete(fetch);
    }

    private void stopTimersAndClose() {
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
        }
        if (connectTimer != null) {
            connectTimer.cancel(false);
        }
        if (channel != null) {
            close(channel);
        }
    }

    private String connectFailureDetail() {
        StringBuilder out = new StringBuilder("no address accepted a connection on port " + port + ":");
        for (AddressFailure failure : failedAddresses) {
            out.append(' ').append(failure.address().getAddress().getHostAddress()).append(" (")
                    .append(failure.reason()).append(')');
        }
        return out.toString();
    }

    private byte[] requestBytes() {
        String hostHeader = request.host().value()
                + (port == (tls ? 443 : 80) ? "" : ":" + port);
        String text = "GET " + request.path() + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "User-Agent: " + settings.userAgent() + "\r\n"
                + "Accept: */*\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Cache-Control: no-cache\r\n"
                + "Connection: close\r\n\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private String scheme() {
        return tls ? "https" : "http";
    }

    private static List<X509Certificate> peerChain(SSLSession session) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : session.getPeerCertificates()) {
                if (certificate instanceof X509Certificate) {
                    chain.add((X509Certificate) certificate);
                }
            }
            return chain;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static void close(AsynchronousSocketChannel which) {
        try {
            which.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
