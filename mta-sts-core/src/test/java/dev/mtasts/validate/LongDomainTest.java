package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.Remediation;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Domains of 243 to 253 characters are valid, but a name below them is not: {@code _smtp._tls.} (11 characters)
 * from 243, {@code _mta-sts.} (9) from 245, {@code mta-sts.} (8) from 246.
 */
class LongDomainTest {

    /** @return a valid domain of exactly {@code length} characters, ending in {@code .com} */
    static String domainOf(int length) {
        StringBuilder out = new StringBuilder();
        int left = length - 3; // "com"
        while (left > 0) {
            int label = Math.min(63, left - 1);
            if (left - (label + 1) == 1) {
                label--; // never leave room for an empty label
            }
            out.append("a".repeat(label)).append('.');
            left -= label + 1;
        }
        String name = out.append("com").toString();
        assertThat(DomainName.of(name).value()).hasSize(length);
        return name;
    }

    private static Seen deployed(int length) {
        return Seen.deployed(domainOf(length), "testing");
    }

    @ParameterizedTest
    @ValueSource(ints = {243, 244})
    void tlsRptCannotBeDeployedButMtaStsWorks(int length) {
        ValidationReport r = deployed(length).assemble();

        Finding f = r.findings(FindingCode.RECORD_NAME_TOO_LONG).stream().findFirst().orElseThrow();
        assertThat(r.findings(FindingCode.RECORD_NAME_TOO_LONG)).hasSize(1);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.layer()).isEqualTo(Layer.TLS_RPT);
        assertThat(f.message()).contains("_smtp._tls.", "would be " + (length + 11) + " characters", "253",
                "TLS-RPT cannot be deployed");
        assertThat(r.findings(FindingCode.TLSRPT_MISSING)).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        assertThat(r.promotion().status()).as("nothing can be published to fix it").isEqualTo(PromotionStatus.READY);
        assertThat(r.promotion().advice()).contains("TLS logs");
        assertThat(r.remediation().tlsRptRecord()).isEmpty();
        assertThat(r.remediation().enforcePolicy()).isPresent();
        assertThat(r.remediation().enforceStsRecord()).isPresent();
    }

    @Test
    void aMissingRecordAt244IsProposedWithoutTlsRpt() {
        ValidationReport r = deployed(244).sts().assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(r.remediation().stsRecord()).isPresent();
        assertThat(r.remediation().tlsRptRecord()).isEmpty();
    }

    @Test
    void at245NoMtaStsRecordCanExistThoughThePolicyHostCan() {
        ValidationReport r = deployed(245).assemble();

        assertThat(r.findings(FindingCode.RECORD_NAME_TOO_LONG)).extracting(Finding::layer)
                .containsExactly(Layer.DNS_RECORD, Layer.TLS_RPT);
        Finding sts = r.findings(FindingCode.RECORD_NAME_TOO_LONG).get(0);
        assertThat(sts.severity()).isEqualTo(Severity.WARNING);
        assertThat(sts.message()).contains("_mta-sts.", "would be 254 characters", "MTA-STS cannot be deployed");
        assertThat(r.findings(FindingCode.STS_RECORD_MISSING)).isEmpty();
        assertThat(r.findings(FindingCode.POLICY_WITHOUT_STS_RECORD)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("can announce it");
            assertThat(f.remediation()).doesNotContain("Publish");
        });
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(r.remediation()).isEqualTo(Remediation.none());
    }

    @ParameterizedTest
    @ValueSource(ints = {246, 250, 253})
    void fromTwoHundredFortySixNoNameBelowTheDomainCanExist(int length) {
        ValidationReport r = deployed(length).assemble();

        assertThat(r.observations().stsTxt()).isEmpty();
        assertThat(r.observations().policyHostAddresses()).isEmpty();
        assertThat(r.findings()).extracting(Finding::code).containsExactly(FindingCode.RECORD_NAME_TOO_LONG,
                FindingCode.RECORD_NAME_TOO_LONG);
        assertThat(r.errors()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(r.inconclusive()).isFalse();
        assertThat(r.remediation()).as("never a record for a name that cannot exist").isEqualTo(Remediation.none());
        assertThat(r.layer(Layer.POLICY_FETCH).note()).contains("no _mta-sts record can exist for this domain");
    }

    @Test
    void aLongDomainWhoseOnlyLookUpFailedIsUnknown() {
        ValidationReport r = deployed(250).mxOutcome(DnsOutcome.TIMEOUT).assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.inconclusive()).isTrue();
    }

    @Test
    void aLongDomainThatDoesNotExist() {
        ValidationReport r = deployed(253).mxOutcome(DnsOutcome.NXDOMAIN).assemble();

        assertThat(r.findings(FindingCode.DOMAIN_NOT_FOUND)).hasSize(1);
        assertThat(r.remediation()).isEqualTo(Remediation.none());
    }
}
