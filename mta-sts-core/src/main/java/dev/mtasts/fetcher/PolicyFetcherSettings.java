package dev.mtasts.fetcher;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings any {@link PolicyFetcher} implementation understands, so that code that cannot name the implementation
 * (the validator's builder, the test sandbox, a command line) can still configure it. Used with
 * {@link PolicyFetcherFactory}.
 *
 * <pre>{@code
 * PolicyFetcherSettings settings = PolicyFetcherSettings.defaults()
 *         .withExtraTrust(List.of(privateRoot))
 *         .withPorts(8443, 8080);
 * }</pre>
 *
 * @param extraTrustedCertificates roots trusted in addition to the JDK's
 * @param httpsPort                the HTTPS port (443 in real life)
 * @param httpPort                 the plain HTTP port of the diagnostic (80 in real life)
 * @param deadline                 the overall deadline of one fetch, or empty for the implementation's default
 * @param plainHttpDiagnostic      when HTTPS fails, also try {@code http://} and report what it serves
 * @since 0.1.0
 */
public record PolicyFetcherSettings(List<X509Certificate> extraTrustedCertificates, int httpsPort, int httpPort,
                                    Optional<Duration> deadline, boolean plainHttpDiagnostic) {

    /** Validates and copies the components. */
    public PolicyFetcherSettings {
        extraTrustedCertificates = List.copyOf(extraTrustedCertificates);
        Objects.requireNonNull(deadline, "deadline");
        if (httpsPort < 1 || httpsPort > 65535 || httpPort < 1 || httpPort > 65535) {
            throw new IllegalArgumentException("ports must be 1-65535: " + httpsPort + ", " + httpPort);
        }
    }

    /** @return the JDK's trust store, ports 443 and 80, default deadline, plain-HTTP diagnostic on */
    public static PolicyFetcherSettings defaults() {
        return new PolicyFetcherSettings(List.of(), 443, 80, Optional.empty(), true);
    }

    /**
     * @param roots roots to trust in addition to the JDK's
     * @return a copy with those roots
     */
    public PolicyFetcherSettings withExtraTrust(List<X509Certificate> roots) {
        return new PolicyFetcherSettings(roots, httpsPort, httpPort, deadline, plainHttpDiagnostic);
    }

    /**
     * @param https the HTTPS port
     * @param http  the plain HTTP port
     * @return a copy with those ports
     */
    public PolicyFetcherSettings withPorts(int https, int http) {
        return new PolicyFetcherSettings(extraTrustedCertificates, https, http, deadline, plainHttpDiagnostic);
    }

    /**
     * @param value the overall deadline of one fetch
     * @return a copy with that deadline
     */
    public PolicyFetcherSettings withDeadline(Duration value) {
        return new PolicyFetcherSettings(extraTrustedCertificates, httpsPort, httpPort, Optional.of(value),
                plainHttpDiagnostic);
    }
}
