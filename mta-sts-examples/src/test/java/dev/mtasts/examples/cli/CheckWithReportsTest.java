package dev.mtasts.examples.cli;

import static dev.mtasts.examples.cli.TlsRptFiles.GOOGLE;
import static dev.mtasts.examples.cli.TlsRptFiles.MICROSOFT;
import static dev.mtasts.examples.cli.TlsRptFiles.day;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.mtasts.examples.cli.TlsRptFiles.Failure;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check DOMAIN --reports DIR} against the sandbox's testing deployment (TESTING, READY without evidence):
 * 14 clean days of reports keep it READY and name the reporters, 13 make it NOT READY (TLSRPT_EVIDENCE_SHORT), a
 * failure on day 10 at its MX host is a blocker naming the host (TLSRPT_REPORTED_FAILURES); the JSON carries
 * {@code promotion.evidence} and is valid against the schema. Reports are dated up to yesterday, so never stale.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CheckWithReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(dev.mtasts.json.ReportJson.schema(), InputFormat.JSON);
    private static final String DOMAIN = "testing.good.test";
    private static final String MX = "mx1." + DOMAIN;

    private static MtaStsSandbox sandbox;
    private static List<String> options;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
        Deployments.installAll(sandbox);
        options = CliRun.sandboxOptions(sandbox, shared);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private CliRun check(String... rest) {
        return CliRun.of(CliRun.args("check", options, rest));
    }

    @Test
    void fourteenCleanDaysAreReadyAndNameTheReporters() {
        TlsRptFiles.cleanDays(dir, DOMAIN, MX, 14);

        CliRun run = check(DOMAIN, "--reports", dir.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Promotion to enforce: READY (TLS-RPT evidence: 14 consecutive clean sts"
                + " days up to " + day(14, 14) + ", 0 failed of ");
        assertThat(run.out()).contains("reported by Google Inc., Microsoft Corporation)");
        assertThat(run.out()).contains("The TLS-RPT reports from Google Inc., Microsoft Corporation cover 14 days")
                .doesNotContain("TLSRPT_EVIDENCE_SHORT").doesNotContain("TLSRPT_REPORTED_FAILURES");
    }

    @Test
    void thirteenCleanDaysAreNotReadyForShortEvidence() {
        TlsRptFiles.cleanDays(dir, DOMAIN, MX, 13);

        CliRun run = check(DOMAIN, "--reports", dir.toString());

        assertThat(run.out()).contains("Promotion to enforce: NOT READY - blocked by TLSRPT_EVIDENCE_SHORT")
                .contains("13 consecutive clean days for the sts policy up to " + day(13, 13) + "; promotion needs 14");
    }

    @Test
    void aFailureOnDayTenAtTheMxHostIsABlockerNamingIt() throws IOException {
        TlsRptFiles.cleanDays(dir, DOMAIN, MX, 14);
        Path microsoftDay10 = dir.resolve("microsoft.com!" + DOMAIN + "!" + day(10, 14) + ".json.gz");
        Files.delete(microsoftDay10);
        TlsRptFiles.write(dir, MICROSOFT, DOMAIN, MX, day(10, 14), 480,
                new Failure("certificate-host-mismatch", MX, 20));

        CliRun run = check(DOMAIN, "--reports", dir.toString());

        assertThat(run.out()).contains("NOT READY - blocked by ").contains("TLSRPT_REPORTED_FAILURES");
        assertThat(run.out()).contains("reported 20 failed sessions with certificate-host-mismatch at " + MX
                + " for the sts policy on " + day(10, 14));
        assertThat(run.out()).contains("The certificate of " + MX + " must list '" + MX + "'");
        assertThat(run.out()).contains("4 consecutive clean sts days up to " + day(14, 14));
    }

    @Test
    void theJsonCarriesTheEvidenceAndIsValidAgainstTheSchema() throws IOException {
        TlsRptFiles.cleanDays(dir, DOMAIN, MX, 14);
        Files.delete(dir.resolve("google.com!" + DOMAIN + "!" + day(10, 14) + ".json"));
        TlsRptFiles.write(dir, GOOGLE, DOMAIN, MX, day(10, 14), 900, new Failure("starttls-not-supported", MX, 7));

        CliRun run = check("--json", DOMAIN, "--reports", dir.toString());

        assertThat(errors(run.out())).isEmpty();
        JsonNode promotion = JSON.readTree(run.out()).get("promotion");
        assertThat(promotion.get("status").asText()).isEqualTo("NOT_READY");
        assertThat(texts(promotion.get("blockers"))).contains("TLSRPT_REPORTED_FAILURES", "TLSRPT_EVIDENCE_SHORT");
        JsonNode evidence = promotion.get("evidence");
        assertThat(evidence.get("firstDay").asText()).isEqualTo(day(1, 14).toString());
        assertThat(evidence.get("lastDay").asText()).isEqualTo(day(14, 14).toString());
        assertThat(evidence.get("daysCovered").intValue()).isEqualTo(14);
        assertThat(evidence.get("consecutiveCleanStsDays").intValue()).isEqualTo(4);
        assertThat(evidence.get("failedStsSessions").longValue()).isEqualTo(7);
        assertThat(texts(evidence.get("reporters"))).containsExactly(GOOGLE, MICROSOFT);
        assertThat(evidence.get("failuresByReceivingMx").toString()).isEqualTo("{\"" + MX + "\":7}");
        assertThat(evidence.get("failures").get(0).get("resultType").asText()).isEqualTo("starttls-not-supported");
    }

    @Test
    void reportsAndThePreviousSnapshotGoTogether() throws IOException {
        TlsRptFiles.cleanDays(dir, DOMAIN, MX, 14);
        Path snapshots = dir.resolve("snapshots.txt");
        assertThat(check(DOMAIN, "--save", snapshots.toString()).exitCode()).isEqualTo(ExitCodes.OK);

        CliRun run = check(DOMAIN, "--previous", snapshots.toString(), "--reports", dir.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("READY (TLS-RPT evidence: 14 consecutive clean sts days");
    }

    @Test
    void aBadReportFileIsNotedAndSkipped() throws IOException {
        TlsRptFiles.cleanDays(dir, DOMAIN, MX, 14);
        Files.writeString(dir.resolve("broken.json"), "{", StandardCharsets.UTF_8);

        CliRun run = check(DOMAIN, "--reports", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("mta-sts check: note: skipped " + dir.resolve("broken.json") + ": ");
        assertThat(run.out()).contains("READY (TLS-RPT evidence: 14");
    }

    @Test
    void aMissingReportsPathIsAnInputError() {
        Path missing = dir.resolve("missing");

        CliRun run = check(DOMAIN, "--reports", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().findFirst()).contains("mta-sts check: --reports: cannot read " + missing
                + ": no such file or directory");
    }

    @Test
    void reportsAboutOtherDomainsOnlyGiveEvidenceOfNoReport() {
        TlsRptFiles.cleanDays(dir, "other.test", "mx.other.test", 14);

        CliRun run = check(DOMAIN, "--reports", dir.toString());

        assertThat(run.out()).contains("(TLS-RPT evidence: no report about this domain)")
                .contains("TLSRPT_EVIDENCE_SHORT");
    }

    @Test
    void scanGivesEvidenceToTheDomainsTheReportsAreAbout() throws IOException {
        TlsRptFiles.cleanDays(dir, DOMAIN, MX, 14);
        byte[] input = (DOMAIN + "\nenforce.good.test\n").getBytes(StandardCharsets.UTF_8);

        CliRun run = CliRun.withStdin(input, CliRun.args("scan", options, "--reports", dir.toString(), "-"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        for (String line : run.out().lines().toList()) {
            assertThat(errors(line)).isEmpty();
            JsonNode report = JSON.readTree(line);
            boolean reported = report.get("domain").asText().equals(DOMAIN);
            assertThat(report.get("promotion").has("evidence")).as(line).isEqualTo(reported);
            if (reported) {
                assertThat(report.get("promotion").get("evidence").get("consecutiveCleanStsDays").intValue())
                        .isEqualTo(14);
                assertThat(report.get("promotion").get("status").asText()).isEqualTo("READY");
            }
        }
        assertThat(run.out().lines()).hasSize(2);
    }

    private static List<String> errors(String json) {
        List<String> out = new ArrayList<>();
        SCHEMA.validate(json, InputFormat.JSON).forEach(e -> out.add(e.toString()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
