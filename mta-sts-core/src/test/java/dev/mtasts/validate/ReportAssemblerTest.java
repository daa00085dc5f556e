package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportAssemblerTest {

    @Test
    void cleanTestingObservationsAreReady() {
        ValidationReport r = Seen.testing().assemble();

        assertThat(r.findings()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        assertThat(r.inconclusive()).isFalse();
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.READY);
        assertThat(r.snapshot()).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("1"));
        assertThat(r.layers()).extracting(l -> l.status()).containsExactly(LayerStatus.PASS, LayerStatus.PASS,
                LayerStatus.PASS, LayerStatus.PASS, LayerStatus.PASS, LayerStatus.PASS);
    }

    @Test
    void resolverThatThrewIsALookupFailureNamingTheCause() {
        ValidationReport r = Seen.testing().stsOutcome(DnsOutcome.NETWORK_ERROR).assemble();

        assertThat(r.findings(FindingCode.DNS_LOOKUP_FAILED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("network error", "test"));
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.inconclusive()).isTrue();
        assertThat(r.policy()).as("the policy is still read").isPresent();
        assertThat(r.remediation().stsRecord()).as("a second record could break the domain").isEmpty();
    }

    @Test
    void refusedAddressesAreNamedWithTheirReasons() {
        ValidationReport r = Seen.testing().addresses("10.0.0.1", "::1").noFetch()
                .refused(List.of(new RefusedAddress(Seen.address("10.0.0.1"), "private (RFC 1918)"),
                        new RefusedAddress(Seen.address("::1"), "loopback (::1)")))
                .assemble();

        assertThat(r.findings(FindingCode.POLICY_HOST_ADDRESS_REFUSED)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("10.0.0.1 (private (RFC 1918))", "0:0:0:0:0:0:0:1 (loopback (::1))");
        });
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
    }

    @Test
    void someAddressesRefusedIsAWarning() {
        ValidationReport r = Seen.testing().addresses("10.0.0.1", "192.0.2.1")
                .refused(List.of(new RefusedAddress(Seen.address("10.0.0.1"), "private (RFC 1918)")))
                .ok(Seen.policy("testing", 86400, Seen.MX), "text/plain").assemble();

        assertThat(r.findings(FindingCode.POLICY_HOST_ADDRESS_REFUSED)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("10.0.0.1 (private (RFC 1918))").doesNotContain("192.0.2.1");
        });
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_READY);
    }

    @Test
    void invalidPolicyWithoutRecordIsNotReported() {
        ValidationReport r = Seen.testing().sts().ok("<html>hello</html>", "text/html").assemble();

        assertThat(r.findings()).extracting(Finding::code).containsExactly(FindingCode.STS_RECORD_MISSING);
        assertThat(r.layer(Layer.POLICY_FETCH).status()).isEqualTo(LayerStatus.SKIPPED);
        assertThat(r.layer(Layer.POLICY_PARSE).status()).isEqualTo(LayerStatus.SKIPPED);
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
    }

    @Test
    void validPolicyWithoutRecordIsReportedWithItsFetchFindings() {
        ValidationReport r = Seen.testing().sts().ok(Seen.policy("testing", 86400, Seen.MX), "text/html").assemble();

        assertThat(r.findings()).extracting(Finding::code).containsExactlyInAnyOrder(FindingCode.STS_RECORD_MISSING,
                FindingCode.POLICY_WITHOUT_STS_RECORD, FindingCode.POLICY_CONTENT_TYPE);
        assertThat(r.findings(FindingCode.POLICY_CONTENT_TYPE)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
    }

    @Test
    void changedPolicyWithTheSameIdIsAnErrorAndGetsAFreshId() {
        PolicySnapshot before = new PolicySnapshot("example.com", "1", SnapshotCheck.sha256("something else"),
                Seen.NOW.minus(Duration.ofDays(1)));

        ValidationReport r = Seen.testing().assemble(Optional.of(before));

        assertThat(r.findings(FindingCode.POLICY_CHANGED_WITHOUT_NEW_ID)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(r.remediation().stsRecord()).contains("v=STSv1; id=20261129T120000");
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_READY);
    }

    @Test
    void theSnapshotIgnoresHowThePolicyIsServed() {
        ValidationReport plain = Seen.testing().assemble();
        ValidationReport html = Seen.testing().ok(Seen.policy("testing", 86400, Seen.MX), "text/html").assemble();

        assertThat(html.snapshot()).isPresent();
        assertThat(html.snapshot().get().policySha256()).isEqualTo(plain.snapshot().get().policySha256());
    }

    @Test
    void freshIdNeverRepeatsTheCurrentId() {
        assertThat(RemediationWriter.freshId(Seen.NOW)).isEqualTo("20261129T120000");
        assertThat(RemediationWriter.freshId(Seen.NOW, Optional.of("20261129T120000"))).isEqualTo("20261129T120001");
        assertThat(RemediationWriter.freshId(Seen.NOW, Optional.of("other"))).isEqualTo("20261129T120000");
        assertThat(RemediationWriter.freshId(Seen.NOW, Optional.empty())).isEqualTo("20261129T120000");
    }

    @Test
    void failedMxLookupInEnforceIsNoRiskClaim() {
        ValidationReport r = Seen.deployed("example.com", "enforce").mxOutcome(DnsOutcome.SERVFAIL).assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.ENFORCING);
        assertThat(r.atRisk()).isFalse();
        assertThat(r.layer(Layer.MX_COVERAGE).status()).isEqualTo(LayerStatus.FAIL);
    }

    @Test
    void uncoveredMxInEnforceIsARisk() {
        ValidationReport r = Seen.deployed("example.com", "enforce").mx(Seen.MX, "mx2.example.org").assemble();

        assertThat(r.atRisk()).isTrue();
        assertThat(r.findings(FindingCode.MX_NOT_COVERED)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(r.remediation().policy()).hasValueSatisfying(p -> assertThat(p).contains("mx: mx2.example.org"));
    }

    @Test
    void brokenDeploymentGetsTheRepairButNoEnforceTextYet() {
        ValidationReport r = Seen.testing().sts("v=STSv1; id=1", "v=STSv1; id=2").assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.remediation().stsRecord()).contains("v=STSv1; id=20261129T120000");
        assertThat(r.remediation().enforcePolicy()).isEmpty();
        assertThat(r.remediation().enforceStsRecord()).isEmpty();
    }

    @Test
    void testingDeploymentGetsTheEnforceTextAsTheNextStep() {
        ValidationReport r = Seen.testing().assemble();

        assertThat(r.remediation().enforcePolicy()).hasValueSatisfying(p -> assertThat(p).contains("mode: enforce",
                "max_age: 604800"));
        assertThat(r.remediation().enforceStsRecord()).contains("v=STSv1; id=20261129T120000");
        assertThat(r.remediation().policy()).isEmpty();
        assertThat(r.remediation().stsRecord()).isEmpty();
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        DomainName domain = DomainName.of("example.com");
        var o = Seen.testing().observations();

        assertThatNullPointerException().isThrownBy(() -> ReportAssembler.assemble(null, Seen.NOW, Duration.ZERO, o,
                Optional.empty())).withMessage("domain");
        assertThatNullPointerException().isThrownBy(() -> ReportAssembler.assemble(domain, null, Duration.ZERO, o,
                Optional.empty())).withMessage("checkedAt");
        assertThatNullPointerException().isThrownBy(() -> ReportAssembler.assemble(domain, Seen.NOW, null, o,
                Optional.empty())).withMessage("elapsed");
        assertThatNullPointerException().isThrownBy(() -> ReportAssembler.assemble(domain, Seen.NOW, Duration.ZERO,
                null, Optional.empty())).withMessage("observations");
        assertThatNullPointerException().isThrownBy(() -> ReportAssembler.assemble(domain, Seen.NOW, Duration.ZERO, o,
                null)).withMessage("previous");
    }
}
