package dev.mtasts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PolicyParserTest {

    private static final String HEAD = "version: STSv1\nmode: enforce\n";

    // ------------------------------------------------------------------ messages a person can act on

    @Test
    void maxAgeWithUnitIsRejectedWithLineColumnAndTheValue() {
        assertThatThrownBy(() -> MtaStsPolicy.parse(HEAD + "max_age: 86400s\nmx: mx.example.com\n"))
                .isInstanceOfSatisfying(PolicyParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(10);
                    assertThat(e.problem().code()).isEqualTo(ProblemCode.MAX_AGE_INVALID);
                    assertThat(e.getMessage()).startsWith("line 3, column 10: ").contains("'86400s'")
                            .contains("1-10 digits");
                    assertThat(e.reason()).doesNotContain("line 3");
                });
    }

    @Test
    void maxAgeOfElevenDigitsIsRejected() {
        assertThatThrownBy(() -> MtaStsPolicy.parse(HEAD + "mx: mx.example.com\nmax_age: 00000086400\n"))
                .isInstanceOf(PolicyParseException.class).hasMessageContaining("line 4").hasMessageContaining("'00000086400'");
    }

    @Test
    void maxAgeOf2To31IsOutOfRangeNotWrappedToANegativeNumber() {
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mx: mx.example.com\nmax_age: 2147483648\n");

        assertThat(result.maxAge()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.MAX_AGE_OUT_OF_RANGE);
            assertThat(p.message()).contains("2147483648").contains("31557600");
        });
    }

    @Test
    void invalidModeMessageSuggestsLowerCase() {
        assertThatThrownBy(() -> MtaStsPolicy.parse("version: STSv1\nmode: Enforce\nmx: mx.example.com\nmax_age: 1\n"))
                .hasMessageContaining("line 2").hasMessageContaining("'Enforce'").hasMessageContaining("'enforce'");
    }

    @Test
    void missingFieldMessageNamesTheField() {
        assertThatThrownBy(() -> MtaStsPolicy.parse("version: STSv1\nmx: mx.example.com\nmax_age: 86400\n"))
                .isInstanceOfSatisfying(PolicyParseException.class,
                        e -> assertThat(e.problem().code()).isEqualTo(ProblemCode.MODE_MISSING))
                .hasMessageContaining("mode");
    }

    @Test
    void bareCrIsReportedAtItsLineAndColumn() {
        PolicyParseResult result = PolicyParser.lenient().parse("version: STSv1\r\nmode: enforce\r\r\nmx: a.example\n"
                + "max_age: 86400\n");

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.POLICY_BARE_CR);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(14);
        });
        assertThat(result.mode()).contains(PolicyMode.ENFORCE);
    }

    @Test
    void controlCharacterIsQuotedEscapedInTheMessage() {
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "note: a\u0001b\n");

        assertThat(result.errors()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("\\u0001"));
    }

    @Test
    void typoOfAKnownFieldGetsASuggestion() {
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mx: mx.example.com\nmax_age: 86400\nnmx: x\n");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.EXTENSION_UNKNOWN);
            assertThat(p.severity()).isEqualTo(Severity.INFO);
            assertThat(p.message()).contains("'nmx'").contains("'mx'");
        });
    }

    // ------------------------------------------------------------------ mx values (C3, C9, C10)

    @Test
    void spacesAndTabsAroundAnMxValueBelongToTheLineNotToTheValue() {
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mx:\t mx.example.com \t\nmax_age: 86400\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.mx()).containsExactly(MxPattern.of("mx.example.com"));
    }

    @Test
    void noBreakSpaceAfterAnMxValueIsNamedWithItsPositionNotCalledAListOrAULabel() {
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mx: mx.example.com\u00a0\nmax_age: 86400\n");

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.MX_INVALID);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.message()).contains("ends with a no-break space (U+00A0) at position 15")
                    .doesNotContain("several hosts").doesNotContain("Punycode");
        });
    }

    @Test
    void hostsSeparatedByWhitespaceOrCommasAreStillAList() {
        for (String list : new String[] {"mx1.example.com mx2.example.com", "mx1.example.com,mx2.example.com",
            "mx1.example.com\tmx2.example.com", "mx1.example.com\u00a0mx2.example.com"}) {
            PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mx: " + list + "\nmax_age: 86400\n");

            assertThat(result.errors()).as(list).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.MX_MULTIPLE_VALUES);
                assertThat(p.message()).contains("lists several hosts");
            });
        }
    }

    @Test
    void mxWhoseLastLabelIsAllDigitsIsAWarningThatSaysItNeverMatches() {
        for (String mx : new String[] {"mail.123", "*.1.2.3.4", "10.0.0.1.example.999", "*.123"}) {
            PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mx: " + mx + "\nmax_age: 86400\n");

            assertThat(result.isValid()).as(mx).isTrue();
            assertThat(result.problems()).as(mx).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.MX_NUMERIC_TLD);
                assertThat(p.severity()).isEqualTo(Severity.WARNING);
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.message()).startsWith("mx '" + mx + "' never matches an MX host");
            });
            assertThat(result.policy().orElseThrow().mx()).containsExactly(MxPattern.of(mx));
        }
    }

    @Test
    void numericTopLevelLabelMessageNamesTheLabelOrTheAddress() {
        assertThat(PolicyParser.lenient().parse(HEAD + "mx: mail.123\nmax_age: 86400\n").problems().get(0).message())
                .contains("last label '123' is all digits").contains("top-level");
        assertThat(PolicyParser.lenient().parse(HEAD + "mx: *.1.2.3.4\nmax_age: 86400\n").problems().get(0).message())
                .contains("'1.2.3.4' after '*.' looks like an IP address").contains("never addresses");
    }

    @Test
    void ipShapedMxIsStillReportedAsAnIpAddressAndOnlyAsThat() {
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mx: 192.0.2.1\nmax_age: 86400\n");

        assertThat(result.problems()).extracting(Problem::code).containsExactly(ProblemCode.MX_IP_ADDRESS);
        assertThat(result.problems().get(0).message()).contains("looks like an IP address");
    }

    @Test
    void allDigitLabelsBeforeTheLastAreNotReported() {
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mx: 10.0.0.1.example.com\nmx: *.123.example.net\n"
                + "max_age: 86400\n");

        assertThat(result.problems()).isEmpty();
    }

    // ------------------------------------------------------------------ first wins (C13, C14)

    @Test
    void firstOfARepeatedModeWins() {
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mode: testing\nmx: a.example\nmax_age: 86400\n");

        assertThat(result.policy().orElseThrow().mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(result.warnings()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.FIELD_DUPLICATE);
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void firstOfARepeatedMaxAgeWins() {
        MtaStsPolicy policy = MtaStsPolicy.parse(HEAD + "mx: a.example\nmax_age: 86400\nmax_age: 1\n");

        assertThat(policy.maxAge()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void garbageModeAfterALegalOneIsIgnored() {
        assertThat(MtaStsPolicy.parse(HEAD + "mx: a.example\nmode: sometimes\nmax_age: 86400\n").mode())
                .isEqualTo(PolicyMode.ENFORCE);
    }

    @Test
    void garbageModeBeforeALegalOneMakesThePolicyInvalid() {
        assertThatThrownBy(() -> MtaStsPolicy.parse("version: STSv1\nmode: sometimes\nmode: enforce\nmx: a.example\n"
                + "max_age: 86400\n")).hasMessageContaining("line 2").hasMessageContaining("'sometimes'");
    }

    // ------------------------------------------------------------------ lenient best reading

    @Test
    void lenientResultKeepsTheWellFormedFieldsOfAnInvalidPolicy() {
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mx: mx1.example.com\nmx: bad_mx\nmax_age: 1w\n");

        assertThat(result.isValid()).isFalse();
        assertThat(result.policy()).isEmpty();
        assertThat(result.version()).contains("STSv1");
        assertThat(result.mode()).contains(PolicyMode.ENFORCE);
        assertThat(result.mx()).containsExactly(MxPattern.of("mx1.example.com"));
        assertThat(result.maxAge()).isEmpty();
        assertThat(result.errors()).extracting(Problem::code)
                .containsExactly(ProblemCode.MX_INVALID, ProblemCode.MAX_AGE_INVALID);
    }

    @Test
    void throwingParseReturnsTheLenientPolicyAndWarningsDoNotStopIt() {
        String text = HEAD + "mx: a.example\nmax_age: 3600\n";
        PolicyParseResult lenient = PolicyParser.lenient().parse(text);

        assertThat(MtaStsPolicy.parse(text)).isEqualTo(lenient.policy().orElseThrow());
        assertThat(lenient.warnings()).extracting(Problem::code).containsExactly(ProblemCode.MAX_AGE_SHORT);
    }

    @Test
    void emptyBodyIsAnErrorAndNullIsRefused() {
        assertThat(PolicyParser.lenient().parse("").problems()).extracting(Problem::code)
                .containsExactly(ProblemCode.POLICY_EMPTY);
        assertThatNullPointerException().isThrownBy(() -> PolicyParser.lenient().parse((String) null))
                .withMessage("text");
        assertThatNullPointerException().isThrownBy(() -> PolicyParser.lenient().parse((byte[]) null))
                .withMessage("body");
        assertThatNullPointerException().isThrownBy(() -> MtaStsPolicy.parse(null)).withMessage("text");
    }

    // ------------------------------------------------------------------ blank lines (C2): outside the grammar

    @Test
    void blankLineBetweenFieldsIsAnErrorAtItsLineThatTheThrowingParseRejects() {
        String text = HEAD + "\nmx: mx1.example.com\nmax_age: 86400\n";

        assertThatThrownBy(() -> MtaStsPolicy.parse(text)).isInstanceOfSatisfying(PolicyParseException.class, e -> {
            assertThat(e.problem().code()).isEqualTo(ProblemCode.POLICY_BLANK_LINE);
            assertThat(e.problem().severity()).isEqualTo(Severity.ERROR);
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.getMessage()).startsWith("line 3, column 1: blank line is outside the RFC 8461 §3.2 grammar");
        });
    }

    @Test
    void lenientParseOfABlankLineHasNoPolicyButKeepsEveryFieldItRead() {
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mx: mx1.example.com\n\nmx: *.example.net\n"
                + "max_age: 604800\n");

        assertThat(result.isValid()).isFalse();
        assertThat(result.policy()).isEmpty();
        assertThat(result.version()).contains("STSv1");
        assertThat(result.mode()).contains(PolicyMode.ENFORCE);
        assertThat(result.mx()).containsExactly(MxPattern.of("mx1.example.com"), MxPattern.of("*.example.net"));
        assertThat(result.maxAge()).contains(Duration.ofDays(7));
        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.POLICY_BLANK_LINE);
            assertThat(p.line()).isEqualTo(4);
        });
    }

    @Test
    void blankLineMessageNamesTheGrammarAndWhichSendersSkipOrReject() {
        Problem blank = PolicyParser.lenient().parse(HEAD + "\nmx: a.example\nmax_age: 86400\n").errors().get(0);

        assertThat(blank.message())
                .contains("outside the RFC 8461 §3.2 grammar")
                .contains("lenient line-based parsers").contains("skip empty lines")
                .contains("postfix-mta-sts-resolver")
                .contains("follow the ABNF strictly").contains("mox").contains("go-mtasts")
                .contains("reject the whole policy");
    }

    @Test
    void secondLineEndingAfterTheLastFieldIsABlankLineNamedAsSuch() {
        for (String text : List.of(HEAD + "mx: a.example\nmax_age: 86400\n\n",
                "version: STSv1\r\nmode: enforce\r\nmx: a.example\r\nmax_age: 86400\r\n\r\n")) {
            PolicyParseResult result = PolicyParser.lenient().parse(text);

            assertThat(result.errors()).as("%s", text).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.POLICY_BLANK_LINE);
                assertThat(p.line()).isEqualTo(5);
                assertThat(p.message()).startsWith("blank line after the last field (the text ends in two line"
                        + " endings) is outside the RFC 8461 §3.2 grammar");
            });
            assertThat(result.maxAge()).contains(Duration.ofDays(1));
            assertThatThrownBy(() -> MtaStsPolicy.parse(text)).isInstanceOf(PolicyParseException.class);
        }
    }

    @Test
    void oneLineEndingAfterTheLastFieldIsNotABlankLine() {
        assertThat(MtaStsPolicy.parse(HEAD + "mx: a.example\nmax_age: 86400\n").maxAgeSeconds()).isEqualTo(86_400);
        assertThat(MtaStsPolicy.parse(HEAD + "mx: a.example\nmax_age: 86400").maxAgeSeconds()).isEqualTo(86_400);
        assertThat(PolicyParser.lenient().parse("version: STSv1\r\nmode: enforce\r\nmx: a.example\r\n"
                + "max_age: 86400\r\n").problems()).isEmpty();
    }

    @Test
    void whitespaceOnlyLineIsABlankLineToo() {
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + " \t\nmx: a.example\nmax_age: 86400\n");

        assertThat(result.errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.POLICY_BLANK_LINE);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("whitespace-only line is outside");
        });
    }

    @Test
    void everyBlankLineIsReportedAndTheLineNumbersStayRight() {
        PolicyParseResult result = PolicyParser.lenient().parse("\nversion: STSv1\n\nmode: enforce\nmx: a.example\n"
                + "max_age: 8640x\n");

        assertThat(result.errors()).extracting(Problem::code, Problem::line).containsExactly(
                tuple(ProblemCode.POLICY_BLANK_LINE, 1),
                tuple(ProblemCode.POLICY_BLANK_LINE, 3),
                tuple(ProblemCode.MAX_AGE_INVALID, 6));
    }

    // ------------------------------------------------------------------ bytes and size (B15, C17)

    @Test
    void bodyOfExactly64KibIsRead() {
        String body = padTo(HEAD + "mx: a.example\nmax_age: 86400\n", PolicyParser.MAX_POLICY_BYTES);

        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(65_536);
        assertThat(PolicyParser.lenient().parse(body).isValid()).isTrue();
        assertThat(PolicyParser.lenient().parse(body.getBytes(StandardCharsets.UTF_8)).isValid()).isTrue();
    }

    @Test
    void bodyOf64KibPlusOneIsRejectedAsTooLarge() {
        String body = padTo(HEAD + "mx: a.example\nmax_age: 86400\n", PolicyParser.MAX_POLICY_BYTES + 1);

        assertThat(PolicyParser.lenient().parse(body).problems()).extracting(Problem::code)
                .containsExactly(ProblemCode.POLICY_TOO_LARGE);
        assertThat(PolicyParser.lenient().parse(body.getBytes(StandardCharsets.UTF_8)).problems())
                .extracting(Problem::code).containsExactly(ProblemCode.POLICY_TOO_LARGE);
        assertThatThrownBy(() -> MtaStsPolicy.parse(body)).hasMessageContaining("65537").hasMessageContaining("65536");
    }

    @Test
    void sizeLimitCountsUtf8BytesNotChars() {
        String body = padTo(HEAD + "mx: a.example\nmax_age: 86400\n", PolicyParser.MAX_POLICY_BYTES - 2) + "\u00e9\n";

        assertThat(body.length()).isLessThanOrEqualTo(PolicyParser.MAX_POLICY_BYTES);
        assertThat(PolicyParser.lenient().parse(body).problems()).extracting(Problem::code)
                .containsExactly(ProblemCode.POLICY_TOO_LARGE);
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedWithTheirLine() {
        byte[] body = (HEAD + "note: caf").getBytes(StandardCharsets.US_ASCII);
        byte[] bad = java.util.Arrays.copyOf(body, body.length + 2);
        bad[body.length] = (byte) 0xe9;
        bad[body.length + 1] = '\n';

        PolicyParseResult result = PolicyParser.lenient().parse(bad);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.POLICY_NOT_UTF8);
            assertThat(p.line()).isEqualTo(3);
        });
        assertThat(result.policy()).isEmpty();
    }

    @Test
    void utf8ByteOrderMarkInBytesIsReportedNotSilentlyDropped() {
        byte[] body = ("\ufeff" + HEAD + "mx: a.example\nmax_age: 86400\n").getBytes(StandardCharsets.UTF_8);

        assertThat(PolicyParser.lenient().parse(body).problems()).extracting(Problem::code)
                .containsExactly(ProblemCode.POLICY_BYTE_ORDER_MARK);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void pathological64KibInputsAreParsedOnce() {
        for (String unit : List.of("mx: ", ":", " ", "\r", "\n", "a", "mx: a.", "max_age: 9", "x: y\n", "\r\r\n",
                "mx: *.*.\n", "Mode: x\n", "\u00e9")) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() + unit.length() <= 60_000) {
                sb.append(unit);
            }
            assertThatCode(() -> PolicyParser.lenient().parse(sb.toString())).doesNotThrowAnyException();
        }
    }

    @Test
    void problemListIsCappedButKeepsAnError() {
        StringBuilder sb = new StringBuilder(HEAD).append("mx: a.example\nmax_age: 86400\n");
        for (int i = 0; i < 300; i++) {
            sb.append("x").append(i).append(": y\n");
        }
        sb.append("max_age: 1\u0000\n");

        PolicyParseResult result = PolicyParser.lenient().parse(sb.toString());

        assertThat(result.problems()).hasSizeLessThanOrEqualTo(PolicyScanner.MAX_PROBLEMS + 1);
        assertThat(result.problems()).extracting(Problem::code).contains(ProblemCode.PROBLEMS_TRUNCATED);
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).isNotEmpty();
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 1000)
    void lenientParserNeverThrowsForAnyString(@ForAll String text) {
        assertLenientIsConsistent(text);
    }

    @Property(tries = 1000)
    void lenientParserNeverThrowsForPolicyLikeLines(@ForAll("policyLike") String text) {
        assertLenientIsConsistent(text);
    }

    @Property(tries = 300)
    void lenientParserNeverThrowsForAnyBytes(@ForAll @Size(max = 300) byte[] body) {
        PolicyParseResult result = PolicyParser.lenient().parse(body);
        assertThat(result.isValid()).isEqualTo(result.errors().isEmpty());
    }

    @Property(tries = 15)
    void lenientParserNeverThrowsForInputsAroundTheSizeLimit(@ForAll("policyLike") String seed,
                                                             @ForAll("sizesAroundTheLimit") int size) {
        StringBuilder sb = new StringBuilder(size + seed.length());
        while (sb.length() < size) {
            sb.append(seed.isEmpty() ? "\n" : seed);
        }
        sb.setLength(size);
        assertLenientIsConsistent(sb.toString());
    }

    @Property(tries = 500)
    void parseThrowsExactlyWhenLenientHasAnError(@ForAll("policyLike") String text) {
        PolicyParseResult lenient = PolicyParser.lenient().parse(text);
        if (lenient.errors().isEmpty()) {
            assertThat(MtaStsPolicy.parse(text)).isEqualTo(lenient.policy().orElseThrow());
        } else {
            assertThatThrownBy(() -> MtaStsPolicy.parse(text)).isInstanceOfSatisfying(PolicyParseException.class,
                    e -> assertThat(e.problem()).isEqualTo(lenient.errors().get(0)));
        }
    }

    @Property(tries = 300)
    void blankLineAnywhereInAValidPolicyIsTheOnlyErrorAndEveryFieldIsStillRead(
            @ForAll("policies") MtaStsPolicy policy, @ForAll("blankLines") String blank, @ForAll int where) {
        String[] lines = policy.toText().split("(?<=\r\n)");
        int at = Math.floorMod(where, lines.length + 1);
        String text = String.join("", List.of(lines).subList(0, at)) + blank
                + String.join("", List.of(lines).subList(at, lines.length));

        PolicyParseResult result = PolicyParser.lenient().parse(text);

        assertThat(result.errors()).extracting(Problem::code, Problem::line)
                .containsExactly(tuple(ProblemCode.POLICY_BLANK_LINE, at + 1));
        assertThat(result.policy()).isEmpty();
        assertThat(result.mode()).contains(policy.mode());
        assertThat(result.mx()).isEqualTo(policy.mx());
        assertThat(result.maxAge()).contains(policy.maxAge());
        assertThatThrownBy(() -> MtaStsPolicy.parse(text)).isInstanceOfSatisfying(PolicyParseException.class,
                e -> assertThat(e.problem().code()).isEqualTo(ProblemCode.POLICY_BLANK_LINE));
    }

    @Property(tries = 2000)
    void mxLineNeverThrowsAndIsReadAsMxPatternOfReadsTheValueWithoutItsSpacesAndTabs(@ForAll("mxValues") String value) {
        String text = HEAD + "mx: " + value + "\nmax_age: 86400\n";
        PolicyParseResult result = PolicyParser.lenient().parse(text);

        assertLenientIsConsistent(text);
        if (!isOneLineValue(value)) {
            return; // a line break, a control or an unpaired surrogate: the line itself is the problem
        }
        String stripped = stripSpacesAndTabs(value);
        List<Problem> onTheMxLine = result.problems().stream().filter(p -> p.line() == 3).toList();
        MxPattern pattern;
        try {
            pattern = MxPattern.of(stripped);
        } catch (IllegalArgumentException e) {
            assertThat(result.mx()).isEmpty();
            assertThat(onTheMxLine).singleElement().satisfies(p -> {
                assertThat(p.severity()).isEqualTo(Severity.ERROR);
                assertThat(p.code()).isIn(ProblemCode.MX_INVALID, ProblemCode.MX_MULTIPLE_VALUES,
                        ProblemCode.MX_TRAILING_DOT, ProblemCode.MX_U_LABEL);
                assertThat(p.message()).isEqualTo(e.getMessage());
            });
            return;
        }
        assertThat(result.mx()).containsExactly(pattern);
        assertThat(onTheMxLine).allMatch(p -> p.severity() == Severity.WARNING);
    }

    @Property(tries = 1000)
    void anAllDigitLastLabelIsReportedExactlyWhenThePatternHasOne(@ForAll("patternsWithDigits") String mx) {
        MxPattern pattern = MxPattern.of(mx);
        PolicyParseResult result = PolicyParser.lenient().parse(HEAD + "mx: " + mx + "\nmax_age: 86400\n");

        List<ProblemCode> codes = result.problems().stream().map(Problem::code).toList();
        if (pattern.looksLikeIpAddress()) {
            assertThat(codes).containsExactly(ProblemCode.MX_IP_ADDRESS);
        } else if (pattern.hasNumericTopLevelLabel()) {
            assertThat(codes).containsExactly(ProblemCode.MX_NUMERIC_TLD);
        } else {
            assertThat(codes).doesNotContain(ProblemCode.MX_IP_ADDRESS, ProblemCode.MX_NUMERIC_TLD);
        }
        assertThat(result.isValid()).isTrue();
    }

    /** True when the line reader passes the value on as it is: no line break, control or unpaired surrogate. */
    private static boolean isOneLineValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0);
            boolean unpaired = (Character.isHighSurrogate(c)
                    && !(i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))))
                    || (Character.isLowSurrogate(c) && !(i > 0 && Character.isHighSurrogate(value.charAt(i - 1))));
            if (control || unpaired) {
                return false;
            }
        }
        return true;
    }

    private static String stripSpacesAndTabs(String value) {
        int from = 0;
        int to = value.length();
        while (from < to && (value.charAt(from) == ' ' || value.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (value.charAt(to - 1) == ' ' || value.charAt(to - 1) == '\t')) {
            to--;
        }
        return value.substring(from, to);
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
    Arbitrary<MtaStsPolicy> policies() {
        return PolicyGenerators.policy();
    }

    @Provide
    Arbitrary<String> blankLines() {
        return Arbitraries.of("\n", "\r\n", " \n", "\t\r\n", " \t \n");
    }

    private static void assertLenientIsConsistent(String text) {
        PolicyParseResult result = PolicyParser.lenient().parse(text);
        assertThat(result.isValid()).isEqualTo(result.errors().isEmpty());
        assertThat(result.problems()).allSatisfy(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
            assertThat(p.message()).isNotBlank();
        });
        result.policy().ifPresent(p -> assertThat(MtaStsPolicy.parse(p.toText())).isEqualTo(p));
    }

    @Provide
    Arbitrary<Integer> sizesAroundTheLimit() {
        return Arbitraries.of(65_535, 65_536, 65_537, 70_000);
    }

    @Provide
    Arbitrary<String> policyLike() {
        Arbitrary<String> name = Arbitraries.of("version", "mode", "mx", "max_age", "Mode", "MX", "note", "", " mode",
                "mode ", "x_y", "\u00e9", "*");
        Arbitrary<String> separator = Arbitraries.of(":", ": ", ":\t", " : ", "", "::", "=");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("STSv1", "stsv1", "enforce", "testing", "none", "report", "86400", "0", "31557601",
                        "2147483648", "18446744073709551617", "0000086400", "-1", "mx.example.com", "*.example.com",
                        "*.", "*", "a..b", "mx.example.com.", "b\u00fccher.example", "a, b", "", " ", "\ufeff",
                        "\ud800", "\udc00x", "\u0000", "a\tb"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> ending = Arbitraries.of("\n", "\r\n", "\r", "\r\r\n", "", " \n", "\n\n");
        Arbitrary<String> line = net.jqwik.api.Combinators.combine(name, separator, value, ending)
                .as((n, s, v, e) -> n + s + v + e);
        return line.list().ofMaxSize(12).map(l -> String.join("", l))
                .map(s -> s.isEmpty() ? s : s)
                .injectDuplicates(0.05)
                .edgeCases(c -> c.add("\ufeffversion: STSv1\n"));
    }

    private static String padTo(String valid, int bytes) {
        StringBuilder sb = new StringBuilder(valid);
        String line = "note: " + "x".repeat(70) + "\n";
        while (sb.length() + line.length() <= bytes) {
            sb.append(line);
        }
        int rest = bytes - sb.length();
        if (rest > 0) {
            if (rest < 9) {
                sb.setLength(sb.length() - line.length());
                rest += line.length();
            }
            sb.append("pad: ").append("y".repeat(rest - 6)).append('\n');
        }
        return sb.toString();
    }
}
