package dev.mtasts.smtp;

import dev.mtasts.internal.DaemonPool;
import java.util.concurrent.Executor;

/**
 * Where {@link StartTlsProbe} completes its stages by default, so that callers' callbacks never run on the shared
 * I/O threads: {@code max(2, CPUs)} daemon threads named {@code mta-sts-smtp-callback-N}, made on first use (see
 * {@link DaemonPool} for why not the common pool).
 */
final class SmtpCallbacks {

    static final String THREAD_PREFIX = "mta-sts-smtp-callback-";

    private SmtpCallbacks() {
    }

    static Executor shared() {
        return Lazy.POOL;
    }

    /** The holder idiom: the pool is made when first asked for. */
    private static final class Lazy {
        static final Executor POOL = DaemonPool.create(THREAD_PREFIX);
    }
}
