package dev.mtasts.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;
import org.xbill.DNS.io.IoClientFactory;
import org.xbill.DNS.io.TcpIoClient;
import org.xbill.DNS.io.UdpIoClient;

/**
 * Keeps one short TLSA record from spoiling a whole reply. dnsjava refuses a message in which any TLSA record has
 * fewer than the four bytes of RDATA a TLSA record needs (usage, selector, matching type, at least one byte of
 * data), so a server that sends one good and one truncated record would give MALFORMED, not the good record.
 *
 * <p>Before dnsjava parses a reply to a TLSA query, each such record's type is changed in the raw bytes to
 * {@link #QUARANTINED} (a private-use type, RFC 6895 §3.1), which dnsjava reads as an unknown type of any length.
 * Only the two type bytes change, so every offset and compression pointer stays valid. {@link CnameChaser} counts
 * those records as part of the TLSA answer and {@link Answers#tlsa} reports them as skipped. Replies to other
 * queries are never touched.
 */
final class ShortTlsa {

    /** The type a too-short TLSA record is given: 0xFF34, in the private-use range, "TLSA" being 52 (0x34). */
    static final int QUARANTINED = 0xFF34;

    /** The least RDATA a TLSA record needs: three one-byte fields and one byte of association data. */
    static final int MIN_RDATA = 4;

    private ShortTlsa() {
    }

    /** @return true when a record of {@code actual} type belongs to the answer to a query for {@code asked} */
    static boolean answers(int asked, int actual) {
        return actual == asked || asked == Type.TLSA && actual == QUARANTINED;
    }

    /** @return a factory whose clients quarantine short TLSA records in the replies to TLSA queries */
    static IoClientFactory around(IoClientFactory delegate) {
        return new IoClientFactory() {
            @Override
            public TcpIoClient createOrGetTcpClient() {
                TcpIoClient tcp = delegate.createOrGetTcpClient();
                return (InetSocketAddress local, InetSocketAddress remote, Message query, byte[] data,
                        Duration timeout) -> tcp.sendAndReceiveTcp(local, remote, query, data, timeout)
                        .thenApply(reply -> quarantine(query, reply));
            }

            @Override
            public UdpIoClient createOrGetUdpClient() {
                UdpIoClient udp = delegate.createOrGetUdpClient();
                return (InetSocketAddress local, InetSocketAddress remote, Message query, byte[] data, int max,
                        Duration timeout) -> udp.sendAndReceiveUdp(local, remote, query, data, max, timeout)
                        .thenApply(reply -> quarantine(query, reply));
            }
        };
    }

    private static byte[] quarantine(Message query, byte[] reply) {
        return query.getQuestion() != null && query.getQuestion().getType() == Type.TLSA ? quarantine(reply) : reply;
    }

    /**
     * @param wire a DNS message as received
     * @return the message with the type of every TLSA record shorter than {@link #MIN_RDATA} changed to
     *         {@link #QUARANTINED}: the same array when there is none, and also when the message cannot be walked
     *         (dnsjava then says why it does not parse). Never throws.
     */
    static byte[] quarantine(byte[] wire) {
        if (wire == null || wire.length < 12) {
            return wire;
        }
        byte[] out = null;
        int questions = u16(wire, 4);
        int records = u16(wire, 6) + u16(wire, 8) + u16(wire, 10);
        int pos = 12;
        for (int i = 0; i < questions; i++) {
            pos = skipName(wire, pos);
            if (pos < 0 || pos + 4 > wire.length) {
                return wire;
            }
            pos += 4;
        }
        for (int i = 0; i < records; i++) {
            pos = skipName(wire, pos);
            if (pos < 0 || pos + 10 > wire.length) {
                return wire;
            }
            int type = u16(wire, pos);
            int length = u16(wire, pos + 8);
            if (type == Type.TLSA && length < MIN_RDATA) {
                if (out == null) {
                    out = wire.clone();
                }
                out[pos] = (byte) (QUARANTINED >>> 8);
                out[pos + 1] = (byte) QUARANTINED;
            }
            pos += 10 + length;
            if (pos > wire.length) {
                return wire;
            }
        }
        return out == null ? wire : out;
    }

    /** @return the offset after the name at {@code pos}, or -1 when it runs past the end or has a bad label */
    private static int skipName(byte[] wire, int pos) {
        while (pos < wire.length) {
            int len = wire[pos] & 0xFF;
            if (len == 0) {
                return pos + 1;
            }
            if ((len & 0xC0) == 0xC0) {
                return pos + 2 <= wire.length ? pos + 2 : -1;
            }
            if ((len & 0xC0) != 0) {
                return -1; // the extended label types of RFC 6891 §6.2 are obsolete; dnsjava refuses them too
            }
            pos += 1 + len;
        }
        return -1;
    }

    private static int u16(byte[] wire, int pos) {
        return (wire[pos] & 0xFF) << 8 | wire[pos + 1] & 0xFF;
    }
}
