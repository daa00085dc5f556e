package dev.mtasts;

import dev.mtasts.internal.DaemonPool;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

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
        static final ForkJoinPool POOL = DaemonPool.create("mta-sts-validator-");
    }
}
