package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.mtasts.json.ReportJsonWriter;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line writes reports exactly as {@code mta-sts-json} does: the same layout and escaping, the same
 * fields, valid against the schema ({@code docs/validation-report.schema.json}, bundled with the module).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JsonOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReportJsonWriter PRETTY = dev.mtasts.json.ReportJson.writer().pretty(true).build();
    private static final ReportJsonWriter COMPACT = dev.mtasts.json.ReportJson.writer().build();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(dev.mtasts.json.ReportJson.schema(), InputFormat.JSON);

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
    void checkJsonIsTheModulesPrettyTextWithTheModulesFields() throws IOException {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", "enforce.good.test"));

        JsonNode json = JSON.readTree(run.out());
        assertThat(errors(json)).isEmpty();
        // the layout and escaping are the module's: writing the parsed tree again gives the very same text
        assertThat(run.out()).isEqualTo(PRETTY.toJson(json) + System.lineSeparator());
        // and so are the fields: the same paths as the module's tree of the same validation
        JsonNode module = dev.mtasts.json.ReportJson.toTree(sandbox.validatorBuilder().build()
                .validate("enforce.good.test"));
        assertThat(paths(json)).isEqualTo(paths(module));
        assertThat(json.get("schemaVersion").asText()).isEqualTo(dev.mtasts.json.ReportJson.SCHEMA_VERSION);
    }

    @Test
    void checkJsonOfSeveralDomainsIsAnArrayOfValidReports() throws IOException {
        List<String> domains = new ArrayList<>();
        Deployments.all().forEach(d -> domains.add(d.domain()));
        List<String> arguments = new ArrayList<>(List.of("--json"));
        arguments.addAll(domains);
        CliRun run = CliRun.of(CliRun.args("check", options, arguments.toArray(String[]::new)));

        JsonNode json = JSON.readTree(run.out());
        assertThat(json).hasSize(domains.size());
        for (int i = 0; i < json.size(); i++) {
            assertThat(json.get(i).get("domain").asText()).isEqualTo(domains.get(i));
            assertThat(errors(json.get(i))).as(domains.get(i)).isEmpty();
        }
        assertThat(run.out()).isEqualTo(PRETTY.toJson(json) + System.lineSeparator());
    }

    @Test
    void scanLinesWrapTheModulesCompactReportAndKeepControlCharactersEscaped() throws IOException {
        byte[] stdin = ("enforce.good.test\nexa\rmple.test\nnot\u001b[31m a domain\nredirect.test\n")
                .getBytes(StandardCharsets.UTF_8);

        CliRun run = CliRun.withStdin(stdin, CliRun.args("scan", options, "--concurrency=1", "-"));

        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(run.out()).doesNotContain("\r", "\u001b");
        List<String> inputs = new ArrayList<>();
        for (String line : lines) {
            JsonNode json = JSON.readTree(line);
            assertThat(line).isEqualTo(COMPACT.toJson(json));
            List<String> keys = new ArrayList<>();
            json.fieldNames().forEachRemaining(keys::add);
            if (json.has("error")) {
                assertThat(keys).containsExactly("input", "error");
                inputs.add(json.get("input").asText());
            } else {
                // one report per line, exactly the module's, with "input" (the line) after schemaVersion
                assertThat(keys).startsWith("schemaVersion", "input", "domain");
                assertThat(json.get("input").asText()).isEqualTo(json.get("domain").asText());
                assertThat(errors(json)).as(line).isEmpty();
                assertThat(keys.stream().filter("input"::equals)).hasSize(1);
            }
        }
        assertThat(inputs).containsExactly("exa\rmple.test", "not\u001b[31m a domain");
    }

    @Test
    void demoJsonPairsEachDeploymentWithItsValidReport() throws IOException {
        CliRun run = CliRun.of("demo", "--json");

        JsonNode json = JSON.readTree(run.out());
        assertThat(json).hasSize(Deployments.all().size());
        for (JsonNode entry : json) {
            List<String> names = new ArrayList<>();
            entry.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("deployment", "report");
            assertThat(entry.get("deployment").get("title").asText()).isNotBlank();
            assertThat(errors(entry.get("report"))).as(entry.get("report").get("domain").asText()).isEmpty();
        }
        assertThat(run.out()).isEqualTo(PRETTY.toJson(json) + System.lineSeparator());
    }

    private static List<String> errors(JsonNode report) {
        return SCHEMA.validate(report.toString(), InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    /** Every path of a tree, array indices collapsed: {@code dns[].records[].value}. */
    private static Set<String> paths(JsonNode node) {
        Set<String> out = new TreeSet<>();
        collect(node, "$", out);
        return out;
    }

    private static void collect(JsonNode node, String path, Set<String> out) {
        out.add(path);
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), path + "." + e.getKey(), out));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, path + "[]", out));
        }
    }
}
