package dev.mtasts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(new PolicyExtension("a" + "b".repeat(31), "x").name()).hasSize(32);
        assertThat(new PolicyExtension("9_a.b-c", "x").name()).isEqualTo("9_a.b-c");
        assertThatThrownBy(() -> new PolicyExtension("a" + "b".repeat(32), "x"))
                .hasMessage("field name '" + "a" + "b".repeat(32) + "' is longer than 32 characters");
        assertThatThrownBy(() -> new PolicyExtension("-a", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolicyExtension("", "x")).hasMessage("field name is empty");
    }

    @Test
    void badNameMessageNamesTheCharacterAndItsPosition() {
        assertThatThrownBy(() -> new PolicyExtension("a b", "x")).hasMessage("field name 'a b' has ' ' at position 2;"
                + " names are letters, digits, '_', '-' and '.', starting with a letter or digit");
        assertThatThrownBy(() -> new PolicyExtension("caf\u00e9", "x")).hasMessageStartingWith(
                "field name 'caf\u00e9' has '\u00e9' at position 4;");
    }

    @Test
    void badValueMessagesQuoteTheValue() {
        assertThatThrownBy(() -> new PolicyExtension("note", "")).hasMessage("field 'note' has an empty value");
        assertThatThrownBy(() -> new PolicyExtension("note", " x"))
                .hasMessage("field 'note' value ' x' starts or ends with a space");
        assertThatThrownBy(() -> new PolicyExtension("note", "a\u0000b"))
                .hasMessage("field 'note' value has control character \\u0000 at position 2");
        assertThatThrownBy(() -> new PolicyExtension("note", "ab\udc00"))
                .hasMessage("field 'note' value has an unpaired surrogate at position 3");
    }

    @Test
    void nullNameOrValueIsRefusedByName() {
        assertThatNullPointerException().isThrownBy(() -> new PolicyExtension(null, "x")).withMessage("name");
        assertThatNullPointerException().isThrownBy(() -> new PolicyExtension("note", null)).withMessage("value");
    }
}
