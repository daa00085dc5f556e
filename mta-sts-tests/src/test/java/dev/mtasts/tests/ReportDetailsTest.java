package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The details a tool reads from a report: problem codes, the inconclusive flag, the promotion record, and more. */
@Timeout(30)
class ReportDetailsTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().build();
    }

    private static SandboxDomain domain(String name) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name);
    }

    @Test
    void remarksNameTheParserProblemBehindThem() {
        domain("remarks.details.test").policy("version: STSv1\nmode: testing\n\nmx: mx1.remarks.details.test\n"
                + "max_age: 86400\nmx_typo: x\n");

        ValidationReport r = validator.validate("remarks.details.test");

        // a blank line breaks the grammar (an ERROR, POLICY_SYNTAX); an unknown field is a remark (POLICY_NOTE)
        assertThat(r.findings(FindingCode.POLICY_SYNTAX)).extracting(f -> f.problem().orElseThrow())
                .as(describe(r)).contains(ProblemCode.POLICY_BLANK_LINE);
        assertThat(r.findings(FindingCode.POLICY_NOTE)).extracting(f -> f.problem().orElseThrow())
                .as(describe(r)).contains(ProblemCode.EXTENSION_UNKNOWN);
        assertThat(r.findings()).filteredOn(f -> f.code() == FindingCode.TLSRPT_MISSING)
                .allSatisfy(f -> assertThat(f.problem()).isEmpty());
    }

    @Test
    void readyTestingDomainGetsTheEnforcePolicyAndAFreshRecordToPublishWithIt() {
        domain("ready.details.test").policy(policy("testing", 86400, "mx1.ready.details.test"));

        ValidationReport r = validator.validate("ready.details.test");

        assertThat(r.promotion().status()).as(describe(r)).isEqualTo(PromotionStatus.READY);
        assertThat(r.remediation().policy()).isEmpty();
        assertThat(r.remediation().stsRecord()).isEmpty();
        assertThat(MtaStsPolicy.parse(r.remediation().enforcePolicy().orElseThrow()).mode())
                .isEqualTo(PolicyMode.ENFORCE);
        StsRecord fresh = StsRecord.parse(r.remediation().enforceStsRecord().orElseThrow());
        assertThat(fresh.id()).isNotEqualTo(E2e.ID);
    }

    @Test
    void failedStsLookupIsInconclusiveAndProposesNoSecondRecord() {
        domain("servfail.details.test").policy(policy("enforce", 604800, "mx1.servfail.details.test"))
                .dnsFault("_mta-sts", DnsFault.servfail());

        ValidationReport r = validator.validate("servfail.details.test");

        assertThat(r.inconclusive()).as(describe(r)).isTrue();
        finding(r, FindingCode.DNS_LOOKUP_FAILED, Severity.ERROR);
        assertThat(r.remediation().stsRecord()).isEmpty();
        assertThat(r.remediation().enforceStsRecord()).isEmpty();
    }

    @Test
    void cleanDomainIsNotInconclusive() {
        domain("clean.details.test").policy(policy("enforce", 604800, "mx1.clean.details.test"));

        ValidationReport r = validator.validate("clean.details.test");

        assertThat(r.verdict()).isEqualTo(Verdict.ENFORCING);
        assertThat(r.inconclusive()).isFalse();
    }

    @Test
    void nullMxNextToRealMxIsFlagged() {
        SandboxDomain d = domain("mixed-null.details.test").policy(policy("enforce", 604800,
                "mx1.mixed-null.details.test"));
        d.nullMx();

        ValidationReport r = validator.validate("mixed-null.details.test");

        Finding f = finding(r, FindingCode.MX_NULL_MIXED, Severity.WARNING);
        assertThat(f.message()).contains("RFC 7505");
        assertThat(codes(r)).doesNotContain(FindingCode.MX_NULL);
    }

    @Test
    void changingOnlyLineEndingsIsNotAPolicyChange() {
        SandboxDomain d = domain("crlf.details.test").policy("version: STSv1\nmode: enforce\n"
                + "mx: mx1.crlf.details.test\nmax_age: 604800\n");
        PolicySnapshot before = validator.validate("crlf.details.test").snapshot().orElseThrow();

        d.policy("version: STSv1\r\nmode: enforce\r\nmx: mx1.crlf.details.test\r\nmax_age: 604800\r\n");
        ValidationReport after = validator.validate("crlf.details.test", before);

        assertThat(codes(after)).as(describe(after)).doesNotContain(FindingCode.POLICY_CHANGED_WITHOUT_NEW_ID);
        assertThat(after.snapshot().orElseThrow().policySha256()).isEqualTo(before.policySha256());
    }

    @Test
    void slowPlainHttpPortDoesNotHideTheHttpsStatus() {
        domain("slow80.details.test").policyResponse(HttpResponse.status(404))
                .plainHttpResponse(HttpResponse.ok("text/plain", policy("enforce", 604800, "mx1.slow80.details.test"))
                        .withHeaderDelay(Duration.ofSeconds(20)));
        Validator quick = sandbox.validatorBuilder().deadline(Duration.ofSeconds(5)).build();

        ValidationReport r = quick.validate("slow80.details.test");

        assertThat(codes(r)).as(describe(r)).contains(FindingCode.POLICY_HTTP_STATUS)
                .doesNotContain(FindingCode.POLICY_TIMEOUT, FindingCode.POLICY_HTTP_ONLY);
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void remediationDropsFlaggedPatternsButKeepsUnusedOnes() {
        domain("prune.details.test").policy(policy("testing", 86400, "mx1.prune.details.test", "*.com",
                "old-mx.prune.details.test"));

        ValidationReport r = validator.validate("prune.details.test");

        // *.com is flagged (a WARNING) and dropped; an unused pattern is only INFO (perhaps a planned MX) and kept
        assertThat(r.remediation().policy().orElseThrow()).contains("mx: mx1.prune.details.test",
                "mx: old-mx.prune.details.test").doesNotContain("*.com");
    }

    @Test
    void nullMxDomainWithATestingPolicyIsNotReadyToPromote() {
        SandboxDomain d = domain("null-testing.details.test");
        d.zone().remove("null-testing.details.test", "MX");
        d.nullMx().policy("version: STSv1\nmode: testing\nmx: mx1.null-testing.details.test\nmax_age: 86400\n");

        ValidationReport r = validator.validate("null-testing.details.test");

        assertThat(r.promotion().status()).as(describe(r)).isEqualTo(PromotionStatus.NOT_READY);
        assertThat(r.promotion().blockers()).extracting(Finding::code).contains(FindingCode.MX_NULL);
    }

    @Test
    void invalidPolicyKeepsItsReadableModeAndMaxAgeInTheProposal() {
        domain("keep-mode.details.test").policy("version: STSv1\nmode: enforce\nmx: mx1.keep-mode.details.test,"
                + " mx2.keep-mode.details.test\nmax_age: 1209600\n");

        ValidationReport r = validator.validate("keep-mode.details.test");

        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(MtaStsPolicy.parse(r.remediation().policy().orElseThrow())).satisfies(p -> {
            assertThat(p.mode()).isEqualTo(PolicyMode.ENFORCE);
            assertThat(p.maxAge()).isEqualTo(Duration.ofSeconds(1209600));
            assertThat(p.mx()).extracting(m -> m.text()).containsExactly("mx1.keep-mode.details.test");
        });
    }

    @Test
    void cleanPolicyWithAnUnusedPatternGetsNoProposal() {
        domain("planned.details.test").policy(policy("enforce", 604800, "mx1.planned.details.test",
                "mx2.planned.details.test"));

        ValidationReport r = validator.validate("planned.details.test");

        finding(r, FindingCode.MX_PATTERN_UNUSED, Severity.INFO);
        assertThat(r.remediation().policy()).isEmpty();
        assertThat(r.remediation().stsRecord()).isEmpty();
    }

    @Test
    void hostWithAnUnderscoreIsCoveredByAWildcardOverItsParent() {
        SandboxDomain d = sandbox.domain("under.details.test").stsRecord("v=STSv1; id=" + E2e.ID)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@under.details.test")
                .policy(policy("testing", 86400, "mx1.under.details.test"));
        d.mx(10, "mx_1.under.details.test");

        ValidationReport r = validator.validate("under.details.test");

        assertThat(r.remediation().policy().orElseThrow()).as(describe(r)).contains("mx: *.under.details.test");
    }
}
