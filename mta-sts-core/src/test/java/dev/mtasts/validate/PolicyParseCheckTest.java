package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The parse layer: parser problems become findings, and an {@code ERROR} problem leaves no policy to apply. */
class PolicyParseCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "version: STSv1\r\n\r\nmode: testing\r\nmx: " + Seen.MX + "\r\nmax_age: 86400\r\n",
            "version: STSv1\nmode: testing\n \t\nmx: " + Seen.MX + "\nmax_age: 86400\n",
            "version: STSv1\r\nmode: testing\r\nmx: " + Seen.MX + "\r\nmax_age: 86400\r\n\r\n"})
    void aBlankLineMakesThePolicyInvalidAndTheRemediationSaysToRemoveIt(String body) {
        ValidationReport r = Seen.testing().ok(body, "text/plain").assemble();

        List<Finding> blank = r.findings().stream()
                .filter(f -> f.problem().filter(p -> p == ProblemCode.POLICY_BLANK_LINE).isPresent()).toList();
        assertThat(blank).as(r.findings().toString()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.POLICY_SYNTAX);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.layer()).isEqualTo(Layer.POLICY_PARSE);
            assertThat(f.message()).startsWith("Policy line ");
            assertThat(f.remediation()).contains("Remove every blank and whitespace-only line");
        });
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.policy()).isEmpty();
        assertThat(r.layer(Layer.POLICY_PARSE).status()).isEqualTo(LayerStatus.FAIL);
    }

    @Test
    void theRepairOfABlankLineIsTheSamePolicyWithoutIt() {
        String body = "version: STSv1\r\n\r\nmode: testing\r\nmx: " + Seen.MX + "\r\nmax_age: 86400\r\n";

        ValidationReport r = Seen.testing().ok(body, "text/plain").assemble();

        assertThat(r.remediation().policy()).contains(Seen.policy("testing", 86400, Seen.MX));
        assertThat(r.remediation().stsRecord()).as("a changed text needs a new id").isPresent();
    }

    @Test
    void everyErrorProblemMapsToAnInvalidPolicyCodeAndEveryOtherToARemark() {
        for (ProblemCode code : ProblemCode.values()) {
            Problem p = Problem.of(code, 1, 1, "x");
            FindingCode mapped = PolicyParseCheck.codeFor(p);
            if (p.severity() == Severity.ERROR) {
                assertThat(mapped).as(code.name()).isIn(FindingCode.POLICY_SYNTAX, FindingCode.POLICY_VERSION_INVALID,
                        FindingCode.POLICY_MODE_INVALID, FindingCode.POLICY_MAX_AGE_INVALID,
                        FindingCode.POLICY_MX_INVALID);
            } else {
                assertThat(mapped).as(code.name()).isIn(FindingCode.POLICY_NOTE, FindingCode.POLICY_MAX_AGE_SHORT,
                        FindingCode.POLICY_MAX_AGE_LONG);
            }
            assertThat(PolicyParseCheck.remediation(mapped, code)).as(code.name()).isNotBlank();
        }
    }

    @Test
    void modeNoneIsWorthKnowing() {
        ValidationReport r = Seen.deployed("example.com", "none").assemble();

        assertThat(r.findings()).extracting(Finding::code).containsExactly(FindingCode.POLICY_MODE_NONE);
        assertThat(r.verdict()).isEqualTo(Verdict.INACTIVE);
    }
}
