package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Unicode names are converted only where IDNA2003 (java.net.IDN) and IDNA2008 agree, so no name becomes another. */
class DomainNameIdnaTest {

    @ParameterizedTest
    @CsvSource({
            "bücher.example, xn--bcher-kva.example",
            "Bücher.Example., xn--bcher-kva.example",
            "例え。テスト, xn--r8jz45g.xn--zckzah",
            "ＥＸＡＭＰＬＥ.com, example.com",
            "xn--bcher-kva.example, xn--bcher-kva.example",
            "xn--fa-hia.de, xn--fa-hia.de",
            "XN--BCHER-KVA.example, xn--bcher-kva.example"})
    void namesBothStandardsAgreeOnAreConverted(String input, String expected) {
        assertThat(DomainName.of(input).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"faß.de", "ς.example", "a\u200db.com", "a\u200cb.com"})
    void deviationCharactersAreRefusedWithAHintToWriteTheALabel(String input) {
        assertThatThrownBy(() -> DomainName.of(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IDNA2003 and IDNA2008").hasMessageContaining("A-label");
    }

    @ParameterizedTest
    @ValueSource(strings = {"☃.net", "a♥b.example", "mail€.example"})
    void symbolsAreRefused(String input) {
        assertThatThrownBy(() -> DomainName.of(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a letter, digit or mark");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xn--zz.com", "xn--a.example", "xn--ls8h.la", "xn--.example", "mx.xn--abc-.example"})
    void invalidALabelsAreRefused(String input) {
        assertThatThrownBy(() -> DomainName.of(input)).isInstanceOf(IllegalArgumentException.class);
    }
}
