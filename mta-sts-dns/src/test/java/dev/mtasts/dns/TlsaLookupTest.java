package dev.mtasts.dns;

import static dev.mtasts.dns.DnsjavaResolverTest.await;
import static dev.mtasts.dns.DnsjavaResolverTest.resolverFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TlsaRecord;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.TestDnsServer;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** TLSA look-ups of {@link DnsjavaResolver} (DANE, RFC 7672), through real loopback sockets. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsaLookupTest {

    private static final String MX1 = "_25._tcp.mx1.example.com";
    private static final String CURRENT = "0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";
    private static final String NEXT = "1d83bd81c856bd2aaa9922c242e773dabd7aecece8dc34f6c625c67775d6e4e7";
    private static final String SHA512 = CURRENT + NEXT;

    private TestDnsServer dns;
    private DnsjavaResolver resolver;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
        dns.zone("example.com")
                .ttl(Duration.ofSeconds(300))
                .a("mx1.example.com", "192.0.2.25")
                .tlsa(MX1, "3 1 1 " + CURRENT, "3 1 1 " + NEXT, "2 0 2 " + SHA512)
                .negativeTtl(Duration.ofSeconds(42));
        resolver = resolverFor(dns, Duration.ofMillis(400), 0);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private TlsaAnswer tlsa(String name) {
        return await(resolver.tlsa(DomainName.of(name)));
    }

    @Test
    void severalRecordsOfAnUnsignedNameAreFoundInOrderWithoutAd() {
        TlsaAnswer answer = tlsa(MX1);
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).containsExactly(
                new TlsaRecord(3, 1, 1, CURRENT), new TlsaRecord(3, 1, 1, NEXT), new TlsaRecord(2, 0, 2, SHA512));
        assertThat(answer.result().authenticated()).isFalse();
        assertThat(answer.result().ttl()).isEqualTo(Duration.ofSeconds(300));
        assertThat(answer.result().server()).contains(dns.address());
        assertThat(answer.result().cnameChain()).isEmpty();
        assertThat(answer.result().detail()).isEmpty();
        assertThat(answer.result().elapsed()).isPositive();
    }

    @Test
    void aSignedNameIsFoundWithAd() {
        dns.zone("example.com").signed(MX1);
        TlsaAnswer answer = tlsa(MX1);
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.result().authenticated()).isTrue();
        assertThat(answer.records()).hasSize(3);
    }

    @Test
    void theServerWideAdFlagIsReportedToo() {
        dns.authenticData(true);
        assertThat(tlsa(MX1).result().authenticated()).isTrue();
    }

    @Test
    void aMissingNameIsNxdomainWithTheNegativeTtlAndAnAuthenticatedDenialSaysSo() {
        TlsaAnswer answer = tlsa("_25._tcp.mx2.example.com");
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
        assertThat(answer.records()).isEmpty();
        assertThat(answer.result().ttl()).isEqualTo(Duration.ofSeconds(42));
        assertThat(answer.result().authenticated()).isFalse();
        dns.zone("example.com").signed("_25._tcp.mx2.example.com");
        assertThat(tlsa("_25._tcp.mx2.example.com").result().authenticated()).isTrue();
    }

    @Test
    void aNameWithoutTlsaIsNodata() {
        TlsaAnswer answer = tlsa("mx1.example.com");
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.NODATA);
        assertThat(answer.result().ttl()).isEqualTo(Duration.ofSeconds(42));
        assertThat(tlsa("_tcp.mx1.example.com").outcome()).as("an empty non-terminal").isEqualTo(DnsOutcome.NODATA);
    }

    @Test
    void aCnameWithinTheZoneToATlsaNameIsFollowedAndAuthenticatedOnlyWhenBothAreSigned() {
        dns.zone("example.com").cname("_25._tcp.mx2.example.com", "tlsa.example.com")
                .tlsa("tlsa.example.com", "3 1 1 " + CURRENT).signed("tlsa.example.com");
        TlsaAnswer answer = tlsa("_25._tcp.mx2.example.com");
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).containsExactly(new TlsaRecord(3, 1, 1, CURRENT));
        assertThat(answer.result().cnameChain()).containsExactly(DomainName.of("tlsa.example.com"));
        assertThat(answer.result().authenticated()).as("the alias is not signed").isFalse();
        dns.zone("example.com").signed("_25._tcp.mx2.example.com");
        assertThat(tlsa("_25._tcp.mx2.example.com").result().authenticated()).isTrue();
    }

    @Test
    void aCnameIntoAnotherZoneIsFollowedWithAQueryOfItsOwnAndEachReplysAdCounts() {
        dns.zone("example.com").cname("_25._tcp.mx3.example.com", "_25._tcp.mx.hoster.example")
                .signed("_25._tcp.mx3.example.com");
        dns.zone("hoster.example").tlsa("_25._tcp.mx.hoster.example", "3 1 1 " + NEXT);
        TlsaAnswer answer = tlsa("_25._tcp.mx3.example.com");
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).containsExactly(new TlsaRecord(3, 1, 1, NEXT));
        assertThat(answer.result().cnameChain()).containsExactly(DomainName.of("_25._tcp.mx.hoster.example"));
        assertThat(answer.result().authenticated()).as("the target's zone is not signed").isFalse();
        assertThat(dns.queries()).extracting(q -> q.name()).containsExactly("_25._tcp.mx3.example.com",
                "_25._tcp.mx.hoster.example");
        dns.zone("hoster.example").signed("_25._tcp.mx.hoster.example");
        assertThat(tlsa("_25._tcp.mx3.example.com").result().authenticated()).isTrue();
    }

    @Test
    void aSilentServerIsATimeoutAndNeverAuthenticated() {
        dns.authenticData(true).fault(MX1, DnsFault.drop());
        TlsaAnswer answer = tlsa(MX1);
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
        assertThat(answer.records()).isEmpty();
        assertThat(answer.result().authenticated()).isFalse();
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d).contains("no reply"));
    }

    @Test
    void serverFailureIsServfailAfterEveryRetry() {
        dns.zone("example.com").signed(MX1);
        dns.fault(MX1, "TLSA", DnsFault.servfail());
        TlsaAnswer answer = await(resolverFor(dns, Duration.ofMillis(400), 2).tlsa(DomainName.of(MX1)));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.SERVFAIL);
        assertThat(answer.result().authenticated()).isFalse();
        assertThat(dns.queryCount()).isEqualTo(3);
    }

    @Test
    void aTruncatedReplyIsAskedAgainOverTcp() {
        dns.zone("example.com").signed(MX1);
        dns.fault(MX1, DnsFault.truncated());
        TlsaAnswer answer = tlsa(MX1);
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).hasSize(3);
        assertThat(answer.result().authenticated()).isTrue();
    }

    // ---- the query's flags ----

    @Test
    void tlsaAndOtherQueriesAskForTheAdBitAndCarryTheDoBit() {
        try (CannedDnsServer server = new CannedDnsServer(q -> reply(q, false, new byte[0][]))) {
            DnsjavaResolver canned = canned(server);
            await(canned.tlsa(DomainName.of(MX1)));
            await(canned.txt(DomainName.of("_mta-sts.example.com")));
            assertThat(server.queries()).hasSize(2).allSatisfy(q -> {
                assertThat(q.getHeader().getFlag(Flags.AD)).as("AD in the query, RFC 6840 §5.7").isTrue();
                assertThat(q.getHeader().getFlag(Flags.RD)).isTrue();
                assertThat(q.getOPT()).isNotNull();
                assertThat(q.getOPT().getFlags() & ExtendedFlags.DO).as("DO").isNotZero();
            });
            assertThat(server.queries()).extracting(q -> q.getQuestion().getType())
                    .containsExactly(Type.TLSA, Type.TXT);
        }
    }

    // ---- malformed RDATA, which no zone of the test server can hold ----

    @Test
    void tooShortAndWrongLengthRecordsAreSkippedAndNamedBesideTheGoodOne() {
        byte[][] rdata = {
            tlsaRdata(3, 1, 1, CURRENT),
            {3, 1},                                  // cut after the selector
            {3, 1, 1},                               // no association data
            tlsaRdata(3, 1, 1, CURRENT.substring(2)), // a SHA-256 digest of 31 bytes
            tlsaRdata(3, 1, 2, CURRENT),             // a SHA-512 "digest" of 32 bytes
            tlsaRdata(3, 0, 0, "30820122"),          // matching type 0: any length is allowed
        };
        try (CannedDnsServer server = new CannedDnsServer(q -> reply(q, true, rdata))) {
            TlsaAnswer answer = await(canned(server).tlsa(DomainName.of(MX1)));
            assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
            assertThat(answer.records()).containsExactly(new TlsaRecord(3, 1, 1, CURRENT),
                    new TlsaRecord(3, 0, 0, "30820122"));
            assertThat(answer.result().authenticated()).isTrue();
            assertThat(answer.result().ttl()).isEqualTo(Duration.ofSeconds(300));
            assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d)
                    .contains("skipped 4 malformed TLSA record(s) of " + MX1)
                    .contains("RDATA of 2 byte(s)")
                    .contains("RDATA of 3 byte(s)")
                    .contains("SHA-256 digest of 31 bytes, not 32")
                    .contains("SHA-512 digest of 32 bytes, not 64"));
        }
    }

    @Test
    void whenEveryRecordIsMalformedTheNameIsStillFoundWithoutRecords() {
        try (CannedDnsServer server = new CannedDnsServer(q -> reply(q, false, new byte[][] {{3}, {}}))) {
            TlsaAnswer answer = await(canned(server).tlsa(DomainName.of(MX1)));
            assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
            assertThat(answer.records()).isEmpty();
            assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d)
                    .contains("skipped 2 malformed TLSA record(s)").contains("RDATA of 1 byte(s)")
                    .contains("RDATA of 0 byte(s)"));
        }
    }

    @Test
    void aShortTlsaRecordInAReplyToAnotherTypeIsLeftToDnsjavaAsBefore() {
        try (CannedDnsServer server = new CannedDnsServer(q -> reply(q, false, new byte[][] {{3, 1}}))) {
            TxtAnswer answer = await(canned(server).txt(DomainName.of(MX1)));
            assertThat(answer.outcome()).isEqualTo(DnsOutcome.MALFORMED);
        }
    }

    private static DnsjavaResolver canned(CannedDnsServer server) {
        return DnsjavaResolver.builder().nameserver("127.0.0.1", server.port()).timeout(Duration.ofMillis(500))
                .retries(0).deadline(Duration.ofSeconds(3)).build();
    }

    private static byte[] tlsaRdata(int usage, int selector, int matchingType, String hex) {
        byte[] data = HexFormat.of().parseHex(hex);
        byte[] out = new byte[3 + data.length];
        out[0] = (byte) usage;
        out[1] = (byte) selector;
        out[2] = (byte) matchingType;
        System.arraycopy(data, 0, out, 3, data.length);
        return out;
    }

    /** @return an authoritative NOERROR reply whose answer holds one TLSA record per RDATA, owned by the question */
    private static byte[] reply(Message query, boolean ad, byte[][] rdata) {
        Message shell = new Message(query.getHeader().getID());
        shell.getHeader().setFlag(Flags.QR);
        shell.getHeader().setFlag(Flags.AA);
        shell.getHeader().setFlag(Flags.RD);
        if (ad) {
            shell.getHeader().setFlag(Flags.AD);
        }
        shell.addRecord(query.getQuestion(), Section.QUESTION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(shell.toWire());
        for (byte[] r : rdata) {
            // owner: a pointer to the question's name at offset 12; TYPE TLSA, CLASS IN, TTL 300, RDLENGTH
            out.writeBytes(new byte[] {(byte) 0xC0, 12, 0, 52, 0, 1, 0, 0, 1, 44, (byte) (r.length >>> 8),
                (byte) r.length});
            out.writeBytes(r);
        }
        byte[] wire = out.toByteArray();
        wire[6] = (byte) (rdata.length >>> 8);
        wire[7] = (byte) rdata.length;
        return wire;
    }
}
