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
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.report.DaneResult;
import dev.mtasts.report.DaneStatus;
import dev.mtasts.report.MxHostObservation;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.DiagnosticObservations;
import dev.mtasts.report.Observations;
import dev.mtasts.report.RuaDestination;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.Promotion;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.report.Remediation;
import dev.mtasts.report.SenderClass;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TlsaRecord;
import dev.mtasts.resolver.TxtRecord;
import dev.mtasts.testkit.TestCertificateAuthority;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reports built by hand, value by value, for the tests that need no network: one with every optional part
 * present, one with every optional part absent, one whose strings are hostile, and one with probed MX hosts and
 * their DANE checks. The tests over real
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
        PolicyFetch other = PolicyFetch.builder(FetchOutcome.HTTP_STATUS).statusCode(404).header("Content-Type", "text/html")
                .address(new InetSocketAddress(ip("2001:db8::10"), 443)).certificates(List.of(leaf)).build();
        DiagnosticObservations diagnostics = new DiagnosticObservations(List.of(fetch, other),
                Optional.of(new TxtAnswer(found("example.com"), List.of(TxtRecord.of("v=STSv1; id=1")))),
                Optional.of(TxtAnswer.empty(DnsResult.of(DomainName.of("_smtp-tlsrpt.example.com"),
                        dev.mtasts.resolver.DnsOutcome.NXDOMAIN))),
                List.of(new RuaDestination("mailto:tls@example.com", domain, Optional.of(mx), Optional.empty(),
                                List.of(), Optional.empty()),
                        new RuaDestination("https://tlsrpt.example.net/v1", DomainName.of("tlsrpt.example.net"),
                                Optional.empty(), Optional.of(new AddressAnswer(found("tlsrpt.example.net"),
                                        List.of(ip("192.0.2.44"), ip("10.0.0.9")))),
                                List.of(new RefusedAddress(ip("10.0.0.9"), "private (RFC 1918)")),
                                Optional.of(other))));
        Observations seen = new Observations(Optional.of(sts), mx, Optional.of(rpt), Optional.of(hostAddresses),
                List.of(new RefusedAddress(ip("10.0.0.5"), "private (RFC 1918)")), Optional.of(fetch))
                .withDiagnostics(diagnostics);

        MtaStsPolicy policy = MtaStsPolicy.builder().mode(PolicyMode.ENFORCE).mx("mx1.example.com")
                .maxAge(Duration.ofDays(7)).build();
        Finding notCovered = Finding.of(FindingCode.MX_NOT_COVERED, Severity.ERROR,
                "MX host backup.example.net (preference 50) matches no mx pattern.",
                "Add 'mx: backup.example.net' to the policy, with a new id.").about("mx backup.example.net");
        Finding note = Finding.of(FindingCode.POLICY_NOTE, Severity.INFO, "A remark.", "Nothing to do.")
                .about("policy line 3").because(ProblemCode.values()[0]);
        Finding risk = Finding.of(FindingCode.INTEROP_RISK, Severity.WARNING, "Served as 'text/plain; charset=utf-8'.",
                "Serve it as exactly 'Content-Type: text/plain'.")
                .about("https://mta-sts.example.com/.well-known/mta-sts.txt")
                .concerning(List.of(SenderClass.EXACT_CONTENT_TYPE, SenderClass.ASCII_BODY));
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
                List.of(notCovered, note, risk), Verdict.ENFORCING, true, false,
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

    /** The leaf of mx1 and mx2's chains: valid for 63 more days from {@link #CHECKED_AT}. */
    static final int MX_DAYS_LEFT = 63;

    /**
     * Probed MX hosts, in enforce mode: mx1.example.com answers STARTTLS on 192.0.2.25 with a valid certificate but
     * on 2001:db8::25 with one for mail.other.test (and its TLSA records match nothing: DANE MISMATCH);
     * mx2.example.com is good on its one address, with DANE VALID and the next key published; mx3.example.com could
     * not be reached; gone.example.com has no address; private.example.com has only a refused private address.
     */
    static ValidationReport probed() {
        TestCertificateAuthority ca = TestCertificateAuthority.create("Sample CA");
        Instant notBefore = CHECKED_AT.minus(Duration.ofDays(27));
        Instant notAfter = CHECKED_AT.plus(Duration.ofDays(MX_DAYS_LEFT)).plusSeconds(3600);
        List<X509Certificate> mx1Chain = ca.certificate("mx1.example.com").validity(notBefore, notAfter).issue().chain();
        List<X509Certificate> otherChain = ca.certificate("mail.other.test").validity(notBefore, notAfter).issue()
                .chain();
        List<X509Certificate> mx2Chain = ca.certificate("mx2.example.com").validity(notBefore, notAfter).issue().chain();

        DomainName mx1 = DomainName.of("mx1.example.com");
        DomainName mx2 = DomainName.of("mx2.example.com");
        DomainName mx3 = DomainName.of("mx3.example.com");
        DomainName gone = DomainName.of("gone.example.com");
        DomainName lan = DomainName.of("private.example.com");
        MxAnswer mx = new MxAnswer(found("example.com"), List.of(new MxRecord(10, mx1), new MxRecord(20, mx2),
                new MxRecord(30, mx3), new MxRecord(40, gone), new MxRecord(50, lan)), false, List.of());

        AddressAnswer mx1Addresses = new AddressAnswer(found("mx1.example.com"),
                List.of(ip("192.0.2.25"), ip("2001:db8::25")));
        MxProbe mx1Probe = new MxProbe(mx1, List.of(
                AddressProbe.builder(ip("192.0.2.25"), ProbeOutcome.STARTTLS_OK).greeting("mx1.example.com ESMTP")
                        .extensions(List.of("PIPELINING", "SIZE 10240000", "STARTTLS")).tlsVersion("TLSv1.3")
                        .cipherSuite("TLS_AES_128_GCM_SHA256").chain(mx1Chain).elapsed(Duration.ofMillis(87)).build(),
                AddressProbe.builder(ip("2001:db8::25"), ProbeOutcome.TLS_FAILED)
                        .tlsFailure(TlsFailureCategory.HOSTNAME_MISMATCH)
                        .detail("the certificate is for mail.other.test, not mx1.example.com")
                        .greeting("mx1.example.com ESMTP").extensions(List.of("STARTTLS")).tlsVersion("TLSv1.3")
                        .cipherSuite("TLS_AES_256_GCM_SHA384").chain(otherChain).elapsed(Duration.ofMillis(91))
                        .build()));
        DomainName mx1Tlsa = DomainName.of("_25._tcp.mx1.example.com");
        TlsaRecord stale = TlsaRecord.of(TlsaRecord.DANE_EE, TlsaRecord.SPKI, TlsaRecord.SHA2_256, new byte[32]);
        TlsaAnswer mx1TlsaAnswer = new TlsaAnswer(found(mx1Tlsa.value()).withAuthenticated(true), List.of(stale));
        DaneResult mx1Dane = new DaneResult(DaneStatus.MISMATCH, mx1TlsaAnswer, List.of(), false,
                "The authenticated TLSA record 3 1 1 0000... matches no certificate mx1.example.com presents.");

        AddressAnswer mx2Addresses = new AddressAnswer(found("mx2.example.com"), List.of(ip("192.0.2.26")));
        MxProbe mx2Probe = new MxProbe(mx2, List.of(AddressProbe.builder(ip("192.0.2.26"), ProbeOutcome.STARTTLS_OK)
                .greeting("mx2.example.com ESMTP Postfix").extensions(List.of("STARTTLS", "8BITMIME"))
                .tlsVersion("TLSv1.2").cipherSuite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").chain(mx2Chain)
                .elapsed(Duration.ofMillis(120)).build()));
        DomainName mx2Tlsa = DomainName.of("_25._tcp.mx2.example.com");
        TlsaRecord current = TlsaRecord.of(TlsaRecord.DANE_EE, TlsaRecord.SPKI, TlsaRecord.SHA2_256,
                sha256(mx2Chain.get(0).getPublicKey().getEncoded()));
        TlsaRecord next = TlsaRecord.parse("3 1 1 " + "ab".repeat(32));
        TlsaAnswer mx2TlsaAnswer = new TlsaAnswer(found(mx2Tlsa.value()).withAuthenticated(true),
                List.of(current, next));
        DaneResult mx2Dane = new DaneResult(DaneStatus.VALID, mx2TlsaAnswer, List.of(current), true,
                "TLSA record 3 1 1 matches the key mx2.example.com presents; a second record waits for the next key.");

        AddressAnswer mx3Addresses = new AddressAnswer(found("mx3.example.com"), List.of(ip("192.0.2.27")));
        MxProbe mx3Probe = new MxProbe(mx3, List.of(AddressProbe.builder(ip("192.0.2.27"), ProbeOutcome.CONNECT_FAILED)
                .detail("connect timed out").elapsed(Duration.ofSeconds(10)).build()));
        DomainName mx3Tlsa = DomainName.of("_25._tcp.mx3.example.com");
        TlsaAnswer mx3TlsaAnswer = TlsaAnswer.nxdomain(mx3Tlsa, false);
        DaneResult mx3Dane = new DaneResult(DaneStatus.NONE, mx3TlsaAnswer, List.of(), false, "");

        AddressAnswer goneAddresses = AddressAnswer.nxdomain(gone);
        AddressAnswer lanAddresses = new AddressAnswer(found("private.example.com"), List.of(ip("10.0.0.25")));
        List<RefusedAddress> lanRefused = List.of(new RefusedAddress(ip("10.0.0.25"), "private (RFC 1918)"));

        Observations seen = new Observations(Optional.empty(), mx, Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), List.of(
                        new MxHostObservation(mx1, Optional.of(mx1Addresses), List.of(), Optional.of(mx1Probe),
                                Optional.of(mx1TlsaAnswer)),
                        new MxHostObservation(mx2, Optional.of(mx2Addresses), List.of(), Optional.of(mx2Probe),
                                Optional.of(mx2TlsaAnswer)),
                        new MxHostObservation(mx3, Optional.of(mx3Addresses), List.of(), Optional.of(mx3Probe),
                                Optional.of(mx3TlsaAnswer)),
                        new MxHostObservation(gone, Optional.of(goneAddresses), List.of(), Optional.empty(),
                                Optional.empty()),
                        new MxHostObservation(lan, Optional.of(lanAddresses), lanRefused, Optional.empty(),
                                Optional.empty())));
        MxPattern pattern = MxPattern.of("*.example.com");
        List<MxHostResult> hosts = List.of(
                new MxHostResult(mx1, 10, true, Optional.of(pattern), Optional.of(mx1Addresses), List.of(),
                        Optional.of(mx1Probe), Optional.of(mx1Dane)),
                new MxHostResult(mx2, 20, true, Optional.of(pattern), Optional.of(mx2Addresses), List.of(),
                        Optional.of(mx2Probe), Optional.of(mx2Dane)),
                new MxHostResult(mx3, 30, true, Optional.of(pattern), Optional.of(mx3Addresses), List.of(),
                        Optional.of(mx3Probe), Optional.of(mx3Dane)),
                new MxHostResult(gone, 40, true, Optional.of(pattern), Optional.of(goneAddresses), List.of(),
                        Optional.empty(), Optional.empty()),
                new MxHostResult(lan, 50, true, Optional.of(pattern), Optional.of(lanAddresses), lanRefused,
                        Optional.empty(), Optional.empty()));
        List<Finding> findings = List.of(
                Finding.of(FindingCode.MX_CERT_HOSTNAME_MISMATCH, Severity.ERROR,
                        "mx1.example.com at 2001:db8::25 presents a certificate for mail.other.test.",
                        "Serve a certificate for mx1.example.com on 2001:db8::25.").about("mx mx1.example.com"),
                Finding.of(FindingCode.DANE_MISMATCH, Severity.ERROR, "The TLSA records of mx1.example.com match"
                        + " nothing it presents.", "Publish _25._tcp.mx1.example.com. IN TLSA 3 1 1 ...")
                        .about("dns:_25._tcp.mx1.example.com TLSA"),
                Finding.of(FindingCode.MX_NOT_PROBED, Severity.WARNING, "mx3.example.com (192.0.2.27) could not be"
                        + " reached from here.", "Check again from a network that allows port 25."),
                Finding.of(FindingCode.DANE_VALID, Severity.INFO, "DANE is valid for mx2.example.com.",
                        "Nothing to do."));
        List<LayerResult> layers = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            layers.add(new LayerResult(layer, layer == Layer.MX_COVERAGE ? LayerStatus.FAIL : LayerStatus.PASS,
                    Optional.empty()));
        }
        MtaStsPolicy policy = MtaStsPolicy.builder().mode(PolicyMode.ENFORCE).mx("*.example.com")
                .maxAge(Duration.ofDays(7)).build();
        return new ValidationReport(DomainName.of("example.com"), CHECKED_AT, Duration.ofMillis(10400), seen,
                Optional.of(StsRecord.parse("v=STSv1; id=20261101T000000")), Optional.of(policy), hosts,
                Optional.empty(), layers, findings, Verdict.ENFORCING, true, false,
                new Promotion(PromotionStatus.NOT_APPLICABLE, List.of(), "The policy is already in enforce mode."),
                Remediation.none(), Optional.empty());
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
