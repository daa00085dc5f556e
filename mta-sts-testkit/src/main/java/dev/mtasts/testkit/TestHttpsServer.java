package dev.mtasts.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * An HTTPS and plain-HTTP server on loopback for tests: it picks its certificate by SNI and its response by
 * host, and can misbehave the ways real policy hosts do (see {@link HttpResponse}): slow, endless, reset or
 * raw responses, TLS records of one byte, a handshake that stalls half-way. It counts what it sent per host
 * ({@link #bytesSent(String)}) and the connections still open ({@link #openConnections()}).
 *
 * <p>It listens on two ephemeral ports of one loopback address: {@link #httpsPort()} and {@link #httpPort()}.
 * Over HTTPS the host is the SNI name (or {@code localhost} without SNI); over plain HTTP it is the
 * {@code Host} header. A host without a configured certificate gets a valid one from the authority on first
 * use; a host without a configured response gets a 404. Each connection serves one request and is closed.
 *
 * <p>It can listen on more loopback addresses at the same two ports ({@link #listenAlsoOn(String)}), as a policy
 * host behind a CDN or an anycast set-up has several addresses, and a client that connects to one port on every
 * address expects. Every address serves the same responses and certificates, except what is set for one address
 * alone ({@link #respondAt}, {@link #certificateAt}): so two addresses can disagree on purpose.
 *
 * <p>Thread-safe: configure responses and certificates while it runs. It uses a bounded pool of
 * {@value #WORKER_THREADS} worker threads plus two acceptor threads; {@link #close()} closes every connection
 * and returns within a few seconds, whatever the clients do.
 *
 * <pre>{@code
 * TestCertificateAuthority ca = TestCertificateAuthority.create();
 * try (TestHttpsServer server = TestHttpsServer.start(ca)) {
 *     server.respond("mta-sts.good.test", HttpResponse.ok("text/plain", text))
 *           .certificate("mta-sts.expired.test", ca.certificate("mta-sts.expired.test").expired().issue())
 *           .respond("mta-sts.expired.test", HttpResponse.ok("text/plain", text));
 *     // connect to server.address():server.httpsPort() with SNI mta-sts.good.test, trusting ca.rootCertificate()
 *     server.respondAt("127.0.0.2", "mta-sts.good.test", HttpResponse.status(404));   // one address disagrees
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TestHttpsServer implements AutoCloseable {

    /** The most connections served at once; further connections wait for a free worker. */
    public static final int WORKER_THREADS = 32;

    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final TestCertificateAuthority authority;
    private final TlsSniKeyManager keyManager;
    private final Site primary;
    private final Map<InetAddress, Site> sites = new ConcurrentHashMap<>();
    private final int id;
    private final ExecutorService workers;
    private final List<Thread> acceptors = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Map<String, HttpResponse> responses = new ConcurrentHashMap<>();
    private final Map<String, HttpResponse> plainResponses = new ConcurrentHashMap<>();
    private final List<HttpRecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private TestHttpsServer(TestCertificateAuthority authority, InetAddress bind) throws IOException {
        this.authority = Objects.requireNonNull(authority, "authority");
        if (!Objects.requireNonNull(bind, "bind").isLoopbackAddress()) {
            throw new IllegalArgumentException(bind + " is not a loopback address");
        }
        this.keyManager = new TlsSniKeyManager(host -> this.authority.issue(host));
        this.id = SERVERS.incrementAndGet();
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, daemon("test-https-" + id + "-worker-"));
        ServerSocket https = new ServerSocket(0, 256, bind);
        ServerSocket http;
        try {
            http = new ServerSocket(0, 256, bind);
        } catch (IOException e) {
            closeQuietly(https);
            workers.shutdownNow();
            throw e;
        }
        this.primary = new Site(bind, https, http);
        sites.put(bind, primary);
        startAcceptors(primary);
    }

    /**
     * Starts a server on {@code 127.0.0.1}.
     *
     * @param authority issues certificates for hosts without a configured one
     * @return the running server
     * @throws IOException if the ports cannot be bound
     */
    public static TestHttpsServer start(TestCertificateAuthority authority) throws IOException {
        Objects.requireNonNull(authority, "authority");
        return start(authority, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    }

    /**
     * Starts a server on a given loopback address (for example {@code 127.0.0.2} or {@code ::1}).
     *
     * @param authority issues certificates for hosts without a configured one
     * @param bind a loopback address
     * @return the running server
     * @throws IOException if the ports cannot be bound
     * @throws IllegalArgumentException if {@code bind} is not a loopback address
     */
    public static TestHttpsServer start(TestCertificateAuthority authority, InetAddress bind) throws IOException {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(bind, "bind");
        return new TestHttpsServer(authority, bind);
    }

    /**
     * Sets the response for a host, over HTTPS and (unless {@link #respondPlainHttp} overrides it) plain HTTP.
     *
     * @param host the host name (SNI or {@code Host} header), any case
     * @param response what to answer
     * @return this server
     */
    public TestHttpsServer respond(String host, HttpResponse response) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(response, "response");
        responses.put(key(host), response);
        return this;
    }

    /**
     * Sets the response for a host over plain HTTP only.
     *
     * @param host the {@code Host} header name, any case
     * @param response what to answer on {@link #httpPort()}
     * @return this server
     */
    public TestHttpsServer respondPlainHttp(String host, HttpResponse response) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(response, "response");
        plainResponses.put(key(host), response);
        return this;
    }

    /**
     * Listens on one more loopback address, at the same {@link #httpsPort()} and {@link #httpPort()}, serving what
     * every address serves; nothing happens when the server listens there already. The address keeps listening
     * until the server is closed ({@link #reset()} leaves it, with what it serves by default).
     *
     * <pre>{@code
     * TestHttpsServer server = sandbox.httpsServer();
     * server.listenAlsoOn("127.0.0.2").listenAlsoOn("127.0.0.3");
     * System.out.println(server.addresses());   // [/127.0.0.1, /127.0.0.2, /127.0.0.3]
     * }</pre>
     *
     * @param address a loopback literal: an address of {@code 127.0.0.0/8} (any of them can be bound on Linux
     *                without configuration), or {@code ::1}
     * @return this server
     * @throws IllegalArgumentException when the address is not a loopback literal
     * @throws UncheckedIOException     when one of the two ports is taken on that address (by another program) or
     *                                  the address cannot be bound here (IPv6 disabled, say)
     * @throws IllegalStateException    when the server is closed
     */
    public TestHttpsServer listenAlsoOn(String address) {
        Objects.requireNonNull(address, "address");
        site(Loopback.parse(address));
        return this;
    }

    /** @return every address the server listens on, the first one first */
    public List<InetAddress> addresses() {
        List<InetAddress> out = new ArrayList<>();
        out.add(primary.address);
        sites.keySet().stream().filter(a -> !a.equals(primary.address)).sorted(
                Comparator.comparing(Loopback::text)).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * Sets the HTTPS response for a host at one address only, listening there first when the server does not yet
     * ({@link #listenAlsoOn(String)}); the host's other addresses keep the response of {@link #respond}. Plain
     * HTTP is the same on every address.
     *
     * <pre>{@code
     * TestHttpsServer server = sandbox.httpsServer();
     * server.respond("mta-sts.cdn.test", HttpResponse.ok("text/plain", text))
     *       .respondAt("127.0.0.2", "mta-sts.cdn.test", HttpResponse.status(404));   // a stale edge
     * }</pre>
     *
     * @param address  a loopback literal
     * @param host     the SNI host name, any case
     * @param response what to answer there
     * @return this server
     * @throws IllegalArgumentException when the address is not a loopback literal
     * @throws UncheckedIOException     when the address cannot be listened on (see {@link #listenAlsoOn(String)})
     */
    public TestHttpsServer respondAt(String address, String host, HttpResponse response) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(response, "response");
        site(Loopback.parse(address)).responses.put(key(host), response);
        return this;
    }

    /**
     * Sets the certificate presented for an SNI host name at one address only, listening there first when the
     * server does not yet; the host's other addresses keep the certificate of {@link #certificate} (or the one
     * issued on first use).
     *
     * <pre>{@code
     * TestHttpsServer server = sandbox.httpsServer();
     * TestCertificateAuthority ca = sandbox.authority();
     * server.certificateAt("127.0.0.2", "mta-sts.cdn.test", ca.certificate("mta-sts.cdn.test").expired().issue());
     * }</pre>
     *
     * @param address     a loopback literal
     * @param host        the SNI host name, any case
     * @param certificate the certificate and chain to present there
     * @return this server
     * @throws IllegalArgumentException when the address is not a loopback literal
     * @throws UncheckedIOException     when the address cannot be listened on (see {@link #listenAlsoOn(String)})
     */
    public TestHttpsServer certificateAt(String address, String host, IssuedCertificate certificate) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(certificate, "certificate");
        site(Loopback.parse(address)).certificates.put(key(host), certificate);
        return this;
    }

    /**
     * Sets the certificate presented when a client sends this host as SNI.
     *
     * @param host the SNI host name, any case
     * @param certificate the certificate and chain to present
     * @return this server
     */
    public TestHttpsServer certificate(String host, IssuedCertificate certificate) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(certificate, "certificate");
        keyManager.put(key(host), certificate);
        return this;
    }

    /**
     * Forgets what was set for a host: its response over HTTPS and plain HTTP (it answers 404 again) and its
     * certificate (the next handshake gets a new valid one from the authority), on every address.
     *
     * @param host the host name, any case
     * @return this server
     */
    public TestHttpsServer forget(String host) {
        Objects.requireNonNull(host, "host");
        String key = key(host);
        responses.remove(key);
        plainResponses.remove(key);
        keyManager.remove(key);
        sites.values().forEach(site -> site.forget(key));
        return this;
    }

    /**
     * Forgets every host's responses and certificates (those of single addresses too) and the recorded requests,
     * as a server just started; the ports, the authority and the addresses listened on stay. Meant for between
     * tests, not while clients are connected.
     *
     * @return this server
     */
    public TestHttpsServer reset() {
        responses.clear();
        plainResponses.clear();
        keyManager.clear();
        sites.values().forEach(Site::clear);
        requests.clear();
        sent.clear();
        return this;
    }

    /** @return true when a plain-HTTP response was set for the host */
    boolean hasPlainHttpResponse(String host) {
        return plainResponses.containsKey(key(host));
    }

    /** @return the loopback address the server was started on */
    public InetAddress address() {
        return primary.address;
    }

    /** @return the HTTPS port, the same on every address */
    public int httpsPort() {
        return primary.https.getLocalPort();
    }

    /** @return the plain-HTTP port, the same on every address */
    public int httpPort() {
        return primary.http.getLocalPort();
    }

    /** @return the authority that issues default certificates */
    public TestCertificateAuthority authority() {
        return authority;
    }

    /** @return the requests received so far, on every address, oldest first (a snapshot; see {@link HttpRecordedRequest#local()}) */
    public List<HttpRecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** @return the number of requests received so far */
    public int requestCount() {
        return requests.size();
    }

    /**
     * The response bytes (HTTP, before TLS) this server handed to its sockets for a host so far: a bound on
     * what a client can have read. A client that stops reading stops it from growing by much more than the
     * sockets' buffers (a few MiB on loopback).
     *
     * <pre>{@code
     * TestHttpsServer server = sandbox.httpsServer();
     * fetcher.fetch(PolicyFetchRequest.of(DomainName.of("mta-sts.example.com"),
     *         List.of(InetAddress.getLoopbackAddress()))).toCompletableFuture().join();
     * assertThat(server.bytesSent("mta-sts.example.com")).isLessThan(16 << 20);
     * }</pre>
     *
     * @param host the host name (SNI or {@code Host} header), any case
     * @return the bytes written so far; 0 for a host never asked for
     */
    public long bytesSent(String host) {
        Objects.requireNonNull(host, "host");
        LongAdder counter = sent.get(key(host));
        return counter == null ? 0 : counter.sum();
    }

    /**
     * The connections accepted and not yet closed: a client that closes its connection is seen here as soon as
     * the server notices (while it waits before answering, writes, or stalls a handshake, at once).
     *
     * <pre>{@code
     * // not compiled: a test's last step, with the test's own future and Awaitility's await()
     * future.cancel(true);
     * await().until(() -> server.openConnections() == 0);
     * }</pre>
     *
     * @return the number of open connections
     */
    public int openConnections() {
        return open.size();
    }

    /** Stops listening, closes every connection and stops the threads; waits at most a few seconds. */
    @Override
    public void close() {
        synchronized (sites) {
            closed = true;
        }
        sites.values().forEach(site -> {
            closeQuietly(site.https);
            closeQuietly(site.http);
        });
        open.forEach(TestHttpsServer::closeQuietly);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            for (Thread acceptor : acceptors) {
                acceptor.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the site of an address, listening there first when the server does not yet */
    private Site site(InetAddress address) {
        Site existing = sites.get(address);
        if (existing != null) {
            return existing;
        }
        synchronized (sites) {
            if (closed) {
                throw new IllegalStateException("the server is closed");
            }
            existing = sites.get(address);
            if (existing != null) {
                return existing;
            }
            ServerSocket https = null;
            try {
                https = bound(address, httpsPort());
                ServerSocket http = bound(address, httpPort());
                Site site = new Site(address, https, http);
                sites.put(address, site);
                startAcceptors(site);
                return site;
            } catch (IOException e) {
                if (https != null) {
                    closeQuietly(https);
                }
                throw new UncheckedIOException("cannot listen on " + Loopback.text(address) + " at ports "
                        + httpsPort() + " and " + httpPort() + " (taken there, or the address cannot be bound"
                        + " here): " + e.getMessage(), e);
            }
        }
    }

    private static ServerSocket bound(InetAddress address, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), 256);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private void startAcceptors(Site site) {
        String where = site == primary ? "" : "-" + Loopback.text(site.address).replace(':', '_');
        startAcceptor(site, true, "test-https-" + id + where + "-accept-tls");
        startAcceptor(site, false, "test-https-" + id + where + "-accept-plain");
    }

    private void startAcceptor(Site site, boolean tls, String name) {
        Thread thread = new Thread(() -> accept(site, tls), name);
        thread.setDaemon(true);
        acceptors.add(thread);
        thread.start();
    }

    private void accept(Site site, boolean tls) {
        ServerSocket listener = tls ? site.https : site.http;
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(socket); // the raw socket: closing it ends a TLS connection in any state
            if (closed) {
                closeQuietly(socket);
                return;
            }
            try {
                workers.execute(new HttpConnection(socket, tls ? site.tlsFactory : null,
                        host -> site.response(key(host)), request -> responseFor(site, request), requests::add,
                        this::counter, () -> open.remove(socket)));
            } catch (RejectedExecutionException e) {
                open.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    private LongAdder counter(String host) {
        return sent.computeIfAbsent(key(host), h -> new LongAdder());
    }

    private HttpResponse responseFor(Site site, HttpRecordedRequest request) {
        String host = request.host().orElse(TlsSniKeyManager.NO_SNI);
        HttpResponse plain = request.tls() ? null : plainResponses.get(host);
        if (plain != null) {
            return plain;
        }
        HttpResponse response = request.tls() ? site.response(host) : responses.get(host);
        return response != null ? response : HttpResponse.status(404);
    }

    /**
     * One address listened on: its two listeners, and what it serves differently from the others (HTTPS responses
     * and certificates by host), over the server's own.
     */
    private final class Site {
        final InetAddress address;
        final ServerSocket https;
        final ServerSocket http;
        final Map<String, HttpResponse> responses = new ConcurrentHashMap<>();
        final TlsSniKeyManager certificates = TlsSniKeyManager.overlay(host -> keyManager.certificateFor(host));
        final SSLSocketFactory tlsFactory;

        Site(InetAddress address, ServerSocket https, ServerSocket http) {
            this.address = address;
            this.https = https;
            this.http = http;
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(new KeyManager[] {certificates}, null, null);
                this.tlsFactory = context.getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot build the server SSLContext", e);
            }
        }

        /** @return the HTTPS response for a host (a key) here, or null when none is set */
        HttpResponse response(String host) {
            HttpResponse own = responses.get(host);
            return own != null ? own : TestHttpsServer.this.responses.get(host);
        }

        void forget(String host) {
            responses.remove(host);
            certificates.remove(host);
        }

        void clear() {
            responses.clear();
            certificates.clear();
        }
    }

    private static String key(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
