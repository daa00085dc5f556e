package dev.mtasts.http;

import java.time.Duration;

/** The options of one {@link HttpsPolicyFetcher}, fixed at build time. */
record FetcherSettings(Duration connectTimeout, Duration deadline, int maxBodySize, int httpsPort, int httpPort,
        boolean plainHttpDiagnostic, String userAgent, TlsSetup tls) {
}
