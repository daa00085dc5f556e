package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.assertOutcome;
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
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Layer 1: the {@code _mta-sts} TXT record, its absence, its defects, and DNS failures told apart from absence. */
@Timeout(30)
class DnsRecordLayerTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400))).deadline(Duration.ofSeconds(5))
                .build();
    }

    /** A domain with a valid testing policy, one MX and TLS-RPT, but no STS record yet. */
    private static SandboxDomain withPolicy(String name) {
        return sandbox.domain(name).mx(10, "mx1." + name).tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name)
                .policy(policy("testing", 86400, "mx1." + name));
    }

    @Test
    void noRecordAtAllIsNotDeployed() {
        sandbox.domain("none.dns.test").mx(10, "mx1.none.dns.test");

        ValidationReport r = validator.validate("none.dns.test");

        assertOutcome(r, Verdict.NOT_DEPLOYED, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.STS_RECORD_MISSING, Severity.WARNING).message()).contains("NXDOMAIN");
        assertThat(r.errors()).as(describe(r)).isEmpty();
        assertThat(r.layer(Layer.POLICY_FETCH).status()).isEqualTo(LayerStatus.SKIPPED);
        assertThat(r.remediation().stsRecord()).isPresent();
        assertThat(r.remediation().policy().orElseThrow()).contains("mode: testing", "mx: mx1.none.dns.test");
        assertThat(r.remediation().tlsRptRecord()).contains("v=TLSRPTv1; rua=mailto:tls-reports@none.dns.test");
    }

    @Test
    void onlyAnSpfRecordIsNotDeployed() {
        sandbox.domain("spf.dns.test").mx(10, "mx1.spf.dns.test").zone().txt("_mta-sts.spf.dns.test", "v=spf1 -all");

        ValidationReport r = validator.validate("spf.dns.test");

        assertOutcome(r, Verdict.NOT_DEPLOYED, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.STS_RECORD_MISSING, Severity.WARNING).message()).contains("1 other TXT");
    }

    @Test
    void recordSplitIntoSeveralStringsIsJoinedWithoutSpaces() {
        withPolicy("split.dns.test").stsRecord("v=STSv1; i", "d=" + E2e.ID);

        ValidationReport r = validator.validate("split.dns.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.READY);
        assertThat(r.stsRecord().orElseThrow().id()).isEqualTo(E2e.ID);
    }

    @Test
    void recordWithoutIdIsInvalidWithTheReason() {
        withPolicy("noid.dns.test").stsRecord("v=STSv1; foo=bar");

        ValidationReport r = validator.validate("noid.dns.test");

        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.STS_RECORD_INVALID, Severity.ERROR).message())
                .contains("v=STSv1; foo=bar", "id");
        assertThat(r.layer(Layer.DNS_RECORD).status()).isEqualTo(LayerStatus.FAIL);
    }

    @Test
    void lookAlikeRecordIsDiscardedAndReported() {
        withPolicy("lookalike.dns.test").stsRecord("V=STSv1; id=" + E2e.ID);

        ValidationReport r = validator.validate("lookalike.dns.test");

        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.STS_RECORD_INVALID, Severity.ERROR).message()).contains("V=STSv1");
    }

    @Test
    void idOfThirtyThreeCharactersIsTooLong() {
        withPolicy("longid.dns.test").stsRecord("v=STSv1; id=" + "a".repeat(33));

        ValidationReport r = validator.validate("longid.dns.test");

        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.STS_ID_INVALID, Severity.ERROR).message()).contains("a".repeat(33));
    }

    @Test
    void idWithDashesHasBadCharacters() {
        withPolicy("dashid.dns.test").stsRecord("v=STSv1; id=2026-11-01");

        ValidationReport r = validator.validate("dashid.dns.test");

        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        finding(r, FindingCode.STS_ID_INVALID, Severity.ERROR);
    }

    @Test
    void servfailIsALookupFailureNotAbsence() {
        withPolicy("servfail.dns.test").stsRecord("v=STSv1; id=" + E2e.ID).dnsFault("_mta-sts", DnsFault.servfail());

        ValidationReport r = validator.validate("servfail.dns.test");

        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.STS_RECORD_MISSING,
                FindingCode.STS_RECORD_WITHOUT_POLICY);
        assertThat(finding(r, FindingCode.DNS_LOOKUP_FAILED, Severity.ERROR, Layer.DNS_RECORD).message())
                .contains("SERVFAIL", "_mta-sts.servfail.dns.test");
        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
    }

    @Test
    void timeoutIsALookupFailureNotAbsence() {
        withPolicy("timeout.dns.test").stsRecord("v=STSv1; id=" + E2e.ID).dnsFault("_mta-sts", DnsFault.drop());

        ValidationReport r = validator.validate("timeout.dns.test");

        assertThat(codes(r)).as(describe(r)).doesNotContain(FindingCode.STS_RECORD_MISSING);
        assertThat(finding(r, FindingCode.DNS_LOOKUP_FAILED, Severity.ERROR, Layer.DNS_RECORD).message())
                .contains("timeout");
        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
    }

    @Test
    void refusedIsALookupFailure() {
        withPolicy("refused.dns.test").stsRecord("v=STSv1; id=" + E2e.ID).dnsFault("_mta-sts", DnsFault.refused());

        ValidationReport r = validator.validate("refused.dns.test");

        assertThat(finding(r, FindingCode.DNS_LOOKUP_FAILED, Severity.ERROR, Layer.DNS_RECORD).message())
                .contains("REFUSED");
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
    }

    @Test
    void failedLookupOfAnUndeployedDomainDoesNotClaimARecordExists() {
        sandbox.domain("flaky.dns.test").mx(10, "mx1.flaky.dns.test").dnsFault("_mta-sts", DnsFault.servfail());

        ValidationReport r = validator.validate("flaky.dns.test");

        assertThat(codes(r)).as(describe(r)).containsExactlyInAnyOrder(FindingCode.DNS_LOOKUP_FAILED,
                FindingCode.TLSRPT_MISSING);
    }

    @Test
    void policyWithoutRecordIsToldApartFromRecordWithoutPolicy() {
        withPolicy("orphan.dns.test");
        sandbox.domain("no-host.dns.test").stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1.no-host.dns.test")
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@no-host.dns.test");

        ValidationReport orphan = validator.validate("orphan.dns.test");
        ValidationReport noHost = validator.validate("no-host.dns.test");

        assertOutcome(orphan, Verdict.NOT_DEPLOYED, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(orphan, FindingCode.POLICY_WITHOUT_STS_RECORD, Severity.ERROR).message())
                .contains("mode testing");
        assertThat(codes(orphan)).doesNotContain(FindingCode.STS_RECORD_WITHOUT_POLICY);
        assertThat(orphan.remediation().stsRecord()).isPresent();

        assertOutcome(noHost, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        finding(noHost, FindingCode.STS_RECORD_WITHOUT_POLICY, Severity.ERROR);
        assertThat(finding(noHost, FindingCode.POLICY_HOST_NOT_FOUND, Severity.ERROR).message())
                .contains("mta-sts.no-host.dns.test");
        assertThat(codes(noHost)).doesNotContain(FindingCode.POLICY_WITHOUT_STS_RECORD);
    }

    @Test
    void catchAllWebSiteWithoutRecordIsQuietlyNotDeployed() {
        sandbox.domain("catchall.dns.test").mx(10, "mx1.catchall.dns.test")
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@catchall.dns.test")
                .policyResponse(HttpResponse.ok("text/html", "<html><body>Welcome</body></html>\n"));

        ValidationReport r = validator.validate("catchall.dns.test");

        assertOutcome(r, Verdict.NOT_DEPLOYED, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(codes(r)).as(describe(r)).containsExactly(FindingCode.STS_RECORD_MISSING);
    }
}
