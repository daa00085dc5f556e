package dev.mtasts.dns;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.xbill.DNS.Address;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Type;

/**
 * The default {@link DnsResolver}: a stub resolver built on dnsjava's asynchronous NIO client.
 *
 * <p>Each look-up is a chain of non-blocking stages: no thread waits for a reply, so thousands of
 * look-ups can be in flight with a handful of threads. A query goes over UDP with EDNS0 (payload
 * 1232 bytes) and the DO bit, so that a validating recursive resolver sets the AD flag it checked;
 * a truncated reply is asked again over TCP; a time-out, SERVFAIL, REFUSED, network error or garbled
 * reply is retried on the next name server, until the retries or the overall deadline run out.
 * CNAMEs are followed whether or not the server already did (at most {@code maxCnames} aliases, loops
 * detected). Each exchange and each look-up's outcome are logged at DEBUG through SLF4J.
 *
 * <p><b>Hostile servers.</b> A reply whose transaction ID or question does not match the query (RFC 5452 §9.1) is
 * discarded and the resolver keeps waiting for the real one until the per-query timeout; an attempt that saw only
 * such replies is a TIMEOUT whose detail says how many were discarded. Each UDP query has its own socket on a random
 * port; each TCP query has its own connection, closed when the exchange ends (reply, timeout or error), so a server
 * that goes silent on one TCP connection cannot delay any other look-up. Over TCP at most 4 messages that do not
 * answer the query are read before the attempt fails as MALFORMED. A reply that holds only records of other names
 * is MALFORMED, never taken for NODATA. All socket I/O runs on one daemon thread, {@code mta-sts-dns-io}, which
 * ends two seconds after the last query.
 *
 * <p><b>DNSSEC.</b> This resolver does not validate DNSSEC itself. Every query asks the configured resolver for
 * its verdict twice over: the DO bit (RFC 3225), and the AD bit set in the query, which RFC 6840 §5.7 defines as
 * "tell me the AD bit" without needing DNSSEC records. {@link dev.mtasts.resolver.DnsResult#authenticated()} is
 * true when every reply that made up the answer had the AD bit set (a CNAME chain is authenticated only when every
 * link is), and never for a failure. That bit is only as trustworthy as the path to the resolver that set it: over
 * plain UDP anyone on the path can set it. Rely on it, as DANE (RFC 7672 §2.1) does through
 * {@link #tlsa(DomainName)}, only with a validating resolver on the same host ({@code 127.0.0.1}, as
 * {@code /etc/resolv.conf} names a local unbound or systemd-resolved) or reached over a protected channel; a
 * public resolver far away gives an AD bit that proves nothing.
 *
 * <p><b>TLSA.</b> {@link #tlsa(DomainName)} gives the records in the server's order, with the AD bit as above.
 * A malformed record never fails the look-up: RDATA too short to hold a TLSA record, and a SHA-256 or SHA-512
 * digest of the wrong length (which matches nothing, and which DANE clients discard), are left out and named in
 * the {@linkplain dev.mtasts.resolver.DnsResult#detail() detail}; when every record is malformed the outcome is
 * still {@code FOUND} (the name does hold TLSA records), without records.
 *
 * <p>Instances are immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * DnsResolver resolver = DnsjavaResolver.builder()
 *         .nameserver("9.9.9.9")
 *         .timeout(Duration.ofSeconds(3))
 *         .build();
 * TxtAnswer answer = resolver.txt(DomainName.of("_mta-sts.example.com")).toCompletableFuture().join();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DnsjavaResolver implements DnsResolver {

    /** The default time to wait for one reply: 3 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    /** The default number of further attempts after a failed one: 2. */
    public static final int DEFAULT_RETRIES = 2;

    /** The default time one look-up may take in all, retries and CNAMEs included: 10 seconds. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    /** The default longest CNAME chain followed: 8 aliases. */
    public static final int DEFAULT_MAX_CNAMES = 8;

    private final List<InetSocketAddress> nameservers;
    private final Duration timeout;
    private final int retries;
    private final Duration deadline;
    private final int maxCnames;
    private final Executor executor;
    private final CnameChaser chaser;

    private DnsjavaResolver(Builder b) {
        this.nameservers = List.copyOf(b.nameservers);
        this.timeout = b.timeout;
        this.retries = b.retries;
        this.deadline = b.deadline;
        this.maxCnames = b.maxCnames;
        this.executor = b.executor;
        Supplier<List<InetSocketAddress>> servers = nameservers.isEmpty() ? SystemServers::get : () -> nameservers;
        this.chaser = new CnameChaser(new Exchanger(servers, timeout, retries, executor), maxCnames, deadline,
                executor);
    }

    /** @return a builder with every option at its default */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletionStage<TxtAnswer> txt(DomainName name) {
        Objects.requireNonNull(name, "name");
        return chaser.resolve(name, Type.TXT).thenApply(Answers::txt);
    }

    @Override
    public CompletionStage<MxAnswer> mx(DomainName domain) {
        Objects.requireNonNull(domain, "domain");
        return chaser.resolve(domain, Type.MX).thenApply(Answers::mx);
    }

    @Override
    public CompletionStage<AddressAnswer> addresses(DomainName host) {
        Objects.requireNonNull(host, "host");
        CompletableFuture<Resolution> v4 = chaser.resolve(host, Type.A);
        CompletableFuture<Resolution> v6 = chaser.resolve(host, Type.AAAA);
        return v4.thenCombine(v6, Answers::addresses);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The AD bit is that of the configured resolver's replies: see <b>DNSSEC</b> in the class description for
     * when to trust it. Malformed records are left out and named in the detail, never thrown.
     *
     * <pre>{@code
     * // point the resolver at a validating resolver on this host (unbound on 127.0.0.1, say);
     * // here the sandbox's DNS server stands in for one, with a signed TLSA record
     * TestDnsServer local = sandbox.dnsServer();
     * local.zone("example.com")
     *         .tlsa("_25._tcp.mx1.example.com", "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6")
     *         .signed("_25._tcp.mx1.example.com");
     * DnsResolver dane = DnsjavaResolver.builder().nameserver(local.host(), local.port()).build();
     * TlsaAnswer answer = dane.tlsa(DomainName.of("_25._tcp.mx1.example.com")).toCompletableFuture().join();
     * boolean daneApplies = answer.isFound() && answer.result().authenticated();   // RFC 7672 §2.2: true
     * answer.records().forEach(System.out::println);                              // 3 1 1 0c72ac70...
     * }</pre>
     */
    @Override
    public CompletionStage<TlsaAnswer> tlsa(DomainName name) {
        Objects.requireNonNull(name, "name");
        return chaser.resolve(name, Type.TLSA).thenApply(Answers::tlsa);
    }

    /** @return the configured name servers; empty when the system's are used */
    public List<InetSocketAddress> nameservers() {
        return nameservers;
    }

    /** @return the time to wait for one reply */
    public Duration timeout() {
        return timeout;
    }

    /** @return the number of further attempts after a failed one */
    public int retries() {
        return retries;
    }

    /** @return the time one look-up may take in all */
    public Duration deadline() {
        return deadline;
    }

    /** @return the longest CNAME chain followed */
    public int maxCnames() {
        return maxCnames;
    }

    @Override
    public String toString() {
        return "DnsjavaResolver[nameservers=" + (nameservers.isEmpty() ? "system" : nameservers)
                + ", timeout=" + timeout + ", retries=" + retries + ", deadline=" + deadline + "]";
    }

    /** The system's name servers as dnsjava reads them, read once, on first use. */
    private static final class SystemServers {
        private static final List<InetSocketAddress> SERVERS = List.copyOf(ResolverConfig.getCurrentConfig().servers());

        static List<InetSocketAddress> get() {
            return SERVERS;
        }
    }

    /**
     * Options of a {@link DnsjavaResolver}. Each setter checks its argument at once
     * ({@link IllegalArgumentException}); setting an option other than a name server twice is an
     * {@link IllegalStateException}. Not thread-safe; {@link #build()} may be called more than once.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private final List<InetSocketAddress> nameservers = new ArrayList<>();
        private Duration timeout = DEFAULT_TIMEOUT;
        private int retries = DEFAULT_RETRIES;
        private Duration deadline = DEFAULT_DEADLINE;
        private int maxCnames = DEFAULT_MAX_CNAMES;
        private Executor executor = DefaultExecutor.get();
        private final List<String> set = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a name server on port 53. Repeat to add more; they are tried in order, the next one after
         * a failure. Default: the system's configuration as dnsjava reads it ({@code /etc/resolv.conf},
         * the {@code dns.server} system property, the Windows registry, ...).
         *
         * @param address an IPv4 or IPv6 address literal, such as {@code 9.9.9.9} or {@code 2620:fe::fe}
         * @return this builder
         * @throws IllegalArgumentException if the address is not an IP address literal
         */
        public Builder nameserver(String address) {
            return nameserver(address, 53);
        }

        /**
         * Adds a name server on a given port. Default: the system's name servers.
         *
         * @param address an IPv4 or IPv6 address literal (no host name: looking it up would need a resolver)
         * @param port    the port, 1 to 65535
         * @return this builder
         * @throws IllegalArgumentException if the address is not an IP address literal or the port is out of range
         */
        public Builder nameserver(String address, int port) {
            Objects.requireNonNull(address, "address");
            String literal = address.startsWith("[") && address.endsWith("]")
                    ? address.substring(1, address.length() - 1) : address;
            byte[] bytes = Address.toByteArray(literal, Address.IPv4);
            if (bytes == null) {
                bytes = Address.toByteArray(literal, Address.IPv6);
            }
            if (bytes == null) {
                throw new IllegalArgumentException("name server '" + address + "' is not an IP address literal");
            }
            try {
                return nameserver(new InetSocketAddress(InetAddress.getByAddress(bytes), checkPort(port)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("name server '" + address + "' is not an IP address", e);
            }
        }

        /**
         * Adds a name server. Default: the system's name servers.
         *
         * @param address a resolved socket address
         * @return this builder
         * @throws IllegalArgumentException if the address is unresolved
         */
        public Builder nameserver(InetSocketAddress address) {
            Objects.requireNonNull(address, "address");
            if (address.isUnresolved()) {
                throw new IllegalArgumentException("name server " + address + " is unresolved; give an IP address");
            }
            checkPort(address.getPort());
            nameservers.add(address);
            return this;
        }

        /**
         * Sets how long to wait for one reply before trying again. Default: {@link #DEFAULT_TIMEOUT} (3 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            once("timeout");
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets how many more times a query is sent after an attempt fails (time-out, SERVFAIL, REFUSED,
         * network error, garbled reply), each time to the next name server. Default:
         * {@link #DEFAULT_RETRIES} (2).
         *
         * @param retries 0 to 10
         * @return this builder
         */
        public Builder retries(int retries) {
            once("retries");
            if (retries < 0 || retries > 10) {
                throw new IllegalArgumentException("retries must be 0 to 10, not " + retries);
            }
            this.retries = retries;
            return this;
        }

        /**
         * Sets how long one look-up may take in all, retries, TCP fallback and CNAME look-ups included; past
         * it the answer is TIMEOUT. Default: {@link #DEFAULT_DEADLINE} (10 s).
         *
         * @param deadline a positive duration
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            once("deadline");
            this.deadline = positive(deadline, "deadline");
            return this;
        }

        /**
         * Sets the longest CNAME chain followed; a longer one is SERVFAIL. Default:
         * {@link #DEFAULT_MAX_CNAMES} (8).
         *
         * @param maxCnames 1 to 32
         * @return this builder
         */
        public Builder maxCnames(int maxCnames) {
            once("maxCnames");
            if (maxCnames < 1 || maxCnames > 32) {
                throw new IllegalArgumentException("maxCnames must be 1 to 32, not " + maxCnames);
            }
            this.maxCnames = maxCnames;
            return this;
        }

        /**
         * Sets the executor that runs the stages of a look-up once a reply is in (parsing, CNAME
         * following) and completes the returned stages. It must not block, and should have a fixed
         * number of threads. Default: a shared pool of {@code max(2, CPUs)} daemon threads named
         * {@code mta-sts-dns-worker-N}. Avoid {@link ForkJoinPool#commonPool()} on small machines: with
         * fewer than three CPUs, {@code CompletableFuture} replaces it with a new thread per task.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            Objects.requireNonNull(executor, "executor");
            once("executor");
            this.executor = executor;
            return this;
        }

        /** @return a new resolver with these options */
        public DnsjavaResolver build() {
            return new DnsjavaResolver(this);
        }

        private void once(String option) {
            if (set.contains(option)) {
                throw new IllegalStateException(option + " was already set");
            }
            set.add(option);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, not " + d);
            }
            return d;
        }

        private static int checkPort(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1 to 65535, not " + port);
            }
            return port;
        }
    }
}
