package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.report.DaneStatus;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.MxHostObservation;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.TlsaAnswer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the report makes of each MX host's addresses and probe: the severity rule (refused now in enforce, a
 * promotion blocker in testing), "not probed" never read as broken, and the address that differs named.
 */
class MxTransportCheckTest {

    private static final DomainName MX = DomainName.of(Seen.MX);
    private static final DomainName MX2 = DomainName.of("mx2.mail.example.net");

    private static AddressProbe ok(String address) {
        return AddressProbe.builder(Seen.address(address), ProbeOutcome.STARTTLS_OK).greeting("mx ESMTP")
                .extensions(List.of("STARTTLS")).tlsVersion("TLSv1.3").cipherSuite("TLS_AES_128_GCM_SHA256").build();
    }

    private static AddressProbe noStartTls(String address) {
        return AddressProbe.builder(Seen.address(address), ProbeOutcome.NO_STARTTLS)
                .detail("EHLO did not advertise STARTTLS").build();
    }

    private static AddressProbe refused(String address) {
        return AddressProbe.builder(Seen.address(address), ProbeOutcome.CONNECT_FAILED)
                .detail("connection refused").build();
    }

    private static AddressProbe tls(String address, TlsFailureCategory category) {
        return AddressProbe.builder(Seen.address(address), ProbeOutcome.TLS_FAILED).tlsFailure(category)
                .detail("the certificate is for other names").build();
    }

    private static MxHostObservation probed(DomainName host, AddressProbe... probes) {
        List<String> literals = java.util.Arrays.stream(probes).map(p -> p.address().getHostAddress()).toList();
        return new MxHostObservation(host, Optional.of(AddressAnswer.found(host, literals.toArray(String[]::new))),
                List.of(), Optional.of(new MxProbe(host, List.of(probes))),
                Optional.of(TlsaAnswer.nxdomain(host.prefixedWith("_25._tcp"), false)));
    }

    private static MxHostObservation resolvedOnly(DomainName host, AddressAnswer answer) {
        return new MxHostObservation(host, Optional.of(answer), List.of(), Optional.empty(), Optional.empty());
    }

    @Test
    void aHealthyProbedMxAddsNoFindingAndPromotionSaysItWasVerified() {
        ValidationReport r = Seen.testing().mxHosts(probed(MX, ok("192.0.2.25"))).assemble();

        assertThat(r.findings()).extracting(Finding::layer).doesNotContain(dev.mtasts.report.Layer.MX_COVERAGE);
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.READY);
        assertThat(r.promotion().advice()).contains("Every MX host offers STARTTLS");
        assertThat(r.mxHosts().get(0).probe()).isPresent();
        assertThat(r.mxHosts().get(0).dane()).map(d -> d.status()).contains(DaneStatus.NONE);
    }

    @Test
    void withoutAProbeTheReadyAdviceSaysTheMxHostsWereNotProbed() {
        ValidationReport r = Seen.testing().assemble();

        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.READY);
        assertThat(r.promotion().advice()).contains("not probed");
    }

    @Test
    void noStartTlsIsAnErrorAndAtRiskInEnforce() {
        ValidationReport r = Seen.deployed("example.com", "enforce").mxHosts(probed(MX, noStartTls("192.0.2.25")))
                .assemble();

        Finding f = r.findings(FindingCode.MX_STARTTLS_MISSING).get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains(Seen.MX, "192.0.2.25", "refuse to deliver to it now");
        assertThat(r.verdict()).isEqualTo(Verdict.ENFORCING);
        assertThat(r.atRisk()).isTrue();
    }

    @Test
    void noStartTlsIsAWarningThatBlocksPromotionInTesting() {
        ValidationReport r = Seen.testing().mxHosts(probed(MX, noStartTls("192.0.2.25"))).assemble();

        assertThat(r.findings(FindingCode.MX_STARTTLS_MISSING)).extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
        assertThat(r.atRisk()).isFalse();
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_READY);
        assertThat(r.promotion().blockers()).extracting(Finding::code).contains(FindingCode.MX_STARTTLS_MISSING);
    }

    @Test
    void eachTlsCategoryHasItsCode() {
        for (TlsFailureCategory c : TlsFailureCategory.values()) {
            ValidationReport r = Seen.testing().mxHosts(probed(MX, tls("192.0.2.25", c))).assemble();
            FindingCode expected = switch (c) {
                case UNTRUSTED -> FindingCode.MX_CERT_UNTRUSTED;
                case EXPIRED -> FindingCode.MX_CERT_EXPIRED;
                case NOT_YET_VALID -> FindingCode.MX_CERT_NOT_YET_VALID;
                case HOSTNAME_MISMATCH -> FindingCode.MX_CERT_HOSTNAME_MISMATCH;
                case HANDSHAKE -> FindingCode.MX_TLS_HANDSHAKE;
            };
            assertThat(r.has(expected)).as(c.name()).isTrue();
            assertThat(r.promotion().blockers()).extracting(Finding::code).as(c.name()).contains(expected);
        }
    }

    @Test
    void anIpv6AddressThatDiffersIsNamedAndOnlyIpv6SendersAreSaidToBeAffected() {
        ValidationReport r = Seen.deployed("example.com", "enforce").mxHosts(probed(MX, ok("192.0.2.25"),
                tls("2001:db8::25", TlsFailureCategory.HOSTNAME_MISMATCH))).assemble();

        Finding f = r.findings(FindingCode.MX_CERT_HOSTNAME_MISMATCH).get(0);
        assertThat(f.message()).contains("2001:db8:0:0:0:0:0:25 only", "IPv6").doesNotContain("192.0.2.25");
        assertThat(r.mxHosts().get(0).probe().orElseThrow().differing()).extracting(AddressProbe::isIpv6)
                .containsExactly(true);
    }

    @Test
    void anUnreachableHostIsNotProbedNeverBrokenAndNoneReachedSaysPort25MayBeBlocked() {
        ValidationReport r = Seen.deployed("example.com", "enforce").mx(Seen.MX, MX2.value())
                .policy("enforce")
                .mxHosts(probed(MX, refused("192.0.2.25")), probed(MX2, refused("192.0.2.26"))).assemble();

        assertThat(r.findings(FindingCode.MX_NOT_PROBED)).hasSize(2).allMatch(f -> f.severity() == Severity.WARNING);
        assertThat(r.findings(FindingCode.MX_PROBE_BLOCKED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("port 25", Seen.MX, MX2.value()));
        assertThat(r.errors()).isEmpty();
        assertThat(r.atRisk()).isFalse();
    }

    @Test
    void oneHostReachedMeansNoPortBlockedFinding() {
        ValidationReport r = Seen.testing().mx(Seen.MX, MX2.value()).policy("testing")
                .mxHosts(probed(MX, ok("192.0.2.25")), probed(MX2, refused("192.0.2.26"))).assemble();

        assertThat(r.findings(FindingCode.MX_NOT_PROBED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(MX2.value(), "192.0.2.26"));
        assertThat(r.has(FindingCode.MX_PROBE_BLOCKED)).isFalse();
        assertThat(r.promotion().advice()).contains("others were not verified");
    }

    @Test
    void anMxHostWithoutAddressIsAWarningWhileAnotherHasOneAndAnErrorWhenNoneHas() {
        ValidationReport one = Seen.testing().mx(Seen.MX, MX2.value()).policy("testing").mxHosts(
                resolvedOnly(MX, AddressAnswer.found(MX, "192.0.2.25")), resolvedOnly(MX2, AddressAnswer.nxdomain(MX2)))
                .assemble();
        ValidationReport none = Seen.testing().mx(Seen.MX, MX2.value()).policy("testing").mxHosts(
                resolvedOnly(MX, AddressAnswer.nodata(MX)), resolvedOnly(MX2, AddressAnswer.nxdomain(MX2)))
                .assemble();

        assertThat(one.findings(FindingCode.MX_HOST_NO_ADDRESS)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains(MX2.value(), "NXDOMAIN");
        });
        assertThat(none.findings(FindingCode.MX_HOST_NO_ADDRESS)).hasSize(2)
                .allMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void aFailedAddressLookUpAndRefusedAddressesAreWarnings() {
        MxHostObservation failed = resolvedOnly(MX, AddressAnswer.failure(MX, DnsOutcome.TIMEOUT, "no answer"));
        MxHostObservation privateOnly = new MxHostObservation(MX2, Optional.of(AddressAnswer.found(MX2, "10.0.0.25")),
                List.of(new RefusedAddress(Seen.address("10.0.0.25"), "private address (RFC 1918)")),
                Optional.empty(), Optional.empty());
        ValidationReport r = Seen.testing().mx(Seen.MX, MX2.value()).policy("testing").mxHosts(failed, privateOnly)
                .assemble();

        assertThat(r.findings(FindingCode.MX_HOST_LOOKUP_FAILED)).extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
        assertThat(r.findings(FindingCode.MX_ADDRESS_REFUSED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("10.0.0.25", "RFC 1918"));
    }

    @Test
    void secureTlsaWithNoChainToCompareIsUnknownNotAMismatch() {
        AddressProbe served = ok("192.0.2.25");   // no chain: DANE cannot be compared
        MxHostObservation seen = new MxHostObservation(MX, Optional.of(AddressAnswer.found(MX, "192.0.2.25")),
                List.of(), Optional.of(new MxProbe(MX, List.of(served))), Optional.of(TlsaAnswer.found(
                MX.prefixedWith("_25._tcp"), true, "3 1 1 " + "ab".repeat(32))));

        ValidationReport r = Seen.testing().mxHosts(seen).assemble();

        assertThat(r.mxHosts().get(0).dane()).map(d -> d.status()).contains(DaneStatus.UNKNOWN);
        assertThat(r.has(FindingCode.DANE_MISMATCH)).isFalse();   // nothing to compare is not a mismatch
    }

    @Test
    void insecureAndUnusableTlsaAreWarnings() {
        MxHostObservation insecure = new MxHostObservation(MX, Optional.of(AddressAnswer.found(MX, "192.0.2.25")),
                List.of(), Optional.of(new MxProbe(MX, List.of(ok("192.0.2.25")))), Optional.of(TlsaAnswer.found(
                MX.prefixedWith("_25._tcp"), false, "3 1 1 " + "ab".repeat(32))));
        MxHostObservation unusable = new MxHostObservation(MX2, Optional.of(AddressAnswer.found(MX2, "192.0.2.26")),
                List.of(), Optional.of(new MxProbe(MX2, List.of(ok("192.0.2.26")))), Optional.of(TlsaAnswer.found(
                MX2.prefixedWith("_25._tcp"), true, "1 1 1 " + "ab".repeat(32))));

        ValidationReport r = Seen.testing().mx(Seen.MX, MX2.value()).policy("testing").mxHosts(insecure, unusable)
                .assemble();

        assertThat(r.findings(FindingCode.DANE_INSECURE)).extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
        assertThat(r.findings(FindingCode.DANE_UNUSABLE)).extracting(Finding::severity)
                .containsExactly(Severity.WARNING);
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.READY);
    }

    @Test
    void aFailedTlsaLookUpIsAWarning() {
        MxHostObservation seen = new MxHostObservation(MX, Optional.of(AddressAnswer.found(MX, "192.0.2.25")),
                List.of(), Optional.of(new MxProbe(MX, List.of(ok("192.0.2.25")))), Optional.of(TlsaAnswer.failure(
                MX.prefixedWith("_25._tcp"), DnsOutcome.SERVFAIL, "SERVFAIL")));

        ValidationReport r = Seen.testing().mxHosts(seen).assemble();

        assertThat(r.findings(FindingCode.DANE_LOOKUP_FAILED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("_25._tcp." + Seen.MX, "defer"));
    }
}
