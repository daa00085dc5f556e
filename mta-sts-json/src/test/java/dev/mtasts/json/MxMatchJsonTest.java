package dev.mtasts.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.DomainName;
import dev.mtasts.policy.MxMatchExplanation;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.ValidationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code mx[].match}: why each MX host is covered or not, as the schema describes it. */
class MxMatchJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSchemaNamesEveryKindOfExplanation() throws Exception {
        JsonNode schema = JSON.readTree(ReportJson.schema());
        List<String> kinds = new ArrayList<>();
        schema.at("/properties/mx/items/properties/match/properties/kind/enum").forEach(k -> kinds.add(k.asText()));

        assertThat(kinds).isEqualTo(Stream.of(MxMatchExplanation.Kind.values()).map(Enum::name).toList());
    }

    @Test
    void aCoveredHostAndAnUncoveredOneCarryTheirExplanation() {
        ObjectNode report = ReportJson.toTree(SampleReports.full());

        JsonNode covered = report.get("mx").get(0).get("match");
        assertThat(covered.get("kind").asText()).isEqualTo("EXACT");
        assertThat(covered.get("pattern").asText()).isEqualTo("mx1.example.com");
        assertThat(covered.get("explanation").asText()).isEqualTo("'mx1.example.com' names mx1.example.com exactly");
        JsonNode uncovered = report.get("mx").get(1).get("match");
        assertThat(uncovered.get("kind").asText()).isEqualTo("UNEXPLAINED");
        assertThat(uncovered.has("pattern")).isFalse();
        assertThat(Schemas.errors(report.toString())).isEmpty();
    }

    @Test
    void aWildcardTooDeepIsWrittenWithItsPatternAndLabels() {
        DomainName host = DomainName.of("a.b.example.com");
        MxHostResult result = new MxHostResult(host, 10, MxMatchExplanation.of(host, List.of(MxPattern.of("*.example.com"))));

        ObjectNode node = MxHostTree.of(result, Instant.EPOCH);

        assertThat(node.get("covered").asBoolean()).isFalse();
        assertThat(node.has("matchedBy")).isFalse();
        assertThat(node.get("match").get("kind").asText()).isEqualTo("WILDCARD_TOO_DEEP");
        assertThat(node.get("match").get("pattern").asText()).isEqualTo("*.example.com");
        assertThat(node.get("match").get("label").asText()).isEqualTo("a.b");
        assertThat(node.get("match").get("explanation").asText()).contains("two labels below it");
    }

    @Test
    void theSchemaRefusesAnExplanationThatContradictsTheCoverage() {
        ValidationReport sample = SampleReports.full();
        List<java.util.function.Consumer<ObjectNode>> breaks = List.of(
                r -> ((ObjectNode) r.get("mx").get(0).get("match")).put("kind", "NO_MATCH"),
                r -> ((ObjectNode) r.get("mx").get(1).get("match")).put("kind", "WILDCARD"),
                r -> ((ObjectNode) r.get("mx").get(1).get("match")).put("kind", "CLOSE"),
                r -> ((ObjectNode) r.get("mx").get(0).get("match")).remove("explanation"),
                r -> ((ObjectNode) r.get("mx").get(0).get("match")).put("why", "x"));
        for (int i = 0; i < breaks.size(); i++) {
            ObjectNode report = ReportJson.toTree(sample);
            breaks.get(i).accept(report);
            assertThat(Schemas.errors(report.toString())).as("change %d", i).isNotEmpty();
        }
    }
}
