package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.assertOutcome;
import static dev.mtasts.tests.E2e.blockers;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.Remediation;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.CertificateSpec;
import dev.mtasts.testkit.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Promotion readiness and the exact text the report proposes to publish. */
@Timeout(30)
class PromotionAndRemediationTest extends SandboxTest {

    /** Near the real time, so that the sandbox's certificates are valid at it. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12))
            .plusSeconds(34);
    private static final String FRESH_ID = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC).format(NOW);

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    @Test
    void freshIdIsTheValidatorsClockInUtc() {
        sandbox.domain("fresh.rem.test").mx(10, "mx1.fresh.rem.test");

        ValidationReport r = validator.validate("fresh.rem.test");

        assertThat(r.checkedAt()).isEqualTo(NOW);
        assertThat(r.remediation().stsRecord()).contains("v=STSv1; id=" + FRESH_ID);
        assertThat(FRESH_ID).matches("\\d{8}T\\d{6}");
        assertThat(StsRecord.parse(r.remediation().stsRecord().orElseThrow()).id()).isEqualTo(FRESH_ID);
    }

    @Test
    void notDeployedDomainGetsAWholeTestingDeployment() {
        sandbox.domain("new.rem.test").mx(10, "mx1.new.rem.test").mx(20, "mx2.backup.test").mx(30, "mx3.new.rem.test");

        ValidationReport r = validator.validate("new.rem.test");
        Remediation fix = r.remediation();

        assertOutcome(r, Verdict.NOT_DEPLOYED, false, PromotionStatus.NOT_APPLICABLE);
        MtaStsPolicy proposed = MtaStsPolicy.parse(fix.policy().orElseThrow());
        assertThat(proposed.mode()).isEqualTo(PolicyMode.TESTING);
        assertThat(proposed.maxAge()).isEqualTo(Duration.ofDays(1));
        assertThat(proposed.mx()).extracting(p -> p.text())
                .containsExactly("mx1.new.rem.test", "mx2.backup.test", "mx3.new.rem.test");
        assertThat(fix.stsRecord()).contains("v=STSv1; id=" + FRESH_ID);
        assertThat(TlsRptRecord.parse(fix.tlsRptRecord().orElseThrow()).rua())
                .extracting(Object::toString).containsExactly("mailto:tls-reports@new.rem.test");
        MtaStsPolicy enforce = MtaStsPolicy.parse(fix.enforcePolicy().orElseThrow());
        assertThat(enforce.mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(enforce.maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(enforce.mx()).isEqualTo(proposed.mx());
        assertThat(fix.suggestedMaxAge()).contains(Duration.ofDays(1));
    }

    @Test
    void proposedPolicyKeepsWorkingPatternsAndAddsEveryUncoveredHost() {
        sandbox.domain("keep.rem.test").stsRecord("v=STSv1; id=" + E2e.ID)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@keep.rem.test")
                .mx(10, "a.keep.rem.test").mx(20, "b.keep.rem.test").mx(30, "mx.partner.test")
                .policy(policy("testing", 86400, "*.keep.rem.test"));

        ValidationReport r = validator.validate("keep.rem.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        MtaStsPolicy proposed = MtaStsPolicy.parse(r.remediation().policy().orElseThrow());
        assertThat(proposed.mx()).extracting(p -> p.text()).containsExactly("*.keep.rem.test", "mx.partner.test");
        assertThat(r.mxHosts()).allSatisfy(h -> assertThat(proposed.matches(h.host())).isTrue());
        assertThat(r.remediation().stsRecord()).as("a changed policy needs a new id").contains("v=STSv1; id=" + FRESH_ID);
        assertThat(MtaStsPolicy.parse(r.remediation().enforcePolicy().orElseThrow()).mx()).isEqualTo(proposed.mx());
    }

    @Test
    void readyTestingDomainIsOfferedItsEnforcePolicyOnly() {
        sandbox.domain("ready.rem.test").stsRecord("v=STSv1; id=" + E2e.ID)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@ready.rem.test").mx(10, "mx1.ready.rem.test")
                .policy(policy("testing", 86400, "mx1.ready.rem.test"));

        ValidationReport r = validator.validate("ready.rem.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.READY);
        assertThat(r.remediation().policy()).isEmpty();
        assertThat(r.remediation().tlsRptRecord()).isEmpty();
        assertThat(r.remediation().stsRecord()).isEmpty();
        assertThat(r.remediation().enforcePolicy().orElseThrow())
                .isEqualTo("version: STSv1\r\nmode: enforce\r\nmx: mx1.ready.rem.test\r\nmax_age: 604800\r\n");
        assertThat(r.promotion().advice()).contains("mailto:tls@ready.rem.test", "14 to 30 days", "new id");
    }

    @Test
    void everyBlockingWarningIsListed() {
        sandbox.domain("blocked.rem.test").stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1.blocked.rem.test")
                .mx(20, "mx2.elsewhere.test").policyResponse(HttpResponse.ok("text/plain",
                        policy("testing", 86400, "mx1.blocked.rem.test")).withHeader("Content-Type", "text/plain"));

        ValidationReport r = validator.validate("blocked.rem.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        assertThat(blockers(r)).as(describe(r)).containsExactlyInAnyOrder(FindingCode.POLICY_CONTENT_TYPE,
                FindingCode.MX_NOT_COVERED, FindingCode.TLSRPT_MISSING);
        assertThat(r.promotion().advice()).contains("3 blockers");
    }

    @Test
    void anErrorIsABlocker() {
        sandbox.domain("error.rem.test").stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1.error.rem.test")
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@error.rem.test")
                .policy(policy("testing", 86400, "mx1.error.rem.test"))
                .dnsFault("", dev.mtasts.testkit.DnsFault.servfail());

        ValidationReport r = validator.validate("error.rem.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        assertThat(r.errors()).isNotEmpty();
        assertThat(r.promotion().blockers()).containsExactlyElementsOf(r.errors());
    }

    @Test
    void infoFindingsDoNotBlock() {
        sandbox.domain("info.rem.test").stsRecord("v=STSv1; id=" + E2e.ID)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@info.rem.test").mx(10, "mx1.info.rem.test")
                .policy(policy("testing", 1209600, "mx1.info.rem.test", "spare.info.rem.test"));

        ValidationReport r = validator.validate("info.rem.test");

        assertThat(r.findings()).as(describe(r)).isNotEmpty().allMatch(f -> f.severity() == Severity.INFO);
        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.READY);
    }

    @Test
    void brokenAndEnforcingDomainsAreNotCandidates() {
        sandbox.domain("broken.rem.test").stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1.broken.rem.test")
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@broken.rem.test")
                .policy(policy("testing", 86400, "mx1.broken.rem.test")).policyCertificate(CertificateSpec::expired);

        ValidationReport r = validator.validate("broken.rem.test");

        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(r.promotion().blockers()).isEmpty();
        // the certificate is the fix; the policy behind it was not read, so none is proposed
        assertThat(r.remediation().policy()).isEmpty();
        assertThat(r.remediation().enforcePolicy()).isEmpty();
    }

    @Test
    void freshIdDiffersFromTheCurrentIdEvenWithinTheSameSecond() {
        sandbox.domain("same-second.rem.test").stsRecord("v=STSv1; id=" + FRESH_ID).mx(10, "mx1.same-second.rem.test")
                .mx(20, "mx2.same-second.rem.test").tlsRpt("v=TLSRPTv1; rua=mailto:tls@same-second.rem.test")
                .policy(policy("testing", 86400, "mx1.same-second.rem.test"));

        ValidationReport r = validator.validate("same-second.rem.test");

        String proposed = StsRecord.parse(r.remediation().stsRecord().orElseThrow()).id();
        assertThat(proposed).isNotEqualTo(FRESH_ID);
        assertThat(r.findings()).extracting(Finding::code).contains(FindingCode.MX_NOT_COVERED);
    }
}
