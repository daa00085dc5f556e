package dev.mtasts.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * An authoritative DNS server for tests, in-process, on a loopback address and an ephemeral port,
 * over UDP and TCP (the same port number for both).
 *
 * <p>It answers from {@linkplain #zone(String) zones} filled through a fluent API, as an authoritative
 * server does: the AA flag, NXDOMAIN for a name that does not exist, NODATA (NOERROR, empty answer,
 * SOA in the authority section) for a name without records of the type asked for, CNAMEs followed
 * within a zone and left for the client to follow out of it, REFUSED for a name outside every zone.
 * Over UDP a reply larger than 512 bytes (or than the client's EDNS payload size, at most 1232) is
 * truncated to its question with the TC flag; over TCP it is sent whole.
 * {@linkplain #fault(String, DnsFault) Faults} make one name slow, silent, failing or garbled.
 * It signs nothing, but sets the AD flag a validating resolver would set, on the answers about names a zone
 * {@linkplain DnsZone#signed(String) marks signed} or, with {@link #authenticData(boolean)}, on every answer; so
 * it stands for a validating resolver in front of the zones, which is what a DANE client asks.
 *
 * <p>Zones, records and faults can be changed while the server runs, from any thread. The server
 * uses a fixed set of threads (one for UDP, one accepting TCP connections, two serving them, one for
 * delayed replies), whatever the load; every blocking read has a time-out, so {@link #close()}
 * returns promptly.
 *
 * <pre>{@code
 * try (TestDnsServer dns = TestDnsServer.start()) {
 *     dns.zone("example.com")
 *             .txt("_mta-sts.example.com", "v=STSv1; id=20260101")
 *             .mx("example.com", 10, "mx1.example.com");
 *     dns.fault("_smtp._tls.example.com", DnsFault.servfail());
 *     InetSocketAddress address = dns.address();   // point the resolver under test here
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TestDnsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestDnsServer.class);
    private static final int POLL_MILLIS = 100;
    private static final int TCP_READ_TIMEOUT_MILLIS = 5_000;
    private static final int STALL_MILLIS = 30_000;
    private static final int TCP_WORKERS = 2;
    private static final int MAX_RECORDED = 10_000;
    private static final String ANY_TYPE = "*";
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<Name, DnsZone> zones = new ConcurrentHashMap<>();
    private final Map<String, DnsFault> faults = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<DnsRecordedQuery> recorded = new ConcurrentLinkedQueue<>();
    private final AtomicInteger recordedCount = new AtomicInteger();
    private final DnsResponder responder = new DnsResponder(this::zoneFor);
    private final ExecutorService tcpWorkers;
    private final ScheduledExecutorService delayer;
    private final Thread udpThread;
    private final Thread tcpThread;
    private final List<Socket> openConnections = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile boolean authenticData;

    private TestDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        int n = SERVERS.incrementAndGet();
        this.tcpWorkers = Executors.newFixedThreadPool(TCP_WORKERS, daemon("TestDnsServer-" + n + "-tcp-worker"));
        this.delayer = Executors.newSingleThreadScheduledExecutor(daemon("TestDnsServer-" + n + "-delay"));
        this.udpThread = daemon("TestDnsServer-" + n + "-udp").newThread(this::serveUdp);
        this.tcpThread = daemon("TestDnsServer-" + n + "-tcp-accept").newThread(this::acceptTcp);
    }

    /**
     * Starts a server on 127.0.0.1 and an ephemeral port.
     *
     * @return the running server
     * @throws UncheckedIOException if no port could be bound
     */
    public static TestDnsServer start() {
        return start(InetAddress.getLoopbackAddress());
    }

    /**
     * Starts a server on a loopback address and an ephemeral port.
     *
     * @param loopback a loopback address, such as {@code ::1}
     * @return the running server
     * @throws IllegalArgumentException if the address is not a loopback address
     * @throws UncheckedIOException     if no port could be bound
     */
    public static TestDnsServer start(InetAddress loopback) {
        Objects.requireNonNull(loopback, "loopback");
        if (!loopback.isLoopbackAddress()) {
            throw new IllegalArgumentException(loopback + " is not a loopback address");
        }
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = null;
            try {
                udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
                udp.setSoTimeout(POLL_MILLIS);
                ServerSocket tcp = new ServerSocket();
                try {
                    tcp.setReuseAddress(true);
                    tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()), 64);
                    tcp.setSoTimeout(POLL_MILLIS);
                } catch (IOException e) {
                    tcp.close();
                    throw e;
                }
                TestDnsServer server = new TestDnsServer(udp, tcp);
                server.udpThread.start();
                server.tcpThread.start();
                LOG.debug("TestDnsServer listening on {} (UDP and TCP)", server.address());
                return server;
            } catch (IOException e) {
                last = e;
                if (udp != null) {
                    udp.close();
                }
            }
        }
        throw new UncheckedIOException("could not bind UDP and TCP on one port of " + loopback, last);
    }

    /** @return the address and port to send queries to, for UDP and TCP alike */
    public InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    /** @return the host address literal, such as {@code 127.0.0.1} */
    public String host() {
        return udp.getLocalAddress().getHostAddress();
    }

    /** @return the port, the same for UDP and TCP */
    public int port() {
        return udp.getLocalPort();
    }

    /**
     * Returns the zone with this origin, creating it empty the first time.
     *
     * @param origin the zone's apex, such as {@code example.com}
     * @return the zone, to fill with records
     */
    public DnsZone zone(String origin) {
        Objects.requireNonNull(origin, "origin");
        Name name = DnsZone.absolute(origin);
        return zones.computeIfAbsent(name, DnsZone::new);
    }

    /**
     * Stops serving a zone: its names get REFUSED, as from a server that does not hold them.
     *
     * @param origin the zone's apex
     * @return this server
     */
    public TestDnsServer removeZone(String origin) {
        Objects.requireNonNull(origin, "origin");
        zones.remove(DnsZone.absolute(origin));
        return this;
    }

    /**
     * Sets the AD (authentic data) flag on every reply, as a validating recursive resolver does for
     * DNSSEC-signed zones; off by default. To mark only some names as signed (a TLSA record that is secure beside
     * one that is not), leave this off and use {@link DnsZone#signed(String)}; with it on, every reply but REFUSED
     * and SERVFAIL carries the flag, whatever the marks.
     *
     * <pre>{@code
     * TestDnsServer dns = sandbox.dnsServer().authenticData(true);   // every zone "signed"
     * dns.authenticData(false);                                      // back to the per-name marks
     * }</pre>
     *
     * @param on whether replies claim to be DNSSEC-authenticated
     * @return this server
     */
    public TestDnsServer authenticData(boolean on) {
        this.authenticData = on;
        return this;
    }

    /**
     * Makes every query for a name, of any type, misbehave; replaces an earlier fault of that name.
     *
     * @param name  the name, as asked (a CNAME's target is not affected)
     * @param fault what the server does
     * @return this server
     */
    public TestDnsServer fault(String name, DnsFault fault) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fault, "fault");
        return fault(name, ANY_TYPE, fault);
    }

    /**
     * Makes the queries for one type at a name misbehave; a fault for the type wins over one for any type.
     *
     * @param name  the name, as asked
     * @param type  the record type, such as {@code "AAAA"}
     * @param fault what the server does
     * @return this server
     */
    public TestDnsServer fault(String name, String type, DnsFault fault) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fault, "fault");
        faults.put(faultKey(DnsZone.absolute(name), type), fault);
        return this;
    }

    /**
     * Removes the faults of a name, for every type.
     *
     * @param name the name
     * @return this server
     */
    public TestDnsServer clearFault(String name) {
        Objects.requireNonNull(name, "name");
        String prefix = text(DnsZone.absolute(name)) + " ";
        faults.keySet().removeIf(k -> k.startsWith(prefix));
        return this;
    }

    /**
     * Removes every fault.
     *
     * @return this server
     */
    public TestDnsServer clearFaults() {
        faults.clear();
        return this;
    }

    /**
     * Removes every zone and every fault, forgets the recorded queries and turns the AD flag off, as a server just
     * started; the address stays. Meant for between tests, not while queries are in flight.
     *
     * @return this server
     */
    public TestDnsServer reset() {
        zones.clear();
        faults.clear();
        authenticData = false;
        clearQueries();
        return this;
    }

    /** Removes the faults of a name and of every name below it, for every type. */
    void clearFaultsAtAndBelow(String name) {
        String domain = text(DnsZone.absolute(name));
        faults.keySet().removeIf(k -> {
            String faulty = k.substring(0, k.lastIndexOf(' '));
            return faulty.equals(domain) || faulty.endsWith("." + domain);
        });
    }

    /** @return the queries received so far, oldest first (at most the first 10,000) */
    public List<DnsRecordedQuery> queries() {
        return List.copyOf(new ArrayList<>(recorded));
    }

    /** @return how many queries were received, with none dropped from the count */
    public int queryCount() {
        return recordedCount.get();
    }

    /** Forgets the recorded queries and resets the count. */
    public void clearQueries() {
        recorded.clear();
        recordedCount.set(0);
    }

    /** Stops the server and waits briefly for its threads; never blocks for long. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            LOG.debug("closing TCP listener: {}", e.toString());
        }
        for (Socket s : openConnections) {
            closeQuietly(s);
        }
        tcpWorkers.shutdownNow();
        delayer.shutdownNow();
        join(udpThread);
        join(tcpThread);
        LOG.debug("TestDnsServer on port {} closed", udp.getLocalPort());
    }

    private static void join(Thread t) {
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- UDP ----

    private void serveUdp() {
        byte[] buffer = new byte[65_535];
        while (running) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                if (running) {
                    LOG.debug("UDP receive failed: {}", e.toString());
                }
                continue;
            }
            byte[] in = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
            try {
                handleUdp(in, client);
            } catch (RuntimeException e) {
                LOG.warn("TestDnsServer could not answer a UDP query from {}", client, e);
            }
        }
    }

    private void handleUdp(byte[] in, InetSocketAddress client) {
        Optional<Message> parsed = parse(in);
        if (parsed.isEmpty()) {
            return;
        }
        Message query = parsed.get();
        record(query, DnsRecordedQuery.Transport.UDP);
        DnsFault fault = faultFor(query);
        if (fault != null && fault.kind() == DnsFault.Kind.DROP) {
            return;
        }
        List<byte[]> out = new ArrayList<>();
        for (Message forged : forgeries(query, fault)) {
            out.add(forged.toWire());
        }
        if (fault != null && fault.kind() == DnsFault.Kind.MALFORMED) {
            out.add(DnsResponder.garbage(query));
        } else {
            Message reply = reply(query, fault);
            byte[] wire = reply.toWire();
            boolean truncate = fault != null
                    && (fault.kind() == DnsFault.Kind.TRUNCATED || fault.kind() == DnsFault.Kind.SILENT_TCP);
            if (wire.length > DnsResponder.udpLimit(query) || truncate) {
                wire = responder.truncate(reply).toWire();
            }
            out.add(wire);
        }
        Runnable send = () -> out.forEach(bytes -> sendUdp(bytes, client));
        if (fault != null && fault.kind() == DnsFault.Kind.DELAY) {
            try {
                delayer.schedule(send, fault.delay().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("server closing, delayed reply dropped");
            }
        } else {
            send.run();
        }
    }

    private void sendUdp(byte[] bytes, InetSocketAddress client) {
        try {
            udp.send(new DatagramPacket(bytes, bytes.length, client));
        } catch (IOException e) {
            if (running) {
                LOG.debug("UDP send to {} failed: {}", client, e.toString());
            }
        }
    }

    // ---- TCP ----

    private void acceptTcp() {
        while (running) {
            Socket socket;
            try {
                socket = tcp.accept();
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                if (running) {
                    LOG.debug("TCP accept failed: {}", e.toString());
                }
                continue;
            }
            try {
                openConnections.add(socket);
                tcpWorkers.execute(() -> serveConnection(socket));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    private void serveConnection(Socket socket) {
        boolean stalled = false;
        try {
            socket.setSoTimeout(TCP_READ_TIMEOUT_MILLIS);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (running) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException | SocketTimeoutException e) {
                    return;
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                Optional<Message> parsed = parse(bytes);
                if (parsed.isEmpty()) {
                    return;
                }
                Message query = parsed.get();
                record(query, DnsRecordedQuery.Transport.TCP);
                DnsFault fault = faultFor(query);
                if (fault != null && fault.kind() == DnsFault.Kind.DROP) {
                    continue; // stay silent; the client times out
                }
                if (fault != null && fault.kind() == DnsFault.Kind.SILENT_TCP) {
                    stall(socket);
                    stalled = true;
                    return; // the worker is free; the connection stays open and unread
                }
                if (fault != null && fault.kind() == DnsFault.Kind.DELAY) {
                    Thread.sleep(fault.delay().toMillis());
                }
                for (Message forged : forgeries(query, fault)) {
                    writeTcp(out, forged.toWire());
                }
                writeTcp(out, fault != null && fault.kind() == DnsFault.Kind.MALFORMED
                        ? DnsResponder.garbage(query)
                        : reply(query, fault).toWire());
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SocketException e) {
            LOG.debug("TCP connection ended: {}", e.toString());
        } catch (IOException e) {
            LOG.debug("TCP connection failed: {}", e.toString());
        } finally {
            if (!stalled) {
                closeQuietly(socket);
                openConnections.remove(socket);
            }
        }
    }

    private static void writeTcp(DataOutputStream out, byte[] message) throws IOException {
        if (message.length > 65_535) {
            throw new IOException("a reply of " + message.length + " bytes does not fit a TCP DNS message");
        }
        out.writeShort(message.length);
        out.write(message);
    }

    /** Keeps a connection open and unread until the server closes or {@link #STALL_MILLIS} pass. */
    private void stall(Socket socket) {
        LOG.debug("stalling TCP connection from {}", socket.getRemoteSocketAddress());
        try {
            delayer.schedule(() -> {
                closeQuietly(socket);
                openConnections.remove(socket);
            }, STALL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            closeQuietly(socket);
            openConnections.remove(socket);
        }
    }

    // ---- shared ----

    /** @return the forged replies sent ahead of the real one: wrong IDs, NXDOMAIN; none unless SPOOFED_FIRST */
    private List<Message> forgeries(Message query, DnsFault fault) {
        if (fault == null || fault.kind() != DnsFault.Kind.SPOOFED_FIRST) {
            return List.of();
        }
        List<Message> forged = new ArrayList<>(fault.count());
        int id = query.getHeader().getID();
        for (int i = 1; i <= fault.count(); i++) {
            Message m = responder.rcodeOnly(query, Rcode.NXDOMAIN);
            m.getHeader().setFlag(org.xbill.DNS.Flags.AA);
            m.getHeader().setID((id + i) & 0xFFFF);
            forged.add(m);
        }
        return forged;
    }

    private Message reply(Message query, DnsFault fault) {
        if (fault != null && fault.kind() == DnsFault.Kind.SERVFAIL) {
            return responder.rcodeOnly(query, Rcode.SERVFAIL);
        }
        if (fault != null && fault.kind() == DnsFault.Kind.REFUSED) {
            return responder.rcodeOnly(query, Rcode.REFUSED);
        }
        Message reply;
        if (fault != null && fault.kind() == DnsFault.Kind.ANSWER_FOR) {
            reply = responder.answer(responder.askedAbout(query, DnsZone.absolute(fault.other())));
        } else if (fault != null && fault.kind() == DnsFault.Kind.FOREIGN_RECORDS) {
            reply = responder.withRecordsOf(query, DnsZone.absolute(fault.other()));
        } else {
            reply = responder.answer(query);
        }
        if (authenticData && reply.getRcode() != Rcode.REFUSED) {
            reply.getHeader().setFlag(org.xbill.DNS.Flags.AD);
        }
        if (fault != null && fault.kind() == DnsFault.Kind.WRONG_ID) {
            reply.getHeader().setID((query.getHeader().getID() + 1) & 0xFFFF);
        }
        return reply;
    }

    private DnsZone zoneFor(Name name) {
        DnsZone best = null;
        for (DnsZone zone : zones.values()) {
            if (name.subdomain(zone.originName())
                    && (best == null || zone.originName().labels() > best.originName().labels())) {
                best = zone;
            }
        }
        return best;
    }

    private DnsFault faultFor(Message query) {
        Record q = query.getQuestion();
        if (q == null || faults.isEmpty()) {
            return null;
        }
        DnsFault typed = faults.get(faultKey(q.getName(), Type.string(q.getType())));
        return typed != null ? typed : faults.get(faultKey(q.getName(), ANY_TYPE));
    }

    private static String faultKey(Name name, String type) {
        return text(name) + " " + type.toUpperCase(Locale.ROOT);
    }

    private void record(Message query, DnsRecordedQuery.Transport transport) {
        Record q = query.getQuestion();
        if (q == null) {
            return;
        }
        boolean dnssecOk = query.getOPT() != null && (query.getOPT().getFlags() & ExtendedFlags.DO) != 0;
        if (recordedCount.incrementAndGet() <= MAX_RECORDED) {
            recorded.add(new DnsRecordedQuery(text(q.getName()), Type.string(q.getType()), transport, dnssecOk));
        }
    }

    private static Optional<Message> parse(byte[] bytes) {
        try {
            return Optional.of(new Message(bytes));
        } catch (IOException e) {
            LOG.debug("ignoring a packet that is not a DNS message: {}", e.toString());
            return Optional.empty();
        }
    }

    /** @return a name in lower case without the trailing dot ({@code .} for the root) */
    static String text(Name name) {
        String s = name.toString(true).toLowerCase(Locale.ROOT);
        return s.isEmpty() ? "." : s;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", s, e.toString());
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, n.getAndIncrement() == 0 ? name : name + "-" + n.get());
            t.setDaemon(true);
            return t;
        };
    }

    /** @return the server's address, for messages */
    @Override
    public String toString() {
        return "TestDnsServer[" + host() + ":" + port() + "]";
    }
}
