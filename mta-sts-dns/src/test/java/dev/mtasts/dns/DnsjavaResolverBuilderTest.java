package dev.mtasts.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.DnsResolverSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DnsjavaResolverBuilderTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        DnsjavaResolver resolver = DnsjavaResolver.builder().nameserver("127.0.0.1", 5353).build();
        assertThat(resolver.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(resolver.retries()).isEqualTo(2);
        assertThat(resolver.deadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(resolver.maxCnames()).isEqualTo(8);
        assertThat(resolver.nameservers()).containsExactly(new InetSocketAddress("127.0.0.1", 5353));
    }

    @Test
    void nameserversAcceptIpv4AndIpv6LiteralsOnPort53ByDefault() {
        DnsjavaResolver resolver = DnsjavaResolver.builder().nameserver("127.0.0.1").nameserver("[::1]").build();
        assertThat(resolver.nameservers()).extracting(InetSocketAddress::getPort).containsExactly(53, 53);
        assertThat(resolver.nameservers().get(1).getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void aHostNameAsNameserverIsRejectedWithoutLookingItUp() {
        assertThatThrownBy(() -> DnsjavaResolver.builder().nameserver("dns.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an IP address literal");
        assertThatThrownBy(() -> DnsjavaResolver.builder().nameserver(InetSocketAddress.createUnresolved("x", 53)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unresolved");
    }

    @Test
    void outOfRangeValuesFailFast() {
        assertThatThrownBy(() -> DnsjavaResolver.builder().nameserver("127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> DnsjavaResolver.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> DnsjavaResolver.builder().deadline(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> DnsjavaResolver.builder().retries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsjavaResolver.builder().retries(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsjavaResolver.builder().maxCnames(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingAnOptionTwiceIsAnError() {
        assertThatThrownBy(() -> DnsjavaResolver.builder().timeout(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("timeout");
    }

    @Test
    void theFactoryDefaultIsTheBuilderDefault() {
        DnsResolver viaFactory = new DnsjavaResolverFactory().create(DnsResolverSettings.defaults());
        assertThat(viaFactory.toString()).isEqualTo(DnsjavaResolver.builder().build().toString());
    }
}
