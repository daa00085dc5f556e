package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.assertOutcome;
import static dev.mtasts.tests.E2e.blockers;
import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.Severity;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Layer 3: the policy text, read over HTTPS from the sandbox. */
@Timeout(30)
class PolicyParseLayerTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().build();
    }

    /** Serves this policy text for the domain (one MX: mx1.&lt;name&gt;, TLS-RPT) and validates. */
    private static ValidationReport serve(String name, String policyText) {
        sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policyText);
        return validator.validate(name);
    }

    private static void assertBroken(ValidationReport r) {
        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(r.policy()).isEmpty();
        assertThat(r.layer(Layer.POLICY_PARSE).status()).isEqualTo(LayerStatus.FAIL);
        assertThat(r.layer(Layer.MX_COVERAGE).status()).isEqualTo(LayerStatus.SKIPPED);
    }

    @Test
    void syntaxErrorNamesTheLine() {
        ValidationReport r = serve("syntax.parse.test",
                "version: STSv1\nmode: enforce\nmx mx1.syntax.parse.test\nmax_age: 604800\n");

        assertBroken(r);
        assertThat(finding(r, FindingCode.POLICY_SYNTAX, Severity.ERROR).message()).contains("line 3",
                "mx mx1.syntax.parse.test");
    }

    @Test
    void versionOtherThanStsV1() {
        ValidationReport r = serve("version.parse.test",
                "version: STSv2\nmode: enforce\nmx: mx1.version.parse.test\nmax_age: 604800\n");

        assertBroken(r);
        assertThat(finding(r, FindingCode.POLICY_VERSION_INVALID, Severity.ERROR).message()).contains("STSv2");
    }

    @Test
    void missingMode() {
        ValidationReport r = serve("nomode.parse.test", "version: STSv1\nmx: mx1.nomode.parse.test\nmax_age: 604800\n");

        assertBroken(r);
        finding(r, FindingCode.POLICY_MODE_INVALID, Severity.ERROR);
    }

    @Test
    void invalidMode() {
        ValidationReport r = serve("badmode.parse.test",
                "version: STSv1\nmode: strict\nmx: mx1.badmode.parse.test\nmax_age: 604800\n");

        assertBroken(r);
        assertThat(finding(r, FindingCode.POLICY_MODE_INVALID, Severity.ERROR).message()).contains("strict");
    }

    @Test
    void missingMaxAge() {
        ValidationReport r = serve("noage.parse.test", "version: STSv1\nmode: enforce\nmx: mx1.noage.parse.test\n");

        assertBroken(r);
        finding(r, FindingCode.POLICY_MAX_AGE_INVALID, Severity.ERROR);
    }

    @Test
    void maxAgeWithUnit() {
        ValidationReport r = serve("unit.parse.test", policy("enforce", 0, "mx1.unit.parse.test")
                .replace("max_age: 0", "max_age: 1w"));

        assertBroken(r);
        assertThat(finding(r, FindingCode.POLICY_MAX_AGE_INVALID, Severity.ERROR).message()).contains("1w");
    }

    @Test
    void maxAgeOverOneYear() {
        ValidationReport r = serve("year.parse.test", policy("enforce", 31557601, "mx1.year.parse.test"));

        assertBroken(r);
        assertThat(finding(r, FindingCode.POLICY_MAX_AGE_INVALID, Severity.ERROR).message()).contains("31557601");
    }

    @Test
    void maxAgeOfExactlyOneYearIsValid() {
        ValidationReport r = serve("fullyear.parse.test", policy("enforce", 31557600, "mx1.fullyear.parse.test"));

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        finding(r, FindingCode.POLICY_MAX_AGE_LONG, Severity.INFO);
    }

    @Test
    void maxAgeUnderADayIsAWarning() {
        ValidationReport r = serve("short.parse.test", policy("enforce", 3600, "mx1.short.parse.test"));

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.POLICY_MAX_AGE_SHORT, Severity.WARNING).message()).contains("3600");
        assertThat(r.remediation().policy().orElseThrow()).contains("max_age: 604800");
        assertThat(r.remediation().stsRecord()).as("a changed policy needs a new id").isPresent();
    }

    @Test
    void maxAgeOverAWeekIsInfoAboutSlowPropagation() {
        ValidationReport r = serve("long.parse.test", policy("testing", 1209600, "mx1.long.parse.test"));

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.READY);
        finding(r, FindingCode.POLICY_MAX_AGE_LONG, Severity.INFO);
    }

    @Test
    void modeNoneIsInactive() {
        ValidationReport r = serve("none.parse.test", policy("none", 86400, "mx1.none.parse.test"));

        assertOutcome(r, Verdict.INACTIVE, false, PromotionStatus.NOT_APPLICABLE);
        finding(r, FindingCode.POLICY_MODE_NONE, Severity.INFO);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void modeNoneWithoutMxIsValid() {
        ValidationReport r = serve("none-nomx.parse.test", "version: STSv1\nmode: none\nmax_age: 86400\n");

        assertOutcome(r, Verdict.INACTIVE, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.POLICY_MX_INVALID);
    }

    @Test
    void enforceWithoutMxIsInvalid() {
        ValidationReport r = serve("nomx.parse.test", "version: STSv1\nmode: enforce\nmax_age: 604800\n");

        assertBroken(r);
        finding(r, FindingCode.POLICY_MX_INVALID, Severity.ERROR);
    }

    @Test
    void enforceWithPatternsCoveringNoMxRefusesAllMail() {
        ValidationReport r = serve("nomatch.parse.test", policy("enforce", 604800, "mail.elsewhere.test"));

        assertOutcome(r, Verdict.ENFORCING, true, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.POLICY_MX_COVERS_NO_MX, Severity.ERROR).message())
                .contains("mail.elsewhere.test");
        assertThat(finding(r, FindingCode.POLICY_MX_COVERS_NO_MX, Severity.ERROR).message())
                .contains("mx1.nomatch.parse.test");
        assertThat(codes(r)).as("one finding for one fact").doesNotContain(FindingCode.MX_NOT_COVERED);
        assertThat(finding(r, FindingCode.POLICY_MX_COVERS_NO_MX, Severity.ERROR).layer())
                .isEqualTo(dev.mtasts.report.Layer.MX_COVERAGE);
        String proposed = r.remediation().policy().orElseThrow();
        assertThat(proposed).contains("mx: mx1.nomatch.parse.test", "mode: enforce", "max_age: 604800");
    }

    @Test
    void testingWithPatternsCoveringNoMxIsNotReady() {
        ValidationReport r = serve("nomatch-testing.parse.test", policy("testing", 86400, "mail.elsewhere.test"));

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        finding(r, FindingCode.POLICY_MX_COVERS_NO_MX, Severity.WARNING);
        assertThat(blockers(r)).contains(FindingCode.POLICY_MX_COVERS_NO_MX);
    }

    @Test
    void lfOnlyLinesAndUnknownFieldsAreAccepted() {
        ValidationReport r = serve("lf.parse.test",
                "version: STSv1\nmode: enforce\nmx: mx1.lf.parse.test\nmax_age: 604800\nx_note: hello\n");

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(r.errors()).as(describe(r)).isEmpty();
    }

    @Test
    void binaryBodyIsASyntaxErrorNotACrash() {
        sandbox.domain("binary.parse.test").stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1.binary.parse.test")
                .policyBytes(new byte[] {0, (byte) 0xff, (byte) 0xfe, 10, (byte) 0xc3, 0x28, 13, 10});

        ValidationReport r = validator.validate("binary.parse.test");

        assertBroken(r);
    }
}
