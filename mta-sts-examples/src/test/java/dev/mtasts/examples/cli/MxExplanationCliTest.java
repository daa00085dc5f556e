package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mtasts.testkit.MtaStsSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code mta-sts check} shows why each MX host is covered or not, in its MX section and as {@code mx[].match}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MxExplanationCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOMAIN = "why.explain.test";

    private static MtaStsSandbox sandbox;
    private static List<String> options;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
        sandbox.domain(DOMAIN).stsRecord("v=STSv1; id=20261101T000000").tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + DOMAIN)
                .policy("version: STSv1\r\nmode: testing\r\nmx: *.mx." + DOMAIN + "\r\nmax_age: 86400\r\n")
                .mx(10, "mx1.mx." + DOMAIN).mx(20, "a.b.mx." + DOMAIN);
        options = new ArrayList<>(CliRun.sandboxOptions(sandbox, dir));
        options.add("--no-probe-mx");
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void theTextNamesTheWildcardsLabelAndWhyTheDeepHostIsOutside() {
        CliRun run = CliRun.of(CliRun.args("check", options, DOMAIN));

        assertThat(run.out()).as(run.err())
                .containsPattern("(?m)^ +ok  10 mx1\\.mx\\.why\\.explain\\.test  \\(mx: \\*\\.mx\\.why\\.explain\\.test,"
                        + " \\* = mx1\\)$")
                .containsPattern("(?m)^ +NOT 20 a\\.b\\.mx\\.why\\.explain\\.test\\n +why: '\\*\\.mx\\.why\\.explain"
                        + "\\.test' covers exactly one label below mx\\.why\\.explain\\.test, but"
                        + " a\\.b\\.mx\\.why\\.explain\\.test is two labels below it \\('a\\.b'\\)$")
                .contains("WARNING MX_WILDCARD_TOO_DEEP");
    }

    @Test
    void theJsonCarriesTheExplanationOfEachHost() throws Exception {
        CliRun run = CliRun.of(CliRun.args("check", options, "--json", DOMAIN));

        JsonNode mx = JSON.readTree(run.out()).get("mx");
        assertThat(mx.get(0).get("match").get("kind").asText()).isEqualTo("WILDCARD");
        assertThat(mx.get(0).get("match").get("label").asText()).isEqualTo("mx1");
        assertThat(mx.get(1).get("match").get("kind").asText()).isEqualTo("WILDCARD_TOO_DEEP");
        assertThat(mx.get(1).get("match").get("pattern").asText()).isEqualTo("*.mx." + DOMAIN);
        assertThat(mx.get(1).get("match").get("label").asText()).isEqualTo("a.b");
        assertThat(mx.get(1).get("match").get("explanation").asText()).contains("two labels below it");
    }
}
