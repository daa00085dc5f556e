package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.OfflineMaterial;
import dev.mtasts.OfflineValidator;
import dev.mtasts.Validator;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.LayerResult;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The findings of supplied material are those of a live run of the same material: each deployment is published in
 * the sandbox and validated live (no MX probe, since offline has none), then validated offline from the very
 * records and response the sandbox serves, with nothing looked up and with the rest looked up through the sandbox;
 * the reports agree in every finding (code, severity, layer, subject, message, fix), the layers, the verdict, the
 * promotion, the remediation and the snapshot. The one documented difference: a message naming the address the live
 * fetch connected to ({@code " (at 127.0.0.1)"}) leaves it out offline.
 */
@Timeout(60)
class OfflineMatchesLiveTest extends SandboxTest {

    private static final Clock CLOCK = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    private static Validator live;
    private static OfflineValidator nothingLookedUp;
    private static OfflineValidator restLookedUp;

    @BeforeAll
    static void buildValidators() {
        live = sandbox.validatorBuilder().noMxProbe().clock(CLOCK).build();
        nothingLookedUp = MtaStsValidator.offline().clock(CLOCK).build();
        restLookedUp = MtaStsValidator.offline().clock(CLOCK).lookUpTheRestWith(live).build();
    }

    /** A deployment, as the sandbox publishes it and as material supplies it. */
    record Deployment(String label, String name, List<String[]> sts, Optional<HttpResponse> policy,
                      List<Map.Entry<Integer, String>> mx, List<String[]> tlsRpt, List<FindingCode> shows) {

        @Override
        public String toString() {
            return label;
        }

        void publish() {
            SandboxDomain d = sandbox.domain(name).clear();
            sts.forEach(d::stsRecord);
            mx.forEach(m -> {
                if (m.getValue().equals(".")) {
                    d.nullMx();
                } else {
                    d.mx(m.getKey(), m.getValue());
                }
            });
            tlsRpt.forEach(d::tlsRpt);
            policy.ifPresent(d::policyResponse);
        }

        OfflineMaterial material() {
            OfflineMaterial.Builder b = OfflineMaterial.builder();
            sts.forEach(b::stsRecord);
            mx.forEach(m -> b.mx(m.getKey(), m.getValue()));
            tlsRpt.forEach(b::tlsRptRecord);
            policy.ifPresent(r -> {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                r.contentType().ifPresent(t -> headers.put("Content-Type", new ArrayList<>(List.of(t))));
                r.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
                b.policyResponse(r.statusCode(), headers, r.body());
            });
            return b.build();
        }
    }

    private static Deployment deployment(String label, String name, String stsRecord, Optional<HttpResponse> policy,
                                         List<String> mx, boolean tlsRpt, FindingCode... shows) {
        List<Map.Entry<Integer, String>> records = new ArrayList<>();
        for (int i = 0; i < mx.size(); i++) {
            records.add(Map.entry(mx.get(i).equals(".") ? 0 : 10 * (i + 1), mx.get(i)));
        }
        return new Deployment(label, name, List.<String[]>of(new String[] {stsRecord}), policy, records,
                tlsRpt ? List.<String[]>of(new String[] {"v=TLSRPTv1; rua=mailto:tls-reports@" + name}) : List.of(),
                List.of(shows));
    }

    private static Optional<HttpResponse> plain(String text) {
        return Optional.of(HttpResponse.ok("text/plain", text));
    }

    static Stream<Deployment> deployments() {
        String good = "good.offline.test";
        String id = "v=STSv1; id=" + E2e.ID;
        return Stream.of(
                deployment("clean enforce", good, id, plain(policy("enforce", 604800, "mx1." + good, "mx2." + good)),
                        List.of("mx1." + good, "mx2." + good), true),
                deployment("wrong id", "id.offline.test", "v=STSv1; id=2026-01-01",
                        plain(policy("enforce", 604800, "mx1.id.offline.test")), List.of("mx1.id.offline.test"),
                        true, FindingCode.STS_ID_INVALID),
                deployment("blank line in the policy", "blank.offline.test", id,
                        plain("version: STSv1\r\nmode: enforce\r\n\r\nmx: mx1.blank.offline.test\r\nmax_age: 604800\r\n"),
                        List.of("mx1.blank.offline.test"), true, FindingCode.POLICY_SYNTAX),
                deployment("MX not covered", "uncovered.offline.test", id,
                        plain(policy("enforce", 604800, "mx1.uncovered.offline.test")),
                        List.of("mx1.uncovered.offline.test", "backup.uncovered.offline.test"), true,
                        FindingCode.MX_NOT_COVERED),
                deployment("content type text/html", "html.offline.test", id,
                        Optional.of(HttpResponse.ok("text/html; charset=utf-8", policy("enforce", 604800,
                                "mx1.html.offline.test"))), List.of("mx1.html.offline.test"), true,
                        FindingCode.POLICY_CONTENT_TYPE),
                deployment("no content type", "notype.offline.test", id,
                        Optional.of(HttpResponse.ok("text/plain", policy("testing", 86400, "mx1.notype.offline.test"))
                                .withoutContentType()), List.of("mx1.notype.offline.test"), true,
                        FindingCode.POLICY_CONTENT_TYPE),
                deployment("status 404", "missing.offline.test", id, Optional.of(HttpResponse.status(404)),
                        List.of("mx1.missing.offline.test"), true, FindingCode.POLICY_HTTP_STATUS),
                deployment("redirect", "redirect.offline.test", id,
                        Optional.of(HttpResponse.redirect(301, "https://www.redirect.offline.test/")),
                        List.of("mx1.redirect.offline.test"), true, FindingCode.POLICY_REDIRECT),
                deployment("policy over 64 KiB", "huge.offline.test", id,
                        Optional.of(HttpResponse.ok("text/plain", new byte[70 * 1024])),
                        List.of("mx1.huge.offline.test"), true, FindingCode.POLICY_TOO_LARGE),
                deployment("testing without TLS-RPT", "nortp.offline.test", id,
                        plain(policy("testing", 86400, "mx1.nortp.offline.test")),
                        List.of("mx1.nortp.offline.test"), false, FindingCode.TLSRPT_MISSING),
                deployment("null MX with mode none", "nullmx.offline.test", id,
                        plain("version: STSv1\nmode: none\nmax_age: 86400\n"), List.of("."), true, FindingCode.MX_NULL),
                deployment("policy without a record", "orphan.offline.test", "v=spf1 -all",
                        plain(policy("testing", 86400, "mx1.orphan.offline.test")),
                        List.of("mx1.orphan.offline.test"), true,
                        FindingCode.POLICY_WITHOUT_STS_RECORD),
                new Deployment("two records, one in two strings", "two.offline.test",
                        List.of(new String[] {"v=STSv1; ", "id=1"}, new String[] {"v=STSv1; id=2"}),
                        plain(policy("enforce", 604800, "mx1.two.offline.test")),
                        List.of(Map.entry(10, "mx1.two.offline.test")),
                        List.of(new String[] {"v=TLSRPTv1;", "rua=mailto:a@two.offline.test"},
                                new String[] {"v=TLSRPTv1; rua=mailto:b@two.offline.test"}),
                        List.of(FindingCode.STS_RECORD_MULTIPLE, FindingCode.TLSRPT_MULTIPLE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void nothingLookedUpGivesTheFindingsOfALiveRun(Deployment deployment) {
        deployment.publish();

        ValidationReport expected = live.validate(deployment.name());
        assertShows(expected, deployment);
        ValidationReport offline = nothingLookedUp.validate(deployment.name(), deployment.material());

        assertSameReport(offline, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    void theRestLookedUpLiveGivesTheFindingsOfALiveRun(Deployment deployment) {
        deployment.publish();

        ValidationReport expected = live.validate(deployment.name());
        ValidationReport offline = restLookedUp.validate(deployment.name(), deployment.material());

        assertSameReport(offline, expected);
    }

    @Test
    void withTheRestLookedUpAnMxHostThatIsNotPublishedYetIsFound() {
        String name = "pending-mx.offline.test";
        sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy("testing", 86400, "*." + name));
        OfflineMaterial pending = OfflineMaterial.builder().mx(10, "mx1." + name).mx(20, "mx2." + name).build();

        ValidationReport report = restLookedUp.validate(name, pending);

        assertThat(report.findings(FindingCode.MX_HOST_NO_ADDRESS)).as(describe(report)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("mx2." + name));
        assertThat(nothingLookedUp.validate(name, pending).findings(FindingCode.MX_HOST_NO_ADDRESS))
                .as("with nothing looked up, an MX host is taken to resolve").isEmpty();
    }

    @Test
    void withTheRestLookedUpTheSuppliedPartsNeverReachTheWire() {
        String name = "wire.offline.test";
        Deployment wire = deployment("wire", name, "v=STSv1; id=" + E2e.ID,
                plain(policy("enforce", 604800, "mx1." + name)), List.of("mx1." + name), true);
        wire.publish();
        sandbox.dnsServer().clearQueries();
        int requests = sandbox.httpsServer().requests().size();

        restLookedUp.validate(name, wire.material());

        assertThat(sandbox.dnsServer().queries()).extracting(q -> q.type() + " " + q.name())
                .contains("A mx1." + name)
                .doesNotContain("TXT _mta-sts." + name, "TXT _smtp._tls." + name, "MX " + name, "A mta-sts." + name,
                        "AAAA mta-sts." + name);
        assertThat(sandbox.httpsServer().requests()).as("the supplied policy is not fetched").hasSize(requests);
    }

    @Test
    void anEncodedBodyIsRefusedAsTheFetcherRefusesIt() {
        String name = "gzip.offline.test";
        Deployment gzip = deployment("encoded body", name, "v=STSv1; id=" + E2e.ID,
                Optional.of(HttpResponse.ok("text/plain", policy("enforce", 604800, "mx1." + name))
                        .withHeader("Content-Encoding", "gzip")), List.of("mx1." + name), true,
                FindingCode.POLICY_PROTOCOL_ERROR);
        gzip.publish();

        ValidationReport expected = live.validate(name);
        assertShows(expected, gzip);
        ValidationReport offline = nothingLookedUp.validate(name, gzip.material());

        // the same findings; only the detail of the malformed response is worded by each side
        assertThat(offline.findings()).extracting(Finding::code, Finding::severity, Finding::layer)
                .isEqualTo(expected.findings().stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.code(),
                        f.severity(), f.layer())).toList());
        assertThat(offline.findings(FindingCode.POLICY_PROTOCOL_ERROR).get(0).message())
                .contains("Content-Encoding: gzip");
        assertThat(offline.verdict()).isEqualTo(expected.verdict());
    }

    /** The live run found what the deployment is there to show, so the comparison is about something. */
    private static void assertShows(ValidationReport live, Deployment deployment) {
        if (deployment.shows().isEmpty()) {
            assertThat(live.findings()).as(describe(live)).noneMatch(f -> f.severity() != dev.mtasts.Severity.INFO);
        }
        assertThat(live.findings()).as(describe(live)).extracting(Finding::code)
                .containsAll(deployment.shows());
    }

    private static void assertSameReport(ValidationReport offline, ValidationReport expected) {
        String both = "offline: " + describe(offline) + "\nlive: " + describe(expected);
        assertThat(comparable(offline.findings())).as(both).isEqualTo(comparable(expected.findings()));
        assertThat(offline.layers()).as(both).isEqualTo(expected.layers());
        assertThat(offline.verdict()).as(both).isEqualTo(expected.verdict());
        assertThat(offline.atRisk()).as(both).isEqualTo(expected.atRisk());
        assertThat(offline.inconclusive()).as(both).isEqualTo(expected.inconclusive());
        assertThat(offline.promotion().status()).as(both).isEqualTo(expected.promotion().status());
        assertThat(offline.promotion().advice()).as(both).isEqualTo(expected.promotion().advice());
        assertThat(comparable(offline.promotion().blockers())).as(both)
                .isEqualTo(comparable(expected.promotion().blockers()));
        assertThat(offline.remediation()).as(both).isEqualTo(expected.remediation());
        assertThat(offline.snapshot()).as(both).isEqualTo(expected.snapshot());
        assertThat(offline.stsRecord()).isEqualTo(expected.stsRecord());
        assertThat(offline.policy()).isEqualTo(expected.policy());
        assertThat(offline.tlsRptRecord()).isEqualTo(expected.tlsRptRecord());
        assertThat(offline.mxHosts().stream().map(OfflineMatchesLiveTest::coverage).toList())
                .isEqualTo(expected.mxHosts().stream().map(OfflineMatchesLiveTest::coverage).toList());
        assertThat(offline.layers()).extracting(LayerResult::status).isNotEmpty();
    }

    /** A finding without the address a live fetch names: everything else must be equal. */
    private static List<List<Object>> comparable(List<Finding> findings) {
        return findings.stream().map(f -> List.<Object>of(f.code(), f.severity(), f.layer(), f.subject(),
                f.message().replace(" (at 127.0.0.1)", ""), f.remediation(), f.problem())).toList();
    }

    private static List<Object> coverage(MxHostResult h) {
        return List.of(h.host(), h.preference(), h.covered(), h.matchedBy());
    }
}
