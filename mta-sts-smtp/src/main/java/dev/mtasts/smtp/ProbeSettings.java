package dev.mtasts.smtp;

import dev.mtasts.internal.tls.TlsSetup;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The options of one {@link StartTlsProbe}, fixed at build time: a value, so that probes configured alike, by the
 * builder or the factory, are equal and print the same.
 *
 * @param port             the SMTP port
 * @param ehloName         the argument of {@code EHLO}
 * @param connectTimeout   per address, capped by what is left of the request's deadline
 * @param replyTimeout     per SMTP reply and for the TLS handshake, capped likewise
 * @param maxReplyBytes    the cap on the bytes read from one address before TLS
 * @param tls              what is trusted
 * @param callbackExecutor where returned stages complete
 */
record ProbeSettings(int port, String ehloName, Duration connectTimeout, Duration replyTimeout, int maxReplyBytes,
        TlsSetup tls, Executor callbackExecutor) {

    /** @return the options in words, the same for equal settings */
    @Override
    public String toString() {
        String executor = callbackExecutor == SmtpCallbacks.shared()
                ? "the shared " + SmtpCallbacks.THREAD_PREFIX + "N pool"
                : callbackExecutor.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(callbackExecutor));
        return "port=" + port + ", ehloName=" + ehloName + ", connectTimeout=" + connectTimeout + ", replyTimeout="
                + replyTimeout + ", maxReplyBytes=" + maxReplyBytes + ", trust=" + tls + ", callbackExecutor="
                + executor;
    }
}
