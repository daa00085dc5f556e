package dev.mtasts.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.fetcher.PolicyFetchRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchBudgetTest {

    @Test
    void defaultTimeoutGivesHttpsTheRfcMinuteAndTheDiagnosticFiveSeconds() {
        FetchBudget budget = FetchBudget.of(PolicyFetchRequest.DEFAULT_DEADLINE, true);

        assertThat(budget.https()).isEqualTo(PolicyFetchRequest.RESPONSE_LIMIT);
        assertThat(budget.diagnostic()).isEqualTo(Duration.ofSeconds(5));
        assertThat(budget.httpsWords()).isEqualTo("60000 ms, the HTTPS share of the fetch budget of 65000 ms");
    }

    @Test
    void shortTimeoutReservesAQuarterForTheDiagnostic() {
        FetchBudget budget = FetchBudget.of(Duration.ofSeconds(8), true);

        assertThat(budget.https()).isEqualTo(Duration.ofSeconds(6));
        assertThat(budget.diagnostic()).isEqualTo(Duration.ofSeconds(2));
        assertThat(budget.diagnosticWords(Duration.ofSeconds(2)))
                .isEqualTo("2000 ms, the plain-HTTP diagnostic's share of the fetch budget of 8000 ms");
    }

    @Test
    void longTimeoutReservesAtMostFiveSeconds() {
        FetchBudget budget = FetchBudget.of(Duration.ofMinutes(5), true);

        assertThat(budget.diagnostic()).isEqualTo(FetchBudget.DIAGNOSTIC_LIMIT);
        assertThat(budget.https()).isEqualTo(Duration.ofMinutes(5).minusSeconds(5));
    }

    @Test
    void withoutTheDiagnosticHttpsHasTheWholeTimeout() {
        FetchBudget budget = FetchBudget.of(Duration.ofSeconds(8), false);

        assertThat(budget.https()).isEqualTo(Duration.ofSeconds(8));
        assertThat(budget.diagnostic()).isZero();
        assertThat(budget.httpsWords()).isEqualTo("the fetch budget of 8000 ms");
    }

    @Test
    void diagnosticGetsItsReserveOrWhatIsLeftIfHttpsRanOver() {
        FetchBudget budget = FetchBudget.of(Duration.ofSeconds(8), true);

        assertThat(budget.diagnosticLeft(Duration.ofMillis(10))).hasValue(Duration.ofSeconds(2));
        assertThat(budget.diagnosticLeft(Duration.ofMillis(6500))).hasValue(Duration.ofMillis(1500));
        assertThat(budget.diagnosticLeft(Duration.ofSeconds(8))).isEmpty();
        assertThat(budget.diagnosticLeft(Duration.ofSeconds(9))).isEmpty();
    }
}
