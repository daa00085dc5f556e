package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.Type;

/** TLSA records and per-name DNSSEC marks of the test DNS server, read back over real loopback sockets. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TestDnsServerDaneTest {

    private static final String TLSA_NAME = "_25._tcp.mx1.example.com";
    private static final String CURRENT = "0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";
    private static final String NEXT = "1d83bd81c856bd2aaa9922c242e773dabd7aecece8dc34f6c625c67775d6e4e7";

    private TestDnsServer dns;
    private DnsWireClient client;
    private DnsZone zone;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
        client = new DnsWireClient(dns.address());
        zone = dns.zone("example.com")
                .a("mx1.example.com", "192.0.2.25")
                .tlsa(TLSA_NAME, "3 1 1 " + CURRENT, "3 1 1 " + NEXT);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private Message ask(String name, String type) throws IOException {
        return client.udp(DnsWireClient.query(name, type, true));
    }

    private static boolean ad(Message reply) {
        return reply.getHeader().getFlag(Flags.AD);
    }

    @Test
    void tlsaRecordsAreServedWithEveryFieldAndInOrder() throws IOException {
        Message reply = ask(TLSA_NAME, "TLSA");
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        List<Record> answer = reply.getSection(Section.ANSWER);
        assertThat(answer).hasSize(2).allSatisfy(r -> assertThat(r.getType()).isEqualTo(Type.TLSA));
        TLSARecord first = (TLSARecord) answer.get(0);
        assertThat(first.getCertificateUsage()).isEqualTo(3);
        assertThat(first.getSelector()).isEqualTo(1);
        assertThat(first.getMatchingType()).isEqualTo(1);
        assertThat(HexFormat.of().formatHex(first.getCertificateAssociationData())).isEqualTo(CURRENT);
        assertThat(HexFormat.of().formatHex(((TLSARecord) answer.get(1)).getCertificateAssociationData()))
                .isEqualTo(NEXT);
        assertThat(first.getTTL()).isEqualTo(300);
    }

    @Test
    void hexSplitBySpacesAndUpperCaseIsOneRecord() throws IOException {
        zone.tlsa("_25._tcp.mx2.example.com", "2 0 2 " + CURRENT.toUpperCase() + " " + NEXT);
        TLSARecord r = (TLSARecord) ask("_25._tcp.mx2.example.com", "TLSA").getSection(Section.ANSWER).get(0);
        assertThat(r.getCertificateUsage()).isEqualTo(2);
        assertThat(r.getSelector()).isEqualTo(0);
        assertThat(r.getMatchingType()).isEqualTo(2);
        assertThat(HexFormat.of().formatHex(r.getCertificateAssociationData())).isEqualTo(CURRENT + NEXT);
    }

    @Test
    void aDigestOfTheWrongLengthIsServedAsGivenForTestsOfBrokenRecords() throws IOException {
        zone.tlsa("_25._tcp.mx2.example.com", "3 1 1 abcd");
        TLSARecord r = (TLSARecord) ask("_25._tcp.mx2.example.com", "TLSA").getSection(Section.ANSWER).get(0);
        assertThat(r.getCertificateAssociationData()).hasSize(2);
    }

    @Test
    void addingTheSameRecordTwiceKeepsOne() throws IOException {
        zone.tlsa(TLSA_NAME, "3 1 1 " + CURRENT);
        assertThat(ask(TLSA_NAME, "TLSA").getSection(Section.ANSWER)).hasSize(2);
    }

    @Test
    void recordsThatAreNotTlsaPresentationFormAreRefused() {
        assertThatThrownBy(() -> zone.tlsa(TLSA_NAME)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one record");
        assertThatThrownBy(() -> zone.tlsa(TLSA_NAME, "3 1 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> zone.tlsa(TLSA_NAME, "3 1 1 xyz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> zone.tlsa(TLSA_NAME, "256 1 1 " + CURRENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> zone.tlsa("_25._tcp.mx1.example.org", "3 1 1 " + CURRENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not within the zone");
    }

    @Test
    void aRefusedRecordLeavesTheOthersOfTheCallUnpublished() throws IOException {
        assertThatThrownBy(() -> zone.tlsa("_25._tcp.mx2.example.com", "3 1 1 " + CURRENT, "bad"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ask("_25._tcp.mx2.example.com", "TLSA").getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void answersAreNotAuthenticatedUntilTheNameIsSigned() throws IOException {
        assertThat(ad(ask(TLSA_NAME, "TLSA"))).isFalse();
        zone.signed(TLSA_NAME);
        assertThat(ad(ask(TLSA_NAME, "TLSA"))).isTrue();
        assertThat(ad(ask(TLSA_NAME, "TXT"))).as("NODATA for a signed name, any type").isTrue();
        assertThat(ad(ask("mx1.example.com", "A"))).as("another name of the zone").isFalse();
    }

    @Test
    void unsignedTakesTheMarkOffAndKeepsTheRecords() throws IOException {
        zone.signed(TLSA_NAME).unsigned(TLSA_NAME);
        Message reply = ask(TLSA_NAME, "TLSA");
        assertThat(ad(reply)).isFalse();
        assertThat(reply.getSection(Section.ANSWER)).hasSize(2);
        zone.unsigned("_25._tcp.never-signed.example.com"); // no mark: nothing to do
    }

    @Test
    void aSignedNameWithoutRecordsGivesAnAuthenticatedNxdomain() throws IOException {
        zone.signed("_25._tcp.mx9.example.com");
        Message reply = ask("_25._tcp.mx9.example.com", "TLSA");
        assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(ad(reply)).isTrue();
        assertThat(ad(ask("_25._tcp.mx8.example.com", "TLSA"))).isFalse();
    }

    @Test
    void aCnameChainIsAuthenticatedOnlyWhenEveryNameOfItIsSigned() throws IOException {
        zone.cname("_25._tcp.mx2.example.com", "tlsa.example.com").tlsa("tlsa.example.com", "3 1 1 " + CURRENT);
        zone.signed("tlsa.example.com");
        Message reply = ask("_25._tcp.mx2.example.com", "TLSA");
        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.CNAME, Type.TLSA);
        assertThat(ad(reply)).as("the alias is not signed").isFalse();
        zone.signed("_25._tcp.mx2.example.com");
        assertThat(ad(ask("_25._tcp.mx2.example.com", "TLSA"))).isTrue();
    }

    @Test
    void removeTakesTheTlsaRecordsAndTheMark() throws IOException {
        zone.signed(TLSA_NAME).remove(TLSA_NAME);
        Message reply = ask(TLSA_NAME, "TLSA");
        assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(ad(reply)).as("the mark went with the name").isFalse();
    }

    @Test
    void removingTheTlsaTypeKeepsTheMark() throws IOException {
        zone.txt(TLSA_NAME, "kept").signed(TLSA_NAME).remove(TLSA_NAME, "TLSA");
        Message reply = ask(TLSA_NAME, "TLSA");
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getSection(Section.ANSWER)).isEmpty();
        assertThat(ad(reply)).isTrue();
    }

    @Test
    void clearTakesEveryRecordAndEveryMark() throws IOException {
        zone.signed(TLSA_NAME).signed("mx1.example.com").clear();
        assertThat(ask(TLSA_NAME, "TLSA").getRcode()).isEqualTo(Rcode.NXDOMAIN);
        zone.tlsa(TLSA_NAME, "3 1 1 " + CURRENT);
        assertThat(ad(ask(TLSA_NAME, "TLSA"))).as("re-added after clear(): unsigned").isFalse();
    }

    @Test
    void theServerWideFlagStillAuthenticatesEveryAnswer() throws IOException {
        dns.authenticData(true);
        assertThat(ad(ask(TLSA_NAME, "TLSA"))).isTrue();
        assertThat(ad(ask("mx1.example.com", "A"))).isTrue();
        assertThat(ad(ask("nothing.example.com", "A"))).isTrue();
        assertThat(ad(ask("example.org", "A"))).as("REFUSED: no zone").isFalse();
        dns.authenticData(false);
        assertThat(ad(ask(TLSA_NAME, "TLSA"))).isFalse();
    }

    @Test
    void resetForgetsTheMarksWithTheZones() throws IOException {
        zone.signed(TLSA_NAME);
        dns.reset();
        dns.zone("example.com").tlsa(TLSA_NAME, "3 1 1 " + CURRENT);
        assertThat(ad(ask(TLSA_NAME, "TLSA"))).isFalse();
    }

    @Test
    void failuresAreNeverAuthenticated() throws IOException {
        zone.signed(TLSA_NAME);
        dns.fault(TLSA_NAME, DnsFault.servfail());
        Message reply = ask(TLSA_NAME, "TLSA");
        assertThat(reply.getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(ad(reply)).isFalse();
    }

    @Test
    void aTruncatedReplyKeepsTheFlagAndTcpGivesTheRecords() throws IOException {
        zone.signed(TLSA_NAME);
        dns.fault(TLSA_NAME, DnsFault.truncated());
        Message udp = ask(TLSA_NAME, "TLSA");
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(ad(udp)).isTrue();
        Message tcp = client.tcp(DnsWireClient.query(TLSA_NAME, "TLSA", true));
        assertThat(ad(tcp)).isTrue();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(2);
    }
}
