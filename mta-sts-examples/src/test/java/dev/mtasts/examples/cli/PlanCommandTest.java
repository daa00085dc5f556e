package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.record.StsRecord;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.SandboxDomain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code mta-sts plan} against the sandbox, planned at a fixed instant ({@code --now}). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ten o'clock today (UTC): near the real time, where the sandbox's certificates are valid. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
    /** The current policy's max_age plus the _mta-sts record's TTL (the sandbox's default, 300 s). */
    private static final Instant MOVE_AT = NOW.plus(Duration.ofSeconds(604800 + 300));

    private static MtaStsSandbox sandbox;
    private static List<String> options;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
        deployed("move.plan.test", "mx1.move.plan.test");
        deployed("wild.plan.test", "*.wild.plan.test");
        options = CliRun.sandboxOptions(sandbox, dir);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static SandboxDomain deployed(String name, String pattern) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=20261101T000000").mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name)
                .policy("version: STSv1\r\nmode: enforce\r\nmx: " + pattern + "\r\nmax_age: 604800\r\n");
    }

    private static CliRun plan(String... rest) {
        return CliRun.of(CliRun.args("plan", options, rest));
    }

    private static Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void anEnforceMoveIsPrintedAsNumberedStepsWithUtcDatesAndTheTextsAndExitsOne() {
        CliRun run = plan("move.plan.test", "--new-mx", "mx2.move.plan.test", "--now", NOW.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).startsWith("move.plan.test  STAGED  planned at " + NOW)
                .contains("Now:     mode enforce, max_age 604800, mx mx1.move.plan.test, id 20261101T000000;"
                        + " MX mx1.move.plan.test")
                .contains("Change:  MX mx1.move.plan.test -> mx2.move.plan.test")
                .contains("At risk: Moved at once, senders that cached the current policy (mode enforce, max_age"
                        + " 604800 s (7 days)) would refuse mail to mx2.move.plan.test")
                .contains("   1. " + NOW + "  Serve the transition policy below")
                .contains("https://mta-sts.move.plan.test/.well-known/mta-sts.txt (text/plain):\n"
                        + "         version: STSv1\n         mode: enforce\n         mx: mx1.move.plan.test\n"
                        + "         mx: mx2.move.plan.test\n         max_age: 604800\n")
                .contains("_mta-sts.move.plan.test.  IN TXT  \"v=STSv1; id=" + PolicyCommand.ID_FORMAT.format(NOW)
                        + "\"")
                .contains("   2. " + NOW + " to " + MOVE_AT + "  Wait until " + MOVE_AT)
                .contains("   3. " + MOVE_AT + "  Replace the MX records of move.plan.test with mx2.move.plan.test.")
                .contains("MX hosts, in this order: mx2.move.plan.test")
                .contains("   5. " + MOVE_AT.plusSeconds(300) + "  Serve the final policy below")
                .contains("Notes", "The dates assume step 1 is done at " + NOW)
                .doesNotContain("\u001b[");
    }

    @Test
    void theJsonPlanHasTheDatesAndTextsThatParse() throws Exception {
        CliRun run = plan("move.plan.test", "--new-mx", "mx2.move.plan.test", "--now", NOW.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode plan = JSON.readTree(run.out());
        assertThat(plan.get("status").asText()).isEqualTo("STAGED");
        assertThat(plan.get("plannedAt").asText()).isEqualTo(NOW.toString());
        assertThat(plan.get("refusesMailIfDoneAtOnce").asBoolean()).isTrue();
        assertThat(plan.at("/current/policy/maxAge").asLong()).isEqualTo(604800);
        assertThat(plan.at("/risk/hosts/0/host").asText()).isEqualTo("mx2.move.plan.test");
        assertThat(plan.at("/risk/hosts/0/action").asText()).isEqualTo("REFUSE");
        assertThat(plan.at("/risk/cachedUntil").asText()).isEqualTo(MOVE_AT.toString());
        JsonNode steps = plan.get("steps");
        assertThat(steps).hasSize(5);
        assertThat(steps.get(1).get("until").asText()).isEqualTo(MOVE_AT.toString());
        assertThat(steps.get(2).get("kind").asText()).isEqualTo("MOVE_MX");
        assertThat(steps.get(2).get("earliest").asText()).isEqualTo(MOVE_AT.toString());
        for (JsonNode step : steps) {
            if (step.has("policy")) {
                MtaStsPolicy policy = MtaStsPolicy.parse(step.at("/policy/text").asText());
                assertThat(policy.maxAgeSeconds()).isEqualTo(step.at("/policy/maxAge").asLong());
                assertThat(StsRecord.parse(step.get("stsRecord").asText()).id()).matches("\\d{8}T\\d{6}");
            }
        }
        assertThat(steps.get(4).at("/policy/mx/0").asText()).isEqualTo("mx2.move.plan.test");
    }

    @Test
    void aMoveTheCurrentPolicyAlreadyCoversIsSafeNowAndExitsZero() {
        CliRun run = plan("wild.plan.test", "--new-mx", "mx2.wild.plan.test", "--now", NOW.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("wild.plan.test  SAFE NOW")
                .contains("   1. " + NOW + "  Replace the MX records of wild.plan.test with mx2.wild.plan.test.")
                .doesNotContain("   2. ");
    }

    @Test
    void aNewPolicyFileThatMissesTheNewHostIsBlockedAndExitsOne() throws Exception {
        Path policy = file("misses.txt", "version: STSv1\nmode: enforce\nmx: mx1.move.plan.test\nmax_age: 86400\n");

        CliRun run = plan("move.plan.test", "--new-mx", "mx2.move.plan.test", "--new-policy", policy.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("BLOCKED", "Blockers", "NEW_POLICY_MISSES_NEW_MX",
                "Fix: Add 'mx: mx2.move.plan.test' to the new policy").doesNotContain("Steps");
    }

    @Test
    void aPolicyOnlyChangeFromAFileIsOneStep() throws Exception {
        Path policy = file("longer.txt", "version: STSv1\nmode: enforce\nmx: *.wild.plan.test\nmax_age: 1209600\n");

        CliRun run = plan("wild.plan.test", "--new-policy", policy.toString(), "--now", NOW.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Change:  MX unchanged", "   1. " + NOW + "  Serve the new policy below",
                "max_age: 1209600").doesNotContain("   2. ");
    }

    @Test
    void inputsThatCannotBePlannedAreUsageErrors() throws Exception {
        assertUsage(plan("move.plan.test"), "mta-sts plan: name the new MX hosts (--new-mx HOST...), a new policy"
                + " (--new-policy FILE), or both");
        assertUsage(plan("move.plan.test", "--new-mx", "*.move.plan.test"), "mta-sts plan: --new-mx: new MX host"
                + " '*.move.plan.test': ");
        assertUsage(plan("move.plan.test", "--new-mx", "mx2.move.plan.test", "mx2.move.plan.test"),
                "mta-sts plan: --new-mx: new MX host mx2.move.plan.test is named twice");
        assertUsage(plan("move.plan.test", "--new-mx", "mx2.move.plan.test", "--save", dir.resolve("s").toString()),
                "mta-sts plan: --save: is an option of check, not of plan");
        assertUsage(plan("move.plan.test", "--new-mx", "mx2.move.plan.test", "--now", "tomorrow"),
                "mta-sts plan: --now 'tomorrow': not an instant");
        assertUsage(plan("http://move.plan.test/", "--new-mx", "mx2.move.plan.test"), "mta-sts plan: ");
        Path bad = file("bad.txt", "version: STSv1\nmode: enforcing\nmx: mx2.move.plan.test\nmax_age: 86400\n");
        assertUsage(plan("move.plan.test", "--new-policy", bad.toString()), "mta-sts plan: --new-policy " + bad
                + ": new policy: line 2");
        Path huge = file("huge.txt", "version: STSv1\n" + "x".repeat(70_000));
        assertUsage(plan("move.plan.test", "--new-policy", huge.toString()), "mta-sts plan: --new-policy " + huge
                + ": larger than 65536 bytes");
        assertUsage(plan("move.plan.test", "--new-policy", dir.resolve("absent.txt").toString()),
                "mta-sts plan: --new-policy: cannot read " + dir.resolve("absent.txt") + ": no such file");
    }

    private static void assertUsage(CliRun run, String firstLineStart) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith(firstLineStart).contains("Try 'mta-sts plan --help'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void noReachableResolverMeansThePlanCouldNotBeMade() throws Exception {
        CliRun run = CliRun.of("plan", "--nameserver=127.0.0.254:9", "--timeout=1500ms", "--json",
                "move.plan.test", "--new-mx", "mx2.move.plan.test");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        JsonNode plan = JSON.readTree(run.out());
        assertThat(plan.get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(plan.at("/blockers/0/code").asText()).isEqualTo("CURRENT_STATE_UNKNOWN");
        assertThat(plan.get("steps")).isEmpty();
    }
}
