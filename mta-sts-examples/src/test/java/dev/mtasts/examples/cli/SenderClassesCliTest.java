package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.MtaStsSandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code mta-sts check} shows, under a finding's fix, the classes of real senders it concerns. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SenderClassesCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MtaStsSandbox sandbox;
    private static List<String> options;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
        Deployments.installAll(sandbox);
        sandbox.domain("typecase.cli.test").stsRecord("v=STSv1; id=" + Deployments.ID)
                .mx(10, "mx1.typecase.cli.test").tlsRpt("v=TLSRPTv1; rua=mailto:tls@typecase.cli.test")
                .policyResponse(HttpResponse.ok("Text/Plain",
                        "version: STSv1\nmode: testing\nmx: mx1.typecase.cli.test\nmax_age: 86400\n"));
        options = CliRun.sandboxOptions(sandbox, dir);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void aWarningNamesTheSendersThatRejectThePolicy() {
        CliRun run = CliRun.of(CliRun.args("check", options, "typecase.cli.test"));

        assertThat(run.out()).as(run.err()).contains("WARNING INTEROP_RISK",
                "        Rejected by: senders that require exactly 'text/plain'");
    }

    @Test
    void anErrorSaysTheClassRejectsItAlso() {
        CliRun run = CliRun.of(CliRun.args("check", options, "huge-policy.test"));

        assertThat(run.out()).as(run.err()).contains("ERROR   POLICY_TOO_LARGE",
                "        Rejected also by: senders that cap the body at 64 KiB");
    }

    @Test
    void theJsonListsTheClassesByName() throws Exception {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", "typecase.cli.test"));

        JsonNode findings = JSON.readTree(run.out()).get("findings");
        assertThat(findings.findValues("senderClasses")).hasSize(findings.size());
        assertThat(findings.findValuesAsText("code")).contains("INTEROP_RISK");
        for (JsonNode f : findings) {
            if (f.get("code").asText().equals("INTEROP_RISK")) {
                assertThat(f.get("senderClasses")).extracting(JsonNode::asText).containsExactly("EXACT_CONTENT_TYPE");
            }
        }
    }

    @Test
    void aGoodDomainShowsNoSenderClassLine() {
        CliRun run = CliRun.of(CliRun.args("check", options, "enforce.good.test"));

        assertThat(run.out()).doesNotContain("Rejected", "Accepted anyway", "Read otherwise");
    }
}
