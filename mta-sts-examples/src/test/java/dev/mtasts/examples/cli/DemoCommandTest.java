package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.testkit.Deployment;
import dev.mtasts.testkit.Deployments;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DemoCommandTest {

    @Test
    void demoShowsEveryDeploymentAndExitsZero() {
        CliRun run = CliRun.of("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (Deployment d : Deployments.all()) {
            assertThat(run.out()).contains(d.title(), d.description());
            assertThat(run.out()).containsPattern("(?m)^" + d.domain().replace(".", "\\.") + "  [A-Z_]+");
        }
        assertThat(run.out()).contains("enforce.good.test  ENFORCING", "expired-cert.test  BROKEN",
                "POLICY_TLS_EXPIRED", "Summary");
        // the summary says mail at risk in words, as the report's own line does
        String summary = run.out().substring(run.out().indexOf("\nSummary\n"));
        assertThat(summary)
                .containsPattern("(?m)^  backup-mx\\.test +ENFORCING \\(mail at risk\\) +.*\\bMX_NOT_COVERED\\b")
                .doesNotContain("!").doesNotContainPattern("(?m) +$");
        // every layer line of every deployment says something after its title, and no value is left empty
        assertThat(run.out()).doesNotContainPattern("(?m)^  \\[(PASS|WARN|FAIL|SKIP)\\] .{14}\\s*$")
                .doesNotContainPattern("(?m)[:,] *$").doesNotContainPattern("(?m) mx *$");
        // the sandbox's SMTP servers are probed: each MX failure of the demo is named under its host
        assertThat(run.out()).containsPattern("(?m)^ {20}127\\.0\\.1\\.\\d+ +STARTTLS ok \\(TLSv1\\.[23]\\),"
                        + " certificate valid \\d+ days$")
                .contains("certificate for mail.mx-wrong-cert.test, not mx1.mx-wrong-cert.test", "no STARTTLS",
                        "certificate expired", "DANE MISMATCH");
    }

    @Test
    void demoJsonIsAnArrayOfReportsEachWithItsDeployment() throws Exception {
        CliRun run = CliRun.of("demo", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json).hasSize(Deployments.all().size());
        for (int i = 0; i < json.size(); i++) {
            Deployment d = Deployments.all().get(i);
            assertThat(json.get(i).get("report").get("domain").asText()).isEqualTo(d.domain());
            assertThat(json.get(i).get("deployment").get("title").asText()).isEqualTo(d.title());
        }
        assertThat(json.get(0).get("report").get("verdict").asText()).isEqualTo("ENFORCING");
        JsonNode probe = json.get(0).get("report").get("mx").get(0).get("probe");
        assertThat(probe.get("result").asText()).isEqualTo("STARTTLS_OK");
        assertThat(probe.get("addresses").get(0).get("certificates")).isNotEmpty();
    }
}
