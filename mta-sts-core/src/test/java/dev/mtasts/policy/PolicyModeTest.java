package dev.mtasts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class PolicyModeTest {

    @Test
    void tokensAreTheThreeLowerCaseValues() {
        assertThat(PolicyMode.fromToken("enforce")).contains(PolicyMode.ENFORCE);
        assertThat(PolicyMode.fromToken("testing")).contains(PolicyMode.TESTING);
        assertThat(PolicyMode.fromToken("none")).contains(PolicyMode.NONE);
        assertThat(PolicyMode.TESTING.token()).isEqualTo("testing");
    }

    @Test
    void otherSpellingsAreNotModes() {
        assertThat(PolicyMode.fromToken("Enforce")).isEmpty();
        assertThat(PolicyMode.fromToken("report")).isEmpty();
        assertThat(PolicyMode.fromToken("")).isEmpty();
    }

    @Test
    void nullTokenIsRefused() {
        assertThatNullPointerException().isThrownBy(() -> PolicyMode.fromToken(null)).withMessage("token");
    }
}
