package dev.mtasts;

import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.fetcher.PolicyFetcherFactory;
import dev.mtasts.fetcher.PolicyFetcherSettings;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.DnsResolverFactory;
import dev.mtasts.resolver.DnsResolverSettings;

/**
 * Finds the default {@link DnsResolver}, {@link PolicyFetcher} and MX probe on the class path: the one way to the defaults.
 * Each network module registers one factory ({@code mta-sts-dns}: {@code DnsjavaResolverFactory},
 * {@code mta-sts-http}: {@code HttpsPolicyFetcherFactory}) with {@link java.util.ServiceLoader}; the default is
 * what that factory makes of the default settings, which is, by contract, what the implementation's own
 * {@code builder().build()} makes.
 */
final class DefaultProviders {

    private DefaultProviders() {
    }

    static DnsResolver resolver() {
        return DnsResolverFactory.fromServiceLoader()
                .orElseThrow(() -> new IllegalStateException("no DnsResolver: add dev.mtasts:mta-sts-dns to the"
                        + " class path, or call resolver(...) on the builder"))
                .create(DnsResolverSettings.defaults());
    }

    static PolicyFetcher fetcher() {
        return PolicyFetcherFactory.fromServiceLoader()
                .orElseThrow(() -> new IllegalStateException("no PolicyFetcher: add dev.mtasts:mta-sts-http to the"
                        + " class path, or call fetcher(...) on the builder"))
                .create(PolicyFetcherSettings.defaults());
    }

    /** @return the probe {@code mta-sts-smtp} registers, with its defaults; empty when no probe module is present */
    static java.util.Optional<dev.mtasts.probe.MxTlsProbe> mxProbe() {
        return dev.mtasts.probe.MxTlsProbeFactory.fromServiceLoader()
                .map(factory -> factory.create(dev.mtasts.probe.MxProbeSettings.defaults()));
    }
}
