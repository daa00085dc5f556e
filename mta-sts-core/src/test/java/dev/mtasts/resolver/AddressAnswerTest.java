package dev.mtasts.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressAnswerTest {

    private static final DomainName HOST = DomainName.of("mta-sts.example.com");

    @Test
    void ipv4AndIpv6AreToldApart() throws Exception {
        InetAddress v4 = InetAddress.getByName("192.0.2.10");
        InetAddress v6 = InetAddress.getByName("2001:db8::10");
        AddressAnswer answer = new AddressAnswer(
                DnsResult.of(DomainName.of("mta-sts.example.com"), DnsOutcome.FOUND), List.of(v4, v6));
        assertThat(answer.ipv4()).containsExactly((java.net.Inet4Address) v4);
        assertThat(answer.ipv6()).containsExactly((java.net.Inet6Address) v6);
        assertThat(answer.addresses()).containsExactly(v4, v6);
    }

    @Test
    void foundParsesLiteralsAndPutsIpv4First() throws Exception {
        AddressAnswer answer = AddressAnswer.found(HOST, "2001:db8::10", "192.0.2.10", "::1", "127.0.0.1");

        assertThat(answer.addresses()).containsExactly(InetAddress.getByName("192.0.2.10"),
                InetAddress.getByName("127.0.0.1"), InetAddress.getByName("2001:db8::10"),
                InetAddress.getByName("::1"));
        assertThat(answer.result()).isEqualTo(DnsResult.of(HOST, DnsOutcome.FOUND));
    }

    @Test
    void foundWithAddressesPutsIpv4FirstAndKeepsEachFamilysOrder() throws Exception {
        InetAddress a = InetAddress.getByName("2001:db8::2");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        InetAddress c = InetAddress.getByName("2001:db8::1");
        InetAddress d = InetAddress.getByName("192.0.2.1");

        assertThat(AddressAnswer.found(HOST, List.of(a, b, c, d)).addresses()).containsExactly(b, d, a, c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mta-sts.example.com", "localhost", "192.0.2", "192.0.2.256", "192.0.02.1",
            "[::1]", "fe80::1%eth0", "2001:db8::g", "1:2:3:4:5:6:7:8:9", "", " 192.0.2.1", "g::1", ".::1"})
    void anythingButAnAddressLiteralIsRefused(String text) {
        assertThatThrownBy(() -> AddressAnswer.found(HOST, text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not an IPv4 or IPv6 address literal");
    }

    @Test
    void foundWithoutAddressesIsRefused() {
        assertThatThrownBy(() -> AddressAnswer.found(HOST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nodata");
        assertThatThrownBy(() -> AddressAnswer.found(HOST, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressAnswer.found(HOST, "192.0.2.1", null))
                .isInstanceOf(NullPointerException.class).hasMessage("addresses[1]");
    }

    @Test
    void nxdomainNodataAndFailureHaveNoAddresses() {
        assertThat(AddressAnswer.nxdomain(HOST).outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
        assertThat(AddressAnswer.nodata(HOST).outcome()).isEqualTo(DnsOutcome.NODATA);
        AddressAnswer failed = AddressAnswer.failure(HOST, DnsOutcome.NETWORK_ERROR, "port unreachable");
        assertThat(failed.addresses()).isEmpty();
        assertThat(failed.result().detail()).contains("port unreachable");
        assertThatThrownBy(() -> AddressAnswer.failure(HOST, DnsOutcome.NODATA, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nodata(...)");
    }
}
