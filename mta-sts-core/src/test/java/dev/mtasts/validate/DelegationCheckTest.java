package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.report.DiagnosticObservations;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Observations;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.resolver.TxtAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CNAME chains, dangling aliases, records at the apex and unrelated records, from observations made by hand. */
class DelegationCheckTest {

    private static final DomainName STS = DomainName.of("_mta-sts.example.com");
    private static final DomainName HOST = DomainName.of("mta-sts.example.com");

    private static List<DomainName> names(String... names) {
        return Arrays.stream(names).map(DomainName::of).toList();
    }

    private static TxtAnswer txt(DnsOutcome outcome, List<DomainName> chain, String... records) {
        TxtAnswer a = records.length > 0 ? TxtAnswer.found(STS, records) : TxtAnswer.empty(DnsResult.of(STS, outcome));
        return new TxtAnswer(a.result().withCnameChain(chain), a.records());
    }

    private static AddressAnswer host(DnsOutcome outcome, List<DomainName> chain) {
        AddressAnswer a = outcome == DnsOutcome.FOUND ? AddressAnswer.found(HOST, "192.0.2.1")
                : AddressAnswer.empty(DnsResult.of(HOST, outcome));
        return new AddressAnswer(a.result().withCnameChain(chain), a.addresses());
    }

    private static ValidationReport assemble(Observations o) {
        return ReportAssembler.assemble(o.mx().result().name(), Seen.NOW, Duration.ZERO, o, Optional.empty());
    }

    private static Observations with(Observations o, Optional<TxtAnswer> sts, Optional<AddressAnswer> host,
                                     Optional<PolicyFetch> fetch, DiagnosticObservations diagnostics) {
        return new Observations(sts, o.mx(), o.tlsRptTxt(), host, o.refusedAddresses(), fetch, o.mxHosts(),
                diagnostics);
    }

    private static Finding only(ValidationReport r, FindingCode code) {
        assertThat(r.findings(code)).as(r.findings().toString()).hasSize(1);
        return r.findings(code).get(0);
    }

    @Test
    void aDelegatedRecordIsShownWithItsChain() {
        Observations o = Seen.testing().observations();
        ValidationReport r = assemble(with(o, Optional.of(txt(DnsOutcome.FOUND, names("example.sts.provider.net"),
                "v=STSv1; id=1")), o.policyHostAddresses(), o.policyFetch(), DiagnosticObservations.NONE));

        Finding f = only(r, FindingCode.CNAME_DELEGATED);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).contains("_mta-sts.example.com → example.sts.provider.net",
                "read the record at example.sts.provider.net");
        assertThat(r.warnings()).as(r.findings().toString()).isEmpty();
    }

    @Test
    void aDelegatedPolicyHostSaysWhetherTheCertificateCoversIt() {
        Observations o = Seen.testing().observations();
        PolicyFetch covered = PolicyFetch.builder(o.policyFetch().orElseThrow().outcome()).statusCode(200)
                .header("Content-Type", "text/plain").body(o.policyFetch().orElseThrow().body())
                .tlsVersion("TLSv1.3").cipherSuite("TLS_AES_128_GCM_SHA256").build();
        ValidationReport r = assemble(with(o, o.stsTxt(), Optional.of(host(DnsOutcome.FOUND,
                names("sts.provider.net"))), Optional.of(covered), DiagnosticObservations.NONE));

        assertThat(only(r, FindingCode.CNAME_DELEGATED).message()).contains(
                "mta-sts.example.com → sts.provider.net", "certificate valid for mta-sts.example.com");
    }

    @Test
    void aCertificateForTheProvidersOwnNameIsAMismatchThatNamesTheAlias() {
        Observations o = Seen.testing().observations();
        CertificateFacts providers = new CertificateFacts("CN=sts.provider.net", "CN=CA", List.of("sts.provider.net"),
                Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"), "1", "00");
        PolicyFetch mismatch = PolicyFetch.builder(FetchOutcome.TLS_FAILURE)
                .tlsFailure(TlsFailureCategory.HOSTNAME_MISMATCH).certificates(List.of(providers)).build();
        ValidationReport r = assemble(with(o, o.stsTxt(), Optional.of(host(DnsOutcome.FOUND,
                names("sts.provider.net"))), Optional.of(mismatch), DiagnosticObservations.NONE));

        Finding f = only(r, FindingCode.POLICY_TLS_HOSTNAME_MISMATCH);
        assertThat(f.message()).contains("names sts.provider.net", "is a CNAME (mta-sts.example.com → sts.provider.net)",
                "behind an alias senders still check the certificate for mta-sts.example.com");
        assertThat(f.remediation()).contains("provider behind the alias (sts.provider.net)",
                "present a certificate for mta-sts.example.com, not for its own name");
        assertThat(only(r, FindingCode.CNAME_DELEGATED).message())
                .contains("presents a certificate for sts.provider.net, which does not cover mta-sts.example.com");
    }

    @Test
    void aDanglingRecordAliasIsAnErrorWhileAValidPolicyIsServedAndAWarningOtherwise() {
        Observations o = Seen.testing().observations();
        Optional<TxtAnswer> dangling = Optional.of(txt(DnsOutcome.NXDOMAIN, names("gone.provider.net")));

        Finding served = only(assemble(with(o, dangling, o.policyHostAddresses(), o.policyFetch(),
                DiagnosticObservations.NONE)), FindingCode.CNAME_DANGLING);
        Finding idle = only(assemble(with(o, dangling, Optional.of(AddressAnswer.nxdomain(HOST)), Optional.empty(),
                DiagnosticObservations.NONE)), FindingCode.CNAME_DANGLING);

        assertThat(served.severity()).isEqualTo(Severity.ERROR);
        assertThat(served.message()).contains("_mta-sts.example.com → gone.provider.net (NXDOMAIN)",
                "whoever registers or claims gone.provider.net", "ignore the valid policy");
        assertThat(idle.severity()).isEqualTo(Severity.WARNING);
        assertThat(idle.message()).contains("no mail is affected today");
    }

    @Test
    void aDanglingPolicyHostAliasIsAnErrorWhenARecordAnnouncesAPolicy() {
        Observations o = Seen.testing().observations();
        Optional<AddressAnswer> dangling = Optional.of(host(DnsOutcome.NXDOMAIN, names("gone.provider.net")));

        ValidationReport announced = assemble(with(o, o.stsTxt(), dangling, Optional.empty(),
                DiagnosticObservations.NONE));
        ValidationReport unannounced = assemble(with(o, Optional.of(TxtAnswer.nxdomain(STS)), dangling,
                Optional.empty(), DiagnosticObservations.NONE));

        Finding f = only(announced, FindingCode.CNAME_DANGLING);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("mta-sts.example.com → gone.provider.net (NXDOMAIN)",
                "can get a certificate for mta-sts.example.com", "apply none");
        assertThat(only(unannounced, FindingCode.CNAME_DANGLING).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aRecordAtTheApexIsAnErrorBesideAServedPolicyAndSaysWhereToPublishIt() {
        Observations o = Seen.testing().observations();
        DiagnosticObservations apex = new DiagnosticObservations(List.of(), Optional.of(TxtAnswer.found(
                DomainName.of("example.com"), "v=spf1 -all", "v=STSv1; id=20261101")), Optional.empty(), List.of());
        ValidationReport served = assemble(with(o, Optional.of(TxtAnswer.nxdomain(STS)), o.policyHostAddresses(),
                o.policyFetch(), apex));
        ValidationReport idle = assemble(with(o, Optional.of(TxtAnswer.nxdomain(STS)),
                Optional.of(AddressAnswer.nxdomain(HOST)), Optional.empty(), apex));

        Finding f = only(served, FindingCode.STS_RECORD_AT_APEX);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("'v=STSv1; id=20261101' is published at example.com itself");
        assertThat(f.remediation()).isEqualTo("Publish 'v=STSv1; id=20261101' as a TXT record at"
                + " _mta-sts.example.com and delete it from example.com.");
        assertThat(served.has(FindingCode.POLICY_WITHOUT_STS_RECORD)).isTrue();
        assertThat(only(idle, FindingCode.STS_RECORD_AT_APEX).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aLookAlikeAtTheApexIsCorrectedInTheRemediation() {
        Observations o = Seen.testing().observations();
        DiagnosticObservations apex = new DiagnosticObservations(List.of(), Optional.of(TxtAnswer.found(
                DomainName.of("example.com"), "id=7; v=STSv1")), Optional.empty(), List.of());
        ValidationReport r = assemble(with(o, Optional.of(TxtAnswer.nodata(STS)),
                Optional.of(AddressAnswer.nxdomain(HOST)), Optional.empty(), apex));

        assertThat(only(r, FindingCode.STS_RECORD_AT_APEX).remediation()).startsWith("Publish 'v=STSv1; id=7'");
    }

    @Test
    void anSpfRecordBesideTheStsRecordIsAWarningAndAloneAnInfo() {
        Observations o = Seen.testing().observations();
        ValidationReport beside = assemble(with(o, Optional.of(txt(DnsOutcome.FOUND, List.of(), "v=STSv1; id=1",
                "v=spf1 -all")), o.policyHostAddresses(), o.policyFetch(), DiagnosticObservations.NONE));
        ValidationReport alone = assemble(with(o, Optional.of(txt(DnsOutcome.FOUND, List.of(), "v=spf1 -all")),
                Optional.of(AddressAnswer.nxdomain(HOST)), Optional.empty(), DiagnosticObservations.NONE));

        Finding f = only(beside, FindingCode.STS_UNRELATED_RECORD);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("_mta-sts.example.com holds 'v=spf1 -all' beside its v=STSv1 record",
                "an SPF record");
        assertThat(f.remediation()).contains("Delete 'v=spf1 -all' from _mta-sts.example.com");
        assertThat(only(alone, FindingCode.STS_UNRELATED_RECORD).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aLookAlikeIsReportedOnceAsInvalidNotAgainAsUnrelated() {
        Observations o = Seen.testing().observations();
        ValidationReport r = assemble(with(o, Optional.of(txt(DnsOutcome.FOUND, List.of(), "V=STSv1; id=1",
                "google-site-verification=abc")), o.policyHostAddresses(), o.policyFetch(),
                DiagnosticObservations.NONE));

        assertThat(only(r, FindingCode.STS_RECORD_INVALID).message()).contains("V=STSv1; id=1");
        assertThat(only(r, FindingCode.STS_UNRELATED_RECORD).message()).contains("google-site-verification=abc")
                .doesNotContain("V=STSv1");
    }

    @Test
    void aTlsRptRecordAtTheStsNameSaysWhereItBelongs() {
        Observations o = Seen.testing().observations();
        ValidationReport r = assemble(with(o, Optional.of(txt(DnsOutcome.FOUND, List.of(), "v=STSv1; id=1",
                "v=TLSRPTv1; rua=mailto:tls@example.com")), o.policyHostAddresses(), o.policyFetch(),
                DiagnosticObservations.NONE));

        assertThat(only(r, FindingCode.STS_UNRELATED_RECORD).remediation())
                .contains("(publish it at _smtp._tls.example.com if you need it)");
    }

    @Test
    void manyUnrelatedRecordsMakeOneFinding() {
        Observations o = Seen.testing().observations();
        String[] records = new String[40];
        records[0] = "v=STSv1; id=1";
        for (int i = 1; i < records.length; i++) {
            records[i] = "token-" + i;
        }
        ValidationReport r = assemble(with(o, Optional.of(txt(DnsOutcome.FOUND, List.of(), records)),
                o.policyHostAddresses(), o.policyFetch(), DiagnosticObservations.NONE));

        assertThat(only(r, FindingCode.STS_UNRELATED_RECORD).message()).contains("holds 39 TXT records", "34 more");
    }
}
