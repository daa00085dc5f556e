package dev.mtasts.dns;

import static dev.mtasts.dns.DnsjavaResolverTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.DnsRecordedQuery;
import dev.mtasts.testkit.DnsRecordedQuery.Transport;
import dev.mtasts.testkit.TestDnsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/**
 * Hostile and broken name servers through real loopback sockets: forged transaction IDs (RFC 5452), replies about
 * another question or full of other names' records, TCP connections that go silent, and the bounds on what one
 * exchange reads.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileRepliesTest {

    private static final String BIG = "big.example.com";

    private TestDnsServer dns;

    @BeforeEach
    void start() {
        dns = TestDnsServer.start();
        dns.zone("example.com")
                .txt("_mta-sts.example.com", "v=STSv1; id=20260101")
                .txt("other.example.com", "v=STSv1; id=other")
                .txt("_smtp._tls.example.com", "v=TLSRPTv1; rua=mailto:tls@example.com")
                .txt(BIG, bigStrings());
        dns.zone("example.net").txt("evil.example.net", "v=STSv1; id=evil");
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private DnsjavaResolver resolver(Duration timeout, int retries) {
        return DnsjavaResolver.builder().nameserver(dns.host(), dns.port()).timeout(timeout).retries(retries)
                .deadline(Duration.ofSeconds(5)).build();
    }

    /** @return 8 strings of 255 bytes: 2 KiB, more than one UDP reply holds, so the look-up needs TCP */
    private static String[] bigStrings() {
        String[] strings = new String[8];
        Arrays.fill(strings, "x".repeat(255));
        return strings;
    }

    private static DomainName name(String name) {
        return DomainName.of(name);
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    // ---- RFC 5452: wrong transaction IDs are discarded, the wait goes on ----

    @Test
    void forgedRepliesAheadOfTheRealOneAreDiscardedAndTheAnswerIsFound() {
        dns.fault("_mta-sts.example.com", DnsFault.spoofedFirst(5));

        TxtAnswer answer = await(resolver(Duration.ofSeconds(1), 0).txt(name("_mta-sts.example.com")));

        assertThat(answer.outcome()).as("the forged replies say NXDOMAIN").isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.joined()).containsExactly("v=STSv1; id=20260101");
        assertThat(dns.queryCount()).as("one query: no attempt was spoiled").isEqualTo(1);
    }

    @Test
    void forgedTcpMessagesAheadOfTheRealOneAreDiscardedToo() {
        dns.fault(BIG, DnsFault.spoofedFirst(DnsSockets.MAX_TCP_DISCARDS));

        TxtAnswer answer = await(resolver(Duration.ofSeconds(1), 0).txt(name(BIG)));

        assertThat(answer.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(answer.records()).singleElement().satisfies(r -> assertThat(r.joined()).hasSize(8 * 255));
        assertThat(dns.queries()).extracting(DnsRecordedQuery::transport).containsExactly(Transport.UDP, Transport.TCP);
    }

    @Test
    void onlyForgedRepliesIsATimeoutThatSaysWhatWasDiscarded() {
        dns.fault("_mta-sts.example.com", DnsFault.wrongId());
        long start = System.nanoTime();

        TxtAnswer answer = await(resolver(Duration.ofMillis(400), 1).txt(name("_mta-sts.example.com")));

        assertThat(answer.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d)
                .contains("no reply from " + dns.host() + ":" + dns.port() + " over udp within")
                .contains("discarded 1 reply with another transaction ID or question (RFC 5452 §9.1)"));
        assertThat(dns.queryCount()).as("each attempt waited its whole time-out").isEqualTo(2);
        assertThat(millisSince(start)).isBetween(750L, 2_000L);
    }

    @Test
    void aReplyAboutAnotherQuestionIsDiscardedLikeAForgery() {
        dns.fault("_mta-sts.example.com", DnsFault.answerFor("other.example.com"));

        TxtAnswer answer = await(resolver(Duration.ofMillis(300), 0).txt(name("_mta-sts.example.com")));

        assertThat(answer.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
        assertThat(answer.records()).isEmpty();
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d).contains("discarded 1 reply"));
    }

    @Test
    void aReplyOfOtherNamesRecordsOnlyIsMalformedNamingThem() {
        dns.fault("_mta-sts.example.com", DnsFault.foreignRecords("evil.example.net"));

        TxtAnswer answer = await(resolver(Duration.ofMillis(500), 0).txt(name("_mta-sts.example.com")));

        assertThat(answer.outcome()).as("neither FOUND nor NODATA").isEqualTo(DnsOutcome.MALFORMED);
        assertThat(answer.records()).isEmpty();
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d)
                .contains("only records of other names (evil.example.net TXT)"));
    }

    @Test
    void tcpReadsABoundedNumberOfMessagesThatDoNotAnswer() {
        dns.fault(BIG, DnsFault.spoofedFirst(50));
        long start = System.nanoTime();

        TxtAnswer answer = await(resolver(Duration.ofSeconds(2), 0).txt(name(BIG)));

        assertThat(answer.outcome()).isEqualTo(DnsOutcome.MALFORMED);
        assertThat(answer.result().detail()).hasValueSatisfying(d -> assertThat(d)
                .contains("sent " + (DnsSockets.MAX_TCP_DISCARDS + 1) + " TCP messages that do not answer the query"));
        assertThat(millisSince(start)).as("failed at once, not at the time-out").isLessThan(1_500L);
    }

    @Test
    void aForgedReplyFromTheServersOwnAddressIsSkippedAndAShortGenuineOneIsMalformed() {
        try (CannedDnsServer canned = new CannedDnsServer(q -> {
            byte[] id = {(byte) (q.getHeader().getID() >>> 8), (byte) q.getHeader().getID(), 0x00};
            return id; // our ID, 3 bytes: ours, and garbled
        })) {
            DnsjavaResolver r = DnsjavaResolver.builder().nameserver("127.0.0.1", canned.port())
                    .timeout(Duration.ofMillis(500)).retries(0).build();
            TxtAnswer answer = await(r.txt(name("_mta-sts.example.com")));
            assertThat(answer.outcome()).isEqualTo(DnsOutcome.MALFORMED);
        }
    }

    // ---- defect 5: one silent TCP connection must not hold up later TCP look-ups ----

    @Test
    void aTcpConnectionThatGoesSilentDoesNotStallLaterTcpLookups() {
        dns.fault("_mta-sts.example.com", DnsFault.silentTcp());
        dns.fault(BIG, DnsFault.truncated());
        DnsjavaResolver resolver = resolver(Duration.ofMillis(500), 0);

        TxtAnswer silent = await(resolver.txt(name("_mta-sts.example.com")));
        long start = System.nanoTime();
        TxtAnswer later = await(resolver.txt(name(BIG)));
        TxtAnswer again = await(resolver(Duration.ofMillis(500), 0).txt(name(BIG)));

        assertThat(silent.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
        assertThat(silent.result().detail()).hasValueSatisfying(d -> assertThat(d).contains("over tcp"));
        assertThat(later.outcome()).as(later.result().detail().orElse("")).isEqualTo(DnsOutcome.FOUND);
        assertThat(again.outcome()).isEqualTo(DnsOutcome.FOUND);
        assertThat(millisSince(start)).isLessThan(500L);
    }

    @Test
    void manyTcpLookupsBesideASilentConnectionAllSucceed() {
        dns.fault("_mta-sts.example.com", DnsFault.silentTcp());
        dns.fault("_smtp._tls.example.com", DnsFault.truncated());
        DnsjavaResolver resolver = resolver(Duration.ofMillis(800), 0);
        CompletableFuture<TxtAnswer> silent = resolver.txt(name("_mta-sts.example.com")).toCompletableFuture();

        CompletableFuture<?>[] others = new CompletableFuture<?>[20];
        for (int i = 0; i < others.length; i++) {
            others[i] = resolver.txt(name(i % 2 == 0 ? BIG : "_smtp._tls.example.com")).toCompletableFuture();
        }

        for (CompletableFuture<?> f : others) {
            TxtAnswer a = (TxtAnswer) f.orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(a.outcome()).as(a.result().detail().orElse("")).isEqualTo(DnsOutcome.FOUND);
        }
        assertThat(silent.orTimeout(10, TimeUnit.SECONDS).join().outcome()).isEqualTo(DnsOutcome.TIMEOUT);
    }

    @Test
    void theTcpConnectionOfATimedOutQueryIsClosedByTheResolver() throws Exception {
        try (SilentTcpServer server = new SilentTcpServer()) {
            DnsjavaResolver r = DnsjavaResolver.builder().nameserver("127.0.0.1", server.port())
                    .timeout(Duration.ofMillis(300)).retries(0).build();
            long start = System.nanoTime();

            TxtAnswer answer = await(r.txt(name("_mta-sts.example.com")));

            assertThat(answer.outcome()).isEqualTo(DnsOutcome.TIMEOUT);
            assertThat(server.endOfStream(Duration.ofSeconds(3))).as("the resolver closed its end").isTrue();
            assertThat(millisSince(start)).isLessThan(1_500L);
        }
    }

    @Test
    void theIoThreadEndsWhenNoQueryIsInFlight() throws Exception {
        assertThat(await(resolver(Duration.ofSeconds(1), 0).txt(name("_mta-sts.example.com"))).outcome())
                .isEqualTo(DnsOutcome.FOUND);
        long deadline = System.nanoTime() + DnsSockets.IDLE.plusSeconds(3).toNanos();
        while (ioThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ioThreadAlive()).isFalse();
        assertThat(await(resolver(Duration.ofSeconds(1), 0).txt(name("_mta-sts.example.com"))).outcome())
                .as("and starts again on the next query").isEqualTo(DnsOutcome.FOUND);
    }

    private static boolean ioThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("mta-sts-dns-io"));
    }

    /** UDP answers TC to every query; TCP accepts, reads, and never answers; on one loopback port. */
    private static final class SilentTcpServer implements AutoCloseable {
        private final DatagramSocket udp;
        private final ServerSocket tcp;
        private final CompletableFuture<Boolean> eof = new CompletableFuture<>();

        SilentTcpServer() throws IOException {
            InetAddress lo = InetAddress.getLoopbackAddress();
            udp = new DatagramSocket(new InetSocketAddress(lo, 0));
            tcp = new ServerSocket();
            tcp.bind(new InetSocketAddress(lo, udp.getLocalPort()));
            Thread u = new Thread(this::serveUdp, "silent-udp");
            u.setDaemon(true);
            u.start();
            Thread t = new Thread(this::serveTcp, "silent-tcp");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return udp.getLocalPort();
        }

        private void serveUdp() {
            byte[] buffer = new byte[2048];
            while (!udp.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                    udp.receive(p);
                    Message q = new Message(Arrays.copyOf(p.getData(), p.getLength()));
                    Message reply = new Message(q.getHeader().getID());
                    reply.getHeader().setFlag(Flags.QR);
                    reply.getHeader().setFlag(Flags.TC);
                    reply.addRecord(q.getQuestion(), Section.QUESTION);
                    byte[] out = reply.toWire();
                    udp.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private void serveTcp() {
            try (Socket s = tcp.accept()) {
                InputStream in = s.getInputStream();
                byte[] buffer = new byte[1024];
                while (in.read(buffer) >= 0) {
                    // read the query and stay silent
                }
                eof.complete(true);
            } catch (IOException e) {
                eof.complete(true); // reset by the peer: closed too
            }
        }

        boolean endOfStream(Duration within) {
            try {
                return eof.get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            udp.close();
            tcp.close();
        }
    }
}
