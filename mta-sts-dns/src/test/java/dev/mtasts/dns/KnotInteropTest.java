package dev.mtasts.dns;

import static dev.mtasts.dns.DnsjavaResolverTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TlsaRecord;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same answers from a real authoritative server that users run: Debian's Knot DNS ({@code knotd}),
 * started on 127.0.0.1 and a free port with a zone file this test writes. Skipped where knotd is not
 * installed ({@code apt-get install -y knot}, or {@code .ci/install-dns-interop.sh}).
 */
@Tag("interop")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KnotInteropTest {

    private static final List<Path> KNOTD_CANDIDATES = List.of(Path.of("/usr/sbin/knotd"), Path.of("/usr/local/sbin/knotd"));
    private static final String[] BIG = bigStrings();
    private static final String KEY = "0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";
    private static final String CA = KEY + "1d83bd81c856bd2aaa9922c242e773dabd7aecece8dc34f6c625c67775d6e4e7";

    @TempDir
    static Path dir;

    private static Process knot;
    private static Path log;
    private static DnsjavaResolver resolver;

    @BeforeAll
    static void startKnot() throws Exception {
        Optional<Path> knotd = findKnotd();
        Assumptions.assumeTrue(knotd.isPresent(),
                "knotd (Knot DNS) is not installed: run 'apt-get install -y knot' or .ci/install-dns-interop.sh"
                        + " to enable the interoperability tests");
        writeZones();
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 5 && knot == null; attempt++) {
            int port = freePort();
            Path conf = writeConfig(port);
            log = dir.resolve("knotd-" + port + ".log");
            Process p = new ProcessBuilder(knotd.get().toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
            DnsjavaResolver probe = DnsjavaResolver.builder().nameserver("127.0.0.1", port)
                    .timeout(Duration.ofMillis(200)).retries(0).deadline(Duration.ofMillis(400)).build();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (p.isAlive() && System.nanoTime() < until) {
                if (await(probe.txt(DomainName.of("_mta-sts.example.com"))).isFound()) {
                    knot = p;
                    resolver = DnsjavaResolver.builder().nameserver("127.0.0.1", port)
                            .timeout(Duration.ofSeconds(2)).retries(1).deadline(Duration.ofSeconds(8)).build();
                    break;
                }
                Thread.sleep(50);
            }
            if (knot == null) {
                stop(p);
                lastFailure = new IOException("knotd did not answer on port " + port + ":\n" + readLog());
            }
        }
        if (knot == null) {
            throw lastFailure;
        }
    }

    @AfterAll
    static void stopKnot() {
        if (knot != null) {
            stop(knot);
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void txtRecordsWithSeveralStringsKeepTheirStringsApart() {
        TxtAnswer answer = await(resolver.txt(DomainName.of("_mta-sts.example.com")));
        assertThat(answer.outcome()).as(readLog()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).containsExactlyInAnyOrder(
                TxtRecord.of("v=STSv1; ", "id=20260101T000000"),
                TxtRecord.of("v=spf1 ", "-all"));
        assertThat(answer.result().ttl()).isEqualTo(Duration.ofSeconds(300));
        assertThat(answer.result().authenticated()).isFalse();
    }

    @Test
    void aFourKibTxtRecordComesWholeOverTcp() {
        TxtAnswer answer = await(resolver.txt(DomainName.of("big.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).singleElement().satisfies(r -> {
            assertThat(r.strings()).containsExactly(BIG);
            assertThat(r.joined()).hasSize(4096);
        });
    }

    @Test
    void mxRecordsAndTheirHosts() {
        MxAnswer answer = await(resolver.mx(DomainName.of("example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.byPreference()).containsExactly(
                new MxRecord(10, DomainName.of("mx1.example.com")), new MxRecord(20, DomainName.of("mx2.example.com")));
        assertThat(answer.nullMx()).isFalse();
    }

    @Test
    void aNullMx() {
        MxAnswer answer = await(resolver.mx(DomainName.of("nomail.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.isNullMxOnly()).isTrue();
    }

    @Test
    void nxdomainWithTheNegativeTtl() {
        TxtAnswer answer = await(resolver.txt(DomainName.of("_mta-sts.missing.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
        assertThat(answer.result().ttl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void nodata() {
        assertThat(await(resolver.txt(DomainName.of("mx1.example.com"))).outcome()).isEqualTo(DnsOutcome.NODATA);
        assertThat(await(resolver.txt(DomainName.of("_tls.example.com"))).outcome())
                .as("an empty non-terminal above _smtp._tls").isEqualTo(DnsOutcome.NODATA);
    }

    @Test
    void aCnameWithinTheZone() {
        TxtAnswer answer = await(resolver.txt(DomainName.of("_smtp._tls.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.joined()).containsExactly("v=TLSRPTv1; rua=mailto:tls@example.com");
        assertThat(answer.result().cnameChain()).containsExactly(DomainName.of("tlsrpt.example.com"));
    }

    @Test
    void aCnameIntoAnotherZoneIsFollowed() throws Exception {
        AddressAnswer answer = await(resolver.addresses(DomainName.of("mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.addresses()).containsExactly(
                InetAddress.getByName("192.0.2.80"), InetAddress.getByName("2001:db8::80"));
        assertThat(answer.result().cnameChain()).containsExactly(DomainName.of("policy.example.net"));
    }

    @Test
    void aCnameLoop() {
        TxtAnswer answer = await(resolver.txt(DomainName.of("loop1.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.SERVFAIL);
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d).contains("CNAME loop"));
    }

    @Test
    void tlsaRecordsOfAnUnsignedZoneAreFoundWithoutAd() {
        TlsaAnswer answer = await(resolver.tlsa(DomainName.of("_25._tcp.mx1.example.com")));
        assertThat(answer.outcome()).as(readLog()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).containsExactlyInAnyOrder(new TlsaRecord(3, 1, 1, KEY),
                new TlsaRecord(2, 0, 2, CA));
        assertThat(answer.result().ttl()).isEqualTo(Duration.ofSeconds(300));
        assertThat(answer.result().authenticated()).isFalse();
    }

    @Test
    void aTlsaNameThatIsACnameAndAHostWithoutTlsa() {
        TlsaAnswer alias = await(resolver.tlsa(DomainName.of("_25._tcp.mx2.example.com")));
        assertThat(alias.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(alias.records()).containsExactly(new TlsaRecord(3, 1, 1, KEY));
        assertThat(alias.result().cnameChain()).containsExactly(DomainName.of("tlsa.example.com"));
        assertThat(await(resolver.tlsa(DomainName.of("_25._tcp.nomail.example.com"))).outcome())
                .isEqualTo(DnsOutcome.NXDOMAIN);
        assertThat(await(resolver.tlsa(DomainName.of("mx1.example.com"))).outcome()).isEqualTo(DnsOutcome.NODATA);
    }

    @Test
    void aNameOutsideKnotsZonesIsRefused() {
        assertThat(await(resolver.txt(DomainName.of("example.org"))).outcome()).isEqualTo(DnsOutcome.REFUSED);
    }

    // ---- set-up ----

    private static Optional<Path> findKnotd() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(s -> Path.of(s, "knotd"));
        return Stream.concat(KNOTD_CANDIDATES.stream(), onPath).filter(Files::isExecutable).findFirst();
    }

    private static int freePort() throws IOException {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                    return port;
                } catch (IOException busy) {
                    // UDP side taken; try another
                }
            }
        }
        throw new IOException("no free loopback port for both UDP and TCP");
    }

    private static Path writeConfig(int port) throws IOException {
        String d = dir.toAbsolutePath().toString();
        String conf = String.join("\n",
                "server:",
                "    listen: 127.0.0.1@" + port,
                "    rundir: \"" + d + "\"",
                "database:",
                "    storage: \"" + d + "\"",
                "log:",
                "  - target: stderr",
                "    any: info",
                "template:",
                "  - id: default",
                "    storage: \"" + d + "\"",
                "    file: \"%s.zone\"",
                "    zonefile-sync: -1",
                "    journal-content: none",
                "zone:",
                "  - domain: example.com",
                "  - domain: example.net",
                "");
        Path path = dir.resolve("knot-" + port + ".conf");
        Files.writeString(path, conf, StandardCharsets.US_ASCII);
        return path;
    }

    private static void writeZones() throws IOException {
        StringBuilder big = new StringBuilder("big TXT");
        for (String s : BIG) {
            big.append(" \"").append(s).append('"');
        }
        List<String> com = new ArrayList<>(List.of(
                "$ORIGIN example.com.",
                "$TTL 300",
                "@ SOA ns hostmaster 1 3600 600 86400 60",
                "@ NS ns",
                "ns A 127.0.0.1",
                "_mta-sts TXT \"v=STSv1; \" \"id=20260101T000000\"",
                "_mta-sts TXT \"v=spf1 \" \"-all\"",
                "@ MX 20 mx2",
                "@ MX 10 mx1",
                "mx1 A 192.0.2.25",
                "mx2 A 192.0.2.26",
                "nomail MX 0 .",
                "_smtp._tls CNAME tlsrpt",
                "tlsrpt TXT \"v=TLSRPTv1; rua=mailto:tls@example.com\"",
                "mta-sts CNAME policy.example.net.",
                "loop1 CNAME loop2",
                "loop2 CNAME loop1",
                "_25._tcp.mx1 TLSA 3 1 1 " + KEY,
                "_25._tcp.mx1 TLSA 2 0 2 " + CA,
                "_25._tcp.mx2 CNAME tlsa",
                "tlsa TLSA 3 1 1 " + KEY,
                big.toString()));
        Files.write(dir.resolve("example.com.zone"), com, StandardCharsets.US_ASCII);
        Files.write(dir.resolve("example.net.zone"), List.of(
                "$ORIGIN example.net.",
                "$TTL 300",
                "@ SOA ns hostmaster 1 3600 600 86400 60",
                "@ NS ns",
                "ns A 127.0.0.1",
                "policy A 192.0.2.80",
                "policy AAAA 2001:db8::80"), StandardCharsets.US_ASCII);
    }

    private static String[] bigStrings() {
        String[] strings = new String[17];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = String.valueOf((char) ('a' + i)).repeat(i == 16 ? 16 : 255);
        }
        return strings;
    }

    private static String readLog() {
        try {
            return log == null ? "" : Files.readString(log);
        } catch (IOException e) {
            return "(knotd log unreadable: " + e + ")";
        }
    }
}
