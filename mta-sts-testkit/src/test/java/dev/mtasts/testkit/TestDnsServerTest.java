package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TestDnsServerTest {

    private TestDnsServer dns;
    private DnsWireClient client;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
        client = new DnsWireClient(dns.address());
        dns.zone("example.com")
                .txt("_mta-sts.example.com", "v=STSv1; ", "id=1")
                .txt("_mta-sts.example.com", "v=spf1 -all")
                .mx("example.com", 10, "mx1.example.com")
                .a("mx1.example.com", "192.0.2.25")
                .aaaa("mx1.example.com", "2001:db8::25")
                .txt("_smtp._tls.example.com", "v=TLSRPTv1; rua=mailto:tls@example.com")
                .cname("alias.example.com", "mx1.example.com")
                .cname("away.example.com", "target.example.net")
                .cname("loop1.example.com", "loop2.example.com")
                .cname("loop2.example.com", "loop1.example.com");
        dns.zone("nomail.example").nullMx("nomail.example");
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void listensOnLoopbackWithTheSamePortForUdpAndTcp() {
        assertThat(dns.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(dns.port()).isPositive();
        assertThat(dns.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void txtAnswerKeepsRecordsAndStringsApartAndIsAuthoritative() throws IOException {
        Message reply = client.udp(DnsWireClient.query("_mta-sts.example.com", "TXT", false));
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        List<Record> answer = reply.getSection(Section.ANSWER);
        assertThat(answer).hasSize(2);
        assertThat(((TXTRecord) answer.get(0)).getStrings()).containsExactly("v=STSv1; ", "id=1");
        assertThat(((TXTRecord) answer.get(1)).getStrings()).containsExactly("v=spf1 -all");
    }

    @Test
    void aMissingNameIsNxdomainWithTheSoa() throws IOException {
        Message reply = client.udp(DnsWireClient.query("nothing.example.com", "TXT", false));
        assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(reply.getSection(Section.AUTHORITY)).extracting(Record::getType).containsExactly(Type.SOA);
    }

    @Test
    void anExistingNameWithoutTheTypeIsNodata() throws IOException {
        Message reply = client.udp(DnsWireClient.query("mx1.example.com", "TXT", false));
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getSection(Section.ANSWER)).isEmpty();
        assertThat(reply.getSection(Section.AUTHORITY)).extracting(Record::getType).containsExactly(Type.SOA);
    }

    @Test
    void anEmptyNonTerminalIsNodataNotNxdomain() throws IOException {
        Message reply = client.udp(DnsWireClient.query("_tls.example.com", "TXT", false));
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void aNameOutsideEveryZoneIsRefused() throws IOException {
        Message reply = client.udp(DnsWireClient.query("example.org", "A", false));
        assertThat(reply.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
    }

    @Test
    void nullMxIsTheRootAsExchange() throws IOException {
        Message reply = client.udp(DnsWireClient.query("nomail.example", "MX", false));
        MXRecord mx = (MXRecord) reply.getSection(Section.ANSWER).get(0);
        assertThat(mx.getPriority()).isZero();
        assertThat(mx.getTarget()).isEqualTo(Name.root);
    }

    @Test
    void anInZoneCnameIsFollowed() throws IOException {
        Message reply = client.udp(DnsWireClient.query("alias.example.com", "A", false));
        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.CNAME, Type.A);
    }

    @Test
    void anOutOfZoneCnameIsLeftToTheClient() throws IOException {
        Message reply = client.udp(DnsWireClient.query("away.example.com", "TXT", false));
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(((CNAMERecord) r).getTarget().toString()).isEqualTo("target.example.net."));
        assertThat(reply.getSection(Section.AUTHORITY)).isEmpty();
    }

    @Test
    void aCnameLoopEndsAfterEachAliasOnce() throws IOException {
        Message reply = client.udp(DnsWireClient.query("loop1.example.com", "TXT", false));
        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.CNAME, Type.CNAME);
    }

    @Test
    void aLargeAnswerIsTruncatedOverUdpWithoutEdnsAndCompleteOverTcp() throws IOException {
        String[] strings = new String[16];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = String.valueOf((char) ('a' + i)).repeat(255);
        }
        dns.zone("example.com").txt("big.example.com", strings);

        Message udp = client.udp(DnsWireClient.query("big.example.com", "TXT", false));
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(udp.getSection(Section.ANSWER)).isEmpty();

        Message udpEdns = client.udp(DnsWireClient.query("big.example.com", "TXT", true));
        assertThat(udpEdns.getHeader().getFlag(Flags.TC)).as("4 KiB exceeds the EDNS size too").isTrue();

        Message tcp = client.tcp(DnsWireClient.query("big.example.com", "TXT", false));
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(((TXTRecord) tcp.getSection(Section.ANSWER).get(0)).getStrings()).containsExactly(strings);
        assertThat(dns.queries()).extracting(DnsRecordedQuery::transport).containsExactly(
                DnsRecordedQuery.Transport.UDP, DnsRecordedQuery.Transport.UDP, DnsRecordedQuery.Transport.TCP);
    }

    @Test
    void anAnswerBetween512BytesAndTheEdnsSizeIsWholeOverUdpWithEdns() throws IOException {
        dns.zone("example.com").txt("mid.example.com", "x".repeat(255), "y".repeat(255), "z".repeat(100));
        assertThat(client.udp(DnsWireClient.query("mid.example.com", "TXT", false)).getHeader().getFlag(Flags.TC))
                .isTrue();
        Message edns = client.udp(DnsWireClient.query("mid.example.com", "TXT", true));
        assertThat(edns.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(edns.getSection(Section.ANSWER)).hasSize(1);
        assertThat(dns.queries().get(1).dnssecOk()).isTrue();
    }

    @Test
    void servfailFault() throws IOException {
        dns.fault("example.com", DnsFault.servfail());
        assertThat(client.udp(DnsWireClient.query("example.com", "MX", false)).getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(client.tcp(DnsWireClient.query("example.com", "MX", false)).getRcode()).isEqualTo(Rcode.SERVFAIL);
    }

    @Test
    void refusedFault() throws IOException {
        dns.fault("example.com", DnsFault.refused());
        assertThat(client.udp(DnsWireClient.query("example.com", "MX", false)).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void droppedQueriesGetNoReply() {
        dns.fault("example.com", DnsFault.drop());
        assertThatThrownBy(() -> client.udpRaw(DnsWireClient.query("example.com", "MX", false), 300))
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(dns.queryCount()).isEqualTo(1);
    }

    @Test
    void delayedRepliesArriveAfterTheDelay() throws IOException {
        dns.fault("example.com", DnsFault.delay(Duration.ofMillis(300)));
        long start = System.nanoTime();
        Message reply = client.udp(DnsWireClient.query("example.com", "MX", false));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        assertThat(reply.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void truncatedFaultSetsTcOverUdpAndAnswersInFullOverTcp() throws IOException {
        dns.fault("example.com", "MX", DnsFault.truncated());
        assertThat(client.udp(DnsWireClient.query("example.com", "MX", true)).getHeader().getFlag(Flags.TC)).isTrue();
        Message tcp = client.tcp(DnsWireClient.query("example.com", "MX", true));
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(1);
        assertThat(client.udp(DnsWireClient.query("example.com", "TXT", false)).getHeader().getFlag(Flags.TC))
                .as("a fault for MX leaves TXT alone").isFalse();
    }

    @Test
    void malformedFaultSendsBytesThatDoNotParse() throws IOException {
        dns.fault("example.com", DnsFault.malformed());
        Message query = DnsWireClient.query("example.com", "MX", false);
        byte[] raw = client.udpRaw(query, 2_000);
        assertThat(((raw[0] & 0xff) << 8) | (raw[1] & 0xff)).isEqualTo(query.getHeader().getID());
        assertThatThrownBy(() -> new Message(raw)).isInstanceOf(WireParseException.class);
    }

    @Test
    void faultsCanBeCleared() throws IOException {
        dns.fault("example.com", DnsFault.servfail()).clearFault("example.com");
        assertThat(client.udp(DnsWireClient.query("example.com", "MX", false)).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void recordsChangedWhileRunningAreServedAtOnce() throws IOException {
        dns.zone("example.com").remove("_mta-sts.example.com", "TXT");
        assertThat(client.udp(DnsWireClient.query("_mta-sts.example.com", "TXT", false)).getRcode())
                .isEqualTo(Rcode.NXDOMAIN);
        dns.zone("example.com").txt("_mta-sts.example.com", "v=STSv1; id=2");
        assertThat(client.udp(DnsWireClient.query("_mta-sts.example.com", "TXT", false)).getSection(Section.ANSWER))
                .hasSize(1);
    }

    @Test
    void recordsOutsideTheZoneAreRejected() {
        assertThatThrownBy(() -> dns.zone("example.com").txt("example.org", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not within the zone");
        assertThatThrownBy(() -> dns.zone("example.com").a("a.example.com", "not-an-address"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void startsAndClosesQuickly() {
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            TestDnsServer.start().close();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void closeReturnsWhileATcpClientHoldsAConnectionOpen() throws IOException {
        try (java.net.Socket idle = new java.net.Socket()) {
            idle.connect(dns.address(), 1_000);
            long start = System.nanoTime();
            dns.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
