package dev.mtasts;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides which resolved addresses the validator may connect to. Applications embed the validator behind web
 * forms where anyone can type any domain, and a domain can point {@code mta-sts.<domain>} at an internal address;
 * so by default ({@link #publicOnly()}) the validator refuses loopback, private (RFC 1918), link-local, unique-local
 * (fc00::/7), site-local, CGNAT (100.64.0.0/10), benchmarking (198.18.0.0/15 and 2001:2::/48), IETF protocol
 * assignments (192.0.0.0/24 and 2001::/23, Teredo included), documentation (192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24, 2001:db8::/32, 3fff::/20), the deprecated 6to4 relay anycast (192.88.99.0/24), discard-only
 * (100::/64), SRv6 SIDs (5f00::/16), multicast, unspecified, reserved and broadcast addresses: every block that IANA's
 * special-purpose address registries do not mark globally reachable; and those IPv4 addresses when embedded in
 * IPv6 (IPv4-mapped {@code ::ffff:0:0/96}, NAT64 {@code 64:ff9b::/96} and {@code 64:ff9b:1::/48}, 6to4
 * {@code 2002::/16}), as well as every SIIT IPv4-translated address ({@code ::ffff:0:0:0/96}) and deprecated
 * IPv4-compatible addresses ({@code ::/96}). {@link #allowAll()} opts out, for internal use and test sandboxes.
 *
 * <p>Implementations must be thread-safe and fast.
 *
 * <pre>{@code
 * AddressPolicy.publicOnly().refusal(InetAddress.getByName("10.1.2.3"));   // Optional["private (RFC 1918)"]
 * AddressPolicy.allowing(a -> !a.isMulticastAddress());
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AddressPolicy {

    /**
     * @param address a resolved address
     * @return why the address is refused, or empty when a connection is allowed
     */
    Optional<String> refusal(InetAddress address);

    /** @return the default: public unicast addresses only */
    static AddressPolicy publicOnly() {
        return PublicAddresses.INSTANCE;
    }

    /** @return a policy that allows every address */
    static AddressPolicy allowAll() {
        return address -> {
            Objects.requireNonNull(address, "address");
            return Optional.empty();
        };
    }

    /**
     * @param allowed true for the addresses to allow
     * @return a policy that refuses the others, saying "refused by the address policy"
     */
    static AddressPolicy allowing(Predicate<InetAddress> allowed) {
        Objects.requireNonNull(allowed, "allowed");
        return address -> allowed.test(Objects.requireNonNull(address, "address")) ? Optional.empty()
                : Optional.of("refused by the address policy");
    }
}
