package dev.mtasts.http;

import dev.mtasts.internal.DaemonPool;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

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
    static final int THREADS = DaemonPool.THREADS;

    private CallbackExecutor() {
    }

    static Executor get() {
        return Holder.POOL;
    }

    private static final class Holder {
        static final ForkJoinPool POOL = DaemonPool.create(THREAD_PREFIX);
    }
}
