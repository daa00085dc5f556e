package dev.mtasts.resolver;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Creates a {@link DnsResolver} from {@link DnsResolverSettings}. A resolver module registers one in
 * {@code META-INF/services/dev.mtasts.resolver.DnsResolverFactory} ({@code mta-sts-dns} does). It is the one way
 * to the default resolver: a validator built without {@code resolver(...)} uses
 * {@code create(DnsResolverSettings.defaults())}, and the test sandbox points it at its DNS server without
 * depending on the module. Implementations must be thread-safe.
 *
 * <pre>{@code
 * DnsResolver resolver = DnsResolverFactory.fromServiceLoader().orElseThrow()
 *         .create(DnsResolverSettings.defaults().withNameservers(List.of(new InetSocketAddress("9.9.9.9", 53))));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DnsResolverFactory {

    /**
     * @param settings where and how to resolve
     * @return a resolver with those settings
     */
    DnsResolver create(DnsResolverSettings settings);

    /** @return the first factory registered on the class path of this interface's class loader */
    static Optional<DnsResolverFactory> fromServiceLoader() {
        return ServiceLoader.load(DnsResolverFactory.class, DnsResolverFactory.class.getClassLoader()).findFirst();
    }
}
