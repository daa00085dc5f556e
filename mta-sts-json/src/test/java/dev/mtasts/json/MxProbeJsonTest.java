package dev.mtasts.json;

import static dev.mtasts.json.ReportJsonTest.assertNoNulls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.report.DaneStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code mx[].addresses}, {@code mx[].refused}, {@code mx[].probe}, {@code mx[].dane} and their DNS look-ups. */
class MxProbeJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode TREE = ReportJson.toTree(SampleReports.probed());

    @Test
    void aReportWithProbedHostsAndDaneIsValidCompactAndPretty() {
        assertThat(Schemas.errors(ReportJson.toJson(SampleReports.probed()))).isEmpty();
        assertThat(Schemas.errors(ReportJson.writer().pretty(true).build().toJson(SampleReports.probed()))).isEmpty();
        assertNoNulls(TREE, "$");
    }

    @Test
    void eachHostHasItsAddressesAndRefusedAddressesProbeOrNot() {
        JsonNode mx = TREE.get("mx");

        assertThat(mx).extracting(h -> h.get("host").asText()).containsExactly("mx1.example.com", "mx2.example.com",
                "mx3.example.com", "gone.example.com", "private.example.com");
        assertThat(mx.get(0).get("addressOutcome").asText()).isEqualTo("FOUND");
        assertThat(mx.get(0).get("addresses")).extracting(JsonNode::asText)
                .containsExactly("192.0.2.25", "2001:db8:0:0:0:0:0:25");
        assertThat(mx.get(0).get("refused")).isEmpty();
        assertThat(mx.get(3).get("addressOutcome").asText()).isEqualTo("NXDOMAIN");
        assertThat(mx.get(3).get("addresses")).isEmpty();
        assertThat(mx.get(3).has("probe")).isFalse();
        assertThat(mx.get(3).has("dane")).isFalse();
        JsonNode refused = mx.get(4).get("refused");
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).get("address").asText()).isEqualTo("10.0.0.25");
        assertThat(refused.get(0).get("reason").asText()).isEqualTo("private (RFC 1918)");
        assertThat(mx.get(4).has("probe")).isFalse();
    }

    @Test
    void theProbeGivesTheWorstResultAndEveryAddressWithItsChainAndDaysLeft() {
        JsonNode probe = TREE.get("mx").get(0).get("probe");

        assertThat(probe.get("result").asText()).isEqualTo("TLS_FAILED");
        assertThat(probe.get("detail").asText()).contains("mail.other.test");
        assertThat(probe.get("differing")).extracting(JsonNode::asText).containsExactly("2001:db8:0:0:0:0:0:25");

        JsonNode ok = probe.get("addresses").get(0);
        assertThat(ok.get("address").asText()).isEqualTo("192.0.2.25");
        assertThat(ok.get("family").asText()).isEqualTo("IPv4");
        assertThat(ok.get("result").asText()).isEqualTo("STARTTLS_OK");
        assertThat(ok.get("connected").asBoolean()).isTrue();
        assertThat(ok.has("tlsFailure")).isFalse();
        assertThat(ok.has("detail")).isFalse();
        assertThat(ok.get("greeting").asText()).isEqualTo("mx1.example.com ESMTP");
        assertThat(ok.get("extensions")).extracting(JsonNode::asText)
                .containsExactly("PIPELINING", "SIZE 10240000", "STARTTLS");
        assertThat(ok.get("tlsVersion").asText()).isEqualTo("TLSv1.3");
        assertThat(ok.get("cipherSuite").asText()).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(ok.get("daysLeft").asLong()).isEqualTo(SampleReports.MX_DAYS_LEFT);
        assertThat(ok.get("elapsed").doubleValue()).isEqualTo(0.087);
        JsonNode leaf = ok.get("certificates").get(0);
        assertThat(ok.get("certificates").size()).isGreaterThanOrEqualTo(2);
        assertThat(leaf.get("dnsNames")).extracting(JsonNode::asText).containsExactly("mx1.example.com");
        assertThat(leaf.get("daysLeft").asLong()).isEqualTo(SampleReports.MX_DAYS_LEFT);
        assertThat(leaf.get("sha256Fingerprint").asText()).hasSize(64);
        assertThat(leaf.get("issuer").asText()).isNotBlank();

        JsonNode v6 = probe.get("addresses").get(1);
        assertThat(v6.get("family").asText()).isEqualTo("IPv6");
        assertThat(v6.get("result").asText()).isEqualTo("TLS_FAILED");
        assertThat(v6.get("tlsFailure").asText()).isEqualTo("HOSTNAME_MISMATCH");
        assertThat(v6.get("detail").asText()).isEqualTo("the certificate is for mail.other.test, not mx1.example.com");
        assertThat(v6.get("certificates").get(0).get("dnsNames")).extracting(JsonNode::asText)
                .containsExactly("mail.other.test");
    }

    /** The certificates of a probe are written by the same code as the fetch's: the same fields, in the same order. */
    @Test
    void probeCertificatesHaveTheShapeOfFetchCertificates() {
        JsonNode probeLeaf = TREE.get("mx").get(0).get("probe").get("addresses").get(0).get("certificates").get(0);
        JsonNode fetchLeaf = ReportJson.toTree(SampleReports.full()).get("fetch").get("certificates").get(0);

        assertThat(names(probeLeaf)).isEqualTo(names(fetchLeaf));
    }

    @Test
    void anUnreachedHostIsConnectFailedWithoutChain() {
        JsonNode probe = TREE.get("mx").get(2).get("probe");

        assertThat(probe.get("result").asText()).isEqualTo("CONNECT_FAILED");
        assertThat(probe.get("differing")).isEmpty();
        JsonNode address = probe.get("addresses").get(0);
        assertThat(address.get("connected").asBoolean()).isFalse();
        assertThat(address.get("detail").asText()).isEqualTo("connect timed out");
        assertThat(address.get("certificates")).isEmpty();
        assertThat(address.get("extensions")).isEmpty();
        for (String absent : List.of("daysLeft", "tlsVersion", "cipherSuite", "greeting", "tlsFailure")) {
            assertThat(address.has(absent)).as(absent).isFalse();
        }
        assertThat(address.get("elapsed").doubleValue()).isEqualTo(10.0);
        assertThat(TREE.get("mx").get(2).get("dane").get("status").asText()).isEqualTo("NONE");
        assertThat(TREE.get("mx").get(2).get("dane").has("detail")).isFalse();
    }

    @Test
    void daneMismatchAndValidWithTheirRecordsMatchesAndRollover() {
        JsonNode mismatch = TREE.get("mx").get(0).get("dane");
        assertThat(mismatch.get("status").asText()).isEqualTo("MISMATCH");
        assertThat(mismatch.get("authenticated").asBoolean()).isTrue();
        assertThat(mismatch.get("records")).extracting(JsonNode::asText).containsExactly("3 1 1 " + "00".repeat(32));
        assertThat(mismatch.get("matched")).isEmpty();
        assertThat(mismatch.get("rolloverReady").asBoolean()).isFalse();
        assertThat(mismatch.get("detail").asText()).contains("matches no certificate");

        JsonNode valid = TREE.get("mx").get(1).get("dane");
        assertThat(valid.get("status").asText()).isEqualTo("VALID");
        assertThat(valid.get("records")).hasSize(2);
        assertThat(valid.get("matched")).hasSize(1);
        assertThat(valid.get("matched").get(0).asText()).matches("3 1 1 [0-9a-f]{64}")
                .isEqualTo(valid.get("records").get(0).asText());
        assertThat(valid.get("rolloverReady").asBoolean()).isTrue();
    }

    @Test
    void theMxHostAndTlsaLookUpsFollowTheDomainsInTheOrderOfTheHosts() {
        JsonNode dns = TREE.get("dns");

        List<String> lookups = new ArrayList<>();
        dns.forEach(l -> lookups.add(l.get("purpose").asText() + " " + l.get("type").asText() + " "
                + l.get("name").asText()));
        assertThat(lookups).containsExactly("MX MX example.com",
                "MX_HOST A/AAAA mx1.example.com", "TLSA TLSA _25._tcp.mx1.example.com",
                "MX_HOST A/AAAA mx2.example.com", "TLSA TLSA _25._tcp.mx2.example.com",
                "MX_HOST A/AAAA mx3.example.com", "TLSA TLSA _25._tcp.mx3.example.com",
                "MX_HOST A/AAAA gone.example.com", "MX_HOST A/AAAA private.example.com");
        assertThat(dns.get(1).get("records")).extracting(r -> r.get("type").asText() + " " + r.get("value").asText())
                .containsExactly("A 192.0.2.25", "AAAA 2001:db8:0:0:0:0:0:25");
        JsonNode tlsa = dns.get(4).get("records");
        assertThat(dns.get(4).get("authenticated").asBoolean()).isTrue();
        assertThat(tlsa).hasSize(2);
        JsonNode next = tlsa.get(1);
        assertThat(next.get("type").asText()).isEqualTo("TLSA");
        assertThat(next.get("value").asText()).isEqualTo("3 1 1 " + "ab".repeat(32));
        assertThat(next.get("usage").intValue()).isEqualTo(3);
        assertThat(next.get("selector").intValue()).isEqualTo(1);
        assertThat(next.get("matchingType").intValue()).isEqualTo(1);
        assertThat(next.get("data").asText()).isEqualTo("ab".repeat(32));
        assertThat(dns.get(6).get("outcome").asText()).isEqualTo("NXDOMAIN");
        assertThat(dns.get(7).get("outcome").asText()).isEqualTo("NXDOMAIN");
    }

    /** The schema's enums for the probe and DANE are the library's. */
    @Test
    void theSchemaEnumsForProbeAndDaneAreTheLibraryEnums() throws Exception {
        JsonNode schema = JSON.readTree(ReportJson.schema());

        assertThat(texts(schema.at("/$defs/probeOutcome/enum")))
                .isEqualTo(Stream.of(ProbeOutcome.values()).map(Enum::name).toList());
        assertThat(texts(schema.at("/properties/mx/items/properties/dane/properties/status/enum")))
                .isEqualTo(Stream.of(DaneStatus.values()).map(Enum::name).toList());
        assertThat(texts(schema.at("/$defs/addressProbe/properties/tlsFailure/$ref")))
                .isEqualTo(List.of("#/$defs/tlsFailure"));
    }

    /** Each change below, of the valid probed report, is an error the schema names. */
    @Test
    void theSchemaRefusesWhatTheWriterNeverWritesInAProbe() {
        List<Consumer<ObjectNode>> breaks = List.of(
                r -> mx(r, 0).remove("addresses"),
                r -> mx(r, 0).remove("refused"),
                r -> mx(r, 0).put("addressOutcome", "GONE"),
                r -> mx(r, 3).set("dane", mx(r, 0).get("dane").deepCopy()),
                r -> probe(r, 0).put("result", "TLS_FAILURE"),
                r -> probe(r, 0).remove("differing"),
                r -> ((ArrayNode) probe(r, 0).get("addresses")).removeAll(),
                r -> address(r, 0, 0).put("tlsFailure", "UNTRUSTED"),
                r -> address(r, 0, 1).remove("tlsFailure"),
                r -> address(r, 0, 0).put("family", "ipv4"),
                r -> address(r, 0, 0).remove("daysLeft"),
                r -> address(r, 2, 0).put("daysLeft", 3),
                r -> address(r, 2, 0).put("connected", true),
                r -> address(r, 0, 0).put("elapsedMs", 87),
                r -> address(r, 0, 0).put("elapsed", "87ms"),
                r -> ((ObjectNode) address(r, 0, 0).get("certificates").get(0)).remove("daysLeft"),
                r -> ((ObjectNode) mx(r, 0).get("dane")).put("status", "BROKEN"),
                r -> ((ObjectNode) mx(r, 0).get("dane")).remove("authenticated"),
                r -> ((ArrayNode) mx(r, 1).get("dane").get("records")).add("3 1 1 XYZ"),
                r -> ((ObjectNode) r.get("dns").get(2)).put("type", "A/AAAA"),
                r -> ((ObjectNode) r.get("dns").get(1)).put("purpose", "TLSA"),
                r -> ((ObjectNode) r.get("dns").get(4).get("records").get(0)).remove("data"),
                r -> ((ObjectNode) r.get("dns").get(4).get("records").get(0)).put("usage", 256),
                r -> ((ObjectNode) r.get("dns").get(1).get("records").get(0)).put("usage", 3));

        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < breaks.size(); i++) {
            ObjectNode report = ReportJson.toTree(SampleReports.probed());
            breaks.get(i).accept(report);
            if (Schemas.errors(report.toString()).isEmpty()) {
                accepted.add("change " + i);
            }
        }
        assertThat(accepted).isEmpty();
    }

    private static ObjectNode mx(ObjectNode report, int host) {
        return (ObjectNode) report.get("mx").get(host);
    }

    private static ObjectNode probe(ObjectNode report, int host) {
        return (ObjectNode) mx(report, host).get("probe");
    }

    private static ObjectNode address(ObjectNode report, int host, int address) {
        return (ObjectNode) probe(report, host).get("addresses").get(address);
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }
}
