package dev.mtasts.http;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The executor on which {@link HttpsPolicyFetcher} completes its stages unless told otherwise: one pool shared by
 * every fetcher of this module, {@code max(2, CPUs)} daemon threads named {@code mta-sts-http-callback-N},
 * created on first use.
 *
 * <p>Not {@link ForkJoinPool#commonPool()}: on a machine with two CPUs or fewer (a small container) the common
 * pool has a parallelism of one, so every caller's callback would queue behind one thread, and
 * {@code CompletableFuture}'s own asynchronous methods start a new thread per task instead. Neither suits a
 * validator keeping thousands of fetches in flight.
 */
final class CallbackExecutor {

    static final String THREAD_PREFIX = "mta-sts-http-callback-";
    static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private CallbackExecutor() {
    }

    static Executor get() {
        return Holder.POOL;
    }

    private static final class Holder {
        static final ForkJoinPool POOL = new ForkJoinPool(THREADS, pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(THREAD_PREFIX + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, null, true);
    }
}
