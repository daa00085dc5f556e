package dev.mtasts.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import java.util.List;
import org.junit.jupiter.api.Test;

class MxAnswerTest {

    private static final DnsResult FOUND = DnsResult.of(DomainName.of("example.com"), DnsOutcome.FOUND);

    @Test
    void byPreferenceSortsLowestFirstAndKeepsTheOrderOfEqualPreferences() {
        MxAnswer answer = new MxAnswer(FOUND, List.of(
                mx(20, "c.example.com"), mx(10, "b.example.com"), mx(20, "a.example.com")), false, List.of());
        assertThat(answer.byPreference()).extracting(r -> r.host().value())
                .containsExactly("b.example.com", "c.example.com", "a.example.com");
        assertThat(answer.records()).extracting(MxRecord::preference).containsExactly(20, 10, 20);
    }

    @Test
    void aNullMxAloneMeansTheDomainAcceptsNoMail() {
        MxAnswer answer = new MxAnswer(FOUND, List.of(), true, List.of());
        assertThat(answer.nullMx()).isTrue();
        assertThat(answer.isNullMxOnly()).isTrue();
    }

    @Test
    void aNullMxBesideOtherRecordsIsNotNullMxOnly() {
        MxAnswer answer = new MxAnswer(FOUND, List.of(mx(10, "mx.example.com")), true, List.of());
        assertThat(answer.nullMx()).isTrue();
        assertThat(answer.isNullMxOnly()).isFalse();
    }

    @Test
    void anEmptyAnswerHasNoNullMx() {
        MxAnswer answer = MxAnswer.empty(DnsResult.of(DomainName.of("example.com"), DnsOutcome.NODATA));
        assertThat(answer.nullMx()).isFalse();
        assertThat(answer.isNullMxOnly()).isFalse();
        assertThat(answer.isFound()).isFalse();
    }

    @Test
    void aPreferenceOutsideSixteenBitsIsRejected() {
        assertThatThrownBy(() -> mx(65536, "mx.example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65536");
        assertThatThrownBy(() -> mx(-1, "mx.example.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHostFromDnsLosesItsTrailingDot() {
        assertThat(mx(0, "MX1.Example.com.").host().value()).isEqualTo("mx1.example.com");
    }

    private static MxRecord mx(int preference, String host) {
        return new MxRecord(preference, DomainName.of(host));
    }
}
