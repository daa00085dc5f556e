package dev.mtasts.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * {@code --nameserver} takes IP literals only, parsed without any look-up: a name (or a string that is no valid
 * literal, such as 999.1.1.1) is a usage error, never a question to the system resolver. The tests of this module
 * run with {@code jdk.net.hosts.file} set (see the pom), so a look-up could not leave the machine anyway.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NameserverConverterTest {

    @Test
    void literalsAreParsedWithTheirPorts() {
        assertParsed("127.0.0.1", "127.0.0.1", 53);
        assertParsed("192.0.2.10:5353", "192.0.2.10", 5353);
        assertParsed("[::1]:53", "0:0:0:0:0:0:0:1", 53);
        assertParsed("[2001:db8::53]:5353", "2001:db8:0:0:0:0:0:53", 5353);
        assertParsed("::1", "0:0:0:0:0:0:0:1", 53);
        assertParsed("2001:DB8:0:0:1:0:0:1", "2001:db8:0:0:1:0:0:1", 53);
        assertParsed("[::ffff:192.0.2.1]", "192.0.2.1", 53);
        assertParsed("[64:ff9b::192.0.2.1]:53", "64:ff9b:0:0:0:0:c000:201", 53);
        assertParsed("::", "0:0:0:0:0:0:0:0", 53);
    }

    @Test
    void namesAndInvalidLiteralsAreUsageErrorsWithoutALookUp() {
        assertUsageError("999.1.1.1", "'999.1.1.1': 999 is not 0-255");
        assertUsageError("dns.example", "'dns.example': give the name server as an IP address");
        assertUsageError("dns.example:53", "'dns.example:53': give the name server as an IP address");
        assertUsageError("localhost", "give the name server as an IP address");
        assertUsageError("[dns.example]:53", "give the name server as an IP address");
        assertUsageError("127.0.0.1:70000", "'127.0.0.1:70000': port must be 1-65535");
        assertUsageError("127.0.0.1:0", "port must be 1-65535");
        assertUsageError("127.0.0.1:", "port must be 1-65535");
        assertUsageError("[::1]:", "port must be 1-65535");
        assertUsageError("[::1", "missing ']'");
        assertUsageError("[::1]x", "write [IPv6]:PORT");
        assertUsageError("[127.0.0.1]:53", "brackets are for IPv6");
        assertUsageError("1.2.3", "give the name server as an IP address");
        assertUsageError("1.2.3.4.5", "give the name server as an IP address");
        assertUsageError("01.2.3.4", "'01.2.3.4': 01 has a leading zero");
        assertUsageError("1.2.3.", "give the name server as an IP address");
        assertUsageError("1::2::3", "'1::2::3': '::' may appear once");
        assertUsageError("1:2:3:4:5:6:7:8:9", "not an IPv6 address");
        assertUsageError("12345::1", "not an IPv6 address");
        assertUsageError("fe80::1%eth0", "zone");
        assertUsageError("", "no address");
    }

    @Test
    void theConvertedAddressCarriesNoHostName() {
        InetSocketAddress address = new NameserverConverter().convert("[::1]:5353");
        assertThat(address.isUnresolved()).isFalse();
        assertThat(address.getHostString()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(address.getAddress().isLoopbackAddress()).isTrue();
    }

    private static void assertParsed(String value, String address, int port) {
        CommandLine cli = MtaStsCli.commandLine();
        cli.parseArgs("check", "--nameserver", value, "example.test");
        List<InetSocketAddress> parsed = ((CheckCommand) cli.getSubcommands().get("check").getCommand())
                .options.nameservers;
        assertThat(parsed).as(value).hasSize(1);
        assertThat(parsed.get(0).getAddress().getHostAddress()).as(value).isEqualTo(address);
        assertThat(parsed.get(0).getPort()).as(value).isEqualTo(port);
        assertThat(parsed.get(0).isUnresolved()).isFalse();
    }

    private static void assertUsageError(String value, String expected) {
        CliRun run = CliRun.of("check", "--nameserver", value, "example.test");
        assertThat(run.exitCode()).as(value + ": " + run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).as(value).contains(expected);
        assertThat(run.out()).isEmpty();
    }
}
