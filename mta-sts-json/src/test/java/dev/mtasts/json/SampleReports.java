package dev.mtasts.json;

import dev.mtasts.DomainName;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.fetcher.AddressFailure;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PlainHttpProbe;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerResult;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.Observations;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.Promotion;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.report.Remediation;
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
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reports built by hand, value by value, for the tests that need no network: one with every optional part
 * present, one with every optional part absent, and one whose strings are hostile. The tests over real
 * validations are in {@link SandboxReportsTest}.
 */
final class SampleReports {

    static final Instant CHECKED_AT = Instant.parse("2026-11-29T12:00:00Z");

    /** Quotes, a backslash, HTML, C0 and C1 controls, DEL, the JavaScript line breaks, a lone surrogate, an emoji. */
    static final String HOSTILE = "\"quoted\" \\ </script><b onload='x'>&amp; \u0000\u0007\u001b[31m\n\r\t"
            + "\u007f\u0085\u009b \u2028\u2029 \ud800 \ud83d\udce7 é";

    private SampleReports() {
    }

    /** Every optional field present: an enforce policy, two MX hosts of which one is not covered, a fetch with all. */
    static ValidationReport full() {
        DomainName domain = DomainName.of("example.com");
        TxtAnswer sts = new TxtAnswer(found("_mta-sts.example.com").withCnameChain(
                List.of(DomainName.of("sts.provider.example"))).withAuthenticated(true),
                List.of(TxtRecord.of("v=STSv1; ", "id=20261101T000000"), TxtRecord.of("v=spf1 -all")));
        MxAnswer mx = new MxAnswer(found("example.com"), List.of(new MxRecord(10, DomainName.of("mx1.example.com")),
                new MxRecord(50, DomainName.of("backup.example.net"))), false, List.of("192.0.2.25"));
        TxtAnswer rpt = new TxtAnswer(found("_smtp._tls.example.com"),
                List.of(TxtRecord.of("v=TLSRPTv1; rua=mailto:tls@example.com")));
        AddressAnswer hostAddresses = new AddressAnswer(found("mta-sts.example.com"),
                List.of(ip("192.0.2.10"), ip("10.0.0.5"), ip("2001:db8::10")));
        CertificateFacts leaf = new CertificateFacts("CN=mta-sts.example.com", "CN=Test CA",
                List.of("mta-sts.example.com"), CHECKED_AT.minus(Duration.ofDays(30)),
                CHECKED_AT.plus(Duration.ofDays(60)).plusSeconds(5), "1a2b", "ab".repeat(32));
        CertificateFacts root = new CertificateFacts("CN=Test CA", "CN=Test CA", List.of(),
                CHECKED_AT.minus(Duration.ofDays(300)), CHECKED_AT.plus(Duration.ofDays(3000)), "01", "");
        PolicyFetch plain = PolicyFetch.builder(FetchOutcome.OK).statusCode(200).header("Content-Type", "text/plain")
                .body("version: STSv1\n".getBytes()).build();
        PolicyFetch fetch = PolicyFetch.builder(FetchOutcome.OK).statusCode(200)
                .header("Content-Type", "text/plain; charset=utf-8").body(new byte[120])
                .address(new InetSocketAddress(ip("192.0.2.10"), 443))
                .failedAddress(new AddressFailure(new InetSocketAddress(ip("2001:db8::10"), 443), "No route to host"))
                .tlsVersion("TLSv1.3").cipherSuite("TLS_AES_128_GCM_SHA256").certificates(List.of(leaf, root))
                .elapsed(Duration.ofMillis(1234)).detail("a detail").plainHttp(new PlainHttpProbe(plain)).build();
        Observations seen = new Observations(Optional.of(sts), mx, Optional.of(rpt), Optional.of(hostAddresses),
                List.of(new RefusedAddress(ip("10.0.0.5"), "private (RFC 1918)")), Optional.of(fetch));

        MtaStsPolicy policy = MtaStsPolicy.builder().mode(PolicyMode.ENFORCE).mx("mx1.example.com")
                .maxAge(Duration.ofDays(7)).build();
        Finding notCovered = Finding.of(FindingCode.MX_NOT_COVERED, Severity.ERROR,
                "MX host backup.example.net (preference 50) matches no mx pattern.",
                "Add 'mx: backup.example.net' to the policy, with a new id.").about("mx backup.example.net");
        Finding note = Finding.of(FindingCode.POLICY_NOTE, Severity.INFO, "A remark.", "Nothing to do.")
                .about("policy line 3").because(ProblemCode.values()[0]);
        List<LayerResult> layers = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            LayerStatus status = layer == Layer.MX_COVERAGE ? LayerStatus.FAIL : LayerStatus.PASS;
            Optional<String> layerNote = layer == Layer.PROMOTION ? Optional.of("The policy is already in enforce mode.")
                    : Optional.empty();
            layers.add(new LayerResult(layer, status, layerNote));
        }
        Remediation remediation = new Remediation(Optional.of("v=STSv1; id=20261129T120000"),
                Optional.of("version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: backup.example.net\r\n"
                        + "max_age: 604800\r\n"), Optional.of("v=TLSRPTv1; rua=mailto:tls@example.com"),
                Optional.of("version: STSv1\r\nmode: enforce\r\n"), Optional.of("v=STSv1; id=20261129T120001"),
                Optional.of(Duration.ofDays(7)));
        return new ValidationReport(domain, CHECKED_AT, Duration.ofMillis(2345), seen,
                Optional.of(StsRecord.parse("v=STSv1; id=20261101T000000")), Optional.of(policy),
                List.of(new MxHostResult(DomainName.of("mx1.example.com"), 10, true,
                                Optional.of(MxPattern.of("mx1.example.com"))),
                        new MxHostResult(DomainName.of("backup.example.net"), 50, false, Optional.empty())),
                Optional.of(TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:tls@example.com")), layers,
                List.of(notCovered, note), Verdict.ENFORCING, true, false,
                new Promotion(PromotionStatus.NOT_APPLICABLE, List.of(), "The policy is already in enforce mode."),
                remediation, Optional.of(new PolicySnapshot("example.com", "20261101T000000", "0".repeat(64),
                        CHECKED_AT)));
    }

    /**
     * Every optional part absent: the only look-up is an MX that timed out (the names of the others could not
     * exist), no server was asked, nothing was fetched, nothing is to be published.
     */
    static ValidationReport bare() {
        DomainName domain = DomainName.of("bare.example");
        MxAnswer mx = MxAnswer.empty(DnsResult.of(domain, DnsOutcome.TIMEOUT));
        Observations seen = new Observations(Optional.empty(), mx, Optional.empty(), Optional.empty(), List.of(),
                Optional.empty());
        List<LayerResult> layers = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            layers.add(new LayerResult(layer, LayerStatus.SKIPPED, Optional.empty()));
        }
        return new ValidationReport(domain, CHECKED_AT, Duration.ZERO, seen, Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), layers, List.of(), Verdict.UNKNOWN, false, true,
                new Promotion(PromotionStatus.NOT_APPLICABLE, List.of(), "Check again."), Remediation.none(),
                Optional.empty());
    }

    /**
     * An internationalised domain whose TXT strings, invalid MX exchange, HTTP headers, certificate names and
     * finding texts are all {@link #HOSTILE}: what a hostile DNS or web server can make a report quote.
     */
    static ValidationReport hostile() {
        DomainName domain = DomainName.of("bücher.example");
        TxtAnswer sts = new TxtAnswer(found(domain.prefixedWith("_mta-sts").value()).withDetail(HOSTILE),
                List.of(TxtRecord.of("v=STSv1; id=" + HOSTILE, HOSTILE)));
        MxAnswer mx = new MxAnswer(found(domain.value()), List.of(), true, List.of(HOSTILE));
        CertificateFacts leaf = new CertificateFacts("CN=" + HOSTILE, "CN=" + HOSTILE, List.of(HOSTILE),
                CHECKED_AT.minus(Duration.ofDays(30)), CHECKED_AT.minus(Duration.ofDays(1)), "ff", "");
        PolicyFetch fetch = PolicyFetch.builder(FetchOutcome.TLS_FAILURE).tlsFailure(TlsFailureCategory.EXPIRED)
                .detail(HOSTILE).header("Content-Type", HOSTILE).header("Location", HOSTILE)
                .certificates(List.of(leaf)).build();
        Observations seen = new Observations(Optional.of(sts), mx, Optional.empty(), Optional.empty(),
                List.of(new RefusedAddress(ip("127.0.0.1"), HOSTILE)), Optional.of(fetch));
        Finding finding = Finding.of(FindingCode.STS_RECORD_INVALID, Severity.ERROR, HOSTILE, HOSTILE)
                .about(HOSTILE);
        List<LayerResult> layers = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            layers.add(new LayerResult(layer, LayerStatus.FAIL, Optional.of(HOSTILE)));
        }
        return new ValidationReport(domain, CHECKED_AT, Duration.ofMillis(1), seen, Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), layers, List.of(finding), Verdict.BROKEN, false, false,
                new Promotion(PromotionStatus.NOT_APPLICABLE, List.of(), HOSTILE),
                new Remediation(Optional.of(HOSTILE), Optional.of(HOSTILE), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()), Optional.empty());
    }

    private static DnsResult found(String name) {
        return DnsResult.of(DomainName.of(name), DnsOutcome.FOUND).withTtl(Duration.ofSeconds(300))
                .withServer(new InetSocketAddress(ip("192.0.2.53"), 53)).withElapsed(Duration.ofMillis(12));
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
