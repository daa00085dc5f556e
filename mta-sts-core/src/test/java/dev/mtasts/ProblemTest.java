package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void ofTakesTheSeverityOfTheCode() {
        Problem p = Problem.of(ProblemCode.MAX_AGE_SHORT, 4, 10, "max_age 60 is under one day");

        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.describe()).isEqualTo("line 4, column 10: max_age 60 is under one day");
        assertThat(p.toString()).isEqualTo("WARNING MAX_AGE_SHORT line 4, column 10: max_age 60 is under one day");
    }

    @Test
    void lineAndColumnAreOneBased() {
        assertThatThrownBy(() -> Problem.of(ProblemCode.POLICY_EMPTY, 0, 1, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Problem.of(ProblemCode.POLICY_EMPTY, 1, 0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyErrorCodeHasAnRfcReference() {
        for (ProblemCode code : ProblemCode.values()) {
            if (code.severity() == Severity.ERROR) {
                assertThat(code.reference()).as("%s", code).startsWith("RFC ");
            }
        }
    }
}
