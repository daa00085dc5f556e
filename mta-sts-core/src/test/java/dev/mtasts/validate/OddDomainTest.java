package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsOutcome;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every name {@link DomainName} accepts gets a report, never an exception, and a remediation made only of texts this
 * library's own parsers accept.
 */
class OddDomainTest {

    private static final String LABEL_63 = "a".repeat(63);

    @Test
    void anUnderscoreDomainGetsNoTlsRptProposalButIsToldWhatToPublish() {
        ValidationReport r = Seen.deployed("a_b.example.com", "testing").rpt().assemble();

        assertThat(r.remediation().tlsRptRecord()).isEmpty();
        assertThat(r.findings(FindingCode.TLSRPT_MISSING)).singleElement().satisfies(f -> {
            assertThat(f.remediation()).contains("v=TLSRPTv1; rua=mailto:<a mailbox of yours that receives mail>",
                    "_smtp._tls.a_b.example.com", "tls-reports@a_b.example.com");
            assertThat(f.remediation()).doesNotContain("'v=TLSRPTv1; rua=mailto:tls-reports@a_b.example.com'");
        });
    }

    @Test
    void anOrdinaryDomainGetsTheTlsRptRecordProposed() {
        ValidationReport r = Seen.testing().rpt().assemble();

        assertThat(r.remediation().tlsRptRecord()).contains("v=TLSRPTv1; rua=mailto:tls-reports@example.com");
        assertThat(r.findings(FindingCode.TLSRPT_MISSING)).singleElement().satisfies(f -> assertThat(f.remediation())
                .contains("'v=TLSRPTv1; rua=mailto:tls-reports@example.com'"));
    }

    static List<String> oddNames() {
        return List.of("a_b.example.com", "_x.example.com", "localhost", "xn--bcher-kva.example", "xn--bcher-kva",
                LABEL_63 + ".example.com", "a." + LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + ".com", "1.2.3.example",
                "a-b--c.example", "x", LongDomainTest.domainOf(231), LongDomainTest.domainOf(242));
    }

    @ParameterizedTest
    @MethodSource("oddNames")
    void oddDomainsWithNothingDeployedGetAValidRemediation(String name) {
        ValidationReport r = Seen.deployed(name, "testing").sts().rpt().mx(name).assemble();

        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
        assertRemediationParses(r);
    }

    @ParameterizedTest
    @MethodSource("oddNames")
    void oddDomainsWithEveryKindOfFaultNeverThrow(String name) {
        for (Seen seen : faults(name)) {
            ValidationReport r = seen.assemble();
            assertThat(r.layers()).hasSize(Layer.values().length);
            assertRemediationParses(r);
        }
    }

    @Test
    void anMxHostWithAnUnderscoreIsCoveredByAWildcardOverItsParent() {
        ValidationReport r = Seen.deployed("example.com", "testing").mx("mx_1.mail.example.com").assemble();

        assertThat(r.remediation().policy()).hasValueSatisfying(p -> assertThat(p).contains("mx: *.mail.example.com"));
        assertRemediationParses(r);
    }

    private static List<Seen> faults(String name) {
        String policy = Seen.policy("enforce", 604800, Seen.MX);
        return List.of(
                Seen.deployed(name, "testing"),
                Seen.deployed(name, "enforce").mx(Seen.MX, "mx2." + (name.length() < 240 ? name : "example.org")),
                Seen.deployed(name, "testing").sts("v=stsv1; id=1"),
                Seen.deployed(name, "testing").sts("v=STSv1; id=1", "v=STSv1; id=2"),
                Seen.deployed(name, "testing").sts("v=STSv1; id=bad-id"),
                Seen.deployed(name, "testing").rpt("v=TLSRPTv1; rua=ftp://x"),
                Seen.deployed(name, "testing").rpt("v=tlsrptv1; rua=mailto:a@example.net"),
                Seen.deployed(name, "testing").ok("version: STSv1\n\nmode: enforce\nmx: a.example\nmax_age: 5\n",
                        "text/plain"),
                Seen.deployed(name, "testing").ok(policy, "text/html"),
                Seen.deployed(name, "testing").ok(policy),
                Seen.deployed(name, "testing").ok(policy, Duration.ofSeconds(9), "text/plain"),
                Seen.deployed(name, "testing").fetch(PolicyFetch.builder(FetchOutcome.TIMEOUT)
                        .elapsed(Duration.ofSeconds(3)).build()),
                Seen.deployed(name, "testing").fetch(PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE).build()),
                Seen.deployed(name, "testing").mxOutcome(DnsOutcome.NXDOMAIN),
                Seen.deployed(name, "testing").mx(),
                Seen.deployed(name, "testing").stsOutcome(DnsOutcome.SERVFAIL).rptOutcome(DnsOutcome.TIMEOUT)
                        .mxOutcome(DnsOutcome.REFUSED).addressesOutcome(DnsOutcome.MALFORMED),
                Seen.deployed(name, "testing").addresses());
    }

    static void assertRemediationParses(ValidationReport r) {
        r.remediation().stsRecord().ifPresent(StsRecord::parse);
        r.remediation().enforceStsRecord().ifPresent(StsRecord::parse);
        r.remediation().policy().ifPresent(MtaStsPolicy::parse);
        r.remediation().enforcePolicy().ifPresent(MtaStsPolicy::parse);
        r.remediation().tlsRptRecord().ifPresent(TlsRptRecord::parse);
    }

    // ---- any name DomainName accepts ----

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcxyz019_-").ofMinLength(1).ofMaxLength(63)
                .filter(l -> !l.startsWith("-") && !l.endsWith("-"));
        return label.list().ofMinSize(1).ofMaxSize(6).map(labels -> String.join(".", labels))
                .filter(n -> DomainName.tryParse(n).isPresent());
    }

    @Provide
    Arbitrary<Seen> anything() {
        return Combinators.combine(names(), Arbitraries.integers().between(0, 16)).as((name, i) -> faults(name).get(i));
    }

    @Property(tries = 400)
    void anyAcceptedDomainWithAnyFaultGetsAConsistentReport(@ForAll("anything") Seen seen) {
        ValidationReport r = seen.assemble();

        assertThat(r.layers()).hasSize(Layer.values().length);
        assertRemediationParses(r);
        if (r.verdict() == Verdict.TESTING || r.verdict() == Verdict.ENFORCING || r.verdict() == Verdict.INACTIVE) {
            assertThat(r.policy()).isPresent();
            assertThat(r.stsRecord()).isPresent();
        }
        if (r.verdict() == Verdict.BROKEN) {
            assertThat(r.errors()).as("a broken verdict rests on an error: %s", r.findings()).isNotEmpty();
        }
        if (r.verdict() == Verdict.UNKNOWN) {
            assertThat(r.inconclusive()).isTrue();
        }
        if (r.promotion().status() != PromotionStatus.NOT_APPLICABLE) {
            assertThat(r.verdict()).isEqualTo(Verdict.TESTING);
        }
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.message()).isNotBlank();
            assertThat(f.remediation()).isNotBlank();
        });
        assertThat(r.findings()).extracting(Finding::layer).isSorted();
    }
}
