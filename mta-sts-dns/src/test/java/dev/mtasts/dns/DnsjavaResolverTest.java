package dev.mtasts.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.DnsRecordedQuery;
import dev.mtasts.testkit.DnsRecordedQuery.Transport;
import dev.mtasts.testkit.TestDnsServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every outcome of {@link DnsjavaResolver}, through real loopback sockets to a {@link TestDnsServer}. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DnsjavaResolverTest {

    private TestDnsServer dns;
    private DnsjavaResolver resolver;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
        dns.zone("example.com")
                .ttl(Duration.ofSeconds(300))
                .txt("_mta-sts.example.com", "v=STSv1; ", "id=20260101")
                .txt("_mta-sts.example.com", "v=spf1 ", "include:example.net ", "-all")
                .txt("_smtp._tls.example.com", "v=TLSRPTv1; rua=mailto:tls@example.com")
                .mx("example.com", 20, "mx2.example.com")
                .mx("example.com", 10, "mx1.example.com")
                .a("mx1.example.com", "192.0.2.25")
                .aaaa("mx1.example.com", "2001:db8::25")
                .a("mx2.example.com", "192.0.2.26")
                .negativeTtl(Duration.ofSeconds(42));
        resolver = resolverFor(dns, Duration.ofMillis(400), 0);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    static DnsjavaResolver resolverFor(TestDnsServer server, Duration timeout, int retries) {
        return DnsjavaResolver.builder()
                .nameserver(server.host(), server.port())
                .timeout(timeout)
                .retries(retries)
                .deadline(Duration.ofSeconds(5))
                .build();
    }

    static <T extends DnsAnswer> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().orTimeout(15, TimeUnit.SECONDS).join();
    }

    private static DomainName name(String name) {
        return DomainName.of(name);
    }

    @Test
    void severalTxtRecordsWithSeveralStringsEachAreFoundWithTheStringsKeptApart() {
        TxtAnswer answer = await(resolver.txt(name("_mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).containsExactly(
                TxtRecord.of("v=STSv1; ", "id=20260101"),
                TxtRecord.of("v=spf1 ", "include:example.net ", "-all"));
        assertThat(answer.joined()).containsExactly("v=STSv1; id=20260101", "v=spf1 include:example.net -all");
        assertThat(answer.result().ttl()).isEqualTo(Duration.ofSeconds(300));
        assertThat(answer.result().server()).contains(dns.address());
        assertThat(answer.result().cnameChain()).isEmpty();
        assertThat(answer.result().detail()).isEmpty();
    }

    @Test
    void queriesCarryEdnsWithTheDnssecOkBit() {
        await(resolver.txt(name("_mta-sts.example.com")));
        assertThat(dns.queries()).singleElement().satisfies(q -> {
            assertThat(q.dnssecOk()).isTrue();
            assertThat(q.transport()).isEqualTo(Transport.UDP);
        });
    }

    @Test
    void aMissingNameIsNxdomainWithTheNegativeTtl() {
        TxtAnswer answer = await(resolver.txt(name("_mta-sts.nothing.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
        assertThat(answer.records()).isEmpty();
        assertThat(answer.result().ttl()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void aNameWithoutRecordsOfTheTypeIsNodata() {
        TxtAnswer answer = await(resolver.txt(name("mx1.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.NODATA);
        assertThat(answer.result().ttl()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void serverFailureIsServfailAfterEveryRetry() {
        dns.fault("_mta-sts.example.com", DnsFault.servfail());
        TxtAnswer answer = await(resolverFor(dns, Duration.ofMillis(400), 2).txt(name("_mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.SERVFAIL);
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d).contains("SERVFAIL"));
        assertThat(dns.queryCount()).isEqualTo(3);
    }

    @Test
    void aRefusingServerIsRefused() {
        dns.fault("example.com", DnsFault.refused());
        assertThat(await(resolver.mx(name("example.com"))).outcome()).isEqualTo(DnsOutcome.REFUSED);
    }

    @Test
    void aNameNoZoneOfTheServerHoldsIsRefused() {
        assertThat(await(resolver.txt(name("example.org"))).outcome()).isEqualTo(DnsOutcome.REFUSED);
    }

    @Test
    void aSilentServerIsATimeout() {
        dns.fault("_mta-sts.example.com", DnsFault.drop());
        long start = System.nanoTime();
        TxtAnswer answer = await(resolverFor(dns, Duration.ofMillis(300), 1).txt(name("_mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d).contains("no reply"));
        assertThat(dns.queryCount()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theDeadlineCutsRetriesShort() {
        dns.fault("_mta-sts.example.com", DnsFault.drop());
        DnsjavaResolver patient = DnsjavaResolver.builder().nameserver(dns.host(), dns.port())
                .timeout(Duration.ofMillis(200)).retries(10).deadline(Duration.ofMillis(700)).build();
        long start = System.nanoTime();
        TxtAnswer answer = await(patient.txt(name("_mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
        assertThat(dns.queryCount()).isBetween(3, 5);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aSlowButTimelyServerIsFound() {
        dns.fault("_mta-sts.example.com", DnsFault.delay(Duration.ofMillis(150)));
        TxtAnswer answer = await(resolverFor(dns, Duration.ofSeconds(2), 0).txt(name("_mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.result().elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(140));
    }

    @Test
    void aClosedPortIsANetworkError() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = probe.getLocalPort();
        }
        DnsjavaResolver nowhere = DnsjavaResolver.builder().nameserver("127.0.0.1", port)
                .timeout(Duration.ofSeconds(2)).retries(0).build();
        TxtAnswer answer = await(nowhere.txt(name("_mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.NETWORK_ERROR);
        assertThat(answer.result().detail()).isPresent();
    }

    @Test
    void anUnparsableReplyIsMalformed() {
        dns.fault("_mta-sts.example.com", DnsFault.malformed());
        TxtAnswer answer = await(resolver.txt(name("_mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.MALFORMED);
        assertThat(answer.result().detail()).isPresent();
    }

    @Test
    void truncatedUdpAnswerIsRetriedOverTcp() {
        dns.fault("_mta-sts.example.com", DnsFault.truncated());
        TxtAnswer answer = await(resolver.txt(name("_mta-sts.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).hasSize(2);
        assertThat(dns.queries()).extracting(DnsRecordedQuery::transport).containsExactly(Transport.UDP, Transport.TCP);
    }

    @Test
    void aFourKibTxtRecordNeedsTcpAndArrivesWhole() {
        String[] strings = new String[17];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = String.valueOf((char) ('a' + i)).repeat(i == 16 ? 16 : 255);
        }
        dns.zone("example.com").txt("big.example.com", strings);
        TxtAnswer answer = await(resolver.txt(name("big.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).singleElement().satisfies(r -> {
            assertThat(r.strings()).containsExactly(strings);
            assertThat(r.joined()).hasSize(4096);
        });
        assertThat(dns.queries()).extracting(DnsRecordedQuery::transport).containsExactly(Transport.UDP, Transport.TCP);
    }

    @Test
    void mxRecordsKeepTheirPreferencesAndServerOrder() {
        MxAnswer answer = await(resolver.mx(name("example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).containsExactly(
                new MxRecord(20, name("mx2.example.com")), new MxRecord(10, name("mx1.example.com")));
        assertThat(answer.byPreference()).extracting(MxRecord::preference).containsExactly(10, 20);
        assertThat(answer.nullMx()).isFalse();
    }

    @Test
    void aNullMxIsRecognised() {
        dns.zone("nomail.example").nullMx("nomail.example");
        MxAnswer answer = await(resolver.mx(name("nomail.example")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.isNullMxOnly()).isTrue();
        assertThat(answer.records()).isEmpty();
    }

    @Test
    void aNullMxBesideARealMxIsReportedAsBoth() {
        dns.zone("mixed.example").nullMx("mixed.example").mx("mixed.example", 10, "mx.mixed.example");
        MxAnswer answer = await(resolver.mx(name("mixed.example")));
        assertThat(answer.nullMx()).isTrue();
        assertThat(answer.isNullMxOnly()).isFalse();
        assertThat(answer.records()).containsExactly(new MxRecord(10, name("mx.mixed.example")));
    }

    @Test
    void anMxExchangeThatIsNotAHostNameIsKeptAsInvalid() {
        dns.zone("odd.example").mx("odd.example", 10, "192.0.2.1").mx("odd.example", 20, "mx.odd.example");
        MxAnswer answer = await(resolver.mx(name("odd.example")));
        assertThat(answer.invalidHosts()).containsExactly("192.0.2.1");
        assertThat(answer.records()).extracting(r -> r.host().value()).containsExactly("mx.odd.example");
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d).contains("192.0.2.1"));
    }

    @Test
    void addressesCombineAAndAaaa() throws Exception {
        AddressAnswer answer = await(resolver.addresses(name("mx1.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.addresses()).containsExactly(
                InetAddress.getByName("192.0.2.25"), InetAddress.getByName("2001:db8::25"));
    }

    @Test
    void anIpv4OnlyHostIsFound() throws Exception {
        AddressAnswer answer = await(resolver.addresses(name("mx2.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.addresses()).containsExactly(InetAddress.getByName("192.0.2.26"));
        assertThat(answer.result().detail()).isEmpty();
    }

    @Test
    void aFailedAaaaLookupBesideAFoundAIsFoundWithADetail() {
        dns.fault("mx1.example.com", "AAAA", DnsFault.servfail());
        AddressAnswer answer = await(resolver.addresses(name("mx1.example.com")));
        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.ipv6()).isEmpty();
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d).startsWith("AAAA:"));
    }

    @Test
    void addressesOfAMissingHostAreNxdomain() {
        assertThat(await(resolver.addresses(name("none.example.com"))).outcome()).isEqualTo(DnsOutcome.NXDOMAIN);
    }

    @Test
    void addressesOfANameWithoutAddressesAreNodata() {
        assertThat(await(resolver.addresses(name("_mta-sts.example.com"))).outcome()).isEqualTo(DnsOutcome.NODATA);
    }

    @Test
    void addressesFailWhenBothLookupsFail() {
        dns.fault("mx1.example.com", DnsFault.refused());
        assertThat(await(resolver.addresses(name("mx1.example.com"))).outcome()).isEqualTo(DnsOutcome.REFUSED);
    }

    @Test
    void theNextNameServerIsTriedWhenTheFirstIsSilent() {
        try (TestDnsServer silent = TestDnsServer.start()) {
            silent.zone("example.com");
            silent.fault("_mta-sts.example.com", DnsFault.drop());
            DnsjavaResolver two = DnsjavaResolver.builder()
                    .nameserver(silent.host(), silent.port())
                    .nameserver(dns.host(), dns.port())
                    .timeout(Duration.ofMillis(300)).retries(1).build();
            TxtAnswer answer = await(two.txt(name("_mta-sts.example.com")));
            assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
            assertThat(answer.result().server()).contains(dns.address());
            assertThat(silent.queryCount()).isEqualTo(1);
        }
    }

    @Test
    void theAdFlagOfTheServerIsReported() {
        assertThat(await(resolver.txt(name("_mta-sts.example.com"))).result().authenticated()).isFalse();
        dns.authenticData(true);
        assertThat(await(resolver.txt(name("_mta-sts.example.com"))).result().authenticated()).isTrue();
        assertThat(await(resolver.txt(name("nothing.example.com"))).result().authenticated()).isTrue();
    }

    @Test
    void aFailureIsNeverAuthenticated() {
        dns.authenticData(true).fault("_mta-sts.example.com", DnsFault.servfail());
        assertThat(await(resolver.txt(name("_mta-sts.example.com"))).result().authenticated()).isFalse();
    }
}
