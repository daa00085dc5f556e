package dev.mtasts.resolver;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings any {@link DnsResolver} implementation understands, so that code that cannot name the implementation
 * (the validator's builder, the test sandbox) can still point it somewhere. Used with {@link DnsResolverFactory}.
 *
 * <pre>{@code
 * DnsResolverSettings settings = DnsResolverSettings.defaults()
 *         .withNameservers(List.of(new InetSocketAddress("127.0.0.1", 5353)))
 *         .withTimeout(Duration.ofSeconds(2));
 * }</pre>
 *
 * @param nameservers the servers to ask, in order; empty means the system's configuration
 * @param timeout     the per-query timeout, or empty for the implementation's default
 * @since 0.1.0
 */
public record DnsResolverSettings(List<InetSocketAddress> nameservers, Optional<Duration> timeout) {

    /** Validates and copies the components. */
    public DnsResolverSettings {
        nameservers = List.copyOf(Objects.requireNonNull(nameservers, "nameservers"));
        Objects.requireNonNull(timeout, "timeout");
        timeout.ifPresent(t -> {
            if (t.isZero() || t.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, not " + t);
            }
        });
    }

    /** @return the system's name servers and the implementation's default timeout */
    public static DnsResolverSettings defaults() {
        return new DnsResolverSettings(List.of(), Optional.empty());
    }

    /**
     * @param nameservers the servers to ask
     * @return a copy with those servers
     */
    public DnsResolverSettings withNameservers(List<InetSocketAddress> nameservers) {
        return new DnsResolverSettings(nameservers, timeout);
    }

    /**
     * @param timeout the per-query timeout
     * @return a copy with that timeout
     */
    public DnsResolverSettings withTimeout(Duration timeout) {
        return new DnsResolverSettings(nameservers, Optional.of(Objects.requireNonNull(timeout, "timeout")));
    }
}
