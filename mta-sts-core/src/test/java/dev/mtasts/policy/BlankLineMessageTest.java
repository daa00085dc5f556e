package dev.mtasts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A blank line is an ERROR, and its message says what the line is, not what it is not. */
class BlankLineMessageTest {

    private static final String FIELDS = "version: STSv1\nmode: none\nmax_age: 86400\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\\n                 | blank line after the last field (the text ends in two line endings)",
            "\\t                 | whitespace-only line after the last field",
            "\\s\\n              | whitespace-only line after the last field",
            "\\nmx: a.example.com | blank line is outside"})
    void theMessageNamesTheKindOfLine(String tail, String expected) {
        String text = FIELDS + tail.strip().replace("\\n", "\n").replace("\\t", "\t").replace("\\s", " ");
        Problem p = PolicyParser.lenient().parse(text).problems().stream()
                .filter(x -> x.code() == ProblemCode.POLICY_BLANK_LINE).findFirst().orElseThrow();

        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.message()).startsWith(expected.strip());
    }
}
