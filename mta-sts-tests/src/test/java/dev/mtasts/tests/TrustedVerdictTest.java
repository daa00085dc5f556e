package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Severity;
import dev.mtasts.Validator;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.Remediation;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.DnsFault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Verdicts a script can trust, end to end: a domain that does not exist is an error of its own, a check that got no
 * DNS answer at all is UNKNOWN (not BROKEN), names too long to exist are said so, and odd but valid domain names
 * get a report and a remediation this library's own parsers accept.
 */
@Timeout(30)
class TrustedVerdictTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().deadline(Duration.ofSeconds(8)).build();
    }

    private static Finding only(ValidationReport r, FindingCode code) {
        List<Finding> found = r.findings(code);
        assertThat(found).as(describe(r)).hasSize(1);
        return found.get(0);
    }

    private static void assertRemediationParses(ValidationReport r) {
        r.remediation().stsRecord().ifPresent(StsRecord::parse);
        r.remediation().enforceStsRecord().ifPresent(StsRecord::parse);
        r.remediation().tlsRptRecord().ifPresent(TlsRptRecord::parse);
    }

    @Test
    void aTypoDomainIsNotFoundAndThatIsAnError() {
        sandbox.domain("real.verdict.test").mx(10, "mx1.real.verdict.test");

        ValidationReport r = validator.validate("typo.real.verdict.test");

        Finding f = only(r, FindingCode.DOMAIN_NOT_FOUND);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.layer()).isEqualTo(Layer.DNS_RECORD);
        assertThat(f.message()).contains("typo.real.verdict.test", "NXDOMAIN");
        assertThat(r.findings(FindingCode.MX_NONE)).isEmpty();
        assertThat(r.hasErrors()).as("the CLI exits 1").isTrue();
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(r.remediation()).isEqualTo(Remediation.none());
    }

    @Test
    void whenEveryLookUpFailsTheVerdictIsUnknown() {
        // no zone holds these names: the sandbox's server answers REFUSED for each
        ValidationReport r = validator.validate("nozone.unknown.verdict.test");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.inconclusive()).isTrue();
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_APPLICABLE);
        assertThat(r.findings()).extracting(Finding::code).containsOnly(FindingCode.DNS_LOOKUP_FAILED);
        assertThat(r.findings(FindingCode.DNS_LOOKUP_FAILED)).allSatisfy(f -> assertThat(f.message())
                .contains("REFUSED"));
    }

    @Test
    void whenOnlySomeLookUpsFailTheVerdictIsBroken() {
        sandbox.domain("partial.verdict.test").stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1.partial.verdict.test")
                .policy(policy("testing", 86400, "mx1.partial.verdict.test"))
                .dnsFault("_mta-sts", DnsFault.servfail());

        ValidationReport r = validator.validate("partial.verdict.test");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.BROKEN);
        assertThat(r.inconclusive()).isTrue();
        assertThat(only(r, FindingCode.DNS_LOOKUP_FAILED).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void aDomainOfTwoHundredAndFiftyCharactersIsReportedWithoutAskingForNamesThatCannotExist() {
        String name = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(45)
                + ".verdict.test";
        assertThat(name).hasSize(250);
        sandbox.domain(name).mx(10, "mx1.verdict.test");

        ValidationReport r = validator.validate(name);

        assertThat(r.findings(FindingCode.RECORD_NAME_TOO_LONG)).as(describe(r)).extracting(Finding::layer)
                .containsExactly(Layer.DNS_RECORD, Layer.TLS_RPT);
        assertThat(r.findings(FindingCode.RECORD_NAME_TOO_LONG)).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("253");
        });
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(r.errors()).isEmpty();
        assertThat(r.remediation()).isEqualTo(Remediation.none());
    }

    @Test
    void aDomainWithAnUnderscoreGetsAReportAndNoTlsRptRecordItCannotHave() {
        sandbox.domain("a_b.verdict.test").mx(10, "mx1.verdict.test");

        ValidationReport r = validator.validate("a_b.verdict.test");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(r.remediation().tlsRptRecord()).isEmpty();
        assertThat(only(r, FindingCode.TLSRPT_MISSING).remediation()).contains("a mailbox of yours");
        assertThat(r.remediation().stsRecord()).isPresent();
        assertRemediationParses(r);
    }

    @Test
    void oddButValidNamesNeverThrow() {
        for (String name : List.of("localhost", "xn--bcher-kva.verdict.test", "x" + "9".repeat(62) + ".verdict.test",
                "_tcp.verdict.test", "1.2.verdict.test")) {
            sandbox.domain(name).mx(10, "mx1.verdict.test");

            ValidationReport r = validator.validate(name);

            assertThat(r.layers()).as(name).hasSize(Layer.values().length);
            assertRemediationParses(r);
        }
    }
}
