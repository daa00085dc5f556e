package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.Observations;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportAssemblerTest {

    private static final DomainName DOMAIN = DomainName.of("example.com");
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String POLICY = "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmax_age: 86400\r\n";

    private static TxtAnswer txt(String name, String... records) {
        DomainName n = DomainName.of(name);
        if (records.length == 0) {
            return TxtAnswer.empty(DnsResult.of(n, DnsOutcome.NXDOMAIN));
        }
        return new TxtAnswer(DnsResult.of(n, DnsOutcome.FOUND), List.of(records).stream().map(TxtRecord::of).toList());
    }

    private static MxAnswer mx(String... hosts) {
        List<MxRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            records.add(new MxRecord(10 * (i + 1), DomainName.of(hosts[i])));
        }
        return new MxAnswer(DnsResult.of(DOMAIN, DnsOutcome.FOUND), records, false, List.of());
    }

    private static AddressAnswer addresses(String... literals) throws Exception {
        List<InetAddress> list = new java.util.ArrayList<>();
        for (String l : literals) {
            list.add(InetAddress.getByName(l));
        }
        return new AddressAnswer(DnsResult.of(DOMAIN.prefixedWith("mta-sts"), DnsOutcome.FOUND), list);
    }

    private static Optional<PolicyFetch> ok(String body, String type) {
        return Optional.of(PolicyFetch.builder(FetchOutcome.OK).statusCode(200).header("Content-Type", type)
                .body(body.getBytes(StandardCharsets.UTF_8)).build());
    }

    private static Observations clean() throws Exception {
        return new Observations(Optional.of(txt("_mta-sts.example.com", "v=STSv1; id=1")),
                Optional.of(mx("mx1.example.com")),
                Optional.of(txt("_smtp._tls.example.com", "v=TLSRPTv1; rua=mailto:tls@example.com")),
                Optional.of(addresses("192.0.2.1")), ok(POLICY, "text/plain"));
    }

    private static ValidationReport assemble(Observations o) {
        return ReportAssembler.assemble(DOMAIN, NOW, Duration.ZERO, o, Map.<InetAddress, String>of(), Optional.empty());
    }

    @Test
    void cleanTestingObservationsAreReady() throws Exception {
        ValidationReport r = assemble(clean());

        assertThat(r.findings()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.READY);
        assertThat(r.snapshot()).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("1"));
    }

    @Test
    void nothingObservedAtAllStillGivesAReport() {
        Observations nothing = new Observations(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        ValidationReport r = assemble(nothing);

        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.atRisk()).isFalse();
        assertThat(r.findings(FindingCode.DNS_LOOKUP_FAILED)).extracting(Finding::layer)
                .containsExactly(Layer.DNS_RECORD, Layer.MX_COVERAGE, Layer.TLS_RPT);
        assertThat(r.findings()).extracting(Finding::code).doesNotContain(FindingCode.STS_RECORD_MISSING,
                FindingCode.STS_RECORD_WITHOUT_POLICY, FindingCode.TLSRPT_MISSING);
        assertThat(r.remediation().tlsRptRecord()).isEmpty();
        assertThat(r.layers()).hasSize(Layer.values().length);
    }

    @Test
    void resolverThatThrewIsALookupFailureNamingTheCause() throws Exception {
        DnsResult threw = DnsResult.failure(DomainName.of("_mta-sts.example.com"), DnsOutcome.NETWORK_ERROR,
                "resolver failed: java.lang.IllegalStateException: boom");
        Observations o = new Observations(Optional.of(TxtAnswer.empty(threw)), clean().mx(), clean().tlsRptTxt(),
                clean().policyHostAddresses(), clean().policyFetch());

        ValidationReport r = assemble(o);

        assertThat(r.findings(FindingCode.DNS_LOOKUP_FAILED)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("network error", "boom"));
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.policy()).as("the policy is still read").isPresent();
    }

    @Test
    void refusedAddressesAreNamedWithTheirReasons() throws Exception {
        Map<InetAddress, String> refused = new LinkedHashMap<>();
        refused.put(InetAddress.getByName("10.0.0.1"), "private (RFC 1918)");
        refused.put(InetAddress.getByName("::1"), "loopback (::1)");
        Observations o = new Observations(clean().stsTxt(), clean().mx(), clean().tlsRptTxt(),
                Optional.of(addresses("10.0.0.1", "::1")), Optional.empty());

        ValidationReport r = ReportAssembler.assemble(DOMAIN, NOW, Duration.ZERO, o, refused, Optional.empty());

        assertThat(r.findings(FindingCode.POLICY_HOST_ADDRESS_REFUSED)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("10.0.0.1 (private (RFC 1918))", "0:0:0:0:0:0:0:1 (loopback (::1))");
        });
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
    }

    @Test
    void someAddressesRefusedIsAWarning() throws Exception {
        Map<InetAddress, String> refused = Map.of(InetAddress.getByName("10.0.0.1"), "private (RFC 1918)");
        Observations o = new Observations(clean().stsTxt(), clean().mx(), clean().tlsRptTxt(),
                Optional.of(addresses("10.0.0.1", "192.0.2.1")), clean().policyFetch());

        ValidationReport r = ReportAssembler.assemble(DOMAIN, NOW, Duration.ZERO, o, refused, Optional.empty());

        assertThat(r.findings(FindingCode.POLICY_HOST_ADDRESS_REFUSED)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_READY);
    }

    @Test
    void invalidPolicyWithoutRecordIsNotReported() throws Exception {
        Observations o = new Observations(Optional.of(txt("_mta-sts.example.com")), clean().mx(), clean().tlsRptTxt(),
                clean().policyHostAddresses(), ok("<html>hello</html>", "text/html"));

        ValidationReport r = assemble(o);

        assertThat(r.findings()).extracting(Finding::code).containsExactly(FindingCode.STS_RECORD_MISSING);
        assertThat(r.layer(Layer.POLICY_FETCH).status()).isEqualTo(LayerStatus.SKIPPED);
        assertThat(r.layer(Layer.POLICY_PARSE).status()).isEqualTo(LayerStatus.SKIPPED);
    }

    @Test
    void validPolicyWithoutRecordIsReportedWithItsFetchFindings() throws Exception {
        Observations o = new Observations(Optional.of(txt("_mta-sts.example.com")), clean().mx(), clean().tlsRptTxt(),
                clean().policyHostAddresses(), ok(POLICY, "text/html"));

        ValidationReport r = assemble(o);

        assertThat(r.findings()).extracting(Finding::code).containsExactlyInAnyOrder(FindingCode.STS_RECORD_MISSING,
                FindingCode.POLICY_WITHOUT_STS_RECORD, FindingCode.POLICY_CONTENT_TYPE);
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
    }

    @Test
    void changedPolicyWithTheSameIdIsAnErrorAndGetsAFreshId() throws Exception {
        PolicySnapshot before = new PolicySnapshot("example.com", "1", SnapshotCheck.sha256("something else"),
                NOW.minus(Duration.ofDays(1)));

        ValidationReport r = ReportAssembler.assemble(DOMAIN, NOW, Duration.ZERO, clean(), Map.of(),
                Optional.of(before));

        assertThat(r.findings(FindingCode.POLICY_CHANGED_WITHOUT_NEW_ID)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(r.remediation().stsRecord()).contains("v=STSv1; id=20261129T120000");
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_READY);
    }

    @Test
    void freshIdNeverRepeatsTheCurrentId() {
        assertThat(RemediationWriter.freshId(NOW)).isEqualTo("20261129T120000");
        assertThat(RemediationWriter.freshId(NOW, Optional.of("20261129T120000"))).isEqualTo("20261129T120001");
        assertThat(RemediationWriter.freshId(NOW, Optional.of("other"))).isEqualTo("20261129T120000");
        assertThat(RemediationWriter.freshId(NOW, Optional.empty())).isEqualTo("20261129T120000");
    }

    @Test
    void failedMxLookupInEnforceIsNoRiskClaim() throws Exception {
        String enforce = POLICY.replace("testing", "enforce");
        Observations o = new Observations(clean().stsTxt(),
                Optional.of(MxAnswer.empty(DnsResult.failure(DOMAIN, DnsOutcome.SERVFAIL, "test"))),
                clean().tlsRptTxt(), clean().policyHostAddresses(), ok(enforce, "text/plain"));

        ValidationReport r = assemble(o);

        assertThat(r.verdict()).isEqualTo(Verdict.ENFORCING);
        assertThat(r.atRisk()).isFalse();
        assertThat(r.layer(Layer.MX_COVERAGE).status()).isEqualTo(LayerStatus.FAIL);
    }

    @Test
    void uncoveredMxInEnforceIsARisk() throws Exception {
        String enforce = POLICY.replace("testing", "enforce");
        Observations o = new Observations(clean().stsTxt(), Optional.of(mx("mx1.example.com", "mx2.example.net")),
                clean().tlsRptTxt(), clean().policyHostAddresses(), ok(enforce, "text/plain"));

        ValidationReport r = assemble(o);

        assertThat(r.atRisk()).isTrue();
        assertThat(r.remediation().policy()).hasValueSatisfying(p -> assertThat(p).contains("mx: mx2.example.net"));
    }
}
