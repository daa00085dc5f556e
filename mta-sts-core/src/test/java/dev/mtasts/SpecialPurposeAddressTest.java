package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link AddressPolicy#publicOnly()} refuses every block of IANA's IPv4 and IPv6 special-purpose address registries
 * that is not globally reachable (issue 16, defect 8: SIIT, discard-only and the documentation ranges got through),
 * names the block in its reason, and still allows the public addresses next to each block. Literals only: no name is
 * ever looked up.
 */
class SpecialPurposeAddressTest {

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', value = {
        "::ffff:0:127.0.0.1     | SIIT",
        "::ffff:0:8.8.8.8       | SIIT",           // translated to IPv4 by a translator, whatever the address
        "::ffff:0:0:0           | SIIT",
        "100::                  | discard-only (100::/64",
        "100::ffff:ffff:ffff:ffff | discard-only (100::/64",
        "192.0.2.1              | documentation",
        "192.0.2.255            | documentation",
        "198.51.100.7           | documentation",
        "203.0.113.200          | documentation",
        "2001:db8::1            | documentation (2001:db8::/32",
        "2001:db8:ffff::1       | documentation (2001:db8::/32",
        "3fff::1                | documentation (3fff::/20",
        "3fff:fff:ffff::1       | documentation (3fff::/20",
        "64:ff9b::192.0.2.1     | documentation",    // a documentation address behind the NAT64 prefix
        "2002:c000:0201::1      | documentation",    // and inside a 6to4 address
        "192.88.99.1            | 6to4 relay anycast",
        "2001::1                | Teredo",
        "2001:2::1              | benchmarking (2001:2::/48",
        "2001:10::1             | IETF protocol assignments (2001::/23)",
        "2001:1ff:ffff::1       | IETF protocol assignments (2001::/23)",
        "5f00::1                | segment routing",
        "198.18.0.1             | benchmarking",
        "192.0.0.8              | IETF protocol assignments",
        "::1                    | loopback",
        "fe80::1                | link-local",
        "fc00::1                | unique-local",
        "100.64.0.1             | carrier-grade NAT",
        "169.254.169.254        | link-local",
        "0.0.0.0                | unspecified",
    })
    void notGloballyReachableIsRefusedAndNamed(String literal, String reason) throws UnknownHostException {
        assertThat(AddressPolicy.publicOnly().refusal(address(literal))).as(literal).hasValueSatisfying(
                r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest(name = "{0} is allowed")
    @CsvSource({
        "192.0.1.255", "192.0.3.0", "198.51.99.255", "198.51.101.0", "203.0.112.255", "203.0.114.0", "192.88.98.1",
        "192.88.100.1", "8.8.8.8", "2001:db7:ffff::1", "2001:db9::1", "2001:200::1", "2001:4860::8888", "3fff:1000::1",
        "101::1", "100:0:0:1::1", "2a00:1450::1", "5f01::1", "64:ff9b::8.8.8.8",
    })
    void theGloballyReachableNeighboursOfEachBlockAreAllowed(String literal) throws UnknownHostException {
        assertThat(AddressPolicy.publicOnly().refusal(address(literal))).as(literal).isEmpty();
    }

    /**
     * The address from a literal, with no look-up; an IPv6 literal stays an {@link Inet6Address} (the JDK would turn
     * IPv4-mapped bytes into an IPv4 address, which is why mapped addresses are checked as the IPv4 they reach).
     */
    private static InetAddress address(String literal) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(literal); // a literal: InetAddress parses it without DNS
        return parsed.getAddress().length == 16 ? Inet6Address.getByAddress(null, parsed.getAddress(), null) : parsed;
    }
}
