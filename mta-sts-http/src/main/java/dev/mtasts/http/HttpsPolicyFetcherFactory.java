package dev.mtasts.http;

import dev.mtasts.fetcher.PolicyFetcherFactory;
import dev.mtasts.fetcher.PolicyFetcherSettings;
import java.util.Objects;

/**
 * Creates {@link HttpsPolicyFetcher}s from {@link PolicyFetcherSettings}; registered for
 * {@link java.util.ServiceLoader} in {@code META-INF/services/dev.mtasts.fetcher.PolicyFetcherFactory}, so that
 * the validator (and the test sandbox) configure the default fetcher without naming this module.
 *
 * <p>Each setting maps to the builder option of the same meaning and every other option keeps its builder
 * default: {@code trustedCertificates} (roots trusted in addition to the JDK's trust store) to
 * {@link HttpsPolicyFetcher.Builder#trustedCertificates}, the ports to
 * {@link HttpsPolicyFetcher.Builder#httpsPort} and {@link HttpsPolicyFetcher.Builder#httpPort}. So
 * {@code create(PolicyFetcherSettings.defaults())} is configured exactly like
 * {@code HttpsPolicyFetcher.builder().build()}, the plain-HTTP diagnostic included. The time a fetch may take
 * comes with each request.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * PolicyFetcher fetcher = new HttpsPolicyFetcherFactory().create(PolicyFetcherSettings.defaults()
 *         .withTrustedCertificates(List.of(root)));
 * // the same as HttpsPolicyFetcher.builder().trustedCertificates(List.of(root)).build()
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HttpsPolicyFetcherFactory implements PolicyFetcherFactory {

    /** For {@link java.util.ServiceLoader}. */
    public HttpsPolicyFetcherFactory() {
    }

    /**
     * @param settings trust and ports
     * @return an {@link HttpsPolicyFetcher} with those settings and every other builder default
     */
    @Override
    public HttpsPolicyFetcher create(PolicyFetcherSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HttpsPolicyFetcher.Builder builder = HttpsPolicyFetcher.builder()
                .httpsPort(settings.httpsPort())
                .httpPort(settings.httpPort());
        if (!settings.trustedCertificates().isEmpty()) {
            builder.trustedCertificates(settings.trustedCertificates());
        }
        return builder.build();
    }
}
