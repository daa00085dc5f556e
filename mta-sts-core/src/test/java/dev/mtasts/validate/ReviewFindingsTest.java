package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Severity;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two cases a review found: a policy that came only after the minute, and an enforce text that would refuse mail. */
class ReviewFindingsTest {

    @Test
    void aPolicyThatArrivesAfterTheMinuteIsIgnoredBySendersAndSoAnError() {
        ValidationReport r = Seen.testing()
                .ok(Seen.policy("testing", 86400, Seen.MX), Duration.ofSeconds(64), "text/plain").assemble();

        assertThat(r.findings(FindingCode.POLICY_TIMEOUT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("64000 ms", "more than the minute");
        });
        assertThat(r.has(FindingCode.POLICY_SLOW)).isFalse();
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.policy()).isEmpty();
    }

    @Test
    void aPolicyJustWithinTheMinuteIsOnlySlow() {
        ValidationReport r = Seen.testing()
                .ok(Seen.policy("testing", 86400, Seen.MX), Duration.ofSeconds(59), "text/plain").assemble();

        assertThat(r.findings(FindingCode.POLICY_SLOW)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
    }

    @Test
    void noEnforcePolicyIsProposedWhileAnMxHostCannotBeNamedByAnyPattern() {
        // the only MX host has a '_' in a label below a top-level name: no exact pattern names it, and a wildcard
        // over a top-level name is never proposed, so a testing policy cannot be made to cover it
        ValidationReport r = Seen.deployed("example.com", "testing").mx("mx_1.test")
                .ok(Seen.policy("testing", 86400, "mx1.odd.example"), "text/plain").assemble();

        assertThat(r.has(FindingCode.MX_NOT_COVERED) || r.has(FindingCode.POLICY_MX_COVERS_NO_MX)).isTrue();
        assertThat(r.remediation().enforcePolicy()).as(r.remediation().toString()).isEmpty();
        assertThat(r.remediation().enforceStsRecord()).isEmpty();
    }

    @Test
    void anEnforcePolicyIsProposedWhenTheTestingPolicyCoversEveryMx() {
        ValidationReport r = Seen.testing().assemble();

        assertThat(r.remediation().enforcePolicy()).hasValueSatisfying(text -> assertThat(text)
                .contains("mode: enforce", "mx: " + Seen.MX));
    }

    @Test
    void aDomainThatDoesNotExistIsNotToldToPublishWhatTheRemediationDoesNotHold() {
        ValidationReport r = Seen.deployed("typo.example", "testing").stsOutcome(dev.mtasts.resolver.DnsOutcome.NXDOMAIN)
                .mxOutcome(dev.mtasts.resolver.DnsOutcome.NXDOMAIN).rptOutcome(dev.mtasts.resolver.DnsOutcome.NXDOMAIN)
                .addressesOutcome(dev.mtasts.resolver.DnsOutcome.NXDOMAIN).assemble();

        assertThat(r.has(FindingCode.DOMAIN_NOT_FOUND)).isTrue();
        assertThat(r.remediation().policy()).isEmpty();
        assertThat(r.promotion().advice()).contains("does not exist").doesNotContain("see the remediation");
    }

    @Test
    void theEnforceRecordHasAnIdOfItsOwnWhenARecordIsToBePublishedFirst() {
        // a testing policy that misses the second MX: the repair needs a new record, and the promotion another
        ValidationReport r = Seen.testing().mx(Seen.MX, "mx2.mail.example.net").assemble();

        assertThat(r.remediation().stsRecord()).isPresent();
        assertThat(r.remediation().enforceStsRecord()).isPresent();
        assertThat(r.remediation().enforceStsRecord()).isNotEqualTo(r.remediation().stsRecord());
        assertThat(r.remediation().enforceStsRecord().orElseThrow()).doesNotContain("id=1;").doesNotEndWith("id=1");
    }

    @Test
    void aPolicyWithoutARecordIsNotCalledInvalidNorToldToPublishAPolicy() {
        ValidationReport r = Seen.testing().stsOutcome(dev.mtasts.resolver.DnsOutcome.NXDOMAIN).assemble();

        assertThat(r.has(FindingCode.POLICY_WITHOUT_STS_RECORD)).isTrue();
        assertThat(r.layer(dev.mtasts.report.Layer.MX_COVERAGE).note()).hasValueSatisfying(n -> assertThat(n)
                .contains("no _mta-sts record announces the policy"));
        assertThat(r.promotion().advice()).contains("publish the record").doesNotContain("publish a testing policy");
    }
}
