package dev.mtasts.http;

import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.fetcher.PolicyFetcherFactory;
import dev.mtasts.fetcher.PolicyFetcherSettings;

/**
 * Creates {@link HttpsPolicyFetcher}s from {@link PolicyFetcherSettings}; registered for
 * {@link java.util.ServiceLoader} so that {@code MtaStsValidator.builder().trustedCertificates(...)} configures the
 * default fetcher.
 *
 * @since 0.1.0
 */
public final class HttpsPolicyFetcherFactory implements PolicyFetcherFactory {

    /** For {@link java.util.ServiceLoader}. */
    public HttpsPolicyFetcherFactory() {
    }

    @Override
    public PolicyFetcher create(PolicyFetcherSettings settings) {
        HttpsPolicyFetcher.Builder builder = HttpsPolicyFetcher.builder()
                .httpsPort(settings.httpsPort())
                .httpPort(settings.httpPort())
                .plainHttpDiagnostic(settings.plainHttpDiagnostic());
        if (!settings.extraTrustedCertificates().isEmpty()) {
            builder.extraTrustedCertificates(settings.extraTrustedCertificates());
        }
        settings.deadline().ifPresent(builder::deadline);
        return builder.build();
    }
}
