package dev.mtasts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Named hostile inputs for the lenient parser: each gives a result with a clear problem, never an exception. */
@Timeout(5)
class PolicyParserHostileInputTest {

    private static final String VALID = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 86400\n";

    @Test
    void unpairedHighSurrogateIsAnInvalidCharacter() {
        PolicyParseResult r = PolicyParser.lenient().parse(VALID + "x-note: a\uD800b\n");

        assertThat(r.isValid()).isFalse();
        assertThat(r.errors()).extracting(p -> p.code()).containsExactly(ProblemCode.POLICY_INVALID_CHARACTER);
        assertThat(r.errors().get(0).line()).isEqualTo(5);
        assertThat(r.errors().get(0).message()).contains("\\ud800");
    }

    @Test
    void unpairedLowSurrogateAtTheStartOfALineIsAnInvalidCharacter() {
        PolicyParseResult r = PolicyParser.lenient().parse("\uDC00" + VALID);

        assertThat(r.errors()).extracting(p -> p.code()).contains(ProblemCode.POLICY_INVALID_CHARACTER);
    }

    @Test
    void pairedSurrogatesInAnExtensionValueAreValid() {
        PolicyParseResult r = PolicyParser.lenient().parse(VALID + "x-note: mail \uD83D\uDCE7 here\n");

        assertThat(r.isValid()).as("%s", r.problems()).isTrue();
        assertThat(r.policy().orElseThrow().extensions()).extracting(PolicyExtension::value)
                .containsExactly("mail \uD83D\uDCE7 here");
    }

    @Test
    void nulAndOtherControlCharactersAreInvalidCharacters() {
        for (char c : new char[] {'\0', '\u0007', '\u001b', '\u007f', '\u0085'}) {
            PolicyParseResult r = PolicyParser.lenient().parse(VALID + "x-note: a" + c + "b\n");

            assertThat(r.errors()).as("character %04x", (int) c).extracting(p -> p.code())
                    .containsExactly(ProblemCode.POLICY_INVALID_CHARACTER);
        }
    }

    @Test
    void mxWithSixtyThousandTrailingDotsIsAnInvalidMxNotAStackOverflow() {
        PolicyParseResult r = PolicyParser.lenient().parse("version: STSv1\nmode: enforce\nmx: a" + ".".repeat(60_000)
                + "\nmax_age: 86400\n");

        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.MX_INVALID);
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void sixtyThousandBlankLinesGiveACappedListOfBlankLineErrors() {
        PolicyParseResult r = PolicyParser.lenient().parse("\n".repeat(60_000) + "\uD800");

        assertThat(r.isValid()).isFalse();
        assertThat(r.problems()).hasSizeLessThanOrEqualTo(PolicyScanner.MAX_PROBLEMS + 1);
        assertThat(r.errors()).first().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.POLICY_BLANK_LINE);
            assertThat(p.line()).isEqualTo(1);
        });
    }

    @Test
    void anErrorAfterTheCapOfWarningsIsStillListed() {
        StringBuilder text = new StringBuilder(VALID);
        while (text.length() < 60_000) {
            text.append("mode: testing\n");
        }
        text.append("x-note: a\uD800b\n");
        PolicyParseResult r = PolicyParser.lenient().parse(text.toString());

        assertThat(r.isValid()).isFalse();
        assertThat(r.problems()).hasSizeLessThanOrEqualTo(PolicyScanner.MAX_PROBLEMS + 1);
        assertThat(r.problems()).extracting(p -> p.code()).contains(ProblemCode.PROBLEMS_TRUNCATED);
        assertThat(r.errors()).extracting(p -> p.code()).containsExactly(ProblemCode.POLICY_INVALID_CHARACTER);
        assertThat(r.problems()).allMatch(p -> p.severity() != Severity.WARNING
                || p.code() == ProblemCode.FIELD_DUPLICATE);
    }
}
