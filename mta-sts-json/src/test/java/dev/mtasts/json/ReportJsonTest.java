package dev.mtasts.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.report.ValidationReport;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void schemaVersionComesFirstAndTheBindingFieldsFollowInTheirOrder() {
        ObjectNode tree = ReportJson.toTree(SampleReports.full());

        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("schemaVersion", "domain", "checkedAt", "elapsed", "verdict", "atRisk",
                "inconclusive", "promotion", "layers", "findings", "stsRecord", "policy", "tlsRptRecord", "mx", "dns",
                "refusedAddresses", "fetch", "fetchesByAddress", "ruaDestinations", "remediation", "snapshot");
        assertThat(tree.get("schemaVersion").asText()).isEqualTo(ReportJson.SCHEMA_VERSION).isEqualTo("1.3");
        assertThat(tree.get("domain").asText()).isEqualTo("example.com");
        assertThat(tree.get("checkedAt").asText()).isEqualTo("2026-11-29T12:00:00Z");
        assertThat(tree.get("verdict").asText()).isEqualTo("ENFORCING");
        assertThat(tree.get("atRisk").asBoolean()).isTrue();
        assertThat(tree.get("inconclusive").isBoolean()).isTrue();
    }

    @Test
    void everyDurationIsInSeconds() {
        ObjectNode tree = ReportJson.toTree(SampleReports.full());

        assertThat(tree.get("elapsed").doubleValue()).isEqualTo(2.345);
        assertThat(tree.get("policy").get("maxAge").longValue()).isEqualTo(604800);
        assertThat(tree.get("remediation").get("suggestedMaxAge").longValue()).isEqualTo(604800);
        assertThat(tree.get("fetch").get("elapsed").doubleValue()).isEqualTo(1.234);
        JsonNode lookup = tree.get("dns").get(0);
        assertThat(lookup.get("ttl").longValue()).isEqualTo(300);
        assertThat(lookup.get("elapsed").doubleValue()).isEqualTo(0.012);
        assertThat(tree.findValues("elapsedMs")).isEmpty();
        assertThat(tree.findValues("ttlSeconds")).isEmpty();
    }

    @Test
    void theFindingsCarryTheirCodeByNameWithSubjectProblemAndReference() {
        JsonNode findings = ReportJson.toTree(SampleReports.full()).get("findings");

        JsonNode first = findings.get(0);
        assertThat(first.get("code").asText()).isEqualTo("MX_NOT_COVERED");
        assertThat(first.get("severity").asText()).isEqualTo("ERROR");
        assertThat(first.get("layer").asText()).isEqualTo("MX_COVERAGE");
        assertThat(first.get("message").asText()).startsWith("MX host backup.example.net");
        assertThat(first.get("remediation").asText()).startsWith("Add 'mx: backup.example.net'");
        assertThat(first.get("reference").asText()).isEqualTo("RFC 8461 §4.1");
        assertThat(first.get("subject").asText()).isEqualTo("mx backup.example.net");
        assertThat(first.has("problem")).isFalse();
        assertThat(findings.get(1).get("problem").asText()).matches("[A-Z_]+");
    }

    @Test
    void everyFindingListsItsSenderClassesByNameInEnumOrderEvenWhenThereAreNone() {
        JsonNode findings = ReportJson.toTree(SampleReports.full()).get("findings");

        assertThat(findings.get(0).get("senderClasses").isArray()).isTrue();
        assertThat(findings.get(0).get("senderClasses")).isEmpty();
        assertThat(findings.get(2).get("code").asText()).isEqualTo("INTEROP_RISK");
        assertThat(findings.get(2).get("senderClasses")).extracting(JsonNode::asText)
                .containsExactly("EXACT_CONTENT_TYPE", "ASCII_BODY");
        assertThat(Schemas.errors(ReportJson.toJson(SampleReports.full()))).isEmpty();
    }

    @Test
    void txtMxAndAddressRecordsHaveOneShapeEachWithItsTypedFields() {
        JsonNode dns = ReportJson.toTree(SampleReports.full()).get("dns");

        List<String> purposes = new ArrayList<>();
        dns.forEach(l -> purposes.add(l.get("purpose").asText() + " " + l.get("type").asText()));
        assertThat(purposes).containsExactly("STS_RECORD TXT", "MX MX", "TLS_RPT_RECORD TXT", "POLICY_HOST A/AAAA",
                "APEX_TXT TXT", "LEGACY_TLS_RPT_RECORD TXT", "RUA_DESTINATION MX", "RUA_DESTINATION A/AAAA");

        JsonNode txt = dns.get(0).get("records");
        assertThat(txt.get(0).get("type").asText()).isEqualTo("TXT");
        assertThat(txt.get(0).get("value").asText()).isEqualTo("v=STSv1; id=20261101T000000");
        assertThat(txt.get(0).get("strings")).extracting(JsonNode::asText)
                .containsExactly("v=STSv1; ", "id=20261101T000000");
        assertThat(txt.get(1).get("value").asText()).isEqualTo("v=spf1 -all");

        JsonNode mx = dns.get(1).get("records");
        assertThat(mx.get(0).get("type").asText()).isEqualTo("MX");
        assertThat(mx.get(0).get("value").asText()).isEqualTo("10 mx1.example.com");
        assertThat(mx.get(0).get("preference").intValue()).isEqualTo(10);
        assertThat(mx.get(0).get("host").asText()).isEqualTo("mx1.example.com");
        assertThat(dns.get(1).get("nullMx").asBoolean()).isFalse();
        assertThat(dns.get(1).get("invalidHosts")).extracting(JsonNode::asText).containsExactly("192.0.2.25");
        assertThat(dns.get(0).has("nullMx")).isFalse();
        assertThat(dns.get(0).has("invalidHosts")).isFalse();

        JsonNode addresses = dns.get(3).get("records");
        assertThat(addresses).extracting(r -> r.get("type").asText() + " " + r.get("value").asText())
                .containsExactly("A 192.0.2.10", "A 10.0.0.5", "AAAA 2001:db8:0:0:0:0:0:10");

        for (JsonNode lookup : dns) {
            for (JsonNode record : lookup.get("records")) {
                assertThat(record.isObject()).isTrue();
                assertThat(record.get("value").isTextual()).isTrue();
            }
        }
    }

    @Test
    void aLookupNamesItsServerAndCnameChainAndTheRefusedAddressesTheirReason() {
        ObjectNode tree = ReportJson.toTree(SampleReports.full());

        JsonNode sts = tree.get("dns").get(0);
        assertThat(sts.get("server").get("address").asText()).isEqualTo("192.0.2.53");
        assertThat(sts.get("server").get("port").intValue()).isEqualTo(53);
        assertThat(sts.get("cnameChain")).extracting(JsonNode::asText).containsExactly("sts.provider.example");
        assertThat(sts.get("authenticated").asBoolean()).isTrue();
        JsonNode refused = tree.get("refusedAddresses");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).get("address").asText()).isEqualTo("10.0.0.5");
        assertThat(refused.get(0).get("reason").asText()).isEqualTo("private (RFC 1918)");
    }

    @Test
    void theFetchKeepsEveryFactWithTheCertificateDaysLeftFromCheckedAt() {
        JsonNode fetch = ReportJson.toTree(SampleReports.full()).get("fetch");

        assertThat(fetch.get("outcome").asText()).isEqualTo("OK");
        assertThat(fetch.get("status").intValue()).isEqualTo(200);
        assertThat(fetch.get("contentType").asText()).isEqualTo("text/plain; charset=utf-8");
        assertThat(fetch.get("address").asText()).isEqualTo("192.0.2.10");
        assertThat(fetch.get("port").intValue()).isEqualTo(443);
        assertThat(fetch.get("bodySize").intValue()).isEqualTo(120);
        assertThat(fetch.get("tlsVersion").asText()).isEqualTo("TLSv1.3");
        assertThat(fetch.get("certificates").get(0).get("daysLeft").longValue()).isEqualTo(60);
        assertThat(fetch.get("certificates").get(0).get("sha256Fingerprint").asText()).hasSize(64);
        assertThat(fetch.get("certificates").get(1).has("sha256Fingerprint")).isFalse();
        assertThat(fetch.get("failedAddresses").get(0).get("address").asText()).isEqualTo("2001:db8:0:0:0:0:0:10");
        assertThat(fetch.get("failedAddresses").get(0).get("reason").asText()).isEqualTo("No route to host");
        assertThat(fetch.get("plainHttp").get("policyServed").asBoolean()).isTrue();
        assertThat(fetch.has("tlsFailure")).isFalse();
        assertThat(fetch.has("location")).isFalse();
    }

    @Test
    void whatDoesNotApplyIsAbsentAndEveryListIsPresent() {
        ObjectNode tree = ReportJson.toTree(SampleReports.bare());

        for (String absent : List.of("domainUnicode", "stsRecord", "policy", "tlsRptRecord", "fetch", "snapshot")) {
            assertThat(tree.has(absent)).as(absent).isFalse();
        }
        assertThat(tree.get("verdict").asText()).isEqualTo("UNKNOWN");
        assertThat(tree.get("inconclusive").asBoolean()).isTrue();
        assertThat(tree.get("findings")).isEmpty();
        assertThat(tree.get("mx")).isEmpty();
        assertThat(tree.get("refusedAddresses")).isEmpty();
        assertThat(tree.get("promotion").get("blockers")).isEmpty();
        assertThat(tree.get("remediation").isObject()).isTrue();
        assertThat(tree.get("remediation")).isEmpty();
        JsonNode mx = tree.get("dns").get(0);
        assertThat(tree.get("dns")).hasSize(1);
        assertThat(mx.get("outcome").asText()).isEqualTo("TIMEOUT");
        assertThat(mx.get("records")).isEmpty();
        assertThat(mx.get("cnameChain")).isEmpty();
        assertThat(mx.get("invalidHosts")).isEmpty();
        assertThat(mx.has("server")).isFalse();
        assertThat(mx.has("detail")).isFalse();
        for (JsonNode layer : tree.get("layers")) {
            assertThat(layer.has("note")).isFalse();
        }
        assertNoNulls(ReportJson.toTree(SampleReports.full()), "$");
        assertNoNulls(tree, "$");
    }

    @Test
    void anInternationalisedDomainIsWrittenInALabelsWithItsUnicodeForm() {
        ObjectNode tree = ReportJson.toTree(SampleReports.hostile());

        assertThat(tree.get("domain").asText()).isEqualTo("xn--bcher-kva.example");
        assertThat(tree.get("domainUnicode").asText()).isEqualTo("bücher.example");
        assertThat(ReportJson.toTree(SampleReports.full()).has("domainUnicode")).isFalse();
    }

    @Test
    void eachCallGivesANewTreeTheCallerMayChange() {
        ValidationReport report = SampleReports.full();
        ObjectNode first = ReportJson.toTree(report);
        first.put("extra", true);

        assertThat(ReportJson.toTree(report).has("extra")).isFalse();
        assertThat(ReportJson.toTree(report)).isEqualTo(ReportJson.toTree(report));
    }

    @Test
    void theTextParsesBackToTheTreeAndWriteGivesTheSameText() throws Exception {
        for (ValidationReport report : List.of(SampleReports.full(), SampleReports.bare(), SampleReports.hostile())) {
            String text = ReportJson.toJson(report);
            assertThat(sameJson(JSON.readTree(text), ReportJson.toTree(report))).as(text).isTrue();
            StringWriter out = new StringWriter();
            ReportJson.write(report, out);
            assertThat(out.toString()).isEqualTo(text);
        }
    }

    /** Equal trees, where a number equals a number of the same value whatever its node type (300 read as int). */
    static boolean sameJson(JsonNode a, JsonNode b) {
        return a.equals((x, y) -> x.equals(y) || (x.isNumber() && y.isNumber()
                && x.decimalValue().compareTo(y.decimalValue()) == 0) ? 0 : 1, b);
    }

    static void assertNoNulls(JsonNode node, String path) {
        assertThat(node.isNull()).as(path).isFalse();
        if (node.isObject()) {
            node.properties().forEach(e -> assertNoNulls(e.getValue(), path + "." + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertNoNulls(node.get(i), path + "[" + i + "]");
            }
        }
    }

    @Test
    void theDeepDiagnosticsWriteEachAddressFetchAndEachReportDestination() {
        ObjectNode tree = ReportJson.toTree(SampleReports.full());

        JsonNode byAddress = tree.get("fetchesByAddress");
        assertThat(byAddress).hasSize(2);
        assertThat(byAddress.get(0).get("address").asText()).isEqualTo("192.0.2.10");
        assertThat(byAddress.get(1).get("status").asInt()).isEqualTo(404);
        assertThat(byAddress.get(1).get("outcome").asText()).isEqualTo("HTTP_STATUS");

        JsonNode destinations = tree.get("ruaDestinations");
        assertThat(destinations).hasSize(2);
        assertThat(destinations.get(0).get("uri").asText()).isEqualTo("mailto:tls@example.com");
        assertThat(destinations.get(0).has("exchange")).isFalse();
        assertThat(destinations.get(1).get("host").asText()).isEqualTo("tlsrpt.example.net");
        assertThat(destinations.get(1).get("refusedAddresses").get(0).get("reason").asText())
                .isEqualTo("private (RFC 1918)");
        assertThat(destinations.get(1).get("exchange").get("status").asInt()).isEqualTo(404);

        ObjectNode bare = ReportJson.toTree(SampleReports.bare());
        assertThat(bare.get("fetchesByAddress")).isEmpty();
        assertThat(bare.get("ruaDestinations")).isEmpty();
    }
}
