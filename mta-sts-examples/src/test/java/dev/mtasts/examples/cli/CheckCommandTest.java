package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.ProblemCode;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MtaStsSandbox sandbox;
    private static List<String> options;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
        Deployments.installAll(sandbox);
        options = CliRun.sandboxOptions(sandbox, dir);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void goodDomainShowsEveryLayerPassingAndExitsZero() {
        CliRun run = CliRun.of(CliRun.args("check", options, "enforce.good.test"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .startsWith("enforce.good.test  ENFORCING")
                .contains("Promotion to enforce: not applicable")
                .contains("[PASS] DNS record    _mta-sts.enforce.good.test TXT \"v=STSv1; id=" + Deployments.ID + "\"")
                .contains("[PASS] Policy fetch", "[PASS] Policy        mode enforce, max_age 604800")
                .contains("[PASS] MX coverage   2 of 2 MX hosts covered", "[PASS] TLS-RPT")
                .contains("INFO    TLSRPT_SAME_DOMAIN")   // the one finding: advice to add a second report destination
                .doesNotContain("WARNING", "ERROR", "[FAIL]", "\u001b[");
    }

    @Test
    void brokenDomainShowsTheFailingLayerTheFixAndWhatToPublishAndExitsOne() {
        CliRun run = CliRun.of(CliRun.args("check", options, "two-records.test"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .startsWith("two-records.test  BROKEN")
                .contains("[FAIL] DNS record", "x STS_RECORD_MULTIPLE")
                .contains("Findings", "ERROR   STS_RECORD_MULTIPLE", "Fix: ")
                .contains("To publish", "_mta-sts.two-records.test.  IN TXT  \"v=STSv1; id=");
        assertThat(run.out().indexOf("BROKEN")).isLessThan(run.out().indexOf("[FAIL]"));
        assertThat(run.out().indexOf("[FAIL]")).isLessThan(run.out().indexOf("Findings"));
        assertThat(run.out().indexOf("Findings")).isLessThan(run.out().indexOf("To publish"));
    }

    @Test
    void brokenFetchShowsTheFixWithoutGuessingAPolicy() {
        CliRun run = CliRun.of(CliRun.args("check", options, "expired-cert.test"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).startsWith("expired-cert.test  BROKEN")
                .contains("[FAIL] Policy fetch", "x POLICY_TLS_EXPIRED: expired certificate")
                .contains("[SKIP] Policy        no policy was fetched")
                .contains("ERROR   POLICY_TLS_EXPIRED", "Fix: ")
                .doesNotContain("mode: testing");
    }

    @Test
    void aRedirectNamesItsTarget() {
        CliRun run = CliRun.of(CliRun.args("check", options, "redirect.test"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("[FAIL] Policy fetch  https://mta-sts.redirect.test/.well-known/mta-sts.txt:"
                + " REDIRECT, HTTP 301 to https://www.redirect.test/");
    }

    @Test
    void atRiskEnforcePolicyExitsOneAndSaysSo() {
        CliRun run = CliRun.of(CliRun.args("check", options, "backup-mx.test"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("MAIL AT RISK", "NOT 50 backup.mx-provider.test", "mx: backup.mx-provider.test");
    }

    @Test
    void warningsAloneExitZero() {
        CliRun run = CliRun.of(CliRun.args("check", options, "no-tlsrpt.test"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("NOT READY - blocked by TLSRPT_MISSING", "[WARN] TLS-RPT",
                "_smtp._tls.no-tlsrpt.test.  IN TXT  \"v=TLSRPTv1; rua=mailto:tls-reports@no-tlsrpt.test\"");
    }

    @Test
    void thePromotionAdviceIsPrintedOnceOnThePromotionLine() {
        for (String domain : List.of("testing.good.test", "enforce.good.test", "no-tlsrpt.test", "two-records.test",
                "not-deployed.test")) {
            ValidationReport report = validator().validate(domain);
            String advice = report.promotion().advice();
            CliRun run = CliRun.of(CliRun.args("check", options, domain));

            assertThat(occurrences(run.out(), advice)).as(domain + "\n" + run.out()).isEqualTo(1);
            assertThat(run.out()).containsPattern("(?m)^  \\[(PASS|WARN|SKIP)\\] Promotion     "
                    + java.util.regex.Pattern.quote(advice) + "$");
        }
        assertThat(CliRun.of(CliRun.args("check", options, "testing.good.test")).out())
                .contains("  Promotion to enforce: READY\n");
        assertThat(CliRun.of(CliRun.args("check", options, "enforce.good.test")).out())
                .contains("  Promotion to enforce: not applicable\n");
    }

    @Test
    void aSkippedLayerShowsWhyItWasSkippedNotAResult() {
        // a policy is served but no _mta-sts record announces it: MX coverage is not checked
        CliRun run = CliRun.of(CliRun.args("check", options, "orphan-policy.test"));

        String coverage = run.out().lines().filter(l -> l.contains("] MX coverage")).findFirst().orElseThrow();
        assertThat(coverage).startsWith("  [SKIP] MX coverage   ").doesNotContain("covered");
        assertThat(coverage.substring("  [SKIP] MX coverage   ".length()))
                .isEqualTo(validator().validate("orphan-policy.test").layer(dev.mtasts.report.Layer.MX_COVERAGE)
                        .note().orElseThrow());
        assertThat(run.out()).doesNotContain("ok  10 mx1.orphan-policy.test");
        // and no skipped layer anywhere in the demo claims coverage
        assertThat(CliRun.of("demo").out()).doesNotContainPattern("\\[SKIP\\] MX coverage +\\d+ of \\d+");
    }

    @Test
    void layersAreSpelledOneWayInText() {
        CliRun run = CliRun.of(CliRun.args("check", options, "not-deployed.test", "backup-mx.test",
                "expired-cert.test", "no-tlsrpt.test"));

        for (dev.mtasts.report.Layer layer : dev.mtasts.report.Layer.values()) {
            String title = LayerTitles.of(layer);
            assertThat(run.out()).contains("] " + title + " ").doesNotContain(layer.name());
            if (title.contains(" ")) {
                assertThat(run.out()).doesNotContain(title.replace(' ', '-'), title.replace(' ', '_'));
            }
        }
        assertThat(run.out()).contains("(DNS record, RFC 8461 §3.1)", "(MX coverage, RFC 8461 §4.1)",
                "(TLS-RPT, RFC 8460 §3)", "(Policy fetch, RFC 8461 §3.3)");
    }

    @Test
    void nullMxDomainSaysSoInsteadOfPrintingEmptyValues() {
        CliRun run = CliRun.of(CliRun.args("check", options, "null-mx.test"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("[PASS] Policy        mode none, max_age 86400, no mx (mode none)")
                .contains("[WARN] MX coverage   null MX (null-mx.test MX 0 .): the domain accepts no mail")
                .doesNotContain(", mx \n")
                .doesNotContainPattern("(?m)^  \\[(PASS|WARN|FAIL|SKIP)\\] .{14}\\s*$");
    }

    @Test
    void jsonOfOneDomainIsOneObjectMatchingTheReport() throws Exception {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", "testing.good.test"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode json = JSON.readTree(run.out());
        ValidationReport report = validator().validate("testing.good.test");
        assertMatches(json, report);
        assertThat(json.get("promotion").get("status").asText()).isEqualTo("READY");
        assertThat(json.get("remediation").get("enforcePolicy").asText()).contains("mode: enforce");
        assertThat(json.get("policy").get("mode").asText()).isEqualTo("testing");
        assertThat(json.get("policy").get("maxAge").asLong()).isEqualTo(86400);
        assertThat(json.get("policy").get("mx").get(0).asText()).isEqualTo("mx1.testing.good.test");
        String enforceRecord = json.get("remediation").get("enforceStsRecord").asText();
        assertThat(StsRecord.parse(enforceRecord).id()).matches("\\d{8}T\\d{6}").isNotEqualTo(Deployments.ID);
        assertThat(json.get("inconclusive").asBoolean()).isFalse();
        assertThat(json.get("schemaVersion").asText()).isEqualTo(dev.mtasts.json.ReportJson.SCHEMA_VERSION);
    }

    @Test
    void aReadyTestingPolicyShowsTheRecordToPublishWithTheEnforcePolicy() {
        CliRun run = CliRun.of(CliRun.args("check", options, "testing.good.test"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        String out = run.out();
        int promoting = out.indexOf("When promoting: this enforce policy");
        assertThat(promoting).isPositive();
        assertThat(out.substring(promoting)).containsPattern("mode: enforce\\R(.*\\R)*.*then this _mta-sts record")
                .containsPattern("_mta-sts\\.testing\\.good\\.test\\.  IN TXT  \"v=STSv1; id=\\d{8}T\\d{6}\"");
        assertThat(out.substring(promoting)).doesNotContain("id=" + Deployments.ID);
    }

    @Test
    void aServfailForTheRecordIsInconclusiveAndAnErrorExitingOne() throws Exception {
        String domain = "servfail.test";
        sandbox.domain(domain).stsRecord("v=STSv1; id=1").mx(10, "mx1." + domain)
                .tlsRpt("v=TLSRPTv1; rua=mailto:r@" + domain)
                .policy("version: STSv1\nmode: enforce\nmx: mx1." + domain + "\nmax_age: 604800\n")
                .dnsFault("_mta-sts", DnsFault.servfail());

        CliRun json = CliRun.of(CliRun.args("check", options, "--json", domain));
        // a resolver answered (SERVFAIL): the check ran, and senders meeting the same failure see no policy
        assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.get("inconclusive").asBoolean()).isTrue();
        assertThat(report.get("verdict").asText()).isNotEqualTo("UNKNOWN");
        assertThat(report.get("dns").get(0).get("outcome").asText()).isEqualTo("SERVFAIL");

        CliRun text = CliRun.of(CliRun.args("check", options, domain, "enforce.good.test"));
        assertThat(text.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(text.out()).contains(domain + "  ").contains("INCONCLUSIVE (a DNS look-up the verdict rests on"
                + " failed; check again)");
        assertThat(text.out().lines().filter(l -> l.startsWith("enforce.good.test")).findFirst().orElseThrow())
                .doesNotContain("INCONCLUSIVE");
    }

    @Test
    void jsonCarriesTheTlsSessionTheCertificateChainAndEachDnsLookup() throws Exception {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", "enforce.good.test"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = JSON.readTree(run.out());
        Instant checkedAt = Instant.parse(json.get("checkedAt").asText());
        JsonNode fetch = json.get("fetch");
        assertThat(fetch.get("outcome").asText()).isEqualTo("OK");
        assertThat(fetch.get("tlsVersion").asText()).startsWith("TLSv1.");
        assertThat(fetch.get("cipherSuite").asText()).startsWith("TLS_");
        assertThat(fetch.has("location")).isFalse();
        assertThat(fetch.get("failedAddresses")).isEmpty();
        assertThat(fetch.has("plainHttp")).isFalse();

        JsonNode chain = fetch.get("certificates");
        assertThat(chain.size()).isGreaterThanOrEqualTo(1);
        JsonNode leaf = chain.get(0);
        assertThat(leaf.get("dnsNames").get(0).asText()).isEqualTo("mta-sts.enforce.good.test");
        assertThat(leaf.get("subject").asText()).isNotBlank();
        assertThat(chain.get(chain.size() - 1).get("issuer").asText())
                .isEqualTo(rootSubject(sandbox.authority().rootPem()));
        Instant notBefore = Instant.parse(leaf.get("notBefore").asText());
        Instant notAfter = Instant.parse(leaf.get("notAfter").asText());
        assertThat(notBefore).isBefore(checkedAt);
        assertThat(notAfter).isAfter(checkedAt);
        assertThat(leaf.get("daysLeft").asLong()).isEqualTo(Duration.between(checkedAt, notAfter).toDays());

        List<String> lookups = new ArrayList<>();
        json.get("dns").forEach(d -> lookups.add(d.get("name").asText() + " " + d.get("type").asText() + " "
                + d.get("outcome").asText()));
        // the domain's look-ups, then each MX host's addresses and (the probe ran) its TLSA records: none here
        assertThat(lookups).containsExactly("_mta-sts.enforce.good.test TXT FOUND", "enforce.good.test MX FOUND",
                "_smtp._tls.enforce.good.test TXT FOUND", "mta-sts.enforce.good.test A/AAAA FOUND",
                "mx1.enforce.good.test A/AAAA FOUND", "_25._tcp.mx1.enforce.good.test TLSA NXDOMAIN",
                "mx2.enforce.good.test A/AAAA FOUND", "_25._tcp.mx2.enforce.good.test TLSA NXDOMAIN");
        String server = sandbox.dnsServer().host() + " " + sandbox.dnsServer().port();
        for (JsonNode lookup : json.get("dns")) {
            assertThat(lookup.get("server").get("address").asText() + " " + lookup.get("server").get("port").asInt())
                    .isEqualTo(server);
            assertThat(lookup.get("ttl").asLong()).isPositive();
            assertThat(lookup.get("authenticated").asBoolean()).isFalse();
            assertThat(lookup.get("cnameChain").isArray()).isTrue();
            assertThat(lookup.get("cnameChain")).isEmpty();
        }
        assertThat(json.get("dns").get(0).get("records").get(0).get("value").asText())
                .isEqualTo("v=STSv1; id=" + Deployments.ID);
        assertThat(json.get("dns").get(1).get("records").findValuesAsText("host"))
                .containsExactly("mx1.enforce.good.test", "mx2.enforce.good.test");
        assertThat(json.get("dns").get(3).get("records").get(0).get("value").asText()).isEqualTo("127.0.0.1");
        assertThat(json.get("dns").get(3).get("records").get(0).get("type").asText()).isEqualTo("A");
    }

    @Test
    void jsonOfAFailedFetchKeepsWhatWasSeen() throws Exception {
        String dead = "dead-address.test";
        sandbox.domain(dead).stsRecord("v=STSv1; id=1").mx(10, "mx1." + dead)
                .policyHostAddress(MtaStsSandbox.DEAD_ADDRESS);
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", "redirect.test", "http-only.test",
                "expired-cert.test", "wrong-cert.test", dead, "null-mx.test", "no-policy-host.test"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode json = JSON.readTree(run.out());

        JsonNode redirect = json.get(0).get("fetch");
        assertThat(redirect.get("outcome").asText()).isEqualTo("REDIRECT");
        assertThat(redirect.get("status").asInt()).isEqualTo(301);
        assertThat(redirect.get("location").asText()).isEqualTo("https://www.redirect.test/");

        JsonNode plain = json.get(1).get("fetch").get("plainHttp");
        assertThat(plain.get("outcome").asText()).isEqualTo("OK");
        assertThat(plain.get("status").asInt()).isEqualTo(200);
        assertThat(plain.get("policyServed").asBoolean()).isTrue();
        assertThat(json.get(1).get("fetch").get("status").asInt()).isEqualTo(404);

        JsonNode expired = json.get(2).get("fetch");
        assertThat(expired.get("outcome").asText()).isEqualTo("TLS_FAILURE");
        assertThat(expired.get("tlsFailure").asText()).isEqualTo("EXPIRED");
        assertThat(expired.get("certificates").get(0).get("daysLeft").asLong()).isNegative();

        JsonNode wrong = json.get(3).get("fetch");
        assertThat(wrong.get("tlsFailure").asText()).isEqualTo("HOSTNAME_MISMATCH");
        assertThat(wrong.get("certificates").get(0).get("dnsNames").get(0).asText()).isEqualTo("www.wrong-cert.test");

        JsonNode refused = json.get(4).get("fetch");
        assertThat(refused.get("outcome").asText()).isEqualTo("CONNECT_FAILURE");
        JsonNode failure = refused.get("failedAddresses").get(0);
        assertThat(failure.get("address").asText()).isEqualTo(MtaStsSandbox.DEAD_ADDRESS);
        assertThat(failure.get("port").asInt()).isEqualTo(sandbox.httpsServer().httpsPort());
        assertThat(failure.get("reason").asText()).isNotBlank();
        assertThat(refused.get("certificates")).isEmpty();
        assertThat(refused.has("tlsVersion")).isFalse();

        JsonNode nullMx = json.get(5).get("dns").get(1);
        assertThat(nullMx.get("type").asText()).isEqualTo("MX");
        assertThat(nullMx.get("nullMx").asBoolean()).isTrue();
        assertThat(nullMx.get("records")).isEmpty();

        JsonNode noHost = json.get(6);
        assertThat(noHost.has("fetch")).isFalse();
        JsonNode addresses = noHost.get("dns").get(3);
        assertThat(addresses.get("name").asText()).isEqualTo("mta-sts.no-policy-host.test");
        assertThat(addresses.get("outcome").asText()).isEqualTo("NXDOMAIN");
        assertThat(addresses.get("records")).isEmpty();

        // absent, never null, anywhere in any report
        for (JsonNode report : json) {
            assertNoNulls(report, report.get("domain").asText());
        }
    }

    @Test
    void jsonOfSeveralDomainsIsAnArrayInArgumentOrder() throws Exception {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", "backup-mx.test", "bad-syntax.test",
                "not-deployed.test"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(3);
        Validator validator = validator();
        assertMatches(json.get(0), validator.validate("backup-mx.test"));
        assertMatches(json.get(1), validator.validate("bad-syntax.test"));
        assertMatches(json.get(2), validator.validate("not-deployed.test"));
        JsonNode mx = json.get(0).get("mx");
        assertThat(mx.get(1).get("host").asText()).isEqualTo("backup.mx-provider.test");
        assertThat(mx.get(1).get("preference").asInt()).isEqualTo(50);
        assertThat(mx.get(1).get("covered").asBoolean()).isFalse();
        assertThat(json.get(0).get("atRisk").asBoolean()).isTrue();
        assertThat(json.get(2).has("policy")).isFalse();
        // the parser problem behind each finding made from the policy text
        assertThat(json.get(1).get("findings").findValuesAsText("problem")).isNotEmpty()
                .allSatisfy(p -> assertThat(ProblemCode.valueOf(p)).isNotNull());
    }

    @Test
    void aBadDomainArgumentIsAUsageError() {
        CliRun run = CliRun.of(CliRun.args("check", options, "enforce.good.test", "not a domain"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'not a domain' contains whitespace")
                .contains("Try 'mta-sts check --help' for more information.").doesNotContain("Usage:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOptionsAndBadDurationsAreUsageErrors() {
        assertThat(CliRun.of("check", "--frobnicate", "example.test").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun run = CliRun.of("check", "--timeout", "soon", "example.test");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'soon' is not a duration");
        assertThat(CliRun.of().exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void noReachableResolverMeansTheCheckCouldNotRun() throws Exception {
        CliRun run = CliRun.of("check", "--nameserver=127.0.0.254:9", "--timeout=1500ms", "--json",
                "enforce.good.test");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(json.get("inconclusive").asBoolean()).isTrue();
        assertThat(json.get("findings").findValuesAsText("code")).contains(FindingCode.DNS_LOOKUP_FAILED.name());
    }

    @Test
    void snapshotsSavedOneRunFlagAPolicyChangedWithoutANewIdTheNext() throws Exception {
        String domain = "snapshot.test";
        String mx = "mx1." + domain;
        sandbox.domain(domain).stsRecord("v=STSv1; id=1").mx(10, mx).tlsRpt("v=TLSRPTv1; rua=mailto:r@" + domain)
                .policy("version: STSv1\nmode: testing\nmx: " + mx + "\nmax_age: 86400\n");
        Path snapshots = dir.resolve("snapshots.txt");

        CliRun first = CliRun.of(CliRun.args("check", options, "--previous=" + snapshots, "--save=" + snapshots,
                domain));
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(snapshots);
        assertThat(lines).hasSize(1);
        assertThat(PolicySnapshot.parseLine(lines.get(0)).domain()).isEqualTo(domain);

        sandbox.domain(domain).policy("version: STSv1\nmode: enforce\nmx: " + mx + "\nmax_age: 86400\n");
        CliRun second = CliRun.of(CliRun.args("check", options, "--previous=" + snapshots, "--json", domain));
        JsonNode json = JSON.readTree(second.out());
        assertThat(json.get("findings").findValuesAsText("code"))
                .contains(FindingCode.POLICY_CHANGED_WITHOUT_NEW_ID.name());
    }

    @Test
    void probeMxAndNoProbeMxAreAcceptedWithoutANote() {
        CliRun run = CliRun.of(CliRun.args("check", options, "--probe-mx", "enforce.good.test"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).doesNotContain("note");
        CliRun off = CliRun.of(CliRun.args("check", options, "--no-probe-mx", "enforce.good.test"));
        assertThat(off.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(off.err()).doesNotContain("note");
    }

    @Test
    void helpNamesEveryOptionAndTheExitCodes() {
        CliRun run = CliRun.of("check", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--nameserver", "--timeout", "--ca", "--allow-private-addresses",
                "--[no-]probe-mx", "--previous", "--save", "--json", "-v", "Exit codes:", "STARTTLS",
                "port 25", "DANE")
                .doesNotContain("--https-port", "--smtp-port", "no effect");
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static void assertNoNulls(JsonNode node, String path) {
        assertThat(node.isNull()).as(path).isFalse();
        if (node.isObject()) {
            node.properties().forEach(e -> assertNoNulls(e.getValue(), path + "." + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertNoNulls(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** The subject of the sandbox's root certificate, as RFC 2253 writes it: the issuer of what it signs. */
    private static String rootSubject(String pem) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate root = (X509Certificate) factory.generateCertificate(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        return root.getSubjectX500Principal().getName();
    }

    private static Validator validator() {
        return sandbox.validatorBuilder().build();
    }

    /** The JSON says what the report says: verdict, atRisk, layers, findings (the timing may differ). */
    static void assertMatches(JsonNode json, ValidationReport report) {
        assertThat(json.get("domain").asText()).isEqualTo(report.domain().value());
        assertThat(json.get("verdict").asText()).isEqualTo(report.verdict().name());
        assertThat(json.get("atRisk").asBoolean()).isEqualTo(report.atRisk());
        assertThat(json.get("promotion").get("status").asText()).isEqualTo(report.promotion().status().name());
        List<String> layers = new ArrayList<>();
        json.get("layers").forEach(l -> layers.add(l.get("layer").asText() + "=" + l.get("status").asText()));
        assertThat(layers).containsExactlyElementsOf(
                report.layers().stream().map(l -> l.layer() + "=" + l.status()).toList());
        List<String> findings = new ArrayList<>();
        json.get("findings").forEach(f -> findings.add(f.get("code").asText() + "/" + f.get("severity").asText()
                + "/" + f.get("layer").asText()));
        assertThat(findings).containsExactlyElementsOf(report.findings().stream()
                .map(f -> f.code() + "/" + f.severity() + "/" + f.layer()).toList());
        for (int i = 0; i < report.findings().size(); i++) {
            Finding f = report.findings().get(i);
            assertThat(json.get("findings").get(i).get("remediation").asText()).isEqualTo(f.remediation());
            assertThat(json.get("findings").get(i).get("message").asText()).isNotBlank();
            JsonNode problem = json.get("findings").get(i).get("problem");
            assertThat(Optional.ofNullable(problem).map(JsonNode::asText))
                    .isEqualTo(f.problem().map(ProblemCode::name));
        }
        assertThat(json.get("mx")).hasSize(report.mxHosts().size());
        assertThat(json.has("policy")).isEqualTo(report.policy().isPresent());
        assertThat(json.get("checkedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.get("remediation").isObject()).isTrue();
    }
}
