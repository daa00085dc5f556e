package dev.mtasts.http;

import dev.mtasts.internal.tls.TlsSetup;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The options of one {@link HttpsPolicyFetcher}, fixed at build time: a value, so that two fetchers configured
 * alike, by whatever route, have equal settings and the same {@link #toString()}.
 *
 * @param connectTimeout      per address, capped by what is left of the fetch's budget
 * @param maxBodySize         the body cap in bytes
 * @param httpsPort           the HTTPS port
 * @param httpPort            the port of the plain-HTTP diagnostic
 * @param plainHttpDiagnostic whether the diagnostic runs after HTTPS failed
 * @param userAgent           the {@code User-Agent} header
 * @param tls                 what is trusted and how
 * @param callbackExecutor    where returned stages complete
 */
record FetcherSettings(Duration connectTimeout, int maxBodySize, int httpsPort, int httpPort,
        boolean plainHttpDiagnostic, String userAgent, TlsSetup tls, Executor callbackExecutor) {

    /** @return the options in words, the same for equal settings */
    @Override
    public String toString() {
        return "connectTimeout=" + connectTimeout + ", maxBodySize=" + maxBodySize + ", httpsPort=" + httpsPort
                + ", httpPort=" + httpPort + ", plainHttpDiagnostic=" + plainHttpDiagnostic + ", userAgent="
                + userAgent + ", trust=" + tls + ", callbackExecutor=" + executorName();
    }

    private String executorName() {
        return callbackExecutor == CallbackExecutor.get() ? "the shared " + CallbackExecutor.THREAD_PREFIX + "N pool"
                : callbackExecutor.getClass().getName() + "@"
                        + Integer.toHexString(System.identityHashCode(callbackExecutor));
    }
}
