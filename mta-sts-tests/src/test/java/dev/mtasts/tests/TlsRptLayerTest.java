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
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Layer 5: the {@code _smtp._tls} TXT record, which a testing policy needs before it can be promoted. */
@Timeout(30)
class TlsRptLayerTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400))).deadline(Duration.ofSeconds(5))
                .build();
    }

    /** A clean testing deployment without any TLS-RPT record. */
    private static SandboxDomain testing(String name) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .policy(policy("testing", 86400, "mx1." + name));
    }

    @Test
    void invalidRecordBlocksPromotion() {
        testing("invalid.rpt.test").tlsRpt("v=TLSRPTv1; ruf=mailto:x@invalid.rpt.test");

        ValidationReport r = validator.validate("invalid.rpt.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        assertThat(finding(r, FindingCode.TLSRPT_INVALID, Severity.WARNING).message()).contains("ruf=mailto");
        assertThat(blockers(r)).containsExactly(FindingCode.TLSRPT_INVALID);
        assertThat(r.remediation().tlsRptRecord()).contains("v=TLSRPTv1; rua=mailto:tls-reports@invalid.rpt.test");
    }

    @Test
    void twoRecordsMeanNoReports() {
        testing("two.rpt.test").tlsRpt("v=TLSRPTv1; rua=mailto:a@two.rpt.test")
                .tlsRpt("v=TLSRPTv1; rua=mailto:b@two.rpt.test");

        ValidationReport r = validator.validate("two.rpt.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        assertThat(finding(r, FindingCode.TLSRPT_MULTIPLE, Severity.WARNING).message())
                .contains("mailto:a@two.rpt.test", "mailto:b@two.rpt.test");
        assertThat(blockers(r)).containsExactly(FindingCode.TLSRPT_MULTIPLE);
    }

    @Test
    void unusableSchemeBesideAMailtoIsAWarningThatDoesNotBlock() {
        testing("mixed.rpt.test").tlsRpt("v=TLSRPTv1; rua=mailto:tls@mixed.rpt.test,ftp://reports.mixed.rpt.test/");

        ValidationReport r = validator.validate("mixed.rpt.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.READY);
        assertThat(finding(r, FindingCode.TLSRPT_RUA_SCHEME, Severity.WARNING).message()).contains("ftp://");
    }

    @Test
    void onlyUnusableSchemesMeanNoReportsAndNameTheScheme() {
        testing("ftp.rpt.test").tlsRpt("v=TLSRPTv1; rua=ftp://reports.ftp.rpt.test/");

        ValidationReport r = validator.validate("ftp.rpt.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        assertThat(r.findings(FindingCode.TLSRPT_RUA_SCHEME)).as(describe(r)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ftp://reports.ftp.rpt.test/"));
        assertThat(blockers(r)).as(describe(r)).isNotEmpty().allMatch(c -> c.layer() == Layer.TLS_RPT);
        assertThat(r.tlsRptRecord()).isEmpty();
    }

    @Test
    void httpsDestinationIsFine() {
        testing("https.rpt.test").tlsRpt("v=TLSRPTv1; rua=https://reports.https.rpt.test/v1")
                .zone().a("reports.https.rpt.test", MtaStsSandbox.SERVER_ADDRESS);   // the endpoint must resolve

        ValidationReport r = validator.validate("https.rpt.test");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.READY);
        assertThat(r.findings()).as(describe(r)).isEmpty();
        assertThat(r.promotion().advice()).contains("https://reports.https.rpt.test/v1");
    }

    @Test
    void lookupFailureIsNotAbsenceAndSuggestsNoDuplicateRecord() {
        testing("rptfail.rpt.test").tlsRpt("v=TLSRPTv1; rua=mailto:tls@rptfail.rpt.test")
                .dnsFault("_smtp._tls", DnsFault.servfail());

        ValidationReport r = validator.validate("rptfail.rpt.test");

        assertThat(codes(r)).doesNotContain(FindingCode.TLSRPT_MISSING);
        assertThat(finding(r, FindingCode.DNS_LOOKUP_FAILED, Severity.WARNING, Layer.TLS_RPT).message())
                .contains("SERVFAIL");
        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        assertThat(r.remediation().tlsRptRecord()).as("a record may exist: suggesting one risks two").isEmpty();
    }

    @Test
    void tlsRptAloneWithoutMtaStsIsStillChecked() {
        sandbox.domain("alone.rpt.test").mx(10, "mx1.alone.rpt.test").tlsRpt("v=TLSRPTv1; rua=mailto:tls@alone.rpt.test");

        ValidationReport r = validator.validate("alone.rpt.test");

        assertOutcome(r, Verdict.NOT_DEPLOYED, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(r.tlsRptRecord()).isPresent();
        assertThat(r.remediation().tlsRptRecord()).isEmpty();
    }
}
