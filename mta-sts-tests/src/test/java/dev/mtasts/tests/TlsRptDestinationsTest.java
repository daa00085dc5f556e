package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.AddressPolicy;
import dev.mtasts.Severity;
import dev.mtasts.Validator;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.RuaDestination;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.DnsZone;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Items 6 (the draft-era {@code _smtp-tlsrpt} name) and 8 (TLS-RPT destination health) of the deep diagnostics, end
 * to end: mailboxes whose domain can or cannot receive mail, endpoints served by the sandbox's HTTPS server with a
 * valid or a wrong-name certificate, refused or not resolving, the same-domain advice in enforce, and malformed
 * {@code rua} values with what to write instead.
 */
@Timeout(60)
class TlsRptDestinationsTest extends SandboxTest {

    private static final String REPORTS = "reports.rua.test";

    private static Validator validator;
    private static DnsZone reports;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400)))
                .addressPolicy(AddressPolicy.allowing(a -> !a.getHostAddress().startsWith("10.")))
                .deadline(Duration.ofSeconds(8)).build();
        reports = sandbox.dnsServer().zone(REPORTS)
                .mx("mx." + REPORTS, 10, "in.mx." + REPORTS)
                .txt("nomail." + REPORTS, "a name that exists, without MX or address")
                .nullMx("nullmx." + REPORTS)
                .a("tlsrpt." + REPORTS, MtaStsSandbox.SERVER_ADDRESS)
                .a("wrong-cert." + REPORTS, MtaStsSandbox.SERVER_ADDRESS)
                .a("private." + REPORTS, "10.20.30.40");
        sandbox.httpsServer().certificate("wrong-cert." + REPORTS, sandbox.authority().issue("other." + REPORTS));
    }

    /** A clean deployment in this mode, its TLS-RPT record still to come. */
    private static SandboxDomain deployed(String name, String mode) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .policy(policy(mode, "enforce".equals(mode) ? 604800 : 86400, "mx1." + name));
    }

    private static ValidationReport validateWithRua(String name, String rua) {
        deployed(name, "testing").tlsRpt("v=TLSRPTv1; rua=" + rua);
        return validator.validate(name);
    }

    @Test
    void aRecordOnlyAtTheDraftNameIsNamedWithTheRecordToPublish() {
        SandboxDomain d = deployed("legacy.rua.test", "testing");
        d.zone().txt("_smtp-tlsrpt.legacy.rua.test", "v=TLSRPTv1; rua=mailto:tls@legacy.rua.test");

        ValidationReport r = validator.validate("legacy.rua.test");

        Finding f = finding(r, FindingCode.TLSRPT_LEGACY_NAME, Severity.WARNING);
        assertThat(f.message()).contains("_smtp._tls.legacy.rua.test has no TLS-RPT record",
                "_smtp-tlsrpt.legacy.rua.test holds 'v=TLSRPTv1; rua=mailto:tls@legacy.rua.test'");
        assertThat(f.remediation()).isEqualTo("Publish 'v=TLSRPTv1; rua=mailto:tls@legacy.rua.test' at"
                + " _smtp._tls.legacy.rua.test, then delete the record at _smtp-tlsrpt.legacy.rua.test.");
        Finding missing = finding(r, FindingCode.TLSRPT_MISSING, Severity.WARNING);
        assertThat(missing.remediation()).as("the same record as TLSRPT_LEGACY_NAME's, not a new destination")
                .startsWith("Publish 'v=TLSRPTv1; rua=mailto:tls@legacy.rua.test' at _smtp._tls.legacy.rua.test:")
                .doesNotContain("tls-reports@");
        assertThat(r.remediation().tlsRptRecord()).contains("v=TLSRPTv1; rua=mailto:tls@legacy.rua.test");
    }

    @Test
    void aDraftNameRecordWithAMisspelledVersionIsMovedCorrected() {
        SandboxDomain d = deployed("legacy-typo.rua.test", "testing");
        d.zone().txt("_smtp-tlsrpt.legacy-typo.rua.test", "v=TLSRPTV1; rua=mailto:tls@legacy-typo.rua.test");

        ValidationReport r = validator.validate("legacy-typo.rua.test");

        String corrected = "v=TLSRPTv1; rua=mailto:tls@legacy-typo.rua.test";
        assertThat(finding(r, FindingCode.TLSRPT_LEGACY_NAME, Severity.WARNING).remediation())
                .startsWith("Publish '" + corrected + "' at _smtp._tls.legacy-typo.rua.test");
        assertThat(finding(r, FindingCode.TLSRPT_MISSING, Severity.WARNING).remediation())
                .startsWith("Publish '" + corrected + "' at _smtp._tls.legacy-typo.rua.test:");
        assertThat(r.remediation().tlsRptRecord()).contains(corrected);
    }

    @Test
    void aDraftNameRecordThatCannotBeMendedLeavesTheDomainsOwnReportsMailboxAsTheProposal() {
        SandboxDomain d = deployed("legacy-empty.rua.test", "testing");
        d.zone().txt("_smtp-tlsrpt.legacy-empty.rua.test", "v=TLSRPTv1;");

        ValidationReport r = validator.validate("legacy-empty.rua.test");

        String own = "v=TLSRPTv1; rua=mailto:tls-reports@legacy-empty.rua.test";
        assertThat(finding(r, FindingCode.TLSRPT_LEGACY_NAME, Severity.WARNING).remediation())
                .startsWith("Publish '" + own + "' at _smtp._tls.legacy-empty.rua.test");
        assertThat(finding(r, FindingCode.TLSRPT_MISSING, Severity.WARNING).remediation())
                .isEqualTo("Publish '" + own + "' at _smtp._tls.legacy-empty.rua.test and read the reports.");
        assertThat(r.remediation().tlsRptRecord()).contains(own);
    }

    @Test
    void withoutADraftNameRecordTheProposalIsTheDomainsOwnReportsMailbox() {
        deployed("no-legacy.rua.test", "testing");

        ValidationReport r = validator.validate("no-legacy.rua.test");

        assertThat(finding(r, FindingCode.TLSRPT_MISSING, Severity.WARNING).remediation())
                .isEqualTo("Publish 'v=TLSRPTv1; rua=mailto:tls-reports@no-legacy.rua.test' at"
                        + " _smtp._tls.no-legacy.rua.test and read the reports.");
        assertThat(r.remediation().tlsRptRecord()).contains("v=TLSRPTv1; rua=mailto:tls-reports@no-legacy.rua.test");
    }

    @Test
    void aMailboxWhoseDomainHasAnMxIsFine() {
        ValidationReport r = validateWithRua("mx-ok.rua.test", "mailto:tls@mx." + REPORTS);

        assertThat(codes(r)).as(describe(r)).isEmpty();
        assertThat(r.observations().diagnostics().ruaDestinations()).singleElement().satisfies(d ->
                assertThat(d.mx()).hasValueSatisfying(mx -> assertThat(mx.records()).isNotEmpty()));
    }

    @Test
    void mailboxesWhoseDomainCannotReceiveMailAreEachNamed() {
        ValidationReport r = validateWithRua("undeliverable.rua.test", "mailto:tls@nomail." + REPORTS
                + ",mailto:tls@nullmx." + REPORTS + ",mailto:tls@gone." + REPORTS);

        assertThat(r.findings(FindingCode.TLSRPT_MAILTO_UNDELIVERABLE)).as(describe(r)).hasSize(3)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("mailto:tls@nomail.reports.rua.test",
                        "nomail.reports.rua.test has no MX record and no A or AAAA record"))
                .anySatisfy(m -> assertThat(m).contains("mailto:tls@nullmx.reports.rua.test", "null MX"))
                .anySatisfy(m -> assertThat(m).contains("mailto:tls@gone.reports.rua.test",
                        "gone.reports.rua.test does not exist (NXDOMAIN)"));
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
    }

    @Test
    void onlyOwnMailboxesInEnforceAdviseASecondDestinationAndReuseTheMxAnswer() {
        deployed("own.rua.test", "enforce").tlsRpt("v=TLSRPTv1; rua=mailto:tls@own.rua.test");

        ValidationReport r = validator.validate("own.rua.test");

        assertThat(r.verdict()).isEqualTo(Verdict.ENFORCING);
        Finding f = finding(r, FindingCode.TLSRPT_SAME_DOMAIN, Severity.INFO);
        assertThat(f.message()).contains("(mailto:tls@own.rua.test) is a mailbox at own.rua.test", "enforce");
        assertThat(f.remediation()).contains("Add a second destination outside own.rua.test");
        assertThat(r.observations().diagnostics().ruaDestinations()).singleElement().satisfies(d ->
                assertThat(d.mx()).as("the domain's own MX answer serves, not a second look-up").isEmpty());
    }

    @Test
    void anEndpointWithAValidCertificateIsFineWhateverItAnswersToAGet() {
        ValidationReport r = validateWithRua("https-ok.rua.test", "https://tlsrpt." + REPORTS + "/v1/report?k=1");

        assertThat(codes(r)).as(describe(r)).isEmpty();
        RuaDestination d = r.observations().diagnostics().ruaDestinations().get(0);
        assertThat(d.exchange()).hasValueSatisfying(x -> assertThat(x.tlsVersion()).isPresent());
        assertThat(sandbox.httpsServer().requests()).anySatisfy(q -> {
            assertThat(q.sniHost()).contains("tlsrpt." + REPORTS);
            assertThat(q.target()).isEqualTo("/v1/report?k=1");
        });
    }

    @Test
    void endpointsThatCannotTakeReportsSayWhatFailed() {
        ValidationReport r = validateWithRua("https-bad.rua.test", "https://wrong-cert." + REPORTS + "/tls,https://private."
                + REPORTS + "/tls,https://gone." + REPORTS + "/tls");

        assertThat(r.findings(FindingCode.TLSRPT_HTTPS_UNREACHABLE)).as(describe(r)).hasSize(3)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("https://wrong-cert.reports.rua.test/tls",
                        "presents a certificate for other.reports.rua.test, not for wrong-cert.reports.rua.test"))
                .anySatisfy(m -> assertThat(m).contains("https://private.reports.rua.test/tls",
                        "refused by the validator's address policy (10.20.30.40"))
                .anySatisfy(m -> assertThat(m).contains("https://gone.reports.rua.test/tls",
                        "gone.reports.rua.test does not exist (NXDOMAIN)"));
    }

    @Test
    void atMostFiveDestinationsAreLookedAt() {
        String[] strings = new String[9];   // one record of several strings: more than 255 characters in all
        strings[0] = "v=TLSRPTv1; rua=";
        for (int i = 1; i <= 8; i++) {
            strings[i] = (i > 1 ? "," : "") + "mailto:tls@d" + i + "." + REPORTS;
        }
        deployed("many.rua.test", "testing").tlsRpt(strings);
        sandbox.dnsServer().clearQueries();

        ValidationReport r = validator.validate("many.rua.test");

        assertThat(r.observations().diagnostics().ruaDestinations()).extracting(RuaDestination::uri)
                .containsExactly("mailto:tls@d1.reports.rua.test", "mailto:tls@d2.reports.rua.test",
                        "mailto:tls@d3.reports.rua.test", "mailto:tls@d4.reports.rua.test",
                        "mailto:tls@d5.reports.rua.test");
        assertThat(sandbox.dnsServer().queries()).noneMatch(q -> q.name().startsWith("d6."));
        assertThat(r.findings(FindingCode.TLSRPT_MAILTO_UNDELIVERABLE)).hasSize(5);
    }

    @Test
    void anAddressWithoutSchemeSaysToAddMailto() {
        ValidationReport r = validateWithRua("no-scheme.rua.test", "tls@no-scheme.rua.test");

        Finding f = finding(r, FindingCode.TLSRPT_INVALID, Severity.WARNING);
        assertThat(f.message()).contains("'tls@no-scheme.rua.test' has no scheme; write 'mailto:tls@no-scheme.rua.test'");
        assertThat(f.remediation()).isEqualTo("Publish 'v=TLSRPTv1; rua=mailto:tls@no-scheme.rua.test' at"
                + " _smtp._tls.no-scheme.rua.test instead.");
    }

    @Test
    void aCommaInsideAUriSaysToEncodeIt() {
        ValidationReport r = validateWithRua("comma.rua.test", "https://tlsrpt." + REPORTS + "/r?a=1,2");

        Finding f = finding(r, FindingCode.TLSRPT_INVALID, Severity.WARNING);
        assertThat(f.message()).contains("rua entry '2' has no scheme", "write that ',' as %2C");
        assertThat(f.remediation()).contains("'v=TLSRPTv1; rua=https://tlsrpt.reports.rua.test/r?a=1%2C2'");
    }

    @Test
    void aLiteralBangSaysToEncodeIt() {
        ValidationReport r = validateWithRua("bang.rua.test", "mailto:tls!x@bang.rua.test");

        Finding f = finding(r, FindingCode.TLSRPT_INVALID, Severity.WARNING);
        assertThat(f.message()).contains("literal '!'; write it as %21 ('mailto:tls%21x@bang.rua.test')");
        assertThat(f.remediation()).contains("'v=TLSRPTv1; rua=mailto:tls%21x@bang.rua.test'");
    }

    @Test
    void aRepeatedRuaSaysToListEveryDestinationInOne() {
        deployed("twice.rua.test", "testing").tlsRpt("v=TLSRPTv1; rua=mailto:a@twice.rua.test; rua=mailto:b@twice.rua.test");

        ValidationReport r = validator.validate("twice.rua.test");

        Finding f = finding(r, FindingCode.TLSRPT_NOTE, Severity.WARNING);
        assertThat(f.message()).contains("field 'rua' appears again");
        assertThat(f.remediation()).contains("'v=TLSRPTv1; rua=mailto:a@twice.rua.test,mailto:b@twice.rua.test'");
    }
}
