package dev.mtasts.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * SMTP servers on loopback for tests: one port, shared by every address the server listens on, each address with
 * its own {@link SmtpBehaviour}, as an MX probe expects (it connects to one port on every address of every host).
 *
 * <p>{@link #start(TestCertificateAuthority)} picks a port that is free on {@code 127.0.0.1} and {@code ::1} and
 * listens nowhere yet; {@link #host(String, SmtpBehaviour)} listens on a loopback address at that port. On Linux
 * every address of {@code 127.0.0.0/8} can be bound without configuration ({@code 127.0.1.7}, {@code 127.3.0.25});
 * {@code ::1} is the only IPv6 loopback address. Certificates come from the behaviour, or else are issued by the
 * authority for the behaviour's host name on first use.
 *
 * <p>Each accepted connection gets a thread of its own from a pool of daemon threads (at most
 * {@value #MAX_CONNECTIONS} connections at once; beyond that a connection gets {@code 421} and is closed); one
 * thread accepts on every address. Every connection is recorded as an {@link SmtpSession}. Thread-safe: addresses
 * and behaviours can be changed while clients are connected, and a change applies to the connections accepted
 * after it. {@link #close()} closes every listener and connection and returns within a few seconds, whatever the
 * clients do.
 *
 * <pre>{@code
 * TestCertificateAuthority ca = sandbox.authority();
 * try (TestSmtpServer smtp = TestSmtpServer.start(ca)) {
 *     smtp.host("127.0.1.201", SmtpBehaviour.healthy().withHostName("mx1.example.test"))
 *         .host("127.0.1.202", SmtpBehaviour.healthy().withHostName("mx2.example.test").withoutStartTls());
 *     int port = smtp.port();   // the same on both addresses: give it to the probe
 *     // connect to 127.0.1.201:port, EHLO, STARTTLS with SNI mx1.example.test, trusting ca.rootCertificate()
 *     List<SmtpSession> sessions = smtp.sessions();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TestSmtpServer implements AutoCloseable {

    /** The most connections served at once, over all addresses. */
    public static final int MAX_CONNECTIONS = 1024;

    /** How long a connection may stay silent before the server closes it. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final TestCertificateAuthority authority;
    private final int port;
    private final Selector selector;
    private final Thread acceptor;
    private final ExecutorService workers;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Map<InetAddress, Listener> listeners = new ConcurrentHashMap<>();
    private final Set<SmtpConnection> open = ConcurrentHashMap.newKeySet();
    private final List<SessionRecorder> sessions = new ArrayList<>(); // guarded by itself
    private final Map<String, IssuedCertificate> hostCertificates = new ConcurrentHashMap<>();
    private final Map<IssuedCertificate, SSLSocketFactory> factories = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** One address listened on: its channel and its current behaviour. */
    private static final class Listener {
        final InetAddress address;
        final ServerSocketChannel channel;
        volatile SmtpBehaviour behaviour;

        Listener(InetAddress address, ServerSocketChannel channel, SmtpBehaviour behaviour) {
            this.address = address;
            this.channel = channel;
            this.behaviour = behaviour;
        }
    }

    /** Every connection thread the pool made, to wait for them on {@link #close()}. */
    private final java.util.Queue<Thread> workerThreads = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private TestSmtpServer(TestCertificateAuthority authority, int port) throws IOException {
        this.authority = authority;
        this.port = port;
        this.selector = Selector.open();
        int id = SERVERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-smtp-" + id + "-connection-" + threads.incrementAndGet());
            thread.setDaemon(true);
            workerThreads.removeIf(t -> t.getState() == Thread.State.TERMINATED);   // those the pool retired
            workerThreads.add(thread);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, "test-smtp-" + id + "-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /**
     * Starts a server on a port free on {@code 127.0.0.1} (and on {@code ::1} where IPv6 is available), listening
     * on no address yet.
     *
     * @param authority issues the certificates of behaviours without one of their own
     * @return the running server
     * @throws UncheckedIOException when no free port was found
     */
    public static TestSmtpServer start(TestCertificateAuthority authority) {
        Objects.requireNonNull(authority, "authority");
        try {
            return new TestSmtpServer(authority, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a TestSmtpServer on loopback", e);
        }
    }

    /**
     * Listens on a loopback address at {@link #port()} with a behaviour, or gives the address a new behaviour when
     * it is listened on already (connections in progress keep the old one).
     *
     * @param address   a loopback literal: {@code 127.0.1.7} or any other address of {@code 127.0.0.0/8}, or
     *                  {@code ::1}
     * @param behaviour how to answer there
     * @return this server
     * @throws IllegalArgumentException when the address is not a loopback literal
     * @throws UncheckedIOException     when the port is taken on that address (by another program, or another
     *                                  server) or the address cannot be bound here (IPv6 disabled, say)
     * @throws IllegalStateException    when the server is closed
     */
    public TestSmtpServer host(String address, SmtpBehaviour behaviour) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(behaviour, "behaviour");
        InetAddress bind = Loopback.parse(address);
        synchronized (listeners) {
            checkOpen();
            Listener existing = listeners.get(bind);
            if (existing != null) {
                existing.behaviour = behaviour;
                return this;
            }
            ServerSocketChannel channel = bind(bind);
            Listener listener = new Listener(bind, channel, behaviour);
            onSelectorThread(() -> {
                channel.register(selector, SelectionKey.OP_ACCEPT, listener);
                return null;
            });
            listeners.put(bind, listener);
        }
        return this;
    }

    /**
     * @param address a loopback literal
     * @return the behaviour of the address, empty when the server does not listen there
     */
    public Optional<SmtpBehaviour> behaviour(String address) {
        Objects.requireNonNull(address, "address");
        return Optional.ofNullable(listeners.get(Loopback.parse(address))).map(l -> l.behaviour);
    }

    /**
     * Stops listening on an address (connecting there is refused again) and closes its connections; the port stays
     * the server's on its other addresses. Nothing happens when the server does not listen there.
     *
     * @param address a loopback literal
     * @return this server
     */
    public TestSmtpServer remove(String address) {
        Objects.requireNonNull(address, "address");
        InetAddress bind = Loopback.parse(address);
        synchronized (listeners) {
            Listener listener = listeners.remove(bind);
            if (listener != null) {
                unbind(List.of(listener));
                open.stream().filter(c -> c.localAddress().equals(bind)).forEach(SmtpConnection::stop);
            }
        }
        return this;
    }

    /**
     * Stops listening everywhere, closes every connection, and forgets the sessions and the certificates issued:
     * as just started, with the same port and authority. Meant for between tests.
     *
     * @return this server
     */
    public TestSmtpServer reset() {
        synchronized (listeners) {
            List<Listener> all = new ArrayList<>(listeners.values());
            listeners.clear();
            if (!closed) {
                unbind(all);
            }
            open.forEach(SmtpConnection::stop);
        }
        synchronized (sessions) {
            sessions.clear();
        }
        hostCertificates.clear();
        factories.clear();
        return this;
    }

    /** @return the port, the same on every address */
    public int port() {
        return port;
    }

    /** @return the addresses listened on, as given to {@link #host} in canonical form ({@code ::1}, {@code 127.0.1.7}) */
    public List<String> addresses() {
        return listeners.keySet().stream().map(Loopback::text).sorted().toList();
    }

    /** @return the authority that issues certificates for behaviours without one */
    public TestCertificateAuthority authority() {
        return authority;
    }

    /** @return every session so far, oldest first, those still running included (a snapshot) */
    public List<SmtpSession> sessions() {
        synchronized (sessions) {
            return sessions.stream().map(SessionRecorder::snapshot).toList();
        }
    }

    /**
     * Waits until at least {@code count} sessions have ended: a client's {@code QUIT} comes back before the server
     * has recorded the end of the session, so a test that asserts on {@link SmtpSession#ending()} waits here.
     *
     * @param count   how many sessions must have ended
     * @param timeout how long to wait at most
     * @return every session, as {@link #sessions()}
     * @throws IllegalStateException when fewer have ended within the timeout (the message lists the sessions)
     * @throws InterruptedException  when interrupted while waiting
     */
    public List<SmtpSession> awaitSessions(int count, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (sessions) {
            while (sessions.stream().filter(SessionRecorder::ended).count() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("fewer than " + count + " SMTP sessions ended within " + timeout
                            + ": " + sessions());
                }
                TimeUnit.NANOSECONDS.timedWait(sessions, left);
            }
            return sessions();
        }
    }

    /** Stops listening, closes every connection and stops the threads; waits a few seconds at most. */
    @Override
    public void close() {
        synchronized (listeners) {
            if (closed) {
                return;
            }
            closed = true;
            listeners.clear();
        }
        selector.wakeup();
        open.forEach(SmtpConnection::stop);
        workers.shutdownNow();
        try {
            acceptor.join(5_000);
            workers.awaitTermination(5, TimeUnit.SECONDS);
            // the pool terminates as its last task ends, a moment before that thread itself has returned
            for (Thread worker : workerThreads) {
                worker.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TestSmtpServer[port " + port + ", " + addresses() + "]";
    }

    // ---------------------------------------------------------------------------------------- the accepting side

    private ServerSocketChannel bind(InetAddress address) {
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(address, port), 128);
            channel.configureBlocking(false);
            return channel;
        } catch (IOException e) {
            closeQuietly(channel);
            String where = Loopback.text(address) + " port " + port;
            if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
                throw new UncheckedIOException("TestSmtpServer cannot listen on " + where + ": the port is taken on"
                        + " that address (by another program or server). Every address of a TestSmtpServer shares its"
                        + " port; use another address, or start another TestSmtpServer, which picks a new port", e);
            }
            throw new UncheckedIOException("TestSmtpServer cannot listen on " + where + ": the address cannot be"
                    + " bound here (" + e.getMessage() + ")" + (address.getAddress().length == 16
                    ? "; is IPv6 enabled on the loopback interface?" : ""), e);
        }
    }

    /** Closes listeners on the selector thread, which also deregisters them: the port is free when this returns. */
    private void unbind(List<Listener> gone) {
        if (gone.isEmpty()) {
            return;
        }
        onSelectorThread(() -> {
            for (Listener listener : gone) {
                SelectionKey key = listener.channel.keyFor(selector);
                if (key != null) {
                    key.cancel();
                }
                closeQuietly(listener.channel);
            }
            selector.selectNow(); // deregisters the cancelled keys, which closes the sockets for good
            return null;
        });
    }

    private interface SelectorTask {
        Object run() throws IOException;
    }

    private void onSelectorThread(SelectorTask task) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                done.complete(task.run());
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        selector.wakeup();
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while changing the listeners of " + this, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw new UncheckedIOException((IOException) cause);
            }
            throw new IllegalStateException("cannot change the listeners of " + this, cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the accepting thread of " + this + " did not answer", e);
        }
    }

    private void acceptLoop() {
        try {
            while (!closed) {
                selector.select(1_000);
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
                Set<SelectionKey> ready = selector.selectedKeys();
                for (SelectionKey key : ready) {
                    if (key.isValid() && key.isAcceptable()) {
                        acceptAll((Listener) key.attachment());
                    }
                }
                ready.clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            // closing
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key.channel());
            }
            closeQuietly(selector);
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run(); // fails fast on the closed selector: nobody waits ten seconds
            }
        }
    }

    private void acceptAll(Listener listener) {
        while (true) {
            SocketChannel channel;
            try {
                channel = listener.channel.accept();
            } catch (IOException e) {
                return; // closed, or the client gave up before we got to it
            }
            if (channel == null) {
                return;
            }
            serve(listener, channel);
        }
    }

    private void serve(Listener listener, SocketChannel channel) {
        if (closed || open.size() >= MAX_CONNECTIONS) {
            try {
                channel.write(ByteBuffer.wrap("421 4.3.2 testkit: too many connections\r\n"
                        .getBytes(StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                // closing anyway
            }
            closeQuietly(channel);
            return;
        }
        InetSocketAddress local;
        InetSocketAddress remote;
        try {
            channel.configureBlocking(true);
            local = (InetSocketAddress) channel.getLocalAddress();
            remote = (InetSocketAddress) channel.getRemoteAddress();
        } catch (IOException e) {
            closeQuietly(channel);
            return;
        }
        SessionRecorder session = new SessionRecorder(local, remote, this::sessionEnded);
        synchronized (sessions) {
            sessions.add(session);
        }
        SmtpConnection[] self = new SmtpConnection[1];
        SmtpConnection connection = new SmtpConnection(channel.socket(), listener.behaviour, this::tlsFactory,
                session, IDLE_TIMEOUT, () -> open.remove(self[0]));
        self[0] = connection;
        open.add(connection);
        try {
            workers.execute(connection);
        } catch (RejectedExecutionException e) {
            open.remove(connection);
            closeQuietly(channel);
            session.end(SmtpSession.Ending.STOPPED);
        }
    }

    private void sessionEnded() {
        synchronized (sessions) {
            sessions.notifyAll();
        }
    }

    // ----------------------------------------------------------------------------------------------------- TLS

    private SSLSocketFactory tlsFactory(SmtpBehaviour behaviour) {
        IssuedCertificate certificate = behaviour.certificate()
                .orElseGet(() -> hostCertificates.computeIfAbsent(behaviour.hostName(), h -> authority.issue(h)));
        return factories.computeIfAbsent(certificate, c -> {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                // whatever the SNI, the one certificate (and no PKCS#12 round trip, which costs tens of milliseconds)
                context.init(new KeyManager[] {new TlsSniKeyManager(alias -> c)}, null, null);
                return context.getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot build the server SSLContext for " + c, e);
            }
        });
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    /**
     * @return a port free on 127.0.0.1, and on ::1 too where IPv6 loopback works, so that one port serves both
     */
    private static int freePort() throws IOException {
        InetAddress v4 = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        InetAddress v6 = InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        boolean ipv6 = canBind(v6, 0);
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocketChannel probe = ServerSocketChannel.open()) {
                probe.bind(new InetSocketAddress(v4, 0));
                int port = ((InetSocketAddress) probe.getLocalAddress()).getPort();
                if (!ipv6 || canBind(v6, port)) {
                    return port;
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw last != null ? last : new BindException("no port free on both 127.0.0.1 and ::1 in 20 attempts");
    }

    private static boolean canBind(InetAddress address, int port) {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
