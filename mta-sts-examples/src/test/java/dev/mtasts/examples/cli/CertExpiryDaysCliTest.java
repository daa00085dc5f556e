package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.testkit.MtaStsSandbox;
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

/** {@code --cert-expiry-days}: how long before a certificate expires {@code mta-sts check} warns. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CertExpiryDaysCliTest {

    private static final String DOMAIN = "twenty-days.cli.test";

    private static MtaStsSandbox sandbox;
    private static List<String> options;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = MtaStsSandbox.start();
        Instant notAfter = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        sandbox.domain(DOMAIN).stsRecord("v=STSv1; id=20261201").mx(10, "mx1." + DOMAIN)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + DOMAIN)
                .policy("version: STSv1\r\nmode: enforce\r\nmx: mx1." + DOMAIN + "\r\nmax_age: 604800\r\n")
                .policyCertificate(c -> c.validity(notAfter.minus(Duration.ofDays(60)), notAfter));
        options = CliRun.sandboxOptions(sandbox, dir);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void twentyDaysLeftPassByDefault() {
        CliRun run = CliRun.of(CliRun.args("check", options, "--no-probe-mx", DOMAIN));

        assertThat(run.out()).as(run.err()).doesNotContain("POLICY_CERT_EXPIRING");
    }

    @Test
    void twentyDaysLeftAreAWarningWithThirtyDays() {
        CliRun run = CliRun.of(CliRun.args("check", options, "--no-probe-mx", "--cert-expiry-days", "30", DOMAIN));

        assertThat(run.out()).as(run.err()).contains("WARNING POLICY_CERT_EXPIRING", "in 19 days", "within 30 days");
    }

    @Test
    void offlineChecksFetchNothingSoTheOptionIsRefusedThere() {
        CliRun run = CliRun.of("check", "example.com", "--offline", "--txt", "v=STSv1; id=1", "--cert-expiry-days",
                "30");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
        assertThat(run.err()).contains("--offline fetches nothing: drop --cert-expiry-days");
    }

    @Test
    void aDayCountOutOfRangeIsAUsageErrorNamingTheRange() {
        CliRun run = CliRun.of(CliRun.args("check", options, "--cert-expiry-days", "0", DOMAIN));

        assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
        assertThat(run.err()).contains("--cert-expiry-days must be 1-400, not 0");
    }
}
