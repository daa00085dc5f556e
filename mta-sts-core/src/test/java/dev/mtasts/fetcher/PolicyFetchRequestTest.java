package dev.mtasts.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyFetchRequestTest {

    private static final DomainName HOST = DomainName.of("mta-sts.example.com");

    @Test
    void defaultPathIsTheWellKnownPath() throws Exception {
        PolicyFetchRequest request = PolicyFetchRequest.of(HOST, List.of(InetAddress.getLoopbackAddress()));
        assertThat(request.path()).isEqualTo("/.well-known/mta-sts.txt");
        assertThat(request.withPath("/x.txt").path()).isEqualTo("/x.txt");
    }

    @Test
    void addressesAreCopied() {
        List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
        PolicyFetchRequest request = PolicyFetchRequest.of(HOST, addresses);
        addresses.clear();
        assertThat(request.addresses()).hasSize(1);
    }

    @Test
    void noAddressesIsRejected() {
        assertThatThrownBy(() -> PolicyFetchRequest.of(HOST, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mta-sts.example.com");
    }

    @Test
    void pathWithSpaceOrWithoutSlashIsRejected() {
        PolicyFetchRequest request = PolicyFetchRequest.of(HOST, List.of(InetAddress.getLoopbackAddress()));
        assertThatThrownBy(() -> request.withPath("a.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request.withPath("/a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request.withPath("/a\r\nHost: x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noFetcherFactoryIsRegisteredInCoreAlone() {
        assertThat(PolicyFetcherFactory.fromServiceLoader()).isEmpty();
    }

    @Test
    void theDefaultBudgetIsTheRfcMinutePlusFiveSecondsAndMustBePositive() {
        PolicyFetchRequest request = PolicyFetchRequest.of(DomainName.of("mta-sts.example.com"),
                List.of(InetAddress.getLoopbackAddress()));
        assertThat(request.deadline()).isEqualTo(Duration.ofSeconds(65));
        assertThat(request.withDeadline(Duration.ofSeconds(3)).deadline()).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> request.withDeadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
