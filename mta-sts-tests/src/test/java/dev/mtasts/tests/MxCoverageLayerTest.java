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
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Layer 4: every MX host of the domain against the policy's mx patterns. */
@Timeout(30)
class MxCoverageLayerTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400))).deadline(Duration.ofSeconds(5))
                .build();
    }

    private static SandboxDomain domain(String name, String policyText) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name)
                .policy(policyText);
    }

    @Test
    void uncoveredHostIsNamedWithThePatterns() {
        domain("uncovered.mx.test", policy("enforce", 604800, "mx1.uncovered.mx.test", "*.mail.uncovered.mx.test"))
                .mx(10, "mx1.uncovered.mx.test").mx(20, "mx9.other.test");

        ValidationReport r = validator.validate("uncovered.mx.test");

        assertOutcome(r, Verdict.ENFORCING, true, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.MX_NOT_COVERED, Severity.ERROR).message())
                .contains("mx9.other.test", "mx1.uncovered.mx.test", "*.mail.uncovered.mx.test", "20");
        assertThat(r.mxHosts()).extracting(MxHostResult::covered).containsExactly(true, false);
    }

    @Test
    void wildcardNeverMatchesTwoLabels() {
        domain("deep.mx.test", policy("enforce", 604800, "*.deep.mx.test")).mx(10, "a.b.deep.mx.test")
                .mx(20, "c.deep.mx.test");

        ValidationReport r = validator.validate("deep.mx.test");

        assertOutcome(r, Verdict.ENFORCING, true, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.MX_WILDCARD_TOO_DEEP, Severity.ERROR).message())
                .contains("a.b.deep.mx.test", "*.deep.mx.test");
        assertThat(codes(r)).doesNotContain(FindingCode.MX_NOT_COVERED, FindingCode.POLICY_MX_COVERS_NO_MX);
        assertThat(r.remediation().policy().orElseThrow()).contains("mx: *.deep.mx.test", "mx: a.b.deep.mx.test");
    }

    @Test
    void wildcardTooDeepInTestingBlocksPromotion() {
        domain("deep-testing.mx.test", policy("testing", 86400, "*.deep-testing.mx.test"))
                .mx(10, "a.b.deep-testing.mx.test");

        ValidationReport r = validator.validate("deep-testing.mx.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        finding(r, FindingCode.MX_WILDCARD_TOO_DEEP, Severity.WARNING);
        assertThat(blockers(r)).contains(FindingCode.MX_WILDCARD_TOO_DEEP);
    }

    @Test
    void nullMxMeansMtaStsProtectsNothing() {
        domain("nullmx.mx.test", policy("enforce", 604800, "mx1.nullmx.mx.test")).nullMx();

        ValidationReport r = validator.validate("nullmx.mx.test");

        assertThat(finding(r, FindingCode.MX_NULL, Severity.WARNING).message()).contains("null MX");
        assertThat(r.atRisk()).as(describe(r)).isFalse();
        assertThat(codes(r)).doesNotContain(FindingCode.MX_NOT_COVERED, FindingCode.POLICY_MX_COVERS_NO_MX);
        assertThat(r.remediation().policy()).isEmpty();
    }

    @Test
    void noMxRecordsMeansTheImplicitMxMustBeListed() {
        domain("implicit.mx.test", policy("enforce", 604800, "mx1.implicit.mx.test")).zone()
                .a("implicit.mx.test", "192.0.2.10");

        ValidationReport r = validator.validate("implicit.mx.test");

        assertThat(finding(r, FindingCode.MX_NONE, Severity.WARNING).message()).contains("implicit MX");
        assertThat(r.mxHosts()).extracting(h -> h.host().value()).containsExactly("implicit.mx.test");
        // the only (implicit) MX is not covered: one finding names it, in place of a per-host MX_NOT_COVERED
        assertThat(finding(r, FindingCode.POLICY_MX_COVERS_NO_MX, Severity.ERROR).message()).contains("implicit.mx.test");
        assertThat(codes(r)).doesNotContain(FindingCode.MX_NOT_COVERED);
        assertThat(r.atRisk()).isTrue();
        assertThat(r.remediation().policy().orElseThrow()).contains("mx: implicit.mx.test");
    }

    @Test
    void implicitMxListedInThePolicyIsCovered() {
        domain("implicit-ok.mx.test", policy("enforce", 604800, "implicit-ok.mx.test")).zone()
                .a("implicit-ok.mx.test", "192.0.2.10");

        ValidationReport r = validator.validate("implicit-ok.mx.test");

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(r.mxHosts()).singleElement().satisfies(h -> assertThat(h.covered()).isTrue());
        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.MX_NOT_COVERED);
        assertThat(finding(r, FindingCode.MX_NONE, Severity.INFO).message()).contains("implicit MX");
    }

    @Test
    void mxLookupFailureIsNotAbsenceAndClaimsNoRisk() {
        domain("mxfail.mx.test", policy("enforce", 604800, "mx1.mxfail.mx.test")).mx(10, "mx1.mxfail.mx.test")
                .dnsFault("", DnsFault.servfail());

        ValidationReport r = validator.validate("mxfail.mx.test");

        assertThat(finding(r, FindingCode.DNS_LOOKUP_FAILED, Severity.ERROR, Layer.MX_COVERAGE).message())
                .contains("SERVFAIL", "MX");
        assertThat(codes(r)).doesNotContain(FindingCode.MX_NONE, FindingCode.MX_NOT_COVERED);
        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(r.remediation().policy()).as("nothing known to add").isEmpty();
    }

    @Test
    void uncoveredHostInModeNoneIsOnlyInfo() {
        domain("none.mx.test", policy("none", 86400, "mx1.none.mx.test")).mx(10, "mx1.none.mx.test")
                .mx(20, "mx2.none.mx.test");

        ValidationReport r = validator.validate("none.mx.test");

        assertOutcome(r, Verdict.INACTIVE, false, PromotionStatus.NOT_APPLICABLE);
        finding(r, FindingCode.MX_NOT_COVERED, Severity.INFO);
    }

    @Test
    void unusedPatternIsInfo() {
        domain("stale.mx.test", policy("enforce", 604800, "mx1.stale.mx.test", "old.stale.mx.test"))
                .mx(10, "mx1.stale.mx.test");

        ValidationReport r = validator.validate("stale.mx.test");

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.MX_PATTERN_UNUSED, Severity.INFO).message()).contains("old.stale.mx.test");
    }

    @Test
    void matchingIgnoresCase() {
        domain("case.mx.test", policy("enforce", 604800, "MX1.Case.MX.test")).mx(10, "mx1.CASE.mx.test");

        ValidationReport r = validator.validate("case.mx.test");

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.MX_NOT_COVERED);
    }
}
