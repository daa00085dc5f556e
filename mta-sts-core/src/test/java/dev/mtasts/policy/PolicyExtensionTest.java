package dev.mtasts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyExtensionTest {

    @Test
    void valueMayHoldColonsInteriorSpacesAndUtf8() {
        PolicyExtension e = new PolicyExtension("report-uri", "https://r.example/x  y \u00e9\ud83d\udce7");

        assertThat(e.value()).contains("\u00e9");
    }

    @Test
    void knownFieldNameIsNotAnExtension() {
        assertThatThrownBy(() -> new PolicyExtension("mx", "a.example")).hasMessageContaining("'mx'");
    }

    @Test
    void capitalisedKnownFieldNameIsALegalExtension() {
        assertThat(new PolicyExtension("Mode", "enforce").name()).isEqualTo("Mode");
    }

    @Test
    void valueWithLeadingOrTrailingSpaceIsRejected() {
        assertThatThrownBy(() -> new PolicyExtension("note", " x")).hasMessageContaining("space");
        assertThatThrownBy(() -> new PolicyExtension("note", "x ")).hasMessageContaining("space");
    }

    @Test
    void valueWithTabOrControlIsRejected() {
        assertThatThrownBy(() -> new PolicyExtension("note", "a\tb")).hasMessageContaining("\\u0009");
        assertThatThrownBy(() -> new PolicyExtension("note", "a\u0085b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unpairedSurrogateIsRejected() {
        assertThatThrownBy(() -> new PolicyExtension("note", "a\ud800")).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> new PolicyExtension("note", "\udc00a")).hasMessageContaining("surrogate");
    }

    @Test
    void nameRulesFollowTheGrammar() {
        assertThat(PolicyExtension.nameProblem("a" + "b".repeat(31))).isEmpty();
        assertThat(PolicyExtension.nameProblem("a" + "b".repeat(32))).get().asString().contains("32");
        assertThat(PolicyExtension.nameProblem("-a")).isPresent();
        assertThat(PolicyExtension.nameProblem("9_a.b-c")).isEqualTo(Optional.empty());
        assertThat(PolicyExtension.nameProblem("a b")).isPresent();
    }
}
