package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage and input errors, as a newcomer meets them: the message says what is wrong (and, for what people paste
 * instead of a domain, which domain to give), followed by one line pointing to {@code --help}; exit 2. Each of
 * these fails before any validation, so none asks a name server.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UsageErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aUrlOrAnEmailAddressIsNamedWithTheDomainToGiveInstead() {
        assertUsage(CliRun.of("check", "http://example.com/"), "check",
                "mta-sts check: 'http://example.com/' is a URL: give the domain name, for example example.com");
        assertUsage(CliRun.of("check", "https://example.com/path"), "check",
                "mta-sts check: 'https://example.com/path' is a URL: give the domain name, for example example.com");
        assertUsage(CliRun.of("check", "mailto:a@example.com"), "check",
                "mta-sts check: 'mailto:a@example.com' is an e-mail address: give the domain name, for example"
                        + " example.com");
        assertUsage(CliRun.of("check", "user@example.com"), "check",
                "mta-sts check: 'user@example.com' is an e-mail address: give the domain name, for example"
                        + " example.com");
        assertUsage(CliRun.of("check", "example.com:25"), "check",
                "mta-sts check: 'example.com:25' has a port: give the domain name alone, for example example.com");
    }

    @Test
    void aUsageErrorIsItsMessageAndOneLinePointingToHelpNotTheUsageText() {
        assertUsage(CliRun.of("check", "--frobnicate", "example.test"), "check",
                "mta-sts check: Unknown option: '--frobnicate'");
        assertUsage(CliRun.of("check"), "check", "mta-sts check: Missing required parameter: 'DOMAIN'");
        assertUsage(CliRun.of("check", "not a domain"), "check",
                "mta-sts check: domain name 'not a domain' contains whitespace at position 4");
        assertUsage(CliRun.of("scan"), "scan", "mta-sts scan: Missing required parameter: 'FILE|-'");
        assertUsage(CliRun.of("policy", "--mx", "mx1.example.com"), "policy",
                "mta-sts policy: Missing required option: '--domain=DOMAIN'");
        assertUsage(CliRun.of(), "", "mta-sts: Name a command: check, scan, demo, policy, reports, plan or serve.");
        assertUsage(CliRun.of("frobnicate"), "", "mta-sts: unknown command 'frobnicate': the commands are check,"
                + " scan, demo, policy, reports, plan, serve, help");
    }

    @Test
    void aMistypedOptionGetsItsSuggestionAndTheHelpLine() {
        CliRun run = CliRun.of("check", "--jsn", "example.test");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).containsExactly("mta-sts check: Unknown option: '--jsn'",
                "Did you mean --json?", "Try 'mta-sts check --help' for more information.");
    }

    @Test
    void aDomainStartingWithADashSaysWhatIsWrongWithTheDomain() {
        String message = "mta-sts check: '-bad.com' is not a valid domain name: a label cannot start with '-'";
        assertUsage(CliRun.of("check", "-bad.com"), "check", message);
        assertUsage(CliRun.of("check", "--json", "-bad.com", "example.test"), "check", message);
        assertUsage(CliRun.of("check", "--timeout=5s", "-bad.com"), "check", message);
        assertUsage(CliRun.of("check", "--", "-bad.com"), "check", message);
        // the value of an option that takes one is that option's to judge
        assertUsage(CliRun.of("check", "--timeout", "-bad.com", "example.test"), "check",
                "mta-sts check: Invalid value for option '--timeout': '-bad.com' is not a duration");
    }

    @Test
    void aTimeoutWithoutAUnitIsAUsageErrorNamingTheAcceptedForms() {
        assertUsage(CliRun.of("check", "--timeout", "5", "example.test"), "check",
                "mta-sts check: Invalid value for option '--timeout': '5' has no unit: write a number with its"
                        + " unit, such as 5s, 500ms, 2m or 1h, or ISO-8601 such as PT5S (for 5 seconds: 5s)");
        assertUsage(CliRun.of("scan", "--timeout=30", "-"), "scan", "'30' has no unit");
    }

    @Test
    void anUnreadableScanFileSaysWhyInWords() {
        Path absent = dir.resolve("nonexistent");
        assertUsage(CliRun.of("scan", absent.toString()), "scan",
                "mta-sts scan: cannot read " + absent + ": no such file");
        assertUsage(CliRun.of("scan", dir.toString()), "scan", "mta-sts scan: cannot read " + dir
                + ": is a directory");
        assertUsage(CliRun.of("check", "--ca", absent.toString(), "example.test"), "check",
                "mta-sts check: --ca: cannot read " + absent + ": no such file");
        assertUsage(CliRun.of("check", "--previous", dir.toString(), "example.test"), "check",
                "mta-sts check: cannot read snapshot file " + dir + ": is a directory");
    }

    @Test
    void demoHelpDocumentsItsExitCodes() {
        CliRun run = CliRun.of("demo", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:", "0   the demo ran", "broken on purpose",
                "3   the demo could not run");
    }

    /** Exit 2, stdout empty, stderr exactly the message (starting with {@code message}) and the help line. */
    private static void assertUsage(CliRun run, String command, String message) {
        String qualified = command.isEmpty() ? "mta-sts" : "mta-sts " + command;
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as(run.err()).hasSize(2);
        assertThat(lines.get(0)).contains(message).doesNotContain("IP address literal or has a port", "Exception");
        if (message.startsWith("mta-sts")) {
            assertThat(lines.get(0)).startsWith(message);
        }
        assertThat(lines.get(1)).isEqualTo("Try '" + qualified + " --help' for more information.");
        assertThat(run.err()).doesNotContain("Usage:");
    }

    @Test
    void domainsThatStartLikeAShortOptionAreNotReadAsOptionClusters() {
        assertUsage(CliRun.of("check", "-V.com"), "check",
                "mta-sts check: '-V.com' is not a valid domain name: a label cannot start with '-'");
        assertUsage(CliRun.of("check", "-h.com"), "check",
                "mta-sts check: '-h.com' is not a valid domain name: a label cannot start with '-'");
    }

    @Test
    void everyCommandPrintsItsVersion() {
        for (String command : new String[] {"check", "scan", "demo", "policy"}) {
            CliRun run = CliRun.of(command, "-V");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("mta-sts ");
        }
    }

    @Test
    void anIpAddressOrARecordNameIsNamedWithTheDomainToGive() {
        assertUsage(CliRun.of("check", "192.0.2.1"), "check",
                "mta-sts check: '192.0.2.1' is an IP address, not a domain name: give the domain name");
        assertUsage(CliRun.of("check", "_mta-sts.foo.org"), "check",
                "mta-sts check: '_mta-sts.foo.org' is the name of a record of foo.org: give the domain itself, foo.org");
        assertUsage(CliRun.of("check", "_smtp._tls.foo.org"), "check",
                "'_smtp._tls.foo.org' is the name of a record of foo.org");
    }

    @Test
    void policyRecognisesAnAddressGivenAsTheDomainToo() {
        assertUsage(CliRun.of("policy", "--domain", "user@example.com", "--mx", "mx1.example.com"), "policy",
                "'user@example.com' is an e-mail address: give the domain name, for example example.com");
    }
}
