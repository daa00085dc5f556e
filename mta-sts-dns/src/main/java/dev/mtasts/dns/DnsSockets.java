package dev.mtasts.dns;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Message;
import org.xbill.DNS.WireParseException;
import org.xbill.DNS.io.IoClientFactory;
import org.xbill.DNS.io.TcpIoClient;
import org.xbill.DNS.io.UdpIoClient;

/**
 * The sockets under dnsjava's {@code SimpleResolver}, in place of dnsjava's own NIO clients, for two guarantees
 * those do not give (dnsjava 3.6.4):
 *
 * <ul>
 *   <li><b>A reply that does not match the query is discarded, and the wait goes on</b> (RFC 5452 §9.1): a reply
 *       with another transaction ID, or whose question is readable and not the one asked, is dropped and counted;
 *       the exchange still ends at the first matching reply or at its time-out. dnsjava takes the first datagram
 *       and fails the attempt on a wrong ID, so a blind spoofer who knows the source port can make every attempt
 *       fail. A reply with the right ID whose question cannot be read is passed on: it is ours and malformed.</li>
 *   <li><b>One TCP connection per query</b>, closed when the exchange ends, by a reply, a time-out or an error.
 *       dnsjava keeps one shared connection per server and keeps it after a time-out, so one server that goes
 *       silent on TCP makes every later TCP query to it time out until the server closes the connection.</li>
 * </ul>
 *
 * <p>Each UDP query has a socket of its own, on a random port of the ephemeral range (RFC 5452 §10) and connected
 * to the server, so the kernel drops datagrams from any other address. Over TCP at most
 * {@link #MAX_TCP_DISCARDS} non-matching messages are read before the attempt fails as malformed, which bounds
 * what one attempt reads to {@code (MAX_TCP_DISCARDS + 1) * 65,537} bytes; over UDP a reply is read into a
 * 65,535-byte buffer and the wait is bounded by the time-out.
 *
 * <p>One daemon thread, {@code mta-sts-dns-io}, runs a selector for every socket; it is started on the first query
 * and ends after {@link #IDLE} without any, so an idle process holds no thread of this class. Thread-safe.
 */
final class DnsSockets implements IoClientFactory {

    /** The instance every resolver of this module uses. */
    static final DnsSockets SHARED = new DnsSockets();

    /** The most TCP messages that do not match the query read before the attempt fails. */
    static final int MAX_TCP_DISCARDS = 4;

    /** How long the I/O thread outlives the last socket. */
    static final Duration IDLE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(DnsjavaResolver.class);
    private static final int EPHEMERAL_START = 32_768;
    private static final int EPHEMERAL_END = 60_999;
    private static final int BIND_TRIES = 16;

    private final Object lock = new Object();
    private final Queue<Pending> registrations = new ConcurrentLinkedQueue<>();
    private final SecureRandom random = new SecureRandom();
    private Selector selector; // guarded by lock; null while no thread runs
    private final ByteBuffer datagram = ByteBuffer.allocate(65_535); // used by the I/O thread only

    private DnsSockets() {
    }

    @Override
    public TcpIoClient createOrGetTcpClient() {
        return this::tcp;
    }

    @Override
    public UdpIoClient createOrGetUdpClient() {
        return this::udp;
    }

    CompletableFuture<byte[]> udp(InetSocketAddress local, InetSocketAddress remote, Message query, byte[] data,
            int max, Duration timeout) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open();
            channel.configureBlocking(false);
            bindRandomPort(channel, local);
            channel.connect(remote);
            submit(new Udp(channel, data, deadline(timeout), f, remote));
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            f.completeExceptionally(e);
        }
        return f;
    }

    CompletableFuture<byte[]> tcp(InetSocketAddress local, InetSocketAddress remote, Message query, byte[] data,
            Duration timeout) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (local != null) {
                channel.bind(local);
            }
            boolean connected = channel.connect(remote);
            submit(new Tcp(channel, data, deadline(timeout), f, remote, connected));
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            f.completeExceptionally(e);
        }
        return f;
    }

    private static long deadline(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    private void bindRandomPort(DatagramChannel channel, InetSocketAddress local) throws IOException {
        if (local != null && local.getPort() != 0) {
            channel.bind(local);
            return;
        }
        for (int i = 0; i < BIND_TRIES; i++) {
            int port = EPHEMERAL_START + random.nextInt(EPHEMERAL_END - EPHEMERAL_START + 1);
            try {
                channel.bind(local == null ? new InetSocketAddress(port) : new InetSocketAddress(local.getAddress(),
                        port));
                return;
            } catch (SocketException e) {
                // taken: try another
            }
        }
        channel.bind(local); // the system's choice
    }

    private void submit(Pending exchange) throws IOException {
        exchange.future.whenComplete((bytes, error) -> closeQuietly(exchange.channel));
        synchronized (lock) {
            registrations.add(exchange);
            if (selector == null) {
                Selector s = Selector.open();
                selector = s;
                Thread t = new Thread(() -> run(s), "mta-sts-dns-io");
                t.setDaemon(true);
                t.start();
            } else {
                selector.wakeup();
            }
        }
    }

    private void run(Selector s) {
        long idleSince = System.nanoTime();
        try {
            while (true) {
                for (Pending e = registrations.poll(); e != null; e = registrations.poll()) {
                    e.register(s);
                }
                long now = System.nanoTime();
                long next = now + IDLE.toNanos();
                boolean busy = false;
                for (SelectionKey key : s.keys()) {
                    Pending e = (Pending) key.attachment();
                    if (!key.isValid() || e.future.isDone()) {
                        continue;
                    }
                    busy = true;
                    if (e.deadline - now <= 0) {
                        e.expire();
                    } else if (e.deadline - next < 0) {
                        next = e.deadline;
                    }
                }
                if (busy) {
                    idleSince = now;
                } else if (now - idleSince >= IDLE.toNanos()) {
                    synchronized (lock) {
                        if (registrations.isEmpty()) {
                            selector = null;
                            s.close();
                            return;
                        }
                    }
                }
                s.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - now)));
                for (Iterator<SelectionKey> it = s.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    Pending e = (Pending) key.attachment();
                    try {
                        if (key.isValid() && !e.future.isDone()) {
                            e.ready(key);
                        }
                    } catch (IOException | RuntimeException error) {
                        e.future.completeExceptionally(error);
                    }
                }
            }
        } catch (IOException | RuntimeException | Error fatal) {
            LOG.warn("DNS I/O thread failed; its queries fail and the next query starts a new thread", fatal);
            synchronized (lock) {
                if (selector == s) {
                    selector = null;
                }
            }
            for (SelectionKey key : s.keys()) {
                ((Pending) key.attachment()).future.completeExceptionally(fatal);
            }
            for (Pending e = registrations.poll(); e != null; e = registrations.poll()) {
                e.future.completeExceptionally(fatal);
            }
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    private static void closeQuietly(SelectableChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing a DNS socket: {}", e.toString());
            }
        }
    }

    /** A time-out, with the count of the replies that came and were discarded as not matching the query. */
    static final class ReplyTimeout extends SocketTimeoutException {

        private static final long serialVersionUID = 1L;

        private final int discarded;

        ReplyTimeout(int discarded) {
            super(discarded == 0 ? "no reply" : "no matching reply; " + note(discarded));
            this.discarded = discarded;
        }

        int discarded() {
            return discarded;
        }

        static String note(int discarded) {
            return "discarded " + discarded + " repl" + (discarded == 1 ? "y" : "ies")
                    + " with another transaction ID or question (RFC 5452 §9.1)";
        }
    }

    /** One query on its own socket, until a matching reply, its deadline or an error. */
    private abstract class Pending {
        final SelectableChannel channel;
        final byte[] query;
        final long deadline;
        final CompletableFuture<byte[]> future;
        final InetSocketAddress server;
        int discarded;

        Pending(SelectableChannel channel, byte[] query, long deadline, CompletableFuture<byte[]> future,
                InetSocketAddress server) {
            this.channel = channel;
            this.query = query;
            this.deadline = deadline;
            this.future = future;
            this.server = server;
        }

        abstract void register(Selector s);

        abstract void ready(SelectionKey key) throws IOException;

        void expire() {
            future.completeExceptionally(new ReplyTimeout(discarded));
        }

        /** @return true when the reply was taken, false when it was discarded */
        boolean offer(byte[] reply) {
            if (ReplyMatch.matches(query, reply)) {
                future.complete(reply);
                return true;
            }
            discarded++;
            LOG.debug("DNS reply from {} discarded: {} (id {} asked)", server, ReplyMatch.why(query, reply),
                    ReplyMatch.id(query));
            return false;
        }
    }

    private final class Udp extends Pending {

        Udp(DatagramChannel channel, byte[] query, long deadline, CompletableFuture<byte[]> future,
                InetSocketAddress server) {
            super(channel, query, deadline, future, server);
        }

        @Override
        void register(Selector s) {
            try {
                channel.register(s, SelectionKey.OP_READ, this);
                int sent = ((DatagramChannel) channel).write(ByteBuffer.wrap(query));
                if (sent < query.length) {
                    throw new EOFException("the query could not be sent: the socket's buffer is full");
                }
            } catch (IOException | RuntimeException e) {
                future.completeExceptionally(e);
            }
        }

        @Override
        void ready(SelectionKey key) throws IOException {
            DatagramChannel udp = (DatagramChannel) channel;
            while (!future.isDone()) {
                datagram.clear();
                int read = udp.read(datagram);
                if (read <= 0) {
                    return;
                }
                byte[] reply = new byte[read];
                datagram.flip();
                datagram.get(reply);
                offer(reply);
            }
        }
    }

    private final class Tcp extends Pending {
        private final boolean connected;
        private final ByteBuffer out;
        private final ByteBuffer length = ByteBuffer.allocate(2);
        private ByteBuffer message;

        Tcp(SocketChannel channel, byte[] query, long deadline, CompletableFuture<byte[]> future,
                InetSocketAddress server, boolean connected) {
            super(channel, query, deadline, future, server);
            this.connected = connected;
            this.out = ByteBuffer.allocate(query.length + 2);
            out.put((byte) (query.length >>> 8)).put((byte) query.length).put(query).flip();
        }

        @Override
        void register(Selector s) {
            try {
                channel.register(s, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, this);
            } catch (IOException | RuntimeException e) {
                future.completeExceptionally(e);
            }
        }

        @Override
        void ready(SelectionKey key) throws IOException {
            SocketChannel tcp = (SocketChannel) channel;
            if (key.isConnectable()) {
                tcp.finishConnect();
                key.interestOps(SelectionKey.OP_WRITE);
                return;
            }
            if (key.isWritable()) {
                tcp.write(out);
                if (!out.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
                return;
            }
            if (key.isReadable()) {
                read(tcp);
            }
        }

        private void read(SocketChannel tcp) throws IOException {
            if (message == null) {
                if (tcp.read(length) < 0) {
                    throw eof();
                }
                if (length.hasRemaining()) {
                    return;
                }
                message = ByteBuffer.allocate((length.get(0) & 0xFF) << 8 | length.get(1) & 0xFF);
            }
            if (message.hasRemaining() && tcp.read(message) < 0) {
                throw eof();
            }
            if (message.hasRemaining()) {
                return;
            }
            byte[] reply = message.array();
            message = null;
            length.clear();
            if (!offer(reply) && discarded > MAX_TCP_DISCARDS) {
                future.completeExceptionally(new WireParseException(Exchanger.address(server) + " sent "
                        + discarded + " TCP messages that do not answer the query (another transaction ID or"
                        + " question)"));
            }
        }

        private EOFException eof() {
            return new EOFException(Exchanger.address(server) + " closed the TCP connection before a reply"
                    + (discarded == 0 ? "" : " (" + ReplyTimeout.note(discarded) + ")"));
        }
    }
}
