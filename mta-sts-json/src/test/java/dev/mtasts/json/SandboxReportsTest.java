package dev.mtasts.json;

import static dev.mtasts.json.ReportJsonTest.assertNoNulls;
import static dev.mtasts.json.ReportJsonTest.sameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.AddressPolicy;
import dev.mtasts.DomainName;
import dev.mtasts.Validator;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.DnsResolverFactory;
import dev.mtasts.resolver.DnsResolverSettings;
import dev.mtasts.testkit.Deployment;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real reports: the validator run against the sandbox on loopback, over every named deployment of
 * {@link Deployments} and a few more (a SERVFAIL, refused and dead addresses, a record in two strings, no
 * reachable resolver, hostile content under an internationalised name). Each report's JSON must validate against
 * the schema, hold no {@code null} and parse back to its tree.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SandboxReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Each validation's deadline, as the demo's: the endless body ends at the fetcher's size limit within a second on
     * an idle machine, but some thirty validations started at once (each now resolving its MX hosts too) take
     * seconds on a busy one, and a report that ran out of time shows none of the verdicts this test looks for.
     */
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    /** What a hostile server can put in front of a policy: HTML, quotes of both kinds, controls, an escape code. */
    private static final String HOSTILE_BODY = "<html><script>alert(\"x\")</script>'\u0007\u001b[2J\r\n"
            + "version: STSv1\nmode: enforce\nmx: \"<b>mx1</b>\"\nmax_age: 86400\u0000\n";
    /** A TXT record with quotes, HTML, a backslash and a BEL (published as {@code \\} and {@code \007}). */
    private static final String HOSTILE_TXT = "v=STSv1; id=\"<script>\"; x='&amp;' \\ \u0007 end";
    /** An internationalised domain name: the report's domain is its A-label form. */
    private static final String IDN = "bücher-böse.test";

    private static MtaStsSandbox sandbox;
    /** Every report, by what it shows, in a stable order. */
    private static final Map<String, ValidationReport> REPORTS = new LinkedHashMap<>();

    @BeforeAll
    static void validateEverything() throws IOException {
        sandbox = MtaStsSandbox.start();
        List<Deployment> deployments = Deployments.installAll(sandbox);
        sandbox.domain("servfail.json.test").stsRecord("v=STSv1; id=1").mx(10, "mx1.servfail.json.test")
                .dnsFault("_mta-sts", DnsFault.servfail());
        sandbox.domain("dead-address.json.test").stsRecord("v=STSv1; id=1").mx(10, "mx1.dead-address.json.test")
                .policyHostAddress(MtaStsSandbox.DEAD_ADDRESS);
        sandbox.domain("two-strings.json.test").stsRecord("v=STSv1; ", "id=" + Deployments.ID)
                .mx(10, "mx1.two-strings.json.test").mx(20, "mx2.two-strings.json.test")
                .tlsRpt("v=TLSRPTv1; ", "rua=mailto:r@two-strings.json.test")
                .policy("version: STSv1\nmode: testing\nmx: *.two-strings.json.test\nmax_age: 86400\n");
        String idn = DomainName.of(IDN).value();
        sandbox.domain(idn).stsRecord(HOSTILE_TXT.replace("\\", "\\\\").replace("\u0007", "\\007"))
                .stsRecord("<html lang=\"de\">\"'&</html>")
                .mx(10, "mx1." + idn).tlsRpt("v=TLSRPTv1; rua=mailto:\"<x>\"@" + idn)
                .policyResponse(HttpResponse.ok("text/plain; charset=\"<utf-8>\"", HOSTILE_BODY));

        Validator validator = sandbox.validatorBuilder().deadline(DEADLINE).build();
        Map<String, CompletableFuture<ValidationReport>> running = new LinkedHashMap<>();
        for (Deployment d : deployments) {
            running.put(d.domain(), validator.validateAsync(d.domain()));
        }
        for (String name : List.of("servfail.json.test", "dead-address.json.test", "two-strings.json.test")) {
            running.put(name, validator.validateAsync(name));
        }
        running.put("hostile", validator.validateAsync(IDN));
        // the default address policy refuses the sandbox's loopback addresses
        running.put("refused", sandbox.validatorBuilder().deadline(DEADLINE).addressPolicy(AddressPolicy.publicOnly())
                .build().validateAsync("enforce.good.test"));
        running.put("unknown", sandbox.validatorBuilder().deadline(DEADLINE).resolver(deadResolver()).build()
                .validateAsync("enforce.good.test"));
        running.forEach((name, future) -> REPORTS.put(name, future.join()));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void everyReportValidatesAgainstTheSchemaCompactAndPretty() {
        ReportJsonWriter pretty = ReportJson.writer().pretty(true).build();
        Map<String, List<String>> invalid = new LinkedHashMap<>();
        REPORTS.forEach((name, report) -> {
            List<String> errors = new ArrayList<>(Schemas.errors(ReportJson.toJson(report)));
            errors.addAll(Schemas.errors(pretty.toJson(report)));
            if (!errors.isEmpty()) {
                invalid.put(name, errors);
            }
        });
        assertThat(invalid).isEmpty();
        assertThat(REPORTS).hasSizeGreaterThanOrEqualTo(Deployments.all().size() + 6);
    }

    @Test
    void theReportsCoverEveryVerdictAndEveryKindOfLookUp() {
        Set<Verdict> verdicts = new HashSet<>();
        Set<String> outcomes = new TreeSet<>();
        Set<String> fetchOutcomes = new TreeSet<>();
        for (ValidationReport report : REPORTS.values()) {
            verdicts.add(report.verdict());
            JsonNode tree = ReportJson.toTree(report);
            tree.get("dns").forEach(l -> outcomes.add(l.get("type").asText() + " " + l.get("outcome").asText()));
            if (tree.has("fetch")) {
                fetchOutcomes.add(tree.get("fetch").get("outcome").asText());
            }
        }
        assertThat(verdicts).containsExactlyInAnyOrder(Verdict.values());
        assertThat(outcomes).contains("TXT FOUND", "TXT NXDOMAIN", "TXT SERVFAIL", "MX FOUND", "A/AAAA FOUND",
                "A/AAAA NXDOMAIN", "TLSA FOUND", "TLSA NXDOMAIN");
        assertThat(fetchOutcomes).contains("OK", "HTTP_STATUS", "REDIRECT", "TLS_FAILURE", "CONNECT_FAILURE",
                "TOO_LARGE");
    }

    @Test
    void everyReportHasNoNullAndParsesBackToItsTree() throws IOException {
        for (Map.Entry<String, ValidationReport> e : REPORTS.entrySet()) {
            JsonNode tree = ReportJson.toTree(e.getValue());
            assertNoNulls(tree, e.getKey());
            assertThat(sameJson(JSON.readTree(ReportJson.toJson(e.getValue())), tree)).as(e.getKey()).isTrue();
        }
    }

    /** mta-sts-smtp is on the test class path, so the sandbox's MX hosts are probed: every result is written. */
    @Test
    void theProbedMxHostsOfTheMxDeploymentsAreWrittenWithTheirFailures() {
        Map<String, String> results = new LinkedHashMap<>();
        for (String name : List.of("enforce.good.test", "mx-no-starttls.test", "mx-wrong-cert.test",
                "mx-expired-cert.test", "dane-mismatch.test")) {
            JsonNode mx = ReportJson.toTree(REPORTS.get(name)).get("mx").get(0);
            JsonNode address = mx.get("probe").get("addresses").get(0);
            results.put(name, mx.get("probe").get("result").asText() + " " + address.path("tlsFailure").asText("-")
                    + " " + mx.get("dane").get("status").asText());
            assertThat(address.get("address").asText()).startsWith("127.0.1.");
        }
        assertThat(results).containsExactly(
                Map.entry("enforce.good.test", "STARTTLS_OK - NONE"),
                Map.entry("mx-no-starttls.test", "NO_STARTTLS - NONE"),
                Map.entry("mx-wrong-cert.test", "TLS_FAILED HOSTNAME_MISMATCH NONE"),
                Map.entry("mx-expired-cert.test", "TLS_FAILED EXPIRED NONE"),
                Map.entry("dane-mismatch.test", "STARTTLS_OK - MISMATCH"));
        JsonNode wrong = ReportJson.toTree(REPORTS.get("mx-wrong-cert.test")).get("mx").get(0).get("probe")
                .get("addresses").get(0);
        assertThat(wrong.get("certificates").get(0).get("dnsNames")).extracting(JsonNode::asText)
                .containsExactly("mail.mx-wrong-cert.test");
        JsonNode dane = ReportJson.toTree(REPORTS.get("dane-mismatch.test")).get("dns");
        assertThat(dane.findValuesAsText("type")).contains("TLSA");
    }

    /** The issue of 0.1: {@code dns[].records} was strings for TXT but objects for MX. */
    @Test
    void txtAndMxRecordsHaveTheSameShape() {
        JsonNode dns = ReportJson.toTree(REPORTS.get("two-strings.json.test")).get("dns");
        JsonNode txt = dns.get(0).get("records");
        JsonNode mx = dns.get(1).get("records");

        assertThat(dns.get(0).get("type").asText()).isEqualTo("TXT");
        assertThat(dns.get(1).get("type").asText()).isEqualTo("MX");
        assertThat(txt).isNotEmpty();
        assertThat(mx).hasSize(2);
        for (JsonNode record : List.of(txt.get(0), mx.get(0), mx.get(1))) {
            assertThat(record.isObject()).as(record.toString()).isTrue();
            assertThat(record.get("type").isTextual()).isTrue();
            assertThat(record.get("value").isTextual()).isTrue();
        }
        assertThat(txt.get(0).get("value").asText()).isEqualTo("v=STSv1; id=" + Deployments.ID);
        assertThat(txt.get(0).get("strings")).extracting(JsonNode::asText)
                .containsExactly("v=STSv1; ", "id=" + Deployments.ID);
        assertThat(mx).extracting(r -> r.get("value").asText())
                .containsExactly("10 mx1.two-strings.json.test", "20 mx2.two-strings.json.test");
        assertThat(mx).extracting(r -> r.get("preference").asInt()).containsExactly(10, 20);

        // and so in every report: each record of every look-up is an object with a type and a string value
        for (ValidationReport report : REPORTS.values()) {
            for (JsonNode lookup : ReportJson.toTree(report).get("dns")) {
                for (JsonNode record : lookup.get("records")) {
                    assertThat(record.isObject()).isTrue();
                    assertThat(record.get("value").isTextual()).isTrue();
                    assertThat(record.get("type").asText()).isIn("TXT", "MX", "A", "AAAA", "TLSA");
                }
            }
        }
    }

    @Test
    void refusedAddressesAreListedWithTheirReasonAndFailedOnesWithTheirPort() {
        JsonNode refused = ReportJson.toTree(REPORTS.get("refused")).get("refusedAddresses");
        assertThat(refused).isNotEmpty();
        assertThat(refused.get(0).get("address").asText()).isEqualTo(MtaStsSandbox.SERVER_ADDRESS);
        assertThat(refused.get(0).get("reason").asText()).isNotBlank();
        assertThat(ReportJson.toTree(REPORTS.get("refused")).has("fetch")).isFalse();

        JsonNode fetch = ReportJson.toTree(REPORTS.get("dead-address.json.test")).get("fetch");
        assertThat(fetch.get("outcome").asText()).isEqualTo("CONNECT_FAILURE");
        assertThat(fetch.get("failedAddresses").get(0).get("address").asText()).isEqualTo(MtaStsSandbox.DEAD_ADDRESS);
        assertThat(fetch.get("failedAddresses").get(0).get("port").asInt())
                .isEqualTo(sandbox.httpsServer().httpsPort());
        assertThat(fetch.get("certificates")).isEmpty();
        assertThat(ReportJson.toTree(REPORTS.get("enforce.good.test")).get("refusedAddresses")).isEmpty();
    }

    @Test
    void aCheckThatCouldNotRunIsUnknownAndInconclusive() {
        JsonNode tree = ReportJson.toTree(REPORTS.get("unknown"));

        assertThat(tree.get("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(tree.get("inconclusive").asBoolean()).isTrue();
        assertThat(tree.get("findings").findValuesAsText("code")).contains("DNS_LOOKUP_FAILED");
        assertThat(tree.get("dns").findValuesAsText("outcome")).doesNotContain("FOUND", "NXDOMAIN", "NODATA");
        JsonNode servfail = ReportJson.toTree(REPORTS.get("servfail.json.test"));
        assertThat(servfail.get("inconclusive").asBoolean()).isTrue();
        assertThat(servfail.get("dns").get(0).get("outcome").asText()).isEqualTo("SERVFAIL");
    }

    /** HTML, quotes, control characters and an IDN, from DNS and HTTP, come out escaped and back exactly. */
    @Test
    void hostileContentIsEscapedAndParsesBackExactly() throws IOException {
        ValidationReport report = REPORTS.get("hostile");
        String text = ReportJson.toJson(report);
        JsonNode back = JSON.readTree(text);

        assertThat(text).doesNotContain("\n").doesNotContain("\u0007", "\u001b", "\u0000");
        assertThat(back.get("domain").asText()).isEqualTo(DomainName.of(IDN).value()).startsWith("xn--");
        assertThat(back.get("domainUnicode").asText()).isEqualTo(IDN);
        assertThat(back.get("fetch").get("contentType").asText()).isEqualTo("text/plain; charset=\"<utf-8>\"");
        List<String> txt = new ArrayList<>();
        back.get("dns").get(0).get("records").forEach(r -> txt.add(r.get("value").asText()));
        assertThat(txt).containsExactlyInAnyOrder(HOSTILE_TXT, "<html lang=\"de\">\"'&</html>");
        assertThat(back.get("dns").get(2).get("records").get(0).get("value").asText())
                .isEqualTo("v=TLSRPTv1; rua=mailto:\"<x>\"@" + report.domain().value());
        assertThat(back.get("findings")).isNotEmpty();
        for (int i = 0; i < report.findings().size(); i++) {
            assertThat(back.get("findings").get(i).get("message").asText())
                    .isEqualTo(report.findings().get(i).message());
        }
        assertThat(sameJson(back, ReportJson.toTree(report))).isTrue();
        assertThat(Schemas.errors(text)).isEmpty();
    }

    /** A resolver pointed at a loopback port nothing listens on: every look-up fails, the check cannot run. */
    private static DnsResolver deadResolver() throws IOException {
        // port 9 of a loopback address where nothing listens: never an ephemeral port the resolver could bind itself
        return DnsResolverFactory.fromServiceLoader().orElseThrow().create(DnsResolverSettings.defaults()
                .withNameservers(List.of(new InetSocketAddress(InetAddress.getByName("127.0.0.254"), 9)))
                .withTimeout(Duration.ofMillis(500)));
    }
}
