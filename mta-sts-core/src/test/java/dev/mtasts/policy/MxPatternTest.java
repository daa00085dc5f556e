package dev.mtasts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MxPatternTest {

    @Test
    void wildcardCoversExactlyOneLeftmostLabel() {
        MxPattern pattern = MxPattern.of("*.example.com");

        assertThat(pattern.isWildcard()).isTrue();
        assertThat(pattern.baseName()).isEqualTo("example.com");
        assertThat(pattern.matches("mail.example.com")).isTrue();
        assertThat(pattern.matches("example.com")).isFalse();
        assertThat(pattern.matches("foo.bar.example.com")).isFalse();
    }

    @Test
    void wildcardDoesNotMatchAStringSuffix() {
        MxPattern pattern = MxPattern.of("*.example.com");

        assertThat(pattern.matches("x.evilexample.com")).isFalse();
        assertThat(pattern.matches("x.example.com.attacker.test")).isFalse();
    }

    @Test
    void patternIsStoredLowerCaseAndComparedByText() {
        assertThat(MxPattern.of("MX1.Example.COM")).isEqualTo(MxPattern.of("mx1.example.com"));
        assertThat(MxPattern.of("MX1.Example.COM").text()).isEqualTo("mx1.example.com");
        assertThat(MxPattern.of("*.Example.com").toString()).isEqualTo("*.example.com");
    }

    @Test
    void exactPatternFromADomainName() {
        assertThat(MxPattern.exact(DomainName.of("B\u00fccher.Example.")).text()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void exactPatternFromAnUnderscoreNameIsRejected() {
        assertThatThrownBy(() -> MxPattern.exact(DomainName.of("_mta-sts.example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'_mta-sts'");
    }

    @Test
    void trailingDotMessageTellsHowToFixIt() {
        assertThatThrownBy(() -> MxPattern.of("mx.example.com.")).hasMessageContaining("'mx.example.com.'")
                .hasMessageContaining("trailing dot");
    }

    @Test
    void commaListMessageSaysOneLinePerHost() {
        assertThatThrownBy(() -> MxPattern.of("a.example,b.example")).hasMessageContaining("own 'mx:' line");
    }

    @Test
    void leadingSpaceIsNamedWithItsPositionNotCalledAList() {
        assertThatThrownBy(() -> MxPattern.of(" mx.example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mx ' mx.example.com' starts with a space at position 1; write the host name without"
                        + " whitespace around it");
    }

    @Test
    void trailingSpaceOrTabIsNamedWithItsPositionNotCalledAList() {
        assertThatThrownBy(() -> MxPattern.of("mx.example.com ")).hasMessageContaining("ends with a space at position 15")
                .hasMessageNotContaining("several hosts");
        assertThatThrownBy(() -> MxPattern.of("mx.example.com\t")).hasMessageContaining("'mx.example.com\\u0009'")
                .hasMessageContaining("ends with a tab at position 15").hasMessageNotContaining("several hosts");
        assertThatThrownBy(() -> MxPattern.of("mx.example.com \t"))
                .hasMessageContaining("ends with a space and a tab at positions 15 to 16");
    }

    @Test
    void whitespaceOnBothSidesIsNamedOnBothSides() {
        assertThatThrownBy(() -> MxPattern.of("\t\tmx.example.com  "))
                .hasMessageContaining("starts with 2 tabs at positions 1 to 2 and ends with 2 spaces at positions 17 to 18");
    }

    @Test
    void unicodeSpacesAreNamedWithTheirCodeNotCalledNonAscii() {
        assertThatThrownBy(() -> MxPattern.of("mx.example.com\u00a0"))
                .hasMessageContaining("ends with a no-break space (U+00A0) at position 15")
                .hasMessageNotContaining("Punycode");
        assertThatThrownBy(() -> MxPattern.of("\u3000mx.example.com"))
                .hasMessageContaining("starts with an ideographic space (U+3000) at position 1");
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        assertThatThrownBy(() -> MxPattern.of("\ud83d\udce7.example "))
                .hasMessageContaining("ends with a space at position 10");
    }

    @Test
    void aLineEndingLeftOnTheValueIsNamed() {
        assertThatThrownBy(() -> MxPattern.of("mx.example.com\r\n"))
                .hasMessageContaining("ends with a carriage return and a line feed at positions 15 to 16");
    }

    @Test
    void valueOfOnlyWhitespaceSaysSo() {
        assertThatThrownBy(() -> MxPattern.of(" \t")).hasMessage("mx ' \\u0009' is only whitespace (a space and a tab"
                + " at positions 1 to 2); write the host name, such as 'mx1.example.com'");
    }

    @Test
    void realListsStillSayTheyListSeveralHosts() {
        for (String list : new String[] {"mx1.example.com mx2.example.com", "mx1.example.com,mx2.example.com",
            "mx1.example.com, mx2.example.com", "mx1.example.com\tmx2.example.com", "mx1.example.com\u00a0mx2.example.com"}) {
            assertThatThrownBy(() -> MxPattern.of(list)).as(list).hasMessageContaining("lists several hosts")
                    .hasMessageContaining("own 'mx:' line");
        }
    }

    @Test
    void policyBuilderRefusesAPatternWithWhitespaceAndSaysWhere() {
        assertThatThrownBy(() -> MtaStsPolicy.builder().mx("mx.example.com "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends with a space at position 15");
    }

    @Test
    void uLabelMessageAsksForPunycode() {
        assertThatThrownBy(() -> MxPattern.of("b\u00fccher.example")).hasMessageContaining("xn--");
    }

    @Test
    void manyTrailingDotsAreRejectedWithoutRecursingOncePerDot() {
        assertThatThrownBy(() -> MxPattern.of("a" + ".".repeat(60_000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("trailing dot");
        assertThatThrownBy(() -> MxPattern.of("mx.example.com..")).hasMessageContaining("empty label");
    }

    @Test
    void wildcardWithoutDomainIsNotCalledATrailingDot() {
        assertThatThrownBy(() -> MxPattern.of("*.")).hasMessageContaining("without a domain");
    }

    @Test
    void ipShapedAndBroadPatternsAreFlaggedButLegal() {
        assertThat(MxPattern.of("192.0.2.1").looksLikeIpAddress()).isTrue();
        assertThat(MxPattern.of("mx1.example.com").looksLikeIpAddress()).isFalse();
        assertThat(MxPattern.of("*.com").isBroad()).isTrue();
        assertThat(MxPattern.of("*.example.com").isBroad()).isFalse();
        assertThat(MxPattern.of("com").isBroad()).isFalse();
    }

    @Test
    void ipShapedPatternNeverMatchesBecauseAHostNameIsNeverAnAddress() {
        assertThat(MxPattern.of("192.0.2.1").matches("192.0.2.1")).isFalse();
    }

    @Test
    void patternEndingInAnAllDigitLabelIsLegalButMatchesNoHost() {
        for (String[] c : new String[][] {{"mail.123", "mail.123"}, {"*.1.2.3.4", "mx.1.2.3.4"},
            {"10.0.0.1.example.999", "10.0.0.1.example.999"}, {"*.123", "mx.123"}, {"192.0.2.1", "192.0.2.1"}}) {
            MxPattern pattern = MxPattern.of(c[0]);

            assertThat(pattern.hasNumericTopLevelLabel()).as(c[0]).isTrue();
            assertThat(pattern.matches(c[1])).as("%s ~ %s", c[0], c[1]).isFalse();
            assertThat(DomainName.tryParse(c[1])).as("DomainName refuses %s", c[1]).isEmpty();
        }
    }

    @Test
    void digitsElsewhereThanTheLastLabelAreFine() {
        for (String p : new String[] {"mx1.example.com", "123.example.com", "mx.123abc", "*.example.com", "mx.0x1", "com"}) {
            assertThat(MxPattern.of(p).hasNumericTopLevelLabel()).as(p).isFalse();
        }
        assertThat(MxPattern.of("10.0.0.1.example.com").matches("10.0.0.1.example.com")).isTrue();
        assertThat(MxPattern.of("*.123.example.com").matches("mx.123.example.com")).isTrue();
    }

    @Test
    void onlyExactAllDigitPatternsLookLikeAnIpAddress() {
        assertThat(MxPattern.of("192.0.2.1").looksLikeIpAddress()).isTrue();
        assertThat(MxPattern.of("*.1.2.3.4").looksLikeIpAddress()).isFalse();
        assertThat(MxPattern.of("mail.123").looksLikeIpAddress()).isFalse();
    }

    @Test
    void emptyValueIsRejectedWithAReasonAndNullIsRefused() {
        assertThatThrownBy(() -> MxPattern.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatNullPointerException().isThrownBy(() -> MxPattern.of(null)).withMessage("value");
    }

    @Test
    void nullHostIsRefusedNotTreatedAsNoMatch() {
        MxPattern pattern = MxPattern.of("*.example.com");

        assertThatNullPointerException().isThrownBy(() -> pattern.matches((String) null)).withMessage("host");
        assertThatNullPointerException().isThrownBy(() -> pattern.matches((DomainName) null)).withMessage("host");
        assertThatNullPointerException().isThrownBy(() -> MxPattern.exact(null)).withMessage("host");
    }

    // ------------------------------------------------------------------ properties against a reference definition

    /**
     * The reference: RFC 8461 §4.1 with RFC 6125 §6.4 as docs/rfc-readings.md reads them (D3, D5, D6, D7), written without
     * looking at {@link MxPattern}: drop one trailing dot of the host; a host with an empty label or a '*' never
     * matches; otherwise compare label lists case-insensitively, where a leading '*' pattern label equals any one
     * host label.
     */
    static boolean referenceMatches(String pattern, String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty() || h.contains("*")) {
            return false;
        }
        List<String> hostLabels = List.of(h.toLowerCase(Locale.ROOT).split("\\.", -1));
        List<String> patternLabels = List.of(pattern.toLowerCase(Locale.ROOT).split("\\.", -1));
        if (hostLabels.contains("") || hostLabels.size() != patternLabels.size()) {
            return false;
        }
        for (int i = 0; i < hostLabels.size(); i++) {
            boolean wildcard = i == 0 && patternLabels.get(0).equals("*");
            if (!wildcard && !patternLabels.get(i).equals(hostLabels.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 2000)
    void matchingAgreesWithTheReferenceDefinition(@ForAll("patterns") String pattern, @ForAll("hosts") String host) {
        boolean expected = referenceMatches(pattern, host);

        assertThat(MxPattern.of(pattern).matches(host)).as("%s ~ %s", pattern, host).isEqualTo(expected);
        DomainName.tryParse(host).ifPresent(d -> assertThat(MxPattern.of(pattern).matches(d)).isEqualTo(expected));
    }

    @Property(tries = 500)
    void everyPatternMatchesAHostBuiltFromIt(@ForAll("patterns") String pattern, @ForAll("labels") String first,
                                            @ForAll boolean upper, @ForAll boolean dot) {
        String host = pattern.startsWith("*.") ? first + pattern.substring(1) : pattern;
        host = upper ? host.toUpperCase(Locale.ROOT) : host;
        host = dot ? host + "." : host;

        assertThat(MxPattern.of(pattern).matches(host)).as("%s ~ %s", pattern, host).isTrue();
    }

    @Property(tries = 300)
    void aHostWithAStarNeverMatches(@ForAll("patterns") String pattern, @ForAll("hosts") String host) {
        assertThat(MxPattern.of(pattern).matches("*." + host)).isFalse();
        assertThat(MxPattern.of(pattern).matches(host.replaceFirst("^[^.]*", "*"))).isFalse();
    }

    @Property(tries = 3000)
    void ofThrowsNothingButIllegalArgumentExceptionForAnyMxValue(@ForAll("mxValues") String value) {
        assertOfIsTotal(value);
    }

    @Property(tries = 1000)
    void ofThrowsNothingButIllegalArgumentExceptionForAnyString(@ForAll String value) {
        assertOfIsTotal(value);
    }

    /** MxPattern.of either returns a pattern that reads back as itself or throws the documented exception, with a reason. */
    private static void assertOfIsTotal(String value) {
        MxPattern pattern;
        try {
            pattern = MxPattern.of(value);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("mx ");
            return;
        }
        assertThat(MxPattern.of(pattern.text())).isEqualTo(pattern);
        assertThat(pattern.text()).isEqualTo(value.toLowerCase(Locale.ROOT));
    }

    @Property(tries = 1000)
    void aPatternMatchesAHostBuiltFromItExactlyWhenItsLastLabelIsNotAllDigits(
            @ForAll("patternsWithDigits") String text, @ForAll("labels") String first) {
        MxPattern pattern = MxPattern.of(text);
        String host = pattern.isWildcard() ? first + text.substring(1) : text;

        assertThat(pattern.matches(host)).as("%s ~ %s", text, host).isEqualTo(!pattern.hasNumericTopLevelLabel());
        if (pattern.looksLikeIpAddress()) {
            assertThat(pattern.hasNumericTopLevelLabel()).isTrue();
        }
    }

    @Provide
    Arbitrary<String> mxValues() {
        return PolicyGenerators.mxValue();
    }

    @Provide
    Arbitrary<String> patternsWithDigits() {
        return PolicyGenerators.mxPatternTextWithDigits();
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.oneOf(Arbitraries.of("a", "b", "mx", "mail", "example", "com", "evilexample", "xn--bcher-kva"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5));
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> name = labels().list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        return Combinators.combine(Arbitraries.of("", "*."), name).as(String::concat);
    }

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> label = Arbitraries.oneOf(labels(), labels().map(s -> s.toUpperCase(Locale.ROOT)),
                Arbitraries.of("", "*", "Mx"));
        Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l));
        return Combinators.combine(name, Arbitraries.of("", ".", "..")).as(String::concat);
    }
}
