package dev.mtasts.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.BulkSummary;
import dev.mtasts.Validator;
import dev.mtasts.dns.DnsjavaResolver;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The example scans a file of sandbox domains: a line per domain, input errors apart, blank lines skipped. */
class BulkScanTest {

    private static final int DOMAINS = 1000;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aFileOfAThousandDomainsGivesALinePerDomainAndAnErrorPerBadLine(@TempDir Path dir) throws Exception {
        try (MtaStsSandbox sandbox = MtaStsSandbox.start()) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < DOMAINS; i++) {
                String name = "b" + i + ".bulk.test";
                sandbox.domain(name).mx(10, "mx." + name);
                lines.add(name);
                if (i % 250 == 0) {
                    lines.add("not a domain " + i);
                    lines.add("");
                }
            }
            Path file = Files.write(dir.resolve("domains.txt"), lines, StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            // 32 in flight and 3 s per DNS query: the sandbox's one DNS server shares the test machine's cores
            Validator validator = sandbox.validatorBuilder().resolver(DnsjavaResolver.builder()
                    .nameserver(sandbox.dnsServer().address()).timeout(Duration.ofSeconds(3)).build()).build();
            BulkSummary summary = BulkScan.scan(validator, file, 32,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(summary.reports()).isEqualTo(DOMAINS);
            assertThat(summary.inputErrors()).isEqualTo(4);
            assertThat(summary.skipped()).isEqualTo(4);
            assertThat(out.toString(StandardCharsets.UTF_8).lines())
                    .hasSize(DOMAINS).allSatisfy(l -> assertThat(l).matches("b\\d+\\.bulk\\.test NOT_DEPLOYED"));
            assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(4)
                    .allSatisfy(l -> assertThat(l).startsWith("not a domain "));
        }
    }
}
