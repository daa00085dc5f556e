package dev.mtasts.resolver;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings any {@link DnsResolver} implementation understands, for code that cannot name the implementation: the
 * test sandbox, which points the default resolver at its DNS server through {@link DnsResolverFactory} without
 * depending on {@code mta-sts-dns} (whose own tests use the sandbox). Each setting means what the option of the
 * same name means on {@code DnsjavaResolver.Builder}, and {@code factory.create(DnsResolverSettings.defaults())}
 * equals {@code DnsjavaResolver.builder().build()}. Application code configures {@code DnsjavaResolver} directly.
 *
 * <p>An immutable value.
 *
 * <pre>{@code
 * DnsResolverSettings settings = DnsResolverSettings.defaults()
 *         .withNameservers(List.of(new InetSocketAddress("127.0.0.1", 5353)))
 *         .withTimeout(Duration.ofSeconds(2));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DnsResolverSettings {

    private static final DnsResolverSettings DEFAULTS = new DnsResolverSettings(List.of(), Optional.empty());

    private final List<InetSocketAddress> nameservers;
    private final Optional<Duration> timeout;

    private DnsResolverSettings(List<InetSocketAddress> nameservers, Optional<Duration> timeout) {
        this.nameservers = nameservers;
        this.timeout = timeout;
    }

    /** @return the system's name servers and the implementation's default per-query timeout */
    public static DnsResolverSettings defaults() {
        return DEFAULTS;
    }

    /** @return the servers to ask, in order; empty means the system's configuration */
    public List<InetSocketAddress> nameservers() {
        return nameservers;
    }

    /** @return the per-query timeout, or empty for the implementation's default */
    public Optional<Duration> timeout() {
        return timeout;
    }

    /**
     * @param nameservers the servers to ask, in order
     * @return a copy with those servers
     */
    public DnsResolverSettings withNameservers(List<InetSocketAddress> nameservers) {
        return new DnsResolverSettings(List.copyOf(Objects.requireNonNull(nameservers, "nameservers")), timeout);
    }

    /**
     * @param timeout the per-query timeout
     * @return a copy with that timeout
     * @throws IllegalArgumentException when not positive
     */
    public DnsResolverSettings withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        return new DnsResolverSettings(nameservers, Optional.of(timeout));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsResolverSettings other && nameservers.equals(other.nameservers)
                && timeout.equals(other.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nameservers, timeout);
    }

    @Override
    public String toString() {
        return "DnsResolverSettings[nameservers=" + nameservers + ", timeout=" + timeout + "]";
    }
}
