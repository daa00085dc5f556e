package dev.mtasts.examples.serve;

import com.sun.net.httpserver.HttpServer;
import dev.mtasts.ValidationListener;
import dev.mtasts.Validator;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The web server of {@code mta-sts serve}: the JDK's {@link HttpServer}, a fixed pool of daemon threads (enough
 * for every request allowed to wait for a check, and some for the page), and the {@link Router}. Started by
 * {@link #start}, stopped by {@link #close()}.
 *
 * <pre>{@code
 * try (CheckServer server = CheckServer.start(ServerSettings.defaults(),
 *         listener -> MtaStsValidator.builder().listener(listener).build())) {
 *     System.out.println(server.uri());   // http://127.0.0.1:8080/
 * }
 * }</pre>
 */
final class CheckServer implements AutoCloseable {

    /** Threads beyond the waiting requests', for the page, its files and refusals. */
    static final int SPARE_THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;
    private final LiveChecks checks;

    private CheckServer(HttpServer server, ExecutorService executor, LiveChecks checks) {
        this.server = server;
        this.executor = executor;
        this.checks = checks;
    }

    /**
     * Starts a server.
     *
     * @param settings      where to listen and what to allow
     * @param validatorWith builds the validator around the listener the server gives it (so each step can be
     *                      streamed); its address policy is the caller's choice (keep the default publicOnly for a
     *                      server that faces anyone)
     * @return the running server
     * @throws IOException when the address cannot be listened on
     */
    static CheckServer start(ServerSettings settings, Function<ValidationListener, Validator> validatorWith)
            throws IOException {
        LiveChecks checks = new LiveChecks(validatorWith, settings.maxInFlight(), settings.reuseFor(),
                System::nanoTime);
        Admission admission = new Admission(new RateLimiter(settings.burst(), settings.refill(), System::nanoTime),
                settings.maxWaiting());
        Router router = new Router(StaticFiles.load(), new Endpoints(checks, admission, settings.examples()),
                new EventStream(checks, admission));
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        ExecutorService executor = Executors.newFixedThreadPool(settings.maxWaiting() + SPARE_THREADS,
                daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();
        return new CheckServer(server, executor, checks);
    }

    /** @return the address and port listened on */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** @return the page's address, such as {@code http://127.0.0.1:8080/} */
    URI uri() {
        InetSocketAddress a = address();
        String host = a.getAddress() instanceof Inet6Address ? "[" + a.getAddress().getHostAddress() + "]"
                : a.getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** @return validations in flight now */
    int inFlight() {
        return checks.inFlight();
    }

    /** Stops listening and ends every open stream. */
    @Override
    public void close() {
        executor.shutdownNow();
        server.stop(0);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mta-sts-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
