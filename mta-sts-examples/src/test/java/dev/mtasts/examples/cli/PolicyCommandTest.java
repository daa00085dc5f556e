package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PolicyCommandTest {

    @Test
    void policyOutputParsesWithTheLibrarysParsers() {
        CliRun run = CliRun.of("policy", "--domain", "Example.COM", "--mx", "mx1.example.com", "*.backup.example.com",
                "--mode", "enforce", "--max-age", "86400", "--rua", "mailto:tls@example.com",
                "--rua", "https://reports.example.com/tlsrpt");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Arrays.asList(run.out().split("\n"));
        String policyText = lines.stream().takeWhile(l -> !l.isBlank()).filter(l -> !l.startsWith("#"))
                .collect(Collectors.joining("\n", "", "\n"));
        MtaStsPolicy policy = MtaStsPolicy.parse(policyText);
        assertThat(policy.mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(policy.maxAgeSeconds()).isEqualTo(86400);
        assertThat(policy.matches("mx1.example.com")).isTrue();
        assertThat(policy.matches("a.backup.example.com")).isTrue();

        StsRecord sts = StsRecord.parse(txt(lines, "_mta-sts.example.com. 3600 IN TXT "));
        assertThat(sts.id()).matches("\\d{8}T\\d{6}");
        TlsRptRecord rpt = TlsRptRecord.parse(txt(lines, "_smtp._tls.example.com. 3600 IN TXT "));
        assertThat(rpt.rua()).containsExactly(URI.create("mailto:tls@example.com"),
                URI.create("https://reports.example.com/tlsrpt"));
        assertThat(run.out()).contains("https://mta-sts.example.com/.well-known/mta-sts.txt", "text/plain");
    }

    @Test
    void defaultsAreTestingOneWeekAndAReportMailboxAtTheDomain() {
        CliRun run = CliRun.of("policy", "--domain", "example.org", "--mx", "mail.example.org");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("mode: testing", "max_age: 604800",
                "\"v=TLSRPTv1; rua=mailto:tls-reports@example.org\"");
    }

    @Test
    void invalidInputIsAUsageErrorNamingTheOption() {
        CliRun badMx = CliRun.of("policy", "--domain", "example.org", "--mx", "mx1..example.org");
        assertThat(badMx.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badMx.err()).contains("--mx");

        CliRun badMode = CliRun.of("policy", "--domain", "example.org", "--mx", "mx.example.org", "--mode", "Enforce");
        assertThat(badMode.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badMode.err()).contains("--mode must be testing, enforce or none");

        CliRun badAge = CliRun.of("policy", "--domain", "example.org", "--mx", "mx.example.org", "--max-age",
                "99999999999");
        assertThat(badAge.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badAge.err()).contains("--max-age");

        CliRun badRua = CliRun.of("policy", "--domain", "example.org", "--mx", "mx.example.org", "--rua",
                "ftp://example.org/");
        assertThat(badRua.exitCode()).isEqualTo(ExitCodes.USAGE);

        assertThat(CliRun.of("policy", "--mx", "mx.example.org").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static String txt(List<String> lines, String prefix) {
        String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        String quoted = line.substring(prefix.length()).strip();
        return quoted.substring(1, quoted.length() - 1);
    }
}
