package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check DOMAIN --txt ... --policy-file ... --mx ... --tlsrpt ...}: material checked in place of the live
 * deployment, with {@code --offline} (nothing looked up, no name server given at all) and without it (the rest
 * looked up in a sandbox), and every input error as exit 2 with a sentence.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OfflineCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STS = "v=STSv1; id=20260101T000000";
    private static final String RPT = "v=TLSRPTv1; rua=mailto:tls-reports@example.net";

    private static MtaStsSandbox sandbox;
    private static List<String> sandboxOptions;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
        sandboxOptions = CliRun.sandboxOptions(sandbox, dir);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Path enforcePolicy() throws IOException {
        return file("enforce.txt", "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: mx2.example.com\n"
                + "max_age: 604800\n");
    }

    /** Runs {@code check} with exactly these arguments: no name server, no sandbox. */
    private static CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void aCiRunWithEveryPartAndNoNameServerLooksNothingUpAndPasses() throws Exception {
        CliRun run = check("example.com", "--offline", "--txt", STS, "--policy-file", enforcePolicy().toString(),
                "--mx", "mx1.example.com:10", "--mx", "20 mx2.example.com", "--tlsrpt", RPT);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("Offline: nothing was looked up and no MX host probed; supplied:"
                        + " _mta-sts.example.com TXT, https://mta-sts.example.com/.well-known/mta-sts.txt,"
                        + " example.com MX, _smtp._tls.example.com TXT.\n\nexample.com  ENFORCING")
                .contains("[PASS] DNS record", "[PASS] Policy fetch", "[PASS] MX coverage   2 of 2 MX hosts covered",
                        "[PASS] TLS-RPT")
                .doesNotContain("checked as absent", "[FAIL]", "[WARN]");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theJsonOfAnOfflineRunShowsNoAnswerFromAnyServer() throws Exception {
        CliRun run = check("example.com", "--offline", "--json", "--txt", STS, "--policy-file",
                enforcePolicy().toString(), "--mx", "mx1.example.com", "--mx", "mx2.example.com", "--tlsrpt", RPT);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).startsWith("mta-sts check: note: Offline: nothing was looked up");
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("verdict").asText()).isEqualTo("ENFORCING");
        List<JsonNode> dns = new ArrayList<>();
        json.get("dns").forEach(dns::add);
        assertThat(dns).extracting(n -> n.get("purpose").asText())
                .containsExactly("STS_RECORD", "MX", "TLS_RPT_RECORD", "POLICY_HOST", "MX_HOST", "MX_HOST");
        assertThat(dns).as("no answer came from a name server").noneMatch(n -> n.has("server"));
        assertThat(dns).filteredOn(n -> n.get("purpose").asText().endsWith("HOST"))
                .allSatisfy(n -> assertThat(n.get("detail").asText()).startsWith("not looked up: a placeholder"));
        assertThat(json.get("fetch").has("address")).isFalse();
    }

    @Test
    void aPartNotSuppliedOfflineIsSaidToBeCheckedAsAbsent() throws Exception {
        CliRun run = check("example.com", "--offline", "--txt", STS, "--policy-file", enforcePolicy().toString(),
                "--mx", "mx1.example.com", "--mx", "mx2.example.com");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Not supplied, so checked as absent: _smtp._tls.example.com TXT.\n")
                .contains("[WARN] TLS-RPT", "TLSRPT_MISSING");
    }

    @Test
    void brokenMaterialExitsOneWithTheFindingsOfALiveRun() throws Exception {
        Path blankLine = file("blank.txt", "version: STSv1\nmode: enforce\n\nmx: mx1.example.com\nmax_age: 604800\n");

        CliRun run = check("example.com", "--offline", "--txt", "v=STSv1; id=2026-01-01", "--policy-file",
                blankLine.toString(), "--mx", "mx1.example.com", "--tlsrpt", RPT);

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("BROKEN", "STS_ID_INVALID", "POLICY_SYNTAX");
    }

    @Test
    void aStatusAloneIsAResponseWithoutBodyAndGivenHeadersReplaceTheDefault() throws Exception {
        CliRun missing = check("example.com", "--offline", "--txt", STS, "--policy-status", "404", "--mx",
                "mx1.example.com", "--tlsrpt", RPT);
        CliRun untyped = check("example.com", "--offline", "--txt", STS, "--policy-file", enforcePolicy().toString(),
                "--policy-header", "Cache-Control: no-store", "--mx", "mx1.example.com", "--tlsrpt", RPT);
        CliRun redirect = check("example.com", "--offline", "--txt", STS, "--policy-status", "301",
                "--policy-header", "Location: https://www.example.com/", "--mx", "mx1.example.com", "--tlsrpt", RPT);

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(missing.out()).contains("HTTP 404", "POLICY_HTTP_STATUS");
        assertThat(untyped.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(untyped.out()).contains("POLICY_CONTENT_TYPE", "has no Content-Type header");
        assertThat(redirect.out()).contains("REDIRECT, HTTP 301 to https://www.example.com/", "POLICY_REDIRECT");
    }

    @Test
    void aRecordOfSeveralStringsIsWrittenAsAZoneFileWritesIt() throws Exception {
        CliRun run = check("example.com", "--offline", "--txt", "\"v=STSv1; \" \"id=20260101T000000\"",
                "--policy-file", enforcePolicy().toString(), "--mx", "mx1.example.com", "--mx", "mx2.example.com",
                "--tlsrpt", "\"v=TLSRPTv1; \" \"rua=mailto:a\\\"b@example.net\"");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("[PASS] DNS record    _mta-sts.example.com TXT \"v=STSv1; id=20260101T000000\"");
    }

    @Test
    void aPolicyFileOfAGigabyteIsReadOnlyToTheCapAndIsTooLarge() throws Exception {
        Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(1L << 30);   // sparse: a gigabyte of zeros that takes no disk
        }

        CliRun run = check("example.com", "--offline", "--txt", STS, "--policy-file", huge.toString(), "--mx",
                "mx1.example.com", "--tlsrpt", RPT);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("POLICY_TOO_LARGE");
        assertThat(run.err()).contains("is longer than 64 KiB: only its first 65537 bytes were read");
    }

    @Test
    void everyPartWithoutOfflineOrNameServerIsRefusedRatherThanAskTheSystemsResolver() throws Exception {
        CliRun run = check("example.com", "--txt", STS, "--policy-file", enforcePolicy().toString(), "--mx",
                "mx1.example.com", "--tlsrpt", RPT);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("mta-sts check: every part is supplied, so only the MX hosts' addresses"
                + " and the diagnostics would be looked up, through the system's name servers: add --offline to"
                + " look nothing up, or --nameserver to name the name server to ask\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void combinationsThatCannotMeanWhatTheySayAreUsageErrors() throws Exception {
        String policy = enforcePolicy().toString();
        assertUsage(check("example.com", "--offline"), "--offline checks supplied material: give at least one of"
                + " --txt, --policy-file, --policy-status, --mx or --tlsrpt");
        assertUsage(check("example.com", "example.org", "--txt", STS), "--txt, --policy-file, --policy-status,"
                + " --mx and --tlsrpt describe one domain: check one domain at a time");
        assertUsage(check("example.com", "--offline", "--txt", STS, "--nameserver", "127.0.0.1"),
                "--offline looks nothing up: drop --nameserver, or drop --offline to look up what is not supplied");
        assertUsage(check("example.com", "--offline", "--txt", STS, "--probe-mx"), "--offline probes no MX host:"
                + " drop --probe-mx, or drop --offline to probe the MX hosts live");
        assertUsage(check("example.com", "--offline", "--txt", STS, "--policy-header", "Content-Type: text/plain"),
                "--policy-header needs --policy-file or --policy-status");
        assertThat(check("example.com", "--offline", "--no-probe-mx", "--txt", STS, "--policy-file", policy)
                .exitCode()).as("--no-probe-mx agrees with --offline").isNotEqualTo(ExitCodes.USAGE);
    }

    @Test
    void valuesThatCannotBeMaterialAreInputErrorsNamingTheOption() throws Exception {
        String policy = enforcePolicy().toString();
        assertUsage(check("example.com", "--offline", "--policy-file", dir.resolve("none.txt").toString()),
                "--policy-file: cannot read " + dir.resolve("none.txt") + ": no such file");
        assertUsage(check("example.com", "--offline", "--policy-file", dir.toString()),
                "--policy-file: cannot read " + dir + ": is a directory");
        assertUsage(check("example.com", "--offline", "--policy-status", "100"), "--policy-status 100: HTTP status"
                + " 100 is not the status of a final response: give 101 or 200 to 999");
        assertUsage(check("example.com", "--offline", "--policy-file", policy, "--policy-header", "NoColon"),
                "--policy-header 'NoColon': write 'Name: value', such as 'Content-Type: text/plain'");
        assertUsage(check("example.com", "--offline", "--policy-file", policy, "--policy-header", "Bad Name: x"),
                "--policy-header 'Bad Name: x': HTTP header name 'Bad Name' is not a token (letters, digits and"
                        + " !#$%&'*+-.^_`|~, no space or colon)");
        assertUsage(check("example.com", "--offline", "--mx", "mx1.example.com:99999"), "--mx"
                + " 'mx1.example.com:99999': the preference '99999' is not a number of 0 to 65535");
        assertUsage(check("example.com", "--offline", "--mx", "10 mx1 example.com"), "--mx '10 mx1 example.com':"
                + " write HOST, HOST:PREF or 'PREF HOST'");
        assertUsage(check("example.com", "--offline", "--mx", "mx1..example.com"), "--mx 'mx1..example.com': MX"
                + " record '10 mx1..example.com' has an exchange that is not a DNS name: 'mx1..example.com'");
        assertUsage(check("example.com", "--offline", "--txt", "\"v=STSv1; id=1"), "--txt '\"v=STSv1; id=1': a"
                + " quoted string is not closed");
        assertUsage(check("example.com", "--offline", "--txt", "\"v=STSv1;\" id=1"), "--txt '\"v=STSv1;\" id=1':"
                + " text outside the quotes at character 12; write each string of the record in double quotes,"
                + " \"v=STSv1; \" \"id=1\", or the whole record without quotes");
        String longRecord = "v=TLSRPTv1; rua=" + "mailto:tls@example.com,".repeat(12);
        assertUsage(check("example.com", "--offline", "--tlsrpt", longRecord), "--tlsrpt '" + longRecord
                + "': TXT character-string 1 is " + longRecord.length() + " bytes; DNS holds at most 255 in one:"
                + " split it into several strings of the same record (they are joined without space)");
    }

    @Test
    void withoutOfflineAPendingPolicyIsCheckedAgainstTheLiveRest() throws Exception {
        String name = "pending.offline.test";
        sandbox.domain(name).stsRecord(STS).mx(10, "mx1." + name).mx(20, "mx2." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name)
                .policy("version: STSv1\nmode: testing\nmx: mx1." + name + "\nmax_age: 86400\n");
        Path pending = file("pending.txt", "version: STSv1\nmode: enforce\nmx: mx1." + name + "\nmax_age: 604800\n");
        int requests = sandbox.httpsServer().requests().size();

        CliRun run = CliRun.of(CliRun.args("check", sandboxOptions, name, "--policy-file", pending.toString()));

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).startsWith("Supplied in place of the live deployment: https://mta-sts." + name
                        + "/.well-known/mta-sts.txt; the rest was looked up live.\n\n" + name + "  ENFORCING")
                .contains("MAIL AT RISK", "NOT 20 mx2." + name, "MX_NOT_COVERED");
        assertThat(sandbox.httpsServer().requests()).as("the live policy was not fetched").hasSize(requests);
    }

    @Test
    void withoutOfflineAPendingMxChangeIsCheckedAgainstTheLivePolicy() {
        String name = "pending-mx.offline.test";
        sandbox.domain(name).stsRecord(STS).mx(10, "mx1." + name).tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name)
                .policy("version: STSv1\nmode: testing\nmx: mx1." + name + "\nmax_age: 86400\n");

        CliRun run = CliRun.of(CliRun.args("check", sandboxOptions, name, "--mx", "mx1." + name, "--mx",
                "new-mx." + name + ":20"));

        assertThat(run.out()).contains("Supplied in place of the live deployment: " + name + " MX;",
                "MX_NOT_COVERED", "MX_HOST_NO_ADDRESS");
    }

    private static void assertUsage(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("mta-sts check: " + message + "\n").doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }
}
