package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal: no look-up
    }

    /** An IPv6 address kept as Inet6Address even when it is IPv4-mapped (InetAddress.getByName would convert it). */
    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0         | unspecified",
            "0.1.2.3         | unspecified",
            "127.0.0.1       | loopback",
            "127.255.255.254 | loopback",
            "10.0.0.1        | RFC 1918",
            "172.16.0.1      | RFC 1918",
            "172.31.255.255  | RFC 1918",
            "192.168.1.1     | RFC 1918",
            "100.64.0.1      | carrier-grade NAT",
            "100.127.255.255 | carrier-grade NAT",
            "169.254.169.254 | link-local",
            "192.0.0.8       | IETF protocol",
            "198.18.0.1      | benchmarking",
            "198.19.255.255  | benchmarking",
            "224.0.0.1       | multicast",
            "239.255.255.255 | multicast",
            "240.0.0.1       | reserved",
            "255.255.255.255 | broadcast",
            "::              | unspecified",
            "::1             | loopback",
            "fc00::1         | unique-local",
            "fdff:ffff::1    | unique-local",
            "fe80::1         | link-local",
            "febf::1         | link-local",
            "fec0::1         | site-local",
            "ff02::1         | multicast",
            "64:ff9b::a00:1  | NAT64",
            "64:ff9b::7f00:1 | loopback",
            "64:ff9b:1::a00:1 | NAT64",
            "2002:a00:1::1   | 6to4",
            "2002:c0a8:101:: | RFC 1918",
            "::a00:1         | IPv4-compatible",
            "::8.8.8.8       | IPv4-compatible",
    })
    void nonPublicAddressesAreRefusedWithTheirRange(String literal, String why) throws Exception {
        assertThat(AddressPolicy.publicOnly().refusal(ip(literal))).hasValueSatisfying(r -> assertThat(r).contains(why));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
            "192.167.255.255", "192.169.0.0", "169.253.255.255", "198.17.255.255", "198.20.0.0", "192.0.1.1",
            "223.255.255.255", "2001:4860:4860::8888", "2a00:1450::1", "fbff::1", "fe7f::1", "64:ff9b::808:808",
            "2002:808:808::1", "64:ff9a::a00:1"})
    void publicAddressesAreAllowed(String literal) throws Exception {
        assertThat(AddressPolicy.publicOnly().refusal(ip(literal))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"127,0,0,1,loopback", "10,1,2,3,RFC 1918", "192,168,0,1,RFC 1918", "169,254,0,1,link-local",
            "100,64,0,1,carrier-grade NAT", "0,0,0,0,unspecified", "224,0,0,1,multicast"})
    void ipv4MappedFormsAreRefusedLikeTheirIpv4(int a, int b, int c, int d, String why) throws Exception {
        InetAddress address = mapped(a, b, c, d);
        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(AddressPolicy.publicOnly().refusal(address))
                .hasValueSatisfying(r -> assertThat(r).contains(why, "IPv4-mapped"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34"})
    void ipv4MappedPublicAddressesAreAllowed(String v4) throws Exception {
        byte[] b = ip(v4).getAddress();
        assertThat(AddressPolicy.publicOnly().refusal(mapped(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff)))
                .isEmpty();
    }

    @Property
    void everyIpv4AddressGetsTheSameAnswerInItsMappedForm(@ForAll byte a, @ForAll byte b, @ForAll byte c,
                                                           @ForAll byte d) throws Exception {
        InetAddress v4 = InetAddress.getByAddress(new byte[] {a, b, c, d});
        assertThat(AddressPolicy.publicOnly().refusal(mapped(a & 0xff, b & 0xff, c & 0xff, d & 0xff)).isPresent())
                .isEqualTo(AddressPolicy.publicOnly().refusal(v4).isPresent());
    }

    @Property
    void everyJdkSpecialAddressIsRefused(@ForAll byte[] bytes) throws Exception {
        if (bytes.length != 4 && bytes.length != 16) {
            return;
        }
        InetAddress address = InetAddress.getByAddress(bytes);
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            assertThat(AddressPolicy.publicOnly().refusal(address)).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "::1"})
    void allowAllAllowsEverything(String literal) throws Exception {
        assertThat(AddressPolicy.allowAll().refusal(ip(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "8.8.8.8"})
    void allowingUsesThePredicate(String literal) throws Exception {
        AddressPolicy onlyLoopback = AddressPolicy.allowing(InetAddress::isLoopbackAddress);
        boolean loopback = ip(literal).isLoopbackAddress();
        assertThat(onlyLoopback.refusal(ip(literal)).isEmpty()).isEqualTo(loopback);
        if (!loopback) {
            assertThat(onlyLoopback.refusal(ip(literal))).contains("refused by the address policy");
        }
    }
}
