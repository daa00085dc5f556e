package dev.mtasts.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypeTest {

    @Test
    void plainTextIsTextPlain() {
        MediaType type = MediaType.parse("text/plain").orElseThrow();
        assertThat(type.isTextPlain()).isTrue();
        assertThat(type.parameters()).isEmpty();
        assertThat(type.charset()).isEmpty();
    }

    @Test
    void typeSubtypeAndParameterNamesAreCaseInsensitive() {
        MediaType type = MediaType.parse("TEXT/Plain; CharSet=UTF-8").orElseThrow();
        assertThat(type.type()).isEqualTo("text");
        assertThat(type.subtype()).isEqualTo("plain");
        assertThat(type.isTextPlain()).isTrue();
        assertThat(type.parameters()).containsExactly(Map.entry("charset", "UTF-8"));
        assertThat(type.parameter("CHARSET")).contains("UTF-8");
        assertThat(type.charset()).contains("utf-8");
    }

    @Test
    void quotedParameterValueIsUnquoted() {
        MediaType type = MediaType.parse("text/plain;charset=\"us-ascii\" ; format=\"a\\\"b\"").orElseThrow();
        assertThat(type.charset()).contains("us-ascii");
        assertThat(type.parameter("format")).contains("a\"b");
    }

    @Test
    void htmlIsNotTextPlain() {
        assertThat(MediaType.parse("text/html; charset=utf-8").orElseThrow().isTextPlain()).isFalse();
    }

    @Test
    void emptyParametersAndWhitespaceAreAllowed() {
        MediaType type = MediaType.parse("  text/plain ;; charset=utf-8 ;").orElseThrow();
        assertThat(type.charset()).contains("utf-8");
    }

    @Test
    void firstOfRepeatedParametersWins() {
        assertThat(MediaType.parse("text/plain; charset=utf-8; Charset=latin1").orElseThrow().charset())
                .contains("utf-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text", "text/", "/plain", "text/plain; charset", "text/plain; charset=",
            "text/plain; charset=\"utf-8", "text plain", "text/plain charset=utf-8", "text/pl@in", "tëxt/plain"})
    void malformedValueIsNotAMediaType(String value) {
        assertThat(MediaType.parse(value)).isEmpty();
    }

    @Test
    void nullIsRefusedByName() {
        assertThatThrownBy(() -> MediaType.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
    }

    @Test
    void toStringIsCanonicalAndQuotesWhereNeeded() {
        assertThat(MediaType.parse("Text/Plain;Charset=utf-8;x=\"a b\"").orElseThrow())
                .hasToString("text/plain; charset=utf-8; x=\"a b\"");
    }

    @Test
    void constructorRejectsANonTokenType() {
        assertThatThrownBy(() -> new MediaType("te xt", "plain", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("te xt");
    }

    @Test
    void parsedValuesAreEqualWhateverTheCase() {
        assertThat(MediaType.parse("TEXT/PLAIN")).isEqualTo(MediaType.parse("text/plain"));
    }
}
