package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/** Whatever bytes arrive, the server keeps answering real queries. */
class TestDnsServerRobustnessTest {

    private static TestDnsServer dns;

    @BeforeContainer
    static void start() {
        dns = TestDnsServer.start();
        dns.zone("example.com").txt("example.com", "ok");
    }

    @AfterContainer
    static void stop() {
        dns.close();
    }

    @Property(tries = 200)
    void garbageOverUdpNeverStopsTheServer(@ForAll @Size(max = 600) byte[] junk) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(dns.address().getAddress(), 0))) {
            socket.send(new DatagramPacket(junk, junk.length, dns.address()));
        }
        Message reply = new DnsWireClient(dns.address()).udp(DnsWireClient.query("example.com", "TXT", false));
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    }
}
