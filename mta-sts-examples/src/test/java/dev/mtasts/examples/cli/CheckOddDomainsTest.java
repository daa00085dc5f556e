package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.MtaStsSandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise "a report for every domain {@code DomainName} accepts", through the command line, end to end: names
 * with an underscore, names so long that {@code _mta-sts.} or {@code _smtp._tls.} in front exceeds 253
 * characters, and a domain that does not exist. Each gets a report (never a stack trace), and a good domain
 * checked beside them keeps its report.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckOddDomainsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 253 characters: the longest name DNS allows, so no record name below it can exist. */
    private static final String LONGEST = "a".repeat(61) + "." + "b".repeat(61) + "." + "c".repeat(61) + "."
            + "d".repeat(62) + ".test";
    /** 243 characters: {@code _mta-sts.} fits (252), {@code _smtp._tls.} does not (254). */
    private static final String LONG = "a".repeat(61) + "." + "b".repeat(61) + "." + "c".repeat(61) + "."
            + "d".repeat(52) + ".test";

    private static MtaStsSandbox sandbox;
    private static List<String> options;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
        Deployments.installAll(sandbox);
        sandbox.domain("a_b.odd.test").stsRecord("v=STSv1; id=" + Deployments.ID).mx(10, "mx1.a_b.odd.test")
                .policy("version: STSv1\r\nmode: testing\r\nmx: mx1.a_b.odd.test\r\nmax_age: 86400\r\n");
        sandbox.domain(LONGEST).mx(10, "mx1.odd.test");
        sandbox.domain(LONG).mx(10, "mx1.odd.test");
        sandbox.domain("json.odd.test").stsRecord("v=STSv1; id=" + Deployments.ID).mx(10, "mx1.json.odd.test")
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@json.odd.test")
                .policyResponse(dev.mtasts.testkit.HttpResponse.ok("application/json",
                        "version: STSv1\r\nmode: enforce\r\nmx: mx1.json.odd.test\r\nmax_age: 604800\r\n"));
        options = CliRun.sandboxOptions(sandbox, dir);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void namesAreAsLongAsIntended() {
        assertThat(LONGEST).hasSize(253);
        assertThat(LONG).hasSize(243);
    }

    @Test
    void anUnderscoreDomainAndAGoodOneBothGetTheirReports() throws Exception {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", "enforce.good.test", "a_b.odd.test"));

        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("domain").asText()).isEqualTo("enforce.good.test");
        assertThat(json.get(0).get("verdict").asText()).isEqualTo("ENFORCING");
        assertThat(json.get(1).get("domain").asText()).isEqualTo("a_b.odd.test");
        // no certificate can name mta-sts.a_b.odd.test (a '_' is not allowed in a TLS server name), so senders
        // cannot fetch the policy: BROKEN, said at once, not after a time-out
        assertThat(json.get(1).get("verdict").asText()).isEqualTo("BROKEN");
        assertThat(json.get(1).toString()).contains("POLICY_TLS_HANDSHAKE", "server name");
        assertThat(json.get(1).has("error")).isFalse();
        assertThat(run.exitCode()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
    }

    @Test
    void theLongestNamesGetReportsThatSayWhyNoRecordCanExist() throws Exception {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", LONGEST, LONG));

        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        JsonNode json = JSON.readTree(run.out());
        assertThat(json).hasSize(2);
        for (JsonNode report : json) {
            assertThat(report.has("error")).as(report.toString()).isFalse();
            assertThat(report.get("verdict").asText()).isNotEqualTo("UNKNOWN");
            assertThat(report.toString()).contains("RECORD_NAME_TOO_LONG");
        }
        assertThat(json.get(0).get("verdict").asText()).isEqualTo("NOT_DEPLOYED");
    }

    @Test
    void aDomainThatDoesNotExistIsAnErrorAndExitsOne() {
        CliRun run = CliRun.of(CliRun.args("check", options, "no-such-host.enforce.good.test"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("DOMAIN_NOT_FOUND");
    }

    @Test
    void anUnreachableResolverMeansTheCheckCouldNotRunAndExitsThree() {
        CliRun run = CliRun.of("check", "--nameserver", "127.0.0.254:9", "--timeout", "3s", "enforce.good.test");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.out()).contains("UNKNOWN");
    }

    @Test
    void aValidPolicyServedWithTheWrongMediaTypeIsNotCalledInvalid() {
        CliRun run = CliRun.of(CliRun.args("check", options, "json.odd.test"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("BROKEN", "POLICY_CONTENT_TYPE", "is a valid policy text, but senders ignore it")
                .doesNotContain("is not a valid policy");
    }
}
