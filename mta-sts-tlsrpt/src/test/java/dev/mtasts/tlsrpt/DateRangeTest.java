package dev.mtasts.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static DateRange range(String start, String end) {
        return DateRange.of(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void aDayEndingOneSecondBeforeMidnightIsOneDay() {
        assertThat(range("2026-11-20T00:00:00Z", "2026-11-20T23:59:59Z").days())
                .containsExactly(LocalDate.parse("2026-11-20"));
    }

    @Test
    void anEndAtMidnightIsExclusive() {
        assertThat(range("2026-11-20T00:00:00Z", "2026-11-22T00:00:00Z").days())
                .containsExactly(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-21"));
    }

    @Test
    void anEmptyRangeAtMidnightIsItsDay() {
        assertThat(range("2026-11-20T00:00:00Z", "2026-11-20T00:00:00Z").days())
                .containsExactly(LocalDate.parse("2026-11-20"));
    }

    @Test
    void aRangeAcrossMidnightCoversBothDays() {
        assertThat(range("2026-11-20T12:00:00Z", "2026-11-21T11:59:59Z").days()).hasSize(2);
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertThatThrownBy(() -> range("2026-11-20T00:00:00Z", "2026-11-19T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before start");
    }

    @Test
    void typesOfTheRfcAreKnownByName() {
        for (ResultType type : ResultType.values()) {
            if (type != ResultType.UNKNOWN) {
                assertThat(ResultType.of(type.rfcName().toUpperCase(java.util.Locale.ROOT))).isEqualTo(type);
            }
        }
        assertThat(ResultType.values()).hasSize(12);
        assertThat(ResultType.of("")).isEqualTo(ResultType.UNKNOWN);
        assertThat(PolicyType.of(" no-policy-found ")).isEqualTo(PolicyType.NO_POLICY_FOUND);
        assertThat(ResultType.STS_WEBPKI_INVALID.isStsSpecific()).isTrue();
    }
}
