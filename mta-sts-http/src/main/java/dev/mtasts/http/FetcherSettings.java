package dev.mtasts.http;

import java.time.Duration;

/** The options of one {@link HttpsPolicyFetcher}, fixed at build time. */
record FetcherSettings(Duration connectTimeout, Duration deadline, int maxBodySize, int httpsPort, int httpPort,
        boolean plainHttpDiagnostic, String userAgent, TlsSetup tls) {

    /** The longest the plain-HTTP diagnostic may take, whatever the fetch's own deadline. */
    static final Duration PLAIN_HTTP_PROBE_LIMIT = Duration.ofSeconds(5);

    /**
     * The settings of the plain-HTTP diagnostic: a quarter of the fetch's deadline, 5 seconds at most, so that a
     * firewalled port 80 delays the answer a little and never hides the HTTPS outcome.
     */
    FetcherSettings forPlainHttpProbe() {
        Duration quarter = deadline.dividedBy(4);
        Duration limit = quarter.compareTo(PLAIN_HTTP_PROBE_LIMIT) < 0 ? quarter : PLAIN_HTTP_PROBE_LIMIT;
        Duration connect = connectTimeout.compareTo(limit) < 0 ? connectTimeout : limit;
        return new FetcherSettings(connect, limit, maxBodySize, httpsPort, httpPort, false, userAgent, tls);
    }
}
