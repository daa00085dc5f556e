package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
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
    void defaultsAreTestingOneDayAndAReportMailboxAtTheDomain() {
        CliRun run = CliRun.of("policy", "--domain", "example.org", "--mx", "mail.example.org");

        assertThat(run.exitCode()).isZero();
        MtaStsPolicy policy = MtaStsPolicy.parse(policyText(run.out()));
        assertThat(policy.mode()).isEqualTo(PolicyMode.TESTING);
        assertThat(policy.maxAgeSeconds()).isEqualTo(86400);
        assertThat(run.out()).contains("\"v=TLSRPTv1; rua=mailto:tls-reports@example.org\"");
    }

    @Test
    void enforceDefaultsToOneWeek() {
        CliRun run = CliRun.of("policy", "--domain", "example.org", "--mx", "mail.example.org", "--mode", "enforce");

        assertThat(run.exitCode()).as(run.err()).isZero();
        MtaStsPolicy policy = MtaStsPolicy.parse(policyText(run.out()));
        assertThat(policy.mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(policy.maxAgeSeconds()).isEqualTo(604800);
    }

    @Test
    void modeNoneNeedsNoMxAndDefaultsToOneDay() {
        CliRun run = CliRun.of("policy", "--domain", "example.org", "--mode", "none");

        assertThat(run.exitCode()).as(run.err()).isZero();
        MtaStsPolicy policy = MtaStsPolicy.parse(policyText(run.out()));
        assertThat(policy.mode()).isEqualTo(PolicyMode.NONE);
        assertThat(policy.mx()).isEmpty();
        assertThat(policy.maxAgeSeconds()).isEqualTo(86400);
        assertThat(StsRecord.parse(txt(Arrays.asList(run.out().split("\n")), "_mta-sts.example.org. 3600 IN TXT "))
                .id()).matches("\\d{8}T\\d{6}");
        assertThat(run.out()).contains("# Mode none:");
    }

    @Test
    void mxValuesAreNormalisedLikeDomainNamesAndDuplicatesDropped() {
        CliRun run = CliRun.of("policy", "--domain", "bücher.example", "--mx", "MX1.Bücher.Example.",
                "*.Backup.BÜCHER.example.", "mx1.xn--bcher-kva.example", "--mode", "enforce");

        assertThat(run.exitCode()).as(run.err()).isZero();
        MtaStsPolicy policy = MtaStsPolicy.parse(policyText(run.out()));
        assertThat(policy.mx()).extracting(MxPattern::text)
                .containsExactly("mx1.xn--bcher-kva.example", "*.backup.xn--bcher-kva.example");
        assertThat(policy.matches("a.backup.xn--bcher-kva.example")).isTrue();
        assertThat(run.out()).contains("https://mta-sts.xn--bcher-kva.example/.well-known/mta-sts.txt",
                "_mta-sts.xn--bcher-kva.example. 3600 IN TXT");
    }

    @Test
    void invalidInputIsAUsageErrorNamingTheOptionAndTheReason() {
        assertUsageError("--mx 'mx1..example.org': ", "--domain", "example.org", "--mx", "mx1..example.org");
        assertUsageError("--mx '*.': a wildcard needs a domain after '*.'", "--domain", "example.org", "--mx", "*.");
        assertUsageError("--mx 'a.*.example.org': '*' may only be the whole leftmost label", "--domain",
                "example.org", "--mx", "a.*.example.org");
        assertUsageError("--mx '192.0.2.1': ", "--domain", "example.org", "--mx", "192.0.2.1");
        assertUsageError("--mx '_smtp.example.org': ", "--domain", "example.org", "--mx", "_smtp.example.org");
        assertUsageError("--mx '': domain name is empty", "--domain", "example.org", "--mx", "");
        assertUsageError("--mx is required for mode testing", "--domain", "example.org");
        assertUsageError("--mx is required for mode enforce", "--domain", "example.org", "--mode", "enforce");
        assertUsageError("--mode must be testing, enforce or none, not 'Enforce'", "--domain", "example.org",
                "--mx", "mx.example.org", "--mode", "Enforce");
        assertUsageError("--max-age must be 0 to 31557600 seconds", "--domain", "example.org", "--mx",
                "mx.example.org", "--max-age", "99999999999");
        assertUsageError("--max-age must be 0 to 31557600 seconds", "--domain", "example.org", "--mx",
                "mx.example.org", "--max-age", "-1");
        assertUsageError("--max-age", "--domain", "example.org", "--mx", "mx.example.org", "--max-age", "1w");
        assertUsageError("--rua ftp://example.org/: use a mailto: or https: URI", "--domain", "example.org",
                "--mx", "mx.example.org", "--rua", "ftp://example.org/");
        assertUsageError("--domain", "--domain", "exa mple.org", "--mx", "mx.example.org");
        assertUsageError("--domain", "--mx", "mx.example.org");
    }

    @Test
    void whatTheLibrarysParserWarnsAboutIsPrintedAsAWarning() {
        CliRun broad = CliRun.of("policy", "--domain", "example.com", "--mx", "*.com");
        assertThat(broad.exitCode()).as(broad.err()).isZero();
        assertThat(broad.err()).contains("warning: MX_WILDCARD_BROAD", "*.com", "covers every host under a top-level");
        assertThat(policyText(broad.out())).contains("mx: *.com");

        for (String seconds : List.of("0", "3600")) {
            CliRun shortAge = CliRun.of("policy", "--domain", "example.com", "--mx", "mx.example.com", "--mode",
                    "enforce", "--max-age", seconds);
            assertThat(shortAge.exitCode()).as(shortAge.err()).isZero();
            assertThat(shortAge.err()).as(seconds).contains("warning: MAX_AGE_SHORT", "max_age " + seconds
                    + " is under one day");
        }

        CliRun clean = CliRun.of("policy", "--domain", "example.com", "--mx", "mx.example.com", "--mode", "enforce");
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.err()).isEmpty();
    }

    @Test
    void aRecordNameIsNotADomain() {
        assertUsageError("--domain: '_mta-sts.example.com' is the name of a record of example.com: give the domain"
                + " itself, example.com", "--domain", "_mta-sts.example.com", "--mx", "mx.example.com");
        assertUsageError("is the name of a record of example.com", "--domain", "_smtp._tls.example.com",
                "--mx", "mx.example.com");
    }

    private static void assertUsageError(String expected, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "policy";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(String.join(" ", all)).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).as(String.join(" ", all)).contains(expected);
        assertThat(run.out()).isEmpty();
    }

    /** The policy file: the first block of the output, without its comment lines. */
    private static String policyText(String out) {
        return Arrays.stream(out.split("\n")).takeWhile(l -> !l.isBlank()).filter(l -> !l.startsWith("#"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String txt(List<String> lines, String prefix) {
        String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        String quoted = line.substring(prefix.length()).strip();
        return quoted.substring(1, quoted.length() - 1);
    }
}
