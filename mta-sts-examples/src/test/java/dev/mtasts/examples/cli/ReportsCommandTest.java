package dev.mtasts.examples.cli;

import static dev.mtasts.examples.cli.TlsRptFiles.GOOGLE;
import static dev.mtasts.examples.cli.TlsRptFiles.MICROSOFT;
import static dev.mtasts.examples.cli.TlsRptFiles.day;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.examples.cli.TlsRptFiles.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mta-sts reports}: the summary of TLS-RPT report files, as text and as JSON; bad and missing inputs. */
class ReportsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "example.test";
    private static final String MX1 = "mx1.example.test";
    private static final String MX2 = "mx2.example.test";

    @TempDir
    Path dir;

    /** 5 days from both reporters; Microsoft saw a host mismatch at mx2 on day 3; one report saved twice. */
    private Path fiveDaysWithAFailureADuplicateAndABadFile() throws IOException {
        for (int i = 1; i <= 5; i++) {
            TlsRptFiles.write(dir, GOOGLE, DOMAIN, MX1, day(i, 5), 1000);
            if (i == 3) {
                TlsRptFiles.write(dir, MICROSOFT, DOMAIN, MX2, day(i, 5), 490,
                        new Failure("certificate-host-mismatch", MX2, 10));
            } else {
                TlsRptFiles.write(dir, MICROSOFT, DOMAIN, MX2, day(i, 5), 500);
            }
        }
        Path google = dir.resolve("google.com!" + DOMAIN + "!" + day(5, 5) + ".json");
        Files.copy(google, dir.resolve("again.json"));
        Files.writeString(dir.resolve("broken.json"), "{\"organization-name\": \"X\"");
        return dir;
    }

    @Test
    void theTextHasATableTheFailuresByTypeAndHostTheCleanRunTheDuplicatesAndTheBadFiles() throws IOException {
        CliRun run = CliRun.of("reports", fiveDaysWithAFailureADuplicateAndABadFile().toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("10 reports about 1 domain, 1 duplicate counted once, 1 bad file");
        assertThat(run.out()).containsPattern("Day +Reporter +Policy +Reports +Successful +Failed +Failures");
        assertThat(run.out()).containsPattern(day(1, 5) + "  Google Inc\\. +sts +1 +1000 +0");
        assertThat(run.out()).containsPattern(day(3, 5) + "  Microsoft Corporation +sts +1 +490 +10"
                + "  certificate-host-mismatch 10");
        assertThat(run.out()).contains("certificate-host-mismatch at " + MX2 + ": 10 failed sessions (sts policy) on "
                + day(3, 5) + ", reported by " + MICROSOFT);
        assertThat(run.out()).contains(DOMAIN + "  2 consecutive clean sts days up to " + day(5, 5)
                + " (5 days covered from " + day(1, 5) + " to " + day(5, 5) + "; 7500 sts sessions, 10 failed;"
                + " reporters Google Inc., Microsoft Corporation)");
        assertThat(run.out()).contains("Bad files").contains(dir.resolve("broken.json") + ": ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theJsonHasTheSameInAStableShape() throws IOException {
        CliRun run = CliRun.of("reports", "--json", fiveDaysWithAFailureADuplicateAndABadFile().toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("reportsVersion").asText()).isEqualTo("1.0");
        assertThat(root.get("reports").intValue()).isEqualTo(10);
        assertThat(root.get("duplicates").intValue()).isEqualTo(1);
        assertThat(root.get("reporters").toString()).isEqualTo("[\"Google Inc.\",\"Microsoft Corporation\"]");
        JsonNode domain = root.get("domains").get(0);
        assertThat(domain.get("domain").asText()).isEqualTo(DOMAIN);
        assertThat(domain.get("days")).hasSize(10);
        JsonNode failedDay = domain.get("days").get(5);
        assertThat(failedDay.toString()).isEqualTo("{\"day\":\"" + day(3, 5) + "\",\"reporter\":\"" + MICROSOFT
                + "\",\"policyType\":\"sts\",\"reports\":1,\"successfulSessions\":490,\"failedSessions\":10,"
                + "\"failuresByResultType\":{\"certificate-host-mismatch\":10}}");
        assertThat(domain.get("failures").toString()).isEqualTo("[{\"resultType\":\"certificate-host-mismatch\","
                + "\"receivingMxHost\":\"" + MX2 + "\",\"policyType\":\"sts\",\"failedSessions\":10,\"days\":[\""
                + day(3, 5) + "\"],\"reporters\":[\"" + MICROSOFT + "\"]}]");
        JsonNode evidence = domain.get("evidence");
        assertThat(evidence.get("consecutiveCleanStsDays").intValue()).isEqualTo(2);
        assertThat(evidence.get("daysCovered").intValue()).isEqualTo(5);
        assertThat(evidence.get("failuresByReceivingMx").toString()).isEqualTo("{\"" + MX2 + "\":10}");
        assertThat(domain.get("cleanStsDays")).hasSize(4);
        assertThat(root.get("bad")).hasSize(1);
        assertThat(root.get("bad").get(0).get("path").asText()).isEqualTo(dir.resolve("broken.json").toString());
        assertThat(root.get("bad").get(0).get("reason").asText()).isNotBlank();
    }

    @Test
    void filesAndDirectoriesCanBeNamedTogether() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        TlsRptFiles.write(a, GOOGLE, DOMAIN, MX1, day(1, 2), 10);
        Path file = TlsRptFiles.write(b, MICROSOFT, DOMAIN, MX1, day(2, 2), 10);

        CliRun run = CliRun.of("reports", a.toString(), file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("2 reports about 1 domain").contains("2 consecutive clean sts days");
    }

    @Test
    void aPathThatDoesNotExistIsAnInputErrorInOneLine() {
        Path missing = dir.resolve("nope");

        CliRun run = CliRun.of("reports", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).containsExactly(
                "mta-sts reports: cannot read " + missing + ": no such file or directory",
                "Try 'mta-sts reports --help' for more information.");
    }

    @Test
    void whenNotOneFileIsAReportTheBadOnesAreListedAndTheExitCodeIsTwo() throws IOException {
        Files.writeString(dir.resolve("a.json"), "not json");
        Files.writeString(dir.resolve("b.json"), "[]");

        CliRun run = CliRun.of("reports", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("0 reports about 0 domains").contains(dir.resolve("a.json") + ": ")
                .contains(dir.resolve("b.json") + ": ");
        assertThat(run.err().lines().toList()).hasSize(1).first().asString()
                .startsWith("mta-sts reports: no TLS-RPT report could be read: 2 bad files (");
    }

    @Test
    void anEmptyDirectoryIsNoError() {
        CliRun run = CliRun.of("reports", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("0 reports about 0 domains");
    }

    @Test
    void aReportsOrganisationNameCannotReachTheTerminalRaw() {
        TlsRptFiles.write(dir, "Evil\u001b[2J\u0007 Corp", DOMAIN, MX1, day(1, 1), 10);

        CliRun run = CliRun.of("reports", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).doesNotContain("\u001b").doesNotContain("\u0007").contains("Evil\\u001b[2J\\u0007 Corp");
    }

    @Test
    void withoutAPathItIsAUsageError() {
        CliRun run = CliRun.of("reports");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("DIR|FILE");
    }
}
