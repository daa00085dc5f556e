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
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.report.RuaDestination;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TLS-RPT destinations and the draft-era record name, from observations made by hand. */
class RuaDestinationCheckTest {

    private static final DomainName REPORTS = DomainName.of("reports.example.net");

    private static ValidationReport assemble(Seen seen, DiagnosticObservations diagnostics) {
        Observations o = seen.observations().withDiagnostics(diagnostics);
        return ReportAssembler.assemble(DomainName.of("example.com"), Seen.NOW, Duration.ZERO, o, Optional.empty());
    }

    private static DiagnosticObservations destinations(RuaDestination... d) {
        return new DiagnosticObservations(List.of(), Optional.empty(), Optional.empty(), List.of(d));
    }

    private static RuaDestination mailto(MxAnswer mx, Optional<AddressAnswer> addresses) {
        return new RuaDestination(Seen.RUA, REPORTS, Optional.of(mx), addresses, List.of(), Optional.empty());
    }

    private static RuaDestination https(Optional<AddressAnswer> addresses, List<RefusedAddress> refused,
                                        Optional<PolicyFetch> exchange) {
        return new RuaDestination("https://" + REPORTS + "/tlsrpt", REPORTS, Optional.empty(), addresses, refused,
                exchange);
    }

    private static Finding only(ValidationReport r, FindingCode code) {
        assertThat(r.findings(code)).as(r.findings().toString()).hasSize(1);
        assertThat(r.findings(code).get(0).severity()).isEqualTo(code == FindingCode.TLSRPT_SAME_DOMAIN
                ? Severity.INFO : Severity.WARNING);
        return r.findings(code).get(0);
    }

    @Test
    void aMailboxDomainWithAnMxIsFine() {
        ValidationReport r = assemble(Seen.testing(), destinations(mailto(MxAnswer.found(REPORTS, "10 mx.example.net"),
                Optional.empty())));

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void aMailboxDomainThatCannotReceiveMailIsNamedWithTheReason() {
        assertThat(only(assemble(Seen.testing(), destinations(mailto(MxAnswer.nxdomain(REPORTS), Optional.empty()))),
                FindingCode.TLSRPT_MAILTO_UNDELIVERABLE).message()).contains("mailto:tls@reports.example.net",
                "reports.example.net does not exist (NXDOMAIN)");
        assertThat(only(assemble(Seen.testing(), destinations(mailto(MxAnswer.found(REPORTS, "0 ."),
                Optional.empty()))), FindingCode.TLSRPT_MAILTO_UNDELIVERABLE).message()).contains("null MX");
        assertThat(only(assemble(Seen.testing(), destinations(mailto(MxAnswer.nodata(REPORTS),
                Optional.of(AddressAnswer.nodata(REPORTS))))), FindingCode.TLSRPT_MAILTO_UNDELIVERABLE).message())
                .contains("no MX record and no A or AAAA record");
        assertThat(only(assemble(Seen.testing(), destinations(mailto(MxAnswer.failure(REPORTS, DnsOutcome.SERVFAIL,
                "x"), Optional.empty()))), FindingCode.TLSRPT_MAILTO_UNDELIVERABLE).message()).contains("SERVFAIL");
    }

    @Test
    void anImplicitMxWithAnAddressIsFine() {
        ValidationReport r = assemble(Seen.testing(), destinations(mailto(MxAnswer.nodata(REPORTS),
                Optional.of(AddressAnswer.found(REPORTS, "192.0.2.25")))));

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void anEndpointWithAValidTlsHandshakeIsFineWhateverItsStatus() {
        PolicyFetch notFound = PolicyFetch.builder(FetchOutcome.HTTP_STATUS).statusCode(405).tlsVersion("TLSv1.3")
                .build();
        ValidationReport r = assemble(Seen.testing(), destinations(https(Optional.of(AddressAnswer.found(REPORTS,
                "192.0.2.80")), List.of(), Optional.of(notFound))));

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void anEndpointThatCannotTakeReportsSaysWhatFailed() {
        CertificateFacts other = new CertificateFacts("CN=x", "CN=CA", List.of("other.example.net"), Instant.EPOCH,
                Instant.parse("2030-01-01T00:00:00Z"), "1", "00");
        PolicyFetch mismatch = PolicyFetch.builder(FetchOutcome.TLS_FAILURE)
                .tlsFailure(TlsFailureCategory.HOSTNAME_MISMATCH).certificates(List.of(other)).build();
        Optional<AddressAnswer> found = Optional.of(AddressAnswer.found(REPORTS, "192.0.2.80"));

        assertThat(only(assemble(Seen.testing(), destinations(https(found, List.of(), Optional.of(mismatch)))),
                FindingCode.TLSRPT_HTTPS_UNREACHABLE).message()).contains("https://reports.example.net/tlsrpt",
                "presents a certificate for other.example.net, not for reports.example.net");
        assertThat(only(assemble(Seen.testing(), destinations(https(Optional.of(AddressAnswer.nxdomain(REPORTS)),
                List.of(), Optional.empty()))), FindingCode.TLSRPT_HTTPS_UNREACHABLE).message())
                .contains("reports.example.net does not exist (NXDOMAIN)");
        assertThat(only(assemble(Seen.testing(), destinations(https(Optional.of(AddressAnswer.found(REPORTS,
                "10.0.0.8")), List.of(new RefusedAddress(Seen.address("10.0.0.8"), "private (RFC 1918)")),
                Optional.empty()))), FindingCode.TLSRPT_HTTPS_UNREACHABLE).message())
                .contains("refused by the validator's address policy (10.0.0.8: private (RFC 1918))");
        assertThat(only(assemble(Seen.testing(), destinations(https(found, List.of(), Optional.of(PolicyFetch
                .builder(FetchOutcome.CONNECT_FAILURE).detail("connection refused").build())))),
                FindingCode.TLSRPT_HTTPS_UNREACHABLE).message()).contains("accepted a connection (connection refused)");
    }

    @Test
    void everyDestinationAtTheDomainInEnforceAdvisesASecondOne() {
        Seen own = Seen.deployed("example.com", "enforce").rpt("v=TLSRPTv1; rua=mailto:tls@example.com");
        Seen elsewhere = Seen.deployed("example.com", "enforce")
                .rpt("v=TLSRPTv1; rua=mailto:tls@example.com,mailto:tls@reports.example.net");
        Seen below = Seen.deployed("example.com", "enforce").rpt("v=TLSRPTv1; rua=mailto:tls@reports.example.com");
        Seen testing = Seen.testing().rpt("v=TLSRPTv1; rua=mailto:tls@example.com");

        Finding f = only(assemble(own, DiagnosticObservations.NONE), FindingCode.TLSRPT_SAME_DOMAIN);
        assertThat(f.message()).contains("(mailto:tls@example.com) is a mailbox at example.com");
        assertThat(f.remediation()).contains("outside example.com");
        assertThat(assemble(below, DiagnosticObservations.NONE).has(FindingCode.TLSRPT_SAME_DOMAIN)).isTrue();
        assertThat(assemble(elsewhere, DiagnosticObservations.NONE).has(FindingCode.TLSRPT_SAME_DOMAIN)).isFalse();
        assertThat(assemble(testing, DiagnosticObservations.NONE).has(FindingCode.TLSRPT_SAME_DOMAIN)).isFalse();
    }

    @Test
    void aRecordAtTheDraftNameSaysWhatToPublishWhere() {
        DiagnosticObservations legacy = new DiagnosticObservations(List.of(), Optional.empty(),
                Optional.of(TxtAnswer.found(DomainName.of("_smtp-tlsrpt.example.com"),
                        "v=TLSRPTv1; rua=mailto:tls@example.com")), List.of());

        ValidationReport r = assemble(Seen.testing().rptOutcome(DnsOutcome.NXDOMAIN), legacy);

        Finding f = only(r, FindingCode.TLSRPT_LEGACY_NAME);
        assertThat(f.message()).contains("_smtp-tlsrpt.example.com holds 'v=TLSRPTv1; rua=mailto:tls@example.com'",
                "drafts before RFC 8460");
        assertThat(f.remediation()).isEqualTo("Publish 'v=TLSRPTv1; rua=mailto:tls@example.com' at"
                + " _smtp._tls.example.com, then delete the record at _smtp-tlsrpt.example.com.");
        assertThat(r.has(FindingCode.TLSRPT_MISSING)).isTrue();
    }
}
