package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.testkit.MtaStsSandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --policy-addresses}: how many addresses of the policy host {@code mta-sts check} fetches and compares. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PolicyAddressesCliTest {

    private static final String DOMAIN = "split.cli.test";

    private static MtaStsSandbox sandbox;
    private static List<String> options;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
        sandbox.domain(DOMAIN).stsRecord("v=STSv1; id=20261201").mx(10, "mx1." + DOMAIN)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + DOMAIN)
                .policy("version: STSv1\r\nmode: enforce\r\nmx: mx1." + DOMAIN + "\r\nmax_age: 604800\r\n")
                .policyAt("127.0.0.2", "version: STSv1\r\nmode: testing\r\nmx: mx1." + DOMAIN + "\r\nmax_age: 86400\r\n");
        options = CliRun.sandboxOptions(sandbox, dir);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static long requestsAt(String address) {
        return sandbox.httpsServer().requests().stream().filter(r -> r.tls()
                && r.host().orElse("").equals("mta-sts." + DOMAIN)
                && r.local().getAddress().getHostAddress().equals(address)).count();
    }

    @Test
    void byDefaultBothAddressesAreComparedAndTheDifferenceIsNamed() {
        CliRun run = CliRun.of(CliRun.args("check", options, "--no-probe-mx", DOMAIN));

        assertThat(run.out()).as(run.err()).contains("WARNING POLICY_ADDRESSES_DIFFER", "127.0.0.2 serves mode testing");
    }

    @Test
    void oneAddressMeansOneFetchAndNoComparison() {
        long before = requestsAt("127.0.0.2");

        CliRun run = CliRun.of(CliRun.args("check", options, "--no-probe-mx", "--policy-addresses", "1", DOMAIN));

        assertThat(run.out()).as(run.err()).contains("https://mta-sts." + DOMAIN + "/.well-known/mta-sts.txt: OK")
                .doesNotContain("POLICY_ADDRESSES_DIFFER");
        assertThat(requestsAt("127.0.0.2")).as("requests to the second address").isEqualTo(before);
    }

    @Test
    void aCountOutOfRangeIsAUsageErrorNamingTheRange() {
        CliRun run = CliRun.of(CliRun.args("check", options, "--policy-addresses", "9", DOMAIN));

        assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
        assertThat(run.err()).contains("--policy-addresses must be 1-8, not 9");
    }
}
