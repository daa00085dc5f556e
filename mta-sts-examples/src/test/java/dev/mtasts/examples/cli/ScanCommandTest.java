package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.DomainName;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DOMAINS = 1000;
    private static final List<String> BAD_LINES = List.of("not a domain", "a..b.test", "[::1]", "192.0.2.1:25",
            "-dash-.test", "x".repeat(64) + ".test", "tab\there.test");

    private static MtaStsSandbox sandbox;
    private static List<String> options;
    private static final Map<Verdict, Integer> EXPECTED = new EnumMap<>(Verdict.class);
    private static final List<String> NAMES = new ArrayList<>();

    @TempDir
    static Path dir;

    /** A thousand domains of four kinds in one sandbox: good enforce, testing without TLS-RPT, none, broken. */
    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
        for (int i = 0; i < DOMAINS; i++) {
            String name = String.format("d%04d.scan.test", i);
            NAMES.add(name);
            String mx = "mx1." + name;
            String policy = "version: STSv1\nmode: enforce\nmx: " + mx + "\nmax_age: 604800\n";
            var domain = sandbox.domain(name).mx(10, mx);
            Verdict verdict;
            switch (i % 10) {
                case 6, 7 -> {
                    domain.stsRecord("v=STSv1; id=1").policy(policy.replace("enforce", "testing"));
                    verdict = Verdict.TESTING;
                }
                case 8 -> verdict = Verdict.NOT_DEPLOYED;
                case 9 -> {
                    domain.stsRecord("v=STSv1; id=1").tlsRpt("v=TLSRPTv1; rua=mailto:r@" + name)
                            .policyResponse(HttpResponse.status(404));
                    verdict = Verdict.BROKEN;
                }
                default -> {
                    domain.stsRecord("v=STSv1; id=1").tlsRpt("v=TLSRPTv1; rua=mailto:r@" + name).policy(policy);
                    verdict = Verdict.ENFORCING;
                }
            }
            EXPECTED.merge(verdict, 1, Integer::sum);
        }
        options = CliRun.sandboxOptions(sandbox, dir);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void scanOfAThousandDomainsWithBadLinesWritesOneJsonLineEachAndASummary() throws Exception {
        List<String> input = new ArrayList<>();
        input.add("# a scan of the sandbox");
        for (int i = 0; i < DOMAINS; i++) {
            input.add(NAMES.get(i));
            if (i % 150 == 0) {
                input.add(BAD_LINES.get(i / 150));
                input.add("");
                input.add("   # comment " + i);
            }
        }
        Path file = dir.resolve("domains.txt");
        Files.write(file, input, StandardCharsets.UTF_8);
        Path output = dir.resolve("out.jsonl");

        CliRun run = CliRun.of(CliRun.args("scan", options, "--concurrency=24", "--output=" + output,
                file.toString()));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).isEmpty();
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(DOMAINS + BAD_LINES.size());
        Set<String> domains = new HashSet<>();
        List<String> errors = new ArrayList<>();
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        for (String line : lines) {
            JsonNode json = JSON.readTree(line);
            List<String> keys = new ArrayList<>();
            json.fieldNames().forEachRemaining(keys::add);
            if (json.has("error")) {
                assertThat(keys).containsExactly("input", "error");
                errors.add(json.get("input").asText());
                assertThat(json.get("error").asText()).isNotBlank();
            } else {
                assertThat(keys).startsWith("schemaVersion", "input", "domain");
                JsonNode report = json;
                assertThat(json.get("input").asText()).isEqualTo(report.get("domain").asText());
                domains.add(report.get("domain").asText());
                verdicts.merge(Verdict.valueOf(report.get("verdict").asText()), 1, Integer::sum);
            }
        }
        assertThat(domains).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(errors).containsExactlyInAnyOrderElementsOf(BAD_LINES);
        assertThat(verdicts).isEqualTo(EXPECTED);
        assertThat(run.err())
                .contains("Scan: 1000 domains checked, 7 input lines not a domain, 0 failed")
                .containsPattern("ENFORCING +" + EXPECTED.get(Verdict.ENFORCING))
                .containsPattern("BROKEN +" + EXPECTED.get(Verdict.BROKEN))
                .containsPattern("TLSRPT_MISSING +TLS-RPT +" + (EXPECTED.get(Verdict.TESTING)
                        + EXPECTED.get(Verdict.NOT_DEPLOYED)))
                // layers spelled as in check's text: one spelling everywhere
                .containsPattern("STS_RECORD_MISSING +DNS record +" + EXPECTED.get(Verdict.NOT_DEPLOYED))
                .containsPattern("POLICY_HTTP_STATUS +Policy fetch +" + EXPECTED.get(Verdict.BROKEN))
                .doesNotContain("DNS-record", "Policy-fetch", "DNS_RECORD", "POLICY_FETCH")
                .contains("top errors", "POLICY_HTTP_STATUS");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void scanReadsStdinAndWritesJsonLinesToStdout() throws Exception {
        byte[] stdin = (NAMES.get(0) + "\n" + NAMES.get(1) + "\n\n#x\n").getBytes(StandardCharsets.UTF_8);

        CliRun run = CliRun.withStdin(stdin, CliRun.args("scan", options, "-"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            assertThat(JSON.readTree(line).get("verdict").asText()).isEqualTo("ENFORCING");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTrailingCommentIsStrippedBeforeTheDomainIsRead() throws Exception {
        byte[] stdin = (NAMES.get(0) + " # our main domain\n"
                + "  " + NAMES.get(1) + "\t#no space before the text\n"
                + NAMES.get(2) + "#glued\n"
                + "   # a whole-line comment\n"
                + "not a domain # still reported\n").getBytes(StandardCharsets.UTF_8);

        CliRun run = CliRun.withStdin(stdin, CliRun.args("scan", options, "-"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Set<String> domains = new HashSet<>();
        List<String> inputs = new ArrayList<>();
        List<JsonNode> errors = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            JsonNode json = JSON.readTree(line);
            if (json.has("error")) {
                errors.add(json);
            } else {
                domains.add(json.get("domain").asText());
                inputs.add(json.get("input").asText());
                assertThat(json.get("verdict").asText()).isEqualTo("ENFORCING");
            }
        }
        assertThat(domains).containsExactlyInAnyOrder(NAMES.get(0), NAMES.get(1), NAMES.get(2));
        // each report comes with its line as read, comment and all
        assertThat(inputs).containsExactlyInAnyOrder(NAMES.get(0) + " # our main domain",
                "  " + NAMES.get(1) + "\t#no space before the text", NAMES.get(2) + "#glued");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("input").asText()).isEqualTo("not a domain # still reported");
        assertThat(errors.get(0).get("error").asText()).contains("whitespace");
        assertThat(run.err()).contains("Scan: 3 domains checked, 1 input line");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void scanSavesSnapshotsForTheNextRun() throws Exception {
        Path snapshots = dir.resolve("scan-snapshots.txt");
        byte[] stdin = String.join("\n", NAMES.subList(0, 10)).getBytes(StandardCharsets.UTF_8);

        CliRun run = CliRun.withStdin(stdin, CliRun.args("scan", options, "--previous=" + snapshots,
                "--save=" + snapshots, "-"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        // 0-5 enforce, 6-7 testing carry a policy; 8 has none; 9 fails its fetch and had no earlier snapshot
        assertThat(Files.readAllLines(snapshots)).hasSize(8);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /** An internationalised name's report carries its A-label; the line beside it says what was asked for. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eachReportComesWithItsInputLineSoAnInternationalisedNameCanBeFoundAgain() throws Exception {
        String unicode = "bücher.scan.test";
        String ascii = DomainName.of(unicode).value();
        String mx = "mx1." + ascii;
        sandbox.domain(ascii).mx(10, mx).stsRecord("v=STSv1; id=1").tlsRpt("v=TLSRPTv1; rua=mailto:r@" + ascii)
                .policy("version: STSv1\nmode: enforce\nmx: " + mx + "\nmax_age: 604800\n");
        String line = "Bücher.Scan.Test.  # the shop";
        byte[] stdin = (line + "\n").getBytes(StandardCharsets.UTF_8);

        CliRun run = CliRun.withStdin(stdin, CliRun.args("scan", options, "-"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("input").asText()).isEqualTo(line);
        assertThat(json.get("domain").asText()).isEqualTo(ascii).startsWith("xn--");
        assertThat(json.get("domainUnicode").asText()).isEqualTo(unicode);
        assertThat(json.get("verdict").asText()).isEqualTo("ENFORCING");
    }

    /** A URL or an e-mail address on a line is named, with the domain to give instead; the scan goes on. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aUrlOrAnEmailAddressOnALineSaysWhichDomainToGive() throws Exception {
        byte[] stdin = ("http://example.com/\nhttps://example.com/path\nmailto:a@example.com\nuser@example.com\n"
                + "example.com:25\n-bad.com\n" + NAMES.get(0) + "\n").getBytes(StandardCharsets.UTF_8);

        CliRun run = CliRun.withStdin(stdin, CliRun.args("scan", options, "--concurrency=1", "-"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        for (String line : run.out().split("\n")) {
            JsonNode json = JSON.readTree(line);
            if (json.has("error")) {
                errors.put(json.get("input").asText(), json.get("error").asText());
            }
        }
        assertThat(errors).containsExactly(
                Map.entry("http://example.com/",
                        "'http://example.com/' is a URL: give the domain name, for example example.com"),
                Map.entry("https://example.com/path",
                        "'https://example.com/path' is a URL: give the domain name, for example example.com"),
                Map.entry("mailto:a@example.com",
                        "'mailto:a@example.com' is an e-mail address: give the domain name, for example example.com"),
                Map.entry("user@example.com",
                        "'user@example.com' is an e-mail address: give the domain name, for example example.com"),
                Map.entry("example.com:25",
                        "'example.com:25' has a port: give the domain name alone, for example example.com"),
                Map.entry("-bad.com", "'-bad.com' is not a valid domain name: a label cannot start with '-'"));
        assertThat(run.err()).contains("Scan: 1 domain checked, 6 input lines not a domain");
    }

    /** Bytes that are not UTF-8, control characters and a lone CR are bad lines, read alike from FILE and stdin. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void badBytesAreReportedLineByLineTheSameFromAFileAndFromStdin() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes((NAMES.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
        input.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, '\n'});
        input.writeBytes(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '.', 't', 'e', 's', 't', '\n'});
        input.writeBytes("exa\rmple.test\n".getBytes(StandardCharsets.UTF_8));
        input.writeBytes("nul\0.test\n".getBytes(StandardCharsets.UTF_8));
        input.writeBytes((NAMES.get(1) + "\r\n").getBytes(StandardCharsets.UTF_8));
        input.writeBytes(NAMES.get(2).getBytes(StandardCharsets.UTF_8));
        byte[] bytes = input.toByteArray();
        Path file = dir.resolve("bad-bytes.txt");
        Files.write(file, bytes);

        CliRun fromFile = CliRun.of(CliRun.args("scan", options, "--concurrency=1", file.toString()));
        CliRun fromStdin = CliRun.withStdin(bytes, CliRun.args("scan", options, "--concurrency=1", "-"));

        for (CliRun run : List.of(fromFile, fromStdin)) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
            Set<String> domains = new HashSet<>();
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            for (String line : run.out().split("\n")) {
                JsonNode json = JSON.readTree(line);
                if (json.has("error")) {
                    errors.put(json.get("input").asText(), json.get("error").asText());
                } else {
                    domains.add(json.get("domain").asText());
                }
            }
            assertThat(domains).containsExactlyInAnyOrder(NAMES.get(0), NAMES.get(1), NAMES.get(2));
            assertThat(errors).containsOnlyKeys("\uFFFD\uFFFD", "a\uFFFD.test", "exa\rmple.test",
                    "nul\0.test");
            assertThat(errors.get("\uFFFD\uFFFD")).isEqualTo(
                    "not valid UTF-8: byte 0xFF at byte offset 0 (shown as U+FFFD)");
            assertThat(errors.get("a\uFFFD.test")).isEqualTo(
                    "not valid UTF-8: byte 0xED at byte offset 1 (shown as U+FFFD)");
            assertThat(errors.get("exa\rmple.test")).isEqualTo("contains the control character U+000D at column 4");
            assertThat(errors.get("nul\0.test")).isEqualTo("contains the control character U+0000 at column 4");
            assertThat(run.err()).contains("Scan: 3 domains checked, 4 input lines not a domain");
        }
    }

    /** A line of many megabytes is one bad line, reported with its first bytes; it is never held whole. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anOverlongLineIsOneBadLine() throws Exception {
        Path file = dir.resolve("long-line.txt");
        try (var out = Files.newOutputStream(file)) {
            out.write((NAMES.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "a.".repeat(4096).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 1280; i++) { // 10 MiB on one line
                out.write(chunk);
            }
            out.write(("test\n" + NAMES.get(1) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        CliRun run = CliRun.of(CliRun.args("scan", options, file.toString()));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<JsonNode> errors = new ArrayList<>();
        Set<String> domains = new HashSet<>();
        for (String line : run.out().split("\n")) {
            JsonNode json = JSON.readTree(line);
            if (json.has("error")) {
                errors.add(json);
            } else {
                domains.add(json.get("domain").asText());
            }
        }
        assertThat(domains).containsExactlyInAnyOrder(NAMES.get(0), NAMES.get(1));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("input").asText()).hasSize(InputLines.MAX_LINE_BYTES).startsWith("a.a.");
        assertThat(errors.get(0).get("error").asText()).startsWith("line is 10485764 bytes long");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unreadableFileIsAnInputErrorAndNoResolverIsCouldNotRun() throws Exception {
        CliRun missing = CliRun.of(CliRun.args("scan", options, dir.resolve("absent.txt").toString()));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("cannot read " + dir.resolve("absent.txt") + ": no such file")
                .doesNotContain("Exception");

        assertThat(CliRun.of(CliRun.args("scan", options, "--concurrency=0", "-")).exitCode())
                .isEqualTo(ExitCodes.USAGE);

        // port 9 of a loopback address where nothing listens: not an ephemeral port, so the resolver's own client
        // socket can never be given it (a just-closed ephemeral port can be, and the resolver then hears itself)
        CliRun dead = CliRun.withStdin("a.test\nb.test\n".getBytes(StandardCharsets.UTF_8), "scan",
                "--nameserver=127.0.0.254:9", "--timeout=1500ms", "-");
        assertThat(dead.exitCode()).as(dead.out() + dead.err()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(dead.err()).contains("inconclusive: 2", "could not run (no DNS answer): 2");
    }
}
