package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code _mta-sts} record layer, and the domain's own existence. */
class DnsRecordCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "id=20260101; v=STSv1;    | it begins with 'id=20260101', not with 'v=STSv1': the version must come first",
            "v=STSv1 id=20260101      | no ';' follows 'v=STSv1'",
            "v=stsv1; id=20260101     | it begins with 'v=stsv1', not 'v=STSv1': the version is case-sensitive",
            "V=STSv1; id=20260101     | the version is case-sensitive",
            "v=STSv10; id=20260101    | its version 'STSv10' is not 'STSv1'",
            "v = STSv1; id=20260101   | whitespace around the '='"})
    void aLookAlikeRecordBreaksTheDomainAndSaysWhySendersDiscardIt(String record, String why) {
        ValidationReport r = Seen.testing().sts(record.strip()).assemble();

        assertThat(r.verdict()).as(r.findings().toString()).isEqualTo(Verdict.BROKEN);
        assertThat(r.findings(FindingCode.STS_RECORD_MISSING)).isEmpty();
        assertThat(r.findings(FindingCode.STS_RECORD_INVALID)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.layer()).isEqualTo(Layer.DNS_RECORD);
            assertThat(f.message()).contains("'" + record.strip() + "'", "_mta-sts.example.com", why,
                    "senders discard it", "begin with exactly 'v=STSv1;'");
            assertThat(f.remediation()).contains("Replace it with 'v=STSv1; id=20260101'");
        });
    }

    @Test
    void aLookAlikeWithLeadingWhitespaceIsNamedToo() {
        ValidationReport r = Seen.testing().sts(" v=STSv1; id=1").assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.findings(FindingCode.STS_RECORD_INVALID)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("starts with whitespace"));
    }

    @Test
    void whitespaceBeforeTheSemicolonIsReadAloneButDiscardedAmongSeveral() {
        ValidationReport alone = Seen.testing().sts("v=STSv1 ;id=1").assemble();
        ValidationReport amongSeveral = Seen.testing().sts("v=STSv1 ;id=1", "v=spf1 -all").assemble();

        assertThat(alone.verdict()).isEqualTo(Verdict.TESTING);
        assertThat(alone.findings(FindingCode.STS_RECORD_NOTE)).isNotEmpty();
        assertThat(amongSeveral.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(amongSeveral.findings(FindingCode.STS_RECORD_INVALID)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("whitespace between 'v=STSv1' and ';'"));
    }

    @Test
    void severalLookAlikesAreEachNamedAndTheFixKeepsOne() {
        ValidationReport r = Seen.testing().sts("v=stsv1; id=1", "id=2; v=STSv1").assemble();

        List<Finding> found = r.findings(FindingCode.STS_RECORD_INVALID);
        assertThat(found).as(r.findings().toString()).hasSize(2);
        assertThat(found.get(0).message()).contains("'v=stsv1; id=1'");
        assertThat(found.get(1).message()).contains("'id=2; v=STSv1'");
        assertThat(found).allSatisfy(f -> assertThat(f.remediation()).contains("keep exactly one"));
    }

    @Test
    void unrelatedRecordsAreNotLookAlikes() {
        ValidationReport r = Seen.testing().sts("v=spf1 -all", "google-site-verification=abc").assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(r.findings(FindingCode.STS_RECORD_MISSING)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2 other TXT record(s)"));
    }

    @Test
    void lookAlikeReasonsInWords() {
        assertThat(Lookalike.why("v=STSv1", "v=STSv1")).contains("ends right after 'v=STSv1'");
        assertThat(Lookalike.why("v=STSv1 id=1", "v=STSv1")).isEqualTo("no ';' follows 'v=STSv1': fields are"
                + " separated by ';'");
        assertThat(Lookalike.why("\tv=STSv1; id=1", "v=STSv1")).contains("starts with whitespace");
        assertThat(Lookalike.why("v=tlsrptv1; rua=mailto:a@b.example", "v=TLSRPTv1")).contains("case-sensitive");
        assertThat(Lookalike.corrected("id=1; v=STSv1;", "v=STSv1", t -> true)).contains("v=STSv1; id=1");
        assertThat(Lookalike.corrected("v=STSv1", "v=STSv1", t -> true)).isEmpty();
        assertThat(Lookalike.corrected("v=stsv1; id=no-dashes", "v=STSv1", t -> false)).isEmpty();
    }

    // ---- the domain itself ----

    @Test
    void aDomainThatDoesNotExistIsAnErrorOfItsOwnNamingTheDomain() {
        ValidationReport r = Seen.testing().mxOutcome(DnsOutcome.NXDOMAIN).sts().rpt().addresses().assemble();

        assertThat(r.findings()).extracting(Finding::code).containsExactly(FindingCode.DOMAIN_NOT_FOUND);
        Finding f = r.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.layer()).isEqualTo(Layer.DNS_RECORD);
        assertThat(f.message()).contains("example.com", "does not exist", "NXDOMAIN");
        assertThat(f.remediation()).contains("spelling");
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(r.remediation().stsRecord()).isEmpty();
        assertThat(r.remediation().tlsRptRecord()).as("reports to a domain that does not exist go nowhere").isEmpty();
        assertThat(r.remediation().policy()).isEmpty();
        assertThat(r.layer(Layer.MX_COVERAGE).note()).contains("the domain does not exist");
        assertThat(r.layer(Layer.TLS_RPT).note()).contains("the domain does not exist");
    }

    @Test
    void anExistingDomainWithoutMxIsNotDomainNotFound() {
        ValidationReport r = Seen.testing().mx().assemble();

        assertThat(r.findings(FindingCode.DOMAIN_NOT_FOUND)).isEmpty();
        assertThat(r.findings(FindingCode.MX_NONE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("implicit MX"));
    }
}
