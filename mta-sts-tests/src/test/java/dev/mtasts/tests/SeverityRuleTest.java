package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.Validator;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The severity rule, end to end: ERROR when a sender that follows every MUST and SHOULD of RFC 8461 ignores the
 * policy (wrong or missing media type, a blank line, a look-alike record, no response within the minute); WARNING
 * when only senders that deviate are hurt (a slow policy host) or when the check itself gave up early.
 */
@Timeout(30)
class SeverityRuleTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().build();
    }

    /** A domain with a valid record, one MX, TLS-RPT and (unless the test replaces it) a valid testing policy. */
    private static SandboxDomain domain(String name) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy("testing", 86400, "mx1." + name));
    }

    private static HttpResponse testingPolicy(String name, String contentType) {
        return HttpResponse.ok(contentType, policy("testing", 86400, "mx1." + name));
    }

    private static Finding only(ValidationReport r, FindingCode code) {
        List<Finding> found = r.findings(code);
        assertThat(found).as(describe(r)).hasSize(1);
        return found.get(0);
    }

    @Test
    void aPolicyWithoutContentTypeIsIgnoredSoTheDomainIsBroken() {
        String name = "notype.severity.test";
        domain(name).policyResponse(testingPolicy(name, "text/plain").withoutContentType());

        ValidationReport r = validator.validate(name);

        assertThat(only(r, FindingCode.POLICY_CONTENT_TYPE).severity()).isEqualTo(Severity.ERROR);
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.BROKEN);
        assertThat(r.policy()).isEmpty();
        assertThat(r.observations().policyFetch().orElseThrow().contentType()).isEmpty();
    }

    @Test
    void aPolicyServedAsHtmlIsIgnoredSoTheDomainIsBroken() {
        String name = "html.severity.test";
        domain(name).policyResponse(testingPolicy(name, "text/html; charset=utf-8"));

        ValidationReport r = validator.validate(name);

        Finding f = only(r, FindingCode.POLICY_CONTENT_TYPE);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("text/html");
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_APPLICABLE);
        assertThat(r.remediation().policy()).as("the text itself is fine").isEmpty();
    }

    @Test
    void twoContentTypeHeadersThatBothSayTextPlainAreAWarning() {
        String name = "twotypes.severity.test";
        domain(name).policyResponse(testingPolicy(name, "text/plain")
                .withHeader("Content-Type", "text/plain; charset=utf-8"));

        ValidationReport r = validator.validate(name);

        assertThat(only(r, FindingCode.POLICY_CONTENT_TYPE).severity()).as(describe(r)).isEqualTo(Severity.WARNING);
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_READY);
    }

    @Test
    void twoContentTypeHeadersThatDisagreeAreAnError() {
        String name = "mixedtypes.severity.test";
        domain(name).policyResponse(testingPolicy(name, "text/plain").withHeader("Content-Type", "text/html"));

        ValidationReport r = validator.validate(name);

        assertThat(only(r, FindingCode.POLICY_CONTENT_TYPE).severity()).as(describe(r)).isEqualTo(Severity.ERROR);
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
    }

    @Test
    void aBlankLineMakesThePolicyInvalid() {
        String name = "blank.severity.test";
        domain(name).policy("version: STSv1\r\nmode: testing\r\n\r\nmx: mx1." + name + "\r\nmax_age: 86400\r\n");

        ValidationReport r = validator.validate(name);

        assertThat(r.findings()).as(describe(r))
                .filteredOn(f -> f.problem().filter(p -> p == ProblemCode.POLICY_BLANK_LINE).isPresent())
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo(FindingCode.POLICY_SYNTAX);
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.remediation()).contains("Remove every blank");
                });
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.remediation().policy()).contains(policy("testing", 86400, "mx1." + name));
    }

    @Test
    void lookAlikeRecordsBreakTheDomainAndEachSaysWhy() {
        String[][] cases = {
                {"order.lookalike.severity.test", "id=" + E2e.ID + "; v=STSv1;", "the version must come first"},
                {"nosemi.lookalike.severity.test", "v=STSv1 id=" + E2e.ID, "no ';' follows 'v=STSv1'"},
                {"case.lookalike.severity.test", "v=stsv1; id=" + E2e.ID, "the version is case-sensitive"}};
        for (String[] c : cases) {
            sandbox.domain(c[0]).stsRecord(c[1]).mx(10, "mx1." + c[0]).tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + c[0])
                    .policy(policy("enforce", 604800, "mx1." + c[0]));

            ValidationReport r = validator.validate(c[0]);

            assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.BROKEN);
            assertThat(r.findings(FindingCode.STS_RECORD_MISSING)).isEmpty();
            Finding f = only(r, FindingCode.STS_RECORD_INVALID);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("'" + c[1] + "'", c[2], "senders discard it");
            assertThat(f.remediation()).contains("'v=STSv1; id=" + E2e.ID + "'");
        }
    }

    @Test
    @Timeout(20)
    void aPolicyHostThatTakesTwoAndAHalfSecondsIsSlowForSendersThatWaitTwo() {
        String name = "slow.severity.test";
        domain(name).policyResponse(testingPolicy(name, "text/plain").withHeaderDelay(Duration.ofMillis(2500)));

        ValidationReport r = validator.validate(name);

        Finding f = only(r, FindingCode.POLICY_SLOW);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.layer()).isEqualTo(Layer.POLICY_FETCH);
        assertThat(f.message()).contains("senders that wait 2 s give up").doesNotContain("4 s");
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        assertThat(r.promotion().status()).as("POLICY_SLOW does not block promotion").isEqualTo(PromotionStatus.READY);
    }

    @Test
    void aQuickPolicyHostIsNotSlow() {
        String name = "quick.severity.test";
        domain(name);

        ValidationReport r = validator.validate(name);

        assertThat(r.findings()).as(describe(r)).isEmpty();
    }

    @Test
    void aCheckWhoseDeadlineEndsBeforeTheMinuteSaysSoAndIsInconclusive() {
        String name = "gaveup.severity.test";
        domain(name).policyResponse(testingPolicy(name, "text/plain").withHeaderDelay(Duration.ofSeconds(20)));
        Validator quick = sandbox.validatorBuilder().deadline(Duration.ofMillis(1500)).build();

        ValidationReport r = quick.validate(name);

        Finding f = only(r, FindingCode.POLICY_TIMEOUT);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("gave up", "before the minute");
        assertThat(r.findings(FindingCode.STS_RECORD_WITHOUT_POLICY)).isEmpty();
        assertThat(r.errors()).as(describe(r)).isEmpty();
        assertThat(r.inconclusive()).isTrue();
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(4));
    }
}
