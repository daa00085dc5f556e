package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.assertOutcome;
import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Severity;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.MtaStsSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Domains as long as DNS allows, deployed in full in the sandbox: a 63-character label (a policy host longer than
 * the 64 characters a certificate's CN may have) and a 240-character domain (whose SOA could not name
 * {@code hostmaster.} below it) validate like any other; a 250-character domain, which can have no
 * {@code _mta-sts} record, is {@code NOT_DEPLOYED}, not {@code UNKNOWN}, even when its MX look-up is negative.
 */
@Timeout(30)
@ExtendWith(MtaStsSandboxExtension.class)
class LongDomainNamesTest {

    /** A domain of {@code length} characters under {@code long.test}: labels of 63 letters, the last shorter. */
    static String domainOf(int length) {
        String tail = ".long.test";
        StringBuilder out = new StringBuilder();
        char letter = 'a';
        int left = length - tail.length();
        while (left > 0) {
            if (out.length() > 0) {
                out.append('.');
                left--;
            }
            int label = Math.min(63, left);
            if (left - label == 1) {
                label--;   // leave room for a dot and a label of one letter
            }
            out.append(String.valueOf(letter++).repeat(label));
            left -= label;
        }
        return out.append(tail).toString();
    }

    /** Publishes a record, an MX, TLS-RPT and a policy; validates. */
    private static ValidationReport deployAndValidate(MtaStsSandbox sandbox, String domain, String mode) {
        sandbox.domain(domain)
                .stsRecord("v=STSv1; id=" + E2e.ID)
                .mx(10, "mx1." + domain)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls-reports@example.test")
                .policy(policy(mode, 604800, "mx1." + domain));
        // the reports' mailbox domain receives mail: its MX is looked up too
        sandbox.dnsServer().zone("example.test").mx("example.test", 10, "mx.example.test");
        return sandbox.validatorBuilder().build().validate(domain);
    }

    private static void assertCleanly(ValidationReport r) {
        assertThat(r.errors()).as(describe(r)).isEmpty();
        assertThat(r.warnings()).as(describe(r)).isEmpty();
        assertThat(r.inconclusive()).as(describe(r)).isFalse();
    }

    @Test
    void aDomainWithALabelOfSixtyThreeCharactersIsEnforcing(MtaStsSandbox sandbox) {
        String domain = "x".repeat(63) + ".long.test";
        assertThat(("mta-sts." + domain).length()).isGreaterThan(64);

        ValidationReport r = deployAndValidate(sandbox, domain, "enforce");

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        assertCleanly(r);
        CertificateFacts served = r.observations().policyFetch().orElseThrow().certificates().get(0);
        assertThat(served.dnsNames()).containsExactly("mta-sts." + domain);
        assertThat(served.subject()).as("no CN: it would be over 64 characters").doesNotContain("CN=");
    }

    @Test
    void aDomainOfTwoHundredAndFortyCharactersIsTestingAndReadyToPromote(MtaStsSandbox sandbox) {
        String domain = domainOf(240);
        assertThat(domain).hasSize(240);

        ValidationReport r = deployAndValidate(sandbox, domain, "testing");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.READY);
        assertCleanly(r);
        assertThat(r.observations().tlsRptTxt()).map(a -> a.outcome()).contains(DnsOutcome.FOUND);
    }

    @Test
    void aDomainOfTwoHundredAndFortyCharactersWithoutTlsRptGetsANegativeAnswerNotATimeout(MtaStsSandbox sandbox) {
        String domain = domainOf(240);
        sandbox.domain(domain).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + domain)
                .policy(policy("testing", 86400, "mx1." + domain));

        ValidationReport r = sandbox.validatorBuilder().build().validate(domain);

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.NOT_READY);
        assertThat(r.observations().tlsRptTxt()).map(a -> a.outcome()).contains(DnsOutcome.NXDOMAIN);
        assertThat(codes(r)).contains(FindingCode.TLSRPT_MISSING).doesNotContain(FindingCode.DNS_LOOKUP_FAILED);
    }

    @Test
    void aDomainOfTwoHundredAndFiftyCharactersWithoutMxIsNotDeployedBecauseNoRecordCanExist(MtaStsSandbox sandbox) {
        String domain = domainOf(250);
        assertThat(domain).hasSize(250);
        sandbox.domain(domain);   // the domain exists, with no record at all: its MX look-up is NODATA

        ValidationReport r = sandbox.validatorBuilder().build().validate(domain);

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(r.inconclusive()).as(describe(r)).isFalse();
        assertThat(r.observations().mx().outcome()).isEqualTo(DnsOutcome.NODATA);
        assertThat(r.findings(FindingCode.RECORD_NAME_TOO_LONG)).as(describe(r)).extracting(Finding::layer)
                .containsExactly(Layer.DNS_RECORD, Layer.TLS_RPT);
        assertThat(r.findings(FindingCode.RECORD_NAME_TOO_LONG)).extracting(Finding::severity)
                .containsOnly(Severity.WARNING);
        assertThat(codes(r)).doesNotContain(FindingCode.DNS_LOOKUP_FAILED);
    }

    @Test
    void aDomainOfTwoHundredAndFiftyCharactersWithAnMxIsNotDeployedToo(MtaStsSandbox sandbox) {
        String domain = domainOf(250);
        sandbox.domain(domain).mx(10, "mx1.long.test");

        ValidationReport r = sandbox.validatorBuilder().build().validate(domain);

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(codes(r)).contains(FindingCode.RECORD_NAME_TOO_LONG).doesNotContain(FindingCode.DNS_LOOKUP_FAILED);
    }
}
