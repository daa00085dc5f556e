package dev.mtasts.internal.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousChannelGroup;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the library's network modules share ({@code HttpsPolicyFetcher}, {@code StartTlsProbe}): a small
 * fixed pool named {@code mta-sts-net-io-N} that completes socket I/O for everything in flight, and one timer
 * thread, {@code mta-sts-net-timer-1}, for connect timeouts, reply timeouts and deadlines. All daemon threads,
 * created on first use. (Callers' completions run elsewhere: on each module's callback pool.)
 *
 * <p>Not API: exported only to the library's network modules; may change in any release.
 */
public final class NetworkThreads {

    /** The number of I/O threads: 2 to 4, by the number of CPUs. */
    public static final int IO_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** The start of the I/O threads' names. */
    public static final String IO_PREFIX = "mta-sts-net-io-";
    /** The start of the timer thread's name. */
    public static final String TIMER_PREFIX = "mta-sts-net-timer-";

    private static final AsynchronousChannelGroup GROUP;
    private static final ScheduledExecutorService TIMER;

    static {
        try {
            GROUP = AsynchronousChannelGroup.withFixedThreadPool(IO_THREADS, daemon(IO_PREFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the I/O threads", e);
        }
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon(TIMER_PREFIX));
        timer.setRemoveOnCancelPolicy(true);
        TIMER = Executors.unconfigurableScheduledExecutorService(timer);
    }

    private NetworkThreads() {
    }

    /** @return the group every channel of the library is opened in */
    public static AsynchronousChannelGroup group() {
        return GROUP;
    }

    /** @return the one timer thread; tasks must be short */
    public static ScheduledExecutorService timer() {
        return TIMER;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
