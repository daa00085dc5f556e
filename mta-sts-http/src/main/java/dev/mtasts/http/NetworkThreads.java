package dev.mtasts.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousChannelGroup;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every {@link HttpsPolicyFetcher} shares: a small fixed pool that completes socket I/O for all
 * fetches in flight, and one timer thread for connect timeouts and time budgets. All daemon threads.
 * (Callers' completions run elsewhere: see {@link CallbackExecutor}.)
 */
final class NetworkThreads {

    static final int IO_THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private static final AsynchronousChannelGroup GROUP;
    private static final ScheduledExecutorService TIMER;

    static {
        try {
            GROUP = AsynchronousChannelGroup.withFixedThreadPool(IO_THREADS, daemon("mta-sts-http-io-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the I/O threads", e);
        }
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("mta-sts-http-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        TIMER = Executors.unconfigurableScheduledExecutorService(timer);
    }

    private NetworkThreads() {
    }

    static AsynchronousChannelGroup group() {
        return GROUP;
    }

    static ScheduledExecutorService timer() {
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
