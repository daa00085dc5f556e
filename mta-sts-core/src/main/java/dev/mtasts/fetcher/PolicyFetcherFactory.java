package dev.mtasts.fetcher;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Creates a {@link PolicyFetcher} from {@link PolicyFetcherSettings}. A fetcher module registers one in
 * {@code META-INF/services/dev.mtasts.fetcher.PolicyFetcherFactory} ({@code mta-sts-http} does). It is the one way
 * to the default fetcher: a validator built without {@code fetcher(...)} uses
 * {@code create(PolicyFetcherSettings.defaults())}, and the test sandbox gives it its CA and ports without
 * depending on the module. Implementations must be thread-safe.
 *
 * <pre>{@code
 * PolicyFetcher fetcher = PolicyFetcherFactory.fromServiceLoader().orElseThrow()
 *         .create(PolicyFetcherSettings.defaults().withTrustedCertificates(List.of(root)));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PolicyFetcherFactory {

    /**
     * @param settings how to fetch
     * @return a fetcher with those settings
     */
    PolicyFetcher create(PolicyFetcherSettings settings);

    /** @return the first factory registered on the class path of this interface's class loader */
    static Optional<PolicyFetcherFactory> fromServiceLoader() {
        return ServiceLoader.load(PolicyFetcherFactory.class, PolicyFetcherFactory.class.getClassLoader()).findFirst();
    }
}
