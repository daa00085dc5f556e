package dev.mtasts.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import java.util.List;
import org.junit.jupiter.api.Test;

class MxAnswerTest {

    private static final DomainName DOMAIN = DomainName.of("example.com");
    private static final DnsResult FOUND = DnsResult.of(DOMAIN, DnsOutcome.FOUND);

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

    @Test
    void foundReadsRecordsAsInAZoneFileInTheServersOrder() {
        MxAnswer answer = MxAnswer.found(DOMAIN, "20 mx2.example.com.", "10  MX1.example.com");

        assertThat(answer).isEqualTo(new MxAnswer(FOUND, List.of(mx(20, "mx2.example.com"),
                mx(10, "mx1.example.com")), false, List.of()));
    }

    @Test
    void foundReadsTheRootAsTheNullMx() {
        assertThat(MxAnswer.found(DOMAIN, "0 .").isNullMxOnly()).isTrue();
        MxAnswer mixed = MxAnswer.found(DOMAIN, "0 .", "10 mx1.example.com");
        assertThat(mixed.nullMx()).isTrue();
        assertThat(mixed.isNullMxOnly()).isFalse();
    }

    @Test
    void foundKeepsAnExchangeThatIsNoHostNameAsTheResolverDoes() {
        MxAnswer answer = MxAnswer.found(DOMAIN, "10 192.0.2.25", "20 mx1.example.com");

        assertThat(answer.invalidHosts()).containsExactly("192.0.2.25");
        assertThat(answer.records()).containsExactly(mx(20, "mx1.example.com"));
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d).contains("192.0.2.25"));
    }

    @Test
    void foundRefusesWhatNoMxRecordCanBe() {
        for (String bad : List.of("mx1.example.com", "10", "10 mx1.example.com extra", "-1 mx.example.com",
                "65536 mx.example.com", "ten mx.example.com", "10 a..example.com", "10 " + "a".repeat(64) + ".com")) {
            assertThatThrownBy(() -> MxAnswer.found(DOMAIN, bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad.strip());
        }
        assertThatThrownBy(() -> MxAnswer.found(DOMAIN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nodata");
        assertThatThrownBy(() -> MxAnswer.found(DOMAIN, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MxAnswer.found(DOMAIN, "10 mx1.example.com", null))
                .isInstanceOf(NullPointerException.class).hasMessage("records[1]");
    }

    @Test
    void foundWithRecordValuesKeepsThem() {
        MxAnswer answer = MxAnswer.found(DOMAIN, List.of(mx(10, "mx1.example.com")));

        assertThat(answer.records()).containsExactly(mx(10, "mx1.example.com"));
        assertThat(answer.nullMx()).isFalse();
        assertThat(answer.invalidHosts()).isEmpty();
    }

    @Test
    void nxdomainNodataAndFailureHaveNoRecords() {
        assertThat(MxAnswer.nxdomain(DOMAIN)).isEqualTo(MxAnswer.empty(DnsResult.of(DOMAIN, DnsOutcome.NXDOMAIN)));
        assertThat(MxAnswer.nodata(DOMAIN)).isEqualTo(MxAnswer.empty(DnsResult.of(DOMAIN, DnsOutcome.NODATA)));
        MxAnswer failed = MxAnswer.failure(DOMAIN, DnsOutcome.TIMEOUT, "no reply");
        assertThat(failed.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
        assertThat(failed.result().detail()).contains("no reply");
        assertThatThrownBy(() -> MxAnswer.failure(DOMAIN, DnsOutcome.FOUND, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static MxRecord mx(int preference, String host) {
        return new MxRecord(preference, DomainName.of(host));
    }
}
