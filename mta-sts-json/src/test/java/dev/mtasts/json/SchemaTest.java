package dev.mtasts.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import dev.mtasts.Severity;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSchemaInDocsIsTheBundledSchema() throws Exception {
        Path docs = Path.of(System.getProperty("mtasts.docs.schema", "../docs/validation-report.schema.json"));

        assertThat(Files.readString(docs, StandardCharsets.UTF_8))
                .as("docs/validation-report.schema.json must be a copy of mta-sts-json/src/main/resources"
                        + ReportJson.SCHEMA_RESOURCE + "; copy it over after changing the schema")
                .isEqualTo(ReportJson.schema());
    }

    @Test
    void theSchemaIsAValidDraft202012SchemaForThisVersion() throws Exception {
        assertThat(Schemas.messages(Schemas.META.validate(ReportJson.schema(), InputFormat.JSON))).isEmpty();
        JsonNode schema = JSON.readTree(ReportJson.schema());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/schemaVersion/const").asText()).isEqualTo(ReportJson.SCHEMA_VERSION);
        assertThat(schema.get("$id").asText()).endsWith(":" + ReportJson.SCHEMA_VERSION);
    }

    /** The schema's enums are the library's enums: a constant added to the core fails here until the schema has it. */
    @Test
    void theSchemaEnumsAreTheLibraryEnums() throws Exception {
        JsonNode schema = JSON.readTree(ReportJson.schema());

        assertThat(texts(schema.at("/properties/verdict/enum"))).isEqualTo(names(Verdict.values()));
        assertThat(texts(schema.at("/properties/promotion/properties/status/enum")))
                .isEqualTo(names(PromotionStatus.values()));
        assertThat(texts(schema.at("/$defs/layerResult/properties/status/enum")))
                .isEqualTo(names(LayerStatus.values()));
        assertThat(texts(schema.at("/$defs/layer/enum"))).isEqualTo(names(Layer.values()));
        assertThat(texts(schema.at("/$defs/finding/properties/severity/enum"))).isEqualTo(names(Severity.values()));
        assertThat(texts(schema.at("/$defs/dnsOutcome/enum"))).isEqualTo(names(DnsOutcome.values()));
        assertThat(texts(schema.at("/$defs/fetchOutcome/enum"))).isEqualTo(names(FetchOutcome.values()));
        assertThat(texts(schema.at("/$defs/tlsFailure/enum")))
                .isEqualTo(names(TlsFailureCategory.values()));
        assertThat(texts(schema.at("/properties/policy/properties/mode/enum"))).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(PolicyMode.values()).map(PolicyMode::token).toList());
        List<String> layerOrder = new ArrayList<>();
        schema.at("/properties/layers/prefixItems")
                .forEach(item -> layerOrder.add(item.at("/properties/layer/const").asText()));
        assertThat(layerOrder).isEqualTo(names(Layer.values()));
    }

    @Test
    void reportsWithEverythingWithNothingWithHostileStringsAndWithProbesAreValid() {
        for (ValidationReport report : List.of(SampleReports.full(), SampleReports.bare(), SampleReports.hostile(),
                SampleReports.probed())) {
            assertThat(Schemas.errors(ReportJson.toJson(report))).as(report.domain().value()).isEmpty();
            assertThat(Schemas.errors(ReportJson.writer().pretty(true).build().toJson(report))).isEmpty();
        }
    }

    /** The schema is closed and exact: each change below, of a valid report, is an error it names. */
    @Test
    void theSchemaRefusesWhatTheWriterNeverWrites() {
        List<Consumer<ObjectNode>> breaks = List.of(
                r -> r.putNull("stsRecord"),
                r -> r.put("couldNotRun", true),
                r -> r.remove("schemaVersion"),
                r -> r.put("schemaVersion", "0.9"),
                r -> r.put("verdict", "MAYBE"),
                r -> r.put("elapsed", -1),
                r -> r.put("elapsedMs", 12),
                r -> r.put("checkedAt", "yesterday"),
                r -> r.put("domain", "Example.COM."),
                r -> r.remove("refusedAddresses"),
                r -> ((ArrayNode) r.get("layers")).remove(5),
                r -> ((ArrayNode) r.get("layers")).insert(0, ((ArrayNode) r.get("layers")).remove(5)),
                r -> ((ObjectNode) r.get("layers").get(2)).put("status", "OK"),
                r -> ((ObjectNode) r.get("findings").get(0)).put("severity", "FATAL"),
                r -> ((ObjectNode) r.get("findings").get(0)).put("code", "mx not covered"),
                r -> ((ObjectNode) r.get("findings").get(0)).remove("senderClasses"),
                r -> ((ArrayNode) r.get("findings").get(2).get("senderClasses")).add("EXACT_CONTENT_TYPE"),
                r -> ((ArrayNode) r.get("findings").get(2).get("senderClasses")).add("senders that cap"),
                r -> ((ObjectNode) r.get("mx").get(1)).put("matchedBy", "*.example.net"),
                r -> ((ObjectNode) r.get("mx").get(0)).remove("matchedBy"),
                // the shape of dns[].records before 1.0: bare strings for TXT
                r -> ((ArrayNode) r.get("dns").get(0).get("records")).set(0, JSON.getNodeFactory().textNode("v=STSv1")),
                r -> ((ObjectNode) r.get("dns").get(0).get("records").get(0)).put("host", "mx1.example.com"),
                r -> ((ObjectNode) r.get("dns").get(1).get("records").get(0)).remove("preference"),
                r -> ((ObjectNode) r.get("dns").get(1).get("records").get(0)).put("type", "TXT"),
                r -> ((ObjectNode) r.get("dns").get(0)).put("nullMx", false),
                r -> ((ObjectNode) r.get("dns").get(1)).remove("invalidHosts"),
                r -> ((ObjectNode) r.get("dns").get(0)).put("server", "192.0.2.53:53"),
                r -> ((ObjectNode) r.get("fetch")).put("tlsFailure", "EXPIRED"),
                r -> ((ObjectNode) r.get("fetch")).remove("port"),
                r -> ((ObjectNode) r.get("fetch")).remove("certificates"),
                r -> ((ObjectNode) r.get("remediation")).put("suggestedMaxAge", 1.5),
                r -> ((ObjectNode) r.get("promotion")).put("status", "SOON"));

        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < breaks.size(); i++) {
            ObjectNode report = ReportJson.toTree(SampleReports.full());
            breaks.get(i).accept(report);
            if (Schemas.errors(report.toString()).isEmpty()) {
                accepted.add("change " + i + ": " + report);
            }
        }
        assertThat(accepted).isEmpty();
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("an array").isTrue();
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }
}
