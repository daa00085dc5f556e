package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/** The hostile faults of {@link TestDnsServer}, seen on the wire by a bare client. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TestDnsServerHostileFaultsTest {

    private TestDnsServer dns;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
        dns.zone("example.com").txt("a.example.com", "real").txt("b.example.com", "other");
        dns.zone("example.net").txt("evil.example.net", "evil");
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void wrongIdRepliesCarryAnotherTransactionId() throws Exception {
        dns.fault("a.example.com", DnsFault.wrongId());
        Message q = DnsWireClient.query("a.example.com", "TXT", true);
        Message reply = new DnsWireClient(dns.address()).udp(q);
        assertThat(reply.getHeader().getID()).isNotEqualTo(q.getHeader().getID());
        assertThat(reply.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void spoofedFirstSendsTheForgeriesThenTheRealAnswer() throws Exception {
        dns.fault("a.example.com", DnsFault.spoofedFirst(3));
        Message q = DnsWireClient.query("a.example.com", "TXT", true);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(dns.address().getAddress(), 0))) {
            socket.setSoTimeout(2_000);
            byte[] out = q.toWire();
            socket.send(new DatagramPacket(out, out.length, dns.address()));
            for (int i = 0; i < 4; i++) {
                byte[] buffer = new byte[2048];
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                socket.receive(p);
                Message m = new Message(Arrays.copyOf(p.getData(), p.getLength()));
                if (i < 3) {
                    assertThat(m.getHeader().getID()).isNotEqualTo(q.getHeader().getID());
                    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
                } else {
                    assertThat(m.getHeader().getID()).isEqualTo(q.getHeader().getID());
                    assertThat(m.getSection(Section.ANSWER)).hasSize(1);
                }
            }
        }
    }

    @Test
    void answerForRepliesAboutTheOtherQuestion() throws Exception {
        dns.fault("a.example.com", DnsFault.answerFor("b.example.com"));
        Message q = DnsWireClient.query("a.example.com", "TXT", true);
        Message reply = new DnsWireClient(dns.address()).udp(q);
        assertThat(reply.getHeader().getID()).isEqualTo(q.getHeader().getID());
        assertThat(reply.getQuestion().getName().toString()).isEqualTo("b.example.com.");
        assertThat(((TXTRecord) reply.getSection(Section.ANSWER).get(0)).getStrings()).containsExactly("other");
    }

    @Test
    void foreignRecordsAnswerTheQuestionWithTheOtherNamesRecords() throws Exception {
        dns.fault("a.example.com", DnsFault.foreignRecords("evil.example.net"));
        Message q = DnsWireClient.query("a.example.com", "TXT", true);
        Message reply = new DnsWireClient(dns.address()).tcp(q);
        assertThat(reply.getQuestion().getName().toString()).isEqualTo("a.example.com.");
        assertThat(reply.getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(r.getName().toString()).isEqualTo("evil.example.net."));
    }

    @Test
    void silentTcpTruncatesOverUdpAndStallsTheWholeTcpConnection() throws Exception {
        dns.fault("a.example.com", DnsFault.silentTcp());
        Message udp = new DnsWireClient(dns.address()).udp(DnsWireClient.query("a.example.com", "TXT", true));
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        try (Socket socket = new Socket()) {
            socket.connect(dns.address(), 2_000);
            socket.setSoTimeout(700);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            for (String name : new String[] {"a.example.com", "b.example.com"}) {
                byte[] wire = DnsWireClient.query(name, "TXT", true).toWire();
                out.writeShort(wire.length);
                out.write(wire);
            }
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThatThrownBy(in::readUnsignedShort).as("not even b.example.com is answered")
                    .isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(new DnsWireClient(dns.address()).tcp(DnsWireClient.query("b.example.com", "TXT", true))
                .getSection(Section.ANSWER)).as("a new connection is served").hasSize(1);
    }

    @Test
    void faultsCheckTheirComponents() {
        assertThatThrownBy(() -> DnsFault.spoofedFirst(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsFault.spoofedFirst(DnsFault.MAX_SPOOFED + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsFault.answerFor("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DnsFault(DnsFault.Kind.DROP, Duration.ZERO, 2, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DnsFault(DnsFault.Kind.DROP, Duration.ZERO, 0, "x.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DnsFault.drop()).isEqualTo(new DnsFault(DnsFault.Kind.DROP, Duration.ZERO));
    }
}
