package dev.mtasts;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Where a {@link Validator} assembles its reports unless told otherwise: one pool shared by every validator of the
 * JVM, {@code max(2, CPUs)} daemon threads named {@code mta-sts-validator-N}, created on first use.
 *
 * <p>Not {@link ForkJoinPool#commonPool()}: on a machine with two CPUs or fewer its parallelism is 1, and then
 * {@code CompletableFuture} runs every task handed to the common pool on a new thread, which a validator keeping
 * thousands of validations in flight must not do.
 */
final class DefaultExecutor {

    private DefaultExecutor() {
    }

    static Executor get() {
        return Holder.POOL;
    }

    private static final class Holder {
        static final ForkJoinPool POOL = new ForkJoinPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()),
                pool -> {
                    ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                    t.setName("mta-sts-validator-" + t.getPoolIndex());
                    t.setDaemon(true);
                    return t;
                },
                null,
                true);
    }
}
