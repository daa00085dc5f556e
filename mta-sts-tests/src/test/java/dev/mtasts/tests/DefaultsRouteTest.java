package dev.mtasts.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.AddressPolicy;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.dns.DnsjavaResolver;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.http.HttpsPolicyFetcher;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.smtp.StartTlsProbe;
import dev.mtasts.testkit.Deployments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One way to the defaults: a report depends only on what the user configured, never on the route taken to the
 * defaults. The same sandbox domain is validated with the default resolver and fetcher reached through their
 * factories (as {@code MtaStsValidator.validate} and the sandbox reach them) and through their builders (as an
 * embedding application writes them), each given only the sandbox's name server, CA and ports; the two reports
 * must agree field by field, everything but the measured times.
 */
class DefaultsRouteTest extends SandboxTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void install() {
        Deployments.installAll(sandbox);
    }

    /** Through the factories, with the default settings plus the sandbox's name server, CA and ports. */
    private static Validator viaFactories() {
        return MtaStsValidator.builder().resolver(sandbox.resolver()).fetcher(sandbox.fetcher())
                .mxProbe(sandbox.mxProbe().orElseThrow())
                .addressPolicy(AddressPolicy.allowAll()).clock(CLOCK).build();
    }

    /** Through the builders of the default implementations, given the same three things. */
    private static Validator viaBuilders() {
        return MtaStsValidator.builder()
                .resolver(DnsjavaResolver.builder().nameserver(sandbox.dnsServer().address())
                        .timeout(Duration.ofSeconds(1)).build())
                .fetcher(HttpsPolicyFetcher.builder()
                        .trustedCertificates(List.of(sandbox.authority().rootCertificate()))
                        .httpsPort(sandbox.httpsServer().httpsPort())
                        .httpPort(sandbox.httpsServer().httpPort())
                        .build())
                .mxProbe(StartTlsProbe.builder()
                        .trustedCertificates(List.of(sandbox.authority().rootCertificate()))
                        .port(sandbox.smtpServer().port())
                        .build())
                .addressPolicy(AddressPolicy.allowAll()).clock(CLOCK).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"enforce.good.test", "testing.good.test", "backup-mx.test", "expired-cert.test",
            "http-only.test", "html-catch-all.test", "redirect.test", "no-policy-host.test", "bad-syntax.test"})
    void bothRoutesGiveTheSameReport(String domain) {
        ValidationReport a = viaFactories().validate(domain);
        ValidationReport b = viaBuilders().validate(domain);

        assertThat(a.verdict()).isEqualTo(b.verdict());
        assertThat(a.atRisk()).isEqualTo(b.atRisk());
        assertThat(a.inconclusive()).isEqualTo(b.inconclusive());
        assertThat(a.findings()).isEqualTo(b.findings());
        assertThat(a.layers()).isEqualTo(b.layers());
        assertThat(a.promotion()).isEqualTo(b.promotion());
        assertThat(a.remediation()).isEqualTo(b.remediation());
        assertThat(a.stsRecord()).isEqualTo(b.stsRecord());
        assertThat(a.policy()).isEqualTo(b.policy());
        assertThat(a.mxHosts()).extracting(DefaultsRouteTest::mxFacts)
                .isEqualTo(b.mxHosts().stream().map(DefaultsRouteTest::mxFacts).toList());
        assertThat(a.tlsRptRecord()).isEqualTo(b.tlsRptRecord());
        assertThat(a.snapshot()).isEqualTo(b.snapshot());
        assertThat(a.observations().refusedAddresses()).isEqualTo(b.observations().refusedAddresses());
        assertThat(a.observations().mx().records()).isEqualTo(b.observations().mx().records());
        assertThat(fetchFacts(a.observations().policyFetch())).isEqualTo(fetchFacts(b.observations().policyFetch()));
        assertThat(a.observations().policyFetch().flatMap(PolicyFetch::plainHttp).isPresent())
                .as("the plain-HTTP diagnostic runs on both routes or on neither")
                .isEqualTo(b.observations().policyFetch().flatMap(PolicyFetch::plainHttp).isPresent());
    }

    @org.junit.jupiter.api.Test
    void theDefaultProbeIsStartTlsProbesOwnDefaultsAndNoMxProbeTurnsItOff() {
        Validator byDefault = MtaStsValidator.builder().resolver(sandbox.resolver()).fetcher(sandbox.fetcher()).build();
        Validator without = MtaStsValidator.builder().resolver(sandbox.resolver()).fetcher(sandbox.fetcher())
                .noMxProbe().build();

        assertThat(byDefault.mxProbe()).contains(StartTlsProbe.builder().build());
        assertThat(without.mxProbe()).isEmpty();
        assertThat(sandbox.validatorBuilder().build().mxProbe()).isPresent().isNotEqualTo(byDefault.mxProbe());
    }

    /** What was seen of an MX host, without the measured times. */
    private static List<Object> mxFacts(MxHostResult host) {
        return List.of(host.host(), host.preference(), host.covered(), host.matchedBy(),
                host.addresses().map(a -> List.of(a.outcome(), a.addresses())), host.refused(),
                host.probe().map(p -> p.addresses().stream().map(a -> List.of(a.address(), a.outcome(),
                        a.tlsFailure(), a.detail(), a.greeting(), a.extensions(), a.tlsVersion(), a.chain())).toList()),
                host.dane().map(d -> List.of(d.status(), d.matched(), d.rolloverReady())));
    }

    /** What a fetch saw, without the measured time. */
    private static Optional<List<Object>> fetchFacts(Optional<PolicyFetch> fetch) {
        return fetch.map(f -> List.of(f.outcome(), f.tlsFailure(), f.statusCode(), f.headers(), f.bodyText(),
                f.address(), f.tlsVersion(), f.certificates(),
                f.plainHttp().map(p -> List.of(p.fetch().outcome(), p.fetch().statusCode(), p.fetch().bodyText()))));
    }
}
