package dev.mtasts.dns;

import dev.mtasts.internal.DaemonPool;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The executor {@link DnsjavaResolver} uses unless told otherwise: one shared pool of daemon threads,
 * {@code max(2, CPUs)} of them, named {@code mta-sts-dns-worker-N}, created on first use.
 *
 * <p>Not {@link ForkJoinPool#commonPool()}: on a machine with fewer than three CPUs (a small container)
 * {@code CompletableFuture} swaps the common pool for a new thread per task, which is exactly what a
 * resolver keeping thousands of look-ups in flight must not do.
 */
final class DefaultExecutor {

    private DefaultExecutor() {
    }

    static Executor get() {
        return Holder.POOL;
    }

    private static final class Holder {
        static final ForkJoinPool POOL = DaemonPool.create("mta-sts-dns-worker-");
    }
}
