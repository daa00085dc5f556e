package dev.mtasts.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsResultTest {

    private static final DomainName NAME = DomainName.of("a.example.com");

    @Test
    void aFreshResultKnowsNothingButItsOutcome() {
        DnsResult result = DnsResult.of(NAME, DnsOutcome.NODATA);
        assertThat(result.ttl()).isEqualTo(Duration.ZERO);
        assertThat(result.cnameChain()).isEmpty();
        assertThat(result.authenticated()).isFalse();
        assertThat(result.server()).isEmpty();
        assertThat(result.detail()).isEmpty();
        assertThat(result.canonicalName()).isEqualTo(NAME);
    }

    @Test
    void theCanonicalNameIsTheLastAliasFollowed() {
        DnsResult result = DnsResult.of(NAME, DnsOutcome.FOUND)
                .withCnameChain(List.of(DomainName.of("b.example.com"), DomainName.of("c.example.net")));
        assertThat(result.canonicalName()).isEqualTo(DomainName.of("c.example.net"));
    }

    @Test
    void witherMethodsChangeOneComponentOnly() {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", 5353);
        DnsResult result = DnsResult.of(NAME, DnsOutcome.FOUND)
                .withTtl(Duration.ofSeconds(300))
                .withAuthenticated(true)
                .withServer(server)
                .withDetail("fine")
                .withElapsed(Duration.ofMillis(7));
        assertThat(result).isEqualTo(new DnsResult(NAME, DnsOutcome.FOUND, Duration.ofSeconds(300), List.of(),
                true, java.util.Optional.of(server), java.util.Optional.of("fine"), Duration.ofMillis(7)));
    }

    @Test
    void aBlankDetailMeansNoDetail() {
        assertThat(DnsResult.failure(NAME, DnsOutcome.SERVFAIL, "  ").detail()).isEmpty();
    }

    @Test
    void aNegativeTtlIsRejected() {
        assertThatThrownBy(() -> DnsResult.of(NAME, DnsOutcome.FOUND).withTtl(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    }

    @Test
    void onlyFoundNxdomainAndNodataAreAnswers() {
        assertThat(EnumSet.allOf(DnsOutcome.class).stream().filter(DnsOutcome::isAnswer))
                .containsExactlyInAnyOrder(DnsOutcome.FOUND, DnsOutcome.NXDOMAIN, DnsOutcome.NODATA);
        assertThat(DnsOutcome.TIMEOUT.isFailure()).isTrue();
    }
}
