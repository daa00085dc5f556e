package dev.mtasts.fetcher;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Settings any {@link PolicyFetcher} implementation understands, for code that cannot name the implementation:
 * the test sandbox, which configures the default fetcher through {@link PolicyFetcherFactory} without depending on
 * {@code mta-sts-http} (whose own tests use the sandbox). Application code configures {@code HttpsPolicyFetcher}
 * directly. Each setting
 * means what the builder option of the same name means on {@code HttpsPolicyFetcher.Builder}, and
 * {@code factory.create(PolicyFetcherSettings.defaults())} equals {@code HttpsPolicyFetcher.builder().build()}.
 * The time a fetch may take is not a setting: it comes with each {@link PolicyFetchRequest#deadline() request}.
 *
 * <p>An immutable value.
 *
 * <pre>{@code
 * PolicyFetcherSettings settings = PolicyFetcherSettings.defaults()
 *         .withTrustedCertificates(List.of(root))          // a private CA's root, besides the JDK's
 *         .withPorts(8443, 8080);
 * }</pre>
 *
 * @param trustedCertificates roots trusted in addition to the JDK's trust store
 * @param httpsPort           the HTTPS port (443 in real life)
 * @param httpPort            the plain HTTP port of the diagnostic (80 in real life)
 * @since 0.1.0
 */
public record PolicyFetcherSettings(List<X509Certificate> trustedCertificates, int httpsPort, int httpPort) {

    /** Validates and copies the components. */
    public PolicyFetcherSettings {
        Objects.requireNonNull(trustedCertificates, "trustedCertificates");
        trustedCertificates = List.copyOf(trustedCertificates);
        if (httpsPort < 1 || httpsPort > 65535 || httpPort < 1 || httpPort > 65535) {
            throw new IllegalArgumentException("ports must be 1-65535: " + httpsPort + ", " + httpPort);
        }
    }

    /** @return the JDK's trust store only, ports 443 and 80 */
    public static PolicyFetcherSettings defaults() {
        return new PolicyFetcherSettings(List.of(), 443, 80);
    }

    /**
     * @param roots roots to trust in addition to the JDK's
     * @return a copy with those roots
     */
    public PolicyFetcherSettings withTrustedCertificates(List<X509Certificate> roots) {
        Objects.requireNonNull(roots, "roots");
        return new PolicyFetcherSettings(roots, httpsPort, httpPort);
    }

    /**
     * @param https the HTTPS port
     * @param http  the plain HTTP port
     * @return a copy with those ports
     */
    public PolicyFetcherSettings withPorts(int https, int http) {
        return new PolicyFetcherSettings(trustedCertificates, https, http);
    }
}
