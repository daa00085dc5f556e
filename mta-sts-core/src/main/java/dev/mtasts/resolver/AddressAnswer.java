package dev.mtasts.resolver;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The answer to an address look-up: the A and AAAA records of a name, IPv4 addresses first.
 *
 * <p>The outcome combines both look-ups: {@code FOUND} when either type has records (a failure of the
 * other type is then told in {@link DnsResult#detail()}); {@code NXDOMAIN} when the name does not
 * exist; {@code NODATA} when both types are empty; otherwise the failure. This type is an immutable
 * value.
 *
 * <pre>{@code
 * AddressAnswer answer = resolver.addresses(DomainName.of("mta-sts.example.com")).toCompletableFuture().join();
 * answer.addresses();   // [192.0.2.10, 2001:db8::10]
 * }</pre>
 *
 * @param result    the outcome and facts of the look-up
 * @param addresses the addresses, IPv4 then IPv6, each in the order the server gave them
 * @since 0.1.0
 */
public record AddressAnswer(DnsResult result, List<InetAddress> addresses) implements DnsAnswer {

    /**
     * @throws NullPointerException if a component is null
     */
    public AddressAnswer {
        Objects.requireNonNull(result, "result");
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
    }

    /**
     * An answer without addresses, for any outcome other than {@code FOUND}.
     *
     * @param result the outcome and facts
     * @return the answer
     */
    public static AddressAnswer empty(DnsResult result) {
        return new AddressAnswer(result, List.of());
    }

    /** @return the IPv4 addresses (A records) */
    public List<Inet4Address> ipv4() {
        return addresses.stream().filter(Inet4Address.class::isInstance).map(Inet4Address.class::cast).toList();
    }

    /** @return the IPv6 addresses (AAAA records) */
    public List<Inet6Address> ipv6() {
        return addresses.stream().filter(Inet6Address.class::isInstance).map(Inet6Address.class::cast).toList();
    }
}
