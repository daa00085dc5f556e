package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bulk validation's values: options with their defaults and bounds, results and summaries that add up. */
class BulkValuesTest {

    @Test
    void defaultOptionsBoundTheInFlightValidationsAndParseTrimmedDomainsSkippingBlankInputs() {
        BulkOptions defaults = BulkOptions.defaults();
        assertThat(defaults.maxInFlight()).isEqualTo(BulkOptions.DEFAULT_MAX_IN_FLIGHT).isEqualTo(256);
        assertThat(defaults.inputParser().apply("  Example.COM \t")).contains(DomainName.of("example.com"));
        assertThat(defaults.inputParser().apply(" \t ")).isEmpty();
        assertThat(defaults.requestFor().apply(DomainName.of("example.com")))
                .isEqualTo(ValidationRequest.of("example.com"));
        assertThatThrownBy(() -> defaults.inputParser().apply("user@example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user@example.com");
    }

    @Test
    void maxInFlightOutsideItsRangeIsRefusedWithTheRangeNamed() {
        assertThatThrownBy(() -> BulkOptions.builder().maxInFlight(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxInFlight must be 1-100000, not 0");
        assertThatThrownBy(() -> BulkOptions.builder().maxInFlight(100_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 100001");
        assertThat(BulkOptions.builder().maxInFlight(1).build().maxInFlight()).isEqualTo(1);
    }

    @Test
    void aResultHasAReportExactlyWhenItsOutcomeIsReportAndAProblemOtherwise() {
        BulkResult error = BulkResult.inputError("a..b", "empty label");
        assertThat(error.outcome()).isEqualTo(BulkResult.Outcome.INPUT_ERROR);
        assertThat(error.report()).isEmpty();
        assertThat(error.problem()).isEqualTo("empty label");
        assertThat(BulkResult.failed("x", "bug").outcome()).isEqualTo(BulkResult.Outcome.FAILED);
        assertThatThrownBy(() -> new BulkResult("x", BulkResult.Outcome.REPORT, Optional.empty(), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BulkResult.inputError("x", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSummaryWhoseCountsDoNotAddUpToItsInputsIsRefused() {
        BulkSummary summary = new BulkSummary(10, 6, 2, 1, 1, 4, Duration.ofSeconds(2));
        assertThat(summary.reportsPerSecond()).isEqualTo(3.0);
        assertThat(new BulkSummary(0, 0, 0, 0, 0, 0, Duration.ZERO).reportsPerSecond()).isZero();
        assertThatThrownBy(() -> new BulkSummary(10, 6, 2, 1, 0, 4, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(9)").hasMessageContaining("(10)");
        assertThatThrownBy(() -> new BulkSummary(-1, -1, 0, 0, 0, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
