package dev.mtasts.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressAnswerTest {

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
}
