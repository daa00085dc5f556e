package dev.mtasts.internal;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The pools the library completes its asynchronous work on: {@code max(2, CPUs)} daemon threads named
 * {@code <prefix>N}, in asynchronous (FIFO) mode. The validator, {@code DnsjavaResolver} and
 * {@code HttpsPolicyFetcher} each keep one, created on first use, instead of {@link ForkJoinPool#commonPool()}: on
 * a machine with two CPUs or fewer the common pool has a parallelism of one, and {@code CompletableFuture} then runs
 * every task handed to it on a new thread, which a library keeping thousands of validations in flight must not do.
 * Not API: this package is exported only to the library's own modules and may change in any release.
 */
public final class DaemonPool {

    /** How many threads each pool has. */
    public static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private DaemonPool() {
    }

    /**
     * @param threadPrefix the start of each thread's name, such as {@code mta-sts-validator-}
     * @return a new pool of {@link #THREADS} daemon threads
     */
    public static ForkJoinPool create(String threadPrefix) {
        Objects.requireNonNull(threadPrefix, "threadPrefix");
        return new ForkJoinPool(THREADS, pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(threadPrefix + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, null, true);
    }
}
