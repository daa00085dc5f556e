package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Verdicts a script can trust: UNKNOWN when nothing answered, BROKEN only when something is known to be broken. */
class VerdictRuleTest {

    private static Seen allFailing(DnsOutcome outcome) {
        return Seen.testing().stsOutcome(outcome).mxOutcome(outcome).rptOutcome(outcome).addressesOutcome(outcome);
    }

    @ParameterizedTest
    @EnumSource(value = DnsOutcome.class, names = {"TIMEOUT", "NETWORK_ERROR", "SERVFAIL", "REFUSED", "MALFORMED"})
    void whenNoLookUpGotAnAnswerTheVerdictIsUnknown(DnsOutcome outcome) {
        ValidationReport r = allFailing(outcome).assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.inconclusive()).isTrue();
        assertThat(r.atRisk()).isFalse();
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_APPLICABLE);
        assertThat(r.findings()).extracting(Finding::code).containsOnly(FindingCode.DNS_LOOKUP_FAILED);
        assertThat(r.findings(FindingCode.DNS_LOOKUP_FAILED)).extracting(Finding::layer)
                .containsExactly(Layer.DNS_RECORD, Layer.MX_COVERAGE, Layer.TLS_RPT);
        assertThat(r.remediation().stsRecord()).isEmpty();
        assertThat(r.remediation().policy()).isEmpty();
        assertThat(r.remediation().tlsRptRecord()).isEmpty();
        assertThat(r.layers()).hasSize(Layer.values().length);
    }

    @Test
    void mixedFailuresAreStillUnknown() {
        ValidationReport r = Seen.testing().stsOutcome(DnsOutcome.TIMEOUT).mxOutcome(DnsOutcome.SERVFAIL)
                .rptOutcome(DnsOutcome.REFUSED).addressesOutcome(DnsOutcome.NETWORK_ERROR).assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void oneAnswerAmongFailuresMakesTheVerdictBrokenNotUnknown() {
        ValidationReport r = allFailing(DnsOutcome.SERVFAIL).mx(Seen.MX).assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.inconclusive()).isTrue();
    }

    @Test
    void anAnsweredNxdomainCountsAsAnAnswer() {
        ValidationReport r = allFailing(DnsOutcome.TIMEOUT).sts().assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
    }

    @Test
    void onlyTheStsLookUpFailingIsBrokenAndInconclusive() {
        ValidationReport r = Seen.testing().stsOutcome(DnsOutcome.SERVFAIL).assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.inconclusive()).isTrue();
        assertThat(r.hasErrors()).isTrue();
    }

    @Test
    void aFailedPolicyHostLookUpUnderAValidRecordIsBrokenAndInconclusive() {
        ValidationReport r = Seen.testing().addressesOutcome(DnsOutcome.SERVFAIL).assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.inconclusive()).isTrue();
        assertThat(r.findings(FindingCode.DNS_LOOKUP_FAILED)).singleElement()
                .satisfies(f -> assertThat(f.layer()).isEqualTo(Layer.POLICY_FETCH));
    }
}
