package dev.mtasts.tests;

import java.time.Duration;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.http.HttpsPolicyFetcher;
import dev.mtasts.dns.DnsjavaResolver;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.resolver.DnsResolver;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/** Shared helpers of the end-to-end tests: policy text, and assertions that print the whole report on failure. */
final class E2e {

    static final String ID = "20261101T000000";

    private E2e() {
    }

    /** @return the default resolver pointed at the sandbox's DNS server, with a per-query timeout */
    static DnsResolver sandboxResolver(MtaStsSandbox sandbox, Duration perQuery) {
        return DnsjavaResolver.builder().nameserver(sandbox.dnsServer().address()).timeout(perQuery).build();
    }

    /** @return the default fetcher trusting the sandbox's CA (besides the JDK's roots), on the given ports */
    static PolicyFetcher sandboxFetcher(MtaStsSandbox sandbox, int httpsPort, int httpPort) {
        return HttpsPolicyFetcher.builder().trustedCertificates(List.of(sandbox.authority().rootCertificate()))
                .httpsPort(httpsPort).httpPort(httpPort).build();
    }

    /** @return a policy file with CRLF line ends */
    static String policy(String mode, long maxAge, String... mx) {
        StringBuilder out = new StringBuilder("version: STSv1\r\nmode: ").append(mode).append("\r\n");
        for (String host : mx) {
            out.append("mx: ").append(host).append("\r\n");
        }
        return out.append("max_age: ").append(maxAge).append("\r\n").toString();
    }

    /** @return the report as text, for assertion messages */
    static String describe(ValidationReport r) {
        return r.domain() + " " + r.verdict() + " atRisk=" + r.atRisk() + " promotion=" + r.promotion().status()
                + r.promotion().blockers().stream().map(f -> f.code().name()).collect(Collectors.joining(",", "[", "]"))
                + "\n  " + r.layers() + "\n  " + r.findings().stream().map(Finding::toString)
                .collect(Collectors.joining("\n  "));
    }

    /** Asserts the verdict, atRisk and promotion status together. */
    static void assertOutcome(ValidationReport r, Verdict verdict, boolean atRisk, PromotionStatus promotion) {
        assertThat(r.verdict()).as(describe(r)).isEqualTo(verdict);
        assertThat(r.atRisk()).as(describe(r)).isEqualTo(atRisk);
        assertThat(r.promotion().status()).as(describe(r)).isEqualTo(promotion);
    }

    /** @return the only finding with this code, asserting its severity */
    static Finding finding(ValidationReport r, FindingCode code, Severity severity) {
        List<Finding> found = r.findings(code);
        assertThat(found).as(describe(r)).hasSize(1);
        assertThat(found.get(0).severity()).as(describe(r)).isEqualTo(severity);
        assertThat(found.get(0).message()).isNotBlank();
        assertThat(found.get(0).remediation()).isNotBlank();
        return found.get(0);
    }

    /** @return the only finding with this code, asserting its severity and layer */
    static Finding finding(ValidationReport r, FindingCode code, Severity severity, dev.mtasts.report.Layer layer) {
        Finding f = finding(r, code, severity);
        assertThat(f.layer()).as(describe(r)).isEqualTo(layer);
        return f;
    }

    /** @return the codes of the report's findings */
    static List<FindingCode> codes(ValidationReport r) {
        return r.findings().stream().map(Finding::code).toList();
    }

    /** @return the codes of the promotion's blockers */
    static List<FindingCode> blockers(ValidationReport r) {
        return r.promotion().blockers().stream().map(Finding::code).toList();
    }
}
