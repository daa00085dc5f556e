package dev.mtasts.smtp;

import dev.mtasts.DomainName;
import dev.mtasts.internal.Quoting;
import dev.mtasts.internal.tls.TlsSetup;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.MxProbeRequest;
import dev.mtasts.probe.MxTlsProbe;
import java.net.InetAddress;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.X509TrustManager;

/**
 * The default {@link MxTlsProbe}: connects to each address of an MX host the way an MTA-STS sender delivers
 * (RFC 8461 §4.2) and reports what a sender would meet there.
 *
 * <ol>
 *   <li>Connects to the SMTP port of each address of the request, and only to those (no name is ever looked up:
 *       not the MX host, not the local host). The addresses are probed in parallel.</li>
 *   <li>Reads the greeting (multi-line replies such as {@code 220-...} / {@code 220 ...} too); a 4xx or 5xx
 *       greeting is {@code GREETING_REJECTED}, quoted in the detail.</li>
 *   <li>Sends {@code EHLO} with the {@linkplain Builder#ehloName(String) EHLO name} and reads the keywords of the
 *       reply; without {@code STARTTLS} the outcome is {@code NO_STARTTLS}.</li>
 *   <li>Sends {@code STARTTLS} and expects {@code 220} (any other reply is {@code NO_STARTTLS}). Bytes the server
 *       sends after that {@code 220} and before the handshake are discarded, never read as TLS data, and the
 *       detail says so (a server-side STARTTLS command injection flaw).</li>
 *   <li>TLS 1.2 or 1.3 with SNI set to the MX host name and no session resumption, so each probe sees the
 *       certificate served now. The handshake does not stop at a certificate it does not trust: the protocol,
 *       cipher suite and chain are recorded whatever the chain, then the chain is judged: trusted
 *       ({@code UNTRUSTED} when not), current ({@code EXPIRED}, {@code NOT_YET_VALID}), valid for the MX host
 *       ({@code HOSTNAME_MISMATCH}: DNS-IDs only, a wildcard only as the whole left-most label, never the CN,
 *       per RFC 6125). A failed handshake is {@code TLS_FAILED} with {@code HANDSHAKE}.</li>
 *   <li>Sends {@code QUIT} (over TLS once TLS is up) and closes the connection, on every path.</li>
 * </ol>
 *
 * <p>Bounds: each connection attempt waits at most the {@linkplain Builder#connectTimeout connect timeout}
 * ({@code CONNECT_FAILED}, with {@code connected == false}: outbound port 25 is blocked on many networks), each
 * reply and the handshake at most the {@linkplain Builder#replyTimeout reply timeout} ({@code TIMEOUT}, naming
 * the step), and all of it at most the {@linkplain MxProbeRequest#deadline() request's deadline}. At most
 * {@linkplain Builder#maxReplyBytes(int) a cap} of bytes is read from an address before TLS.
 *
 * <p>{@code StartTlsProbe.builder().build()} and what the validator finds on the class path,
 * {@code new StartTlsProbeFactory().create(MxProbeSettings.defaults())}, are equal; probes are equal when
 * configured alike, and {@link #toString()} shows the options.
 *
 * <p>Immutable and thread-safe; one instance serves any number of concurrent probes. No thread is held per probe:
 * every probe shares a few I/O threads and one timer thread with the library's other network modules. Results
 * complete on the builder's {@linkplain Builder#callbackExecutor(Executor) callback executor}.
 *
 * <pre>{@code
 * StartTlsProbe probe = StartTlsProbe.builder()
 *         .ehloName("probe.example.net")                 // a name you own, if you like
 *         .trustedCertificates(List.of(root))            // a private CA, in addition to the JDK's trust store
 *         .build();
 * MxProbe result = probe.probe(MxProbeRequest.of(DomainName.of("mx1.example.com"),
 *                 List.of(InetAddress.getLoopbackAddress()))
 *         .withDeadline(Duration.ofSeconds(5))).toCompletableFuture().join();
 * for (AddressProbe a : result.addresses()) {
 *     System.out.println(a.address().getHostAddress() + ": " + a.outcome() + " " + a.detail());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class StartTlsProbe implements MxTlsProbe {

    /** The default SMTP port: 25, where senders deliver (RFC 5321 §4.5.4). */
    public static final int DEFAULT_PORT = 25;
    /**
     * The default EHLO name: {@code mta-sts-probe.invalid}. The {@code .invalid} top-level domain (RFC 6761) never
     * resolves, so the name says "a probe, not a mail server" and needs no look-up of the local host's name.
     */
    public static final String DEFAULT_EHLO_NAME = "mta-sts-probe.invalid";
    /** The default connect timeout per address: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default timeout per SMTP reply and for the TLS handshake: 30 seconds. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(30);
    /** The default cap on the bytes read from one address before TLS: 64 KiB. */
    public static final int DEFAULT_MAX_REPLY_BYTES = 64 * 1024;

    private final ProbeSettings settings;

    private StartTlsProbe(Builder builder) {
        this.settings = new ProbeSettings(builder.port, builder.ehloName, builder.connectTimeout,
                builder.replyTimeout, builder.maxReplyBytes, builder.tlsSetup(),
                builder.callbackExecutor);
    }

    /** @return a builder with every default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Probes every address of the request in parallel, all within {@link MxProbeRequest#deadline() its deadline}.
     *
     * @param request the MX host, its addresses and the deadline
     * @return a stage that completes on the callback executor with one result per address, in the request's order,
     *         after every connection is closed; never exceptionally for a network fault
     */
    @Override
    public CompletionStage<MxProbe> probe(MxProbeRequest request) {
        Objects.requireNonNull(request, "request");
        long deadlineNanos = System.nanoTime() + request.deadline().toNanos();
        List<CompletableFuture<AddressProbe>> each = new ArrayList<>();
        for (InetAddress address : request.addresses()) {
            each.add(new AddressOperation(settings, request.host(), address, request.deadline(), deadlineNanos)
                    .start());
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApplyAsync(v -> new MxProbe(request.host(), each.stream().map(CompletableFuture::join).toList()),
                        settings.callbackExecutor());
    }

    /** @return the options (for tests) */
    ProbeSettings settings() {
        return settings;
    }

    /**
     * @param o another object
     * @return true for a probe with the same options (trust: the same roots, or the very same trust manager)
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof StartTlsProbe && ((StartTlsProbe) o).settings.equals(settings);
    }

    @Override
    public int hashCode() {
        return settings.hashCode();
    }

    /**
     * @return the options in words, for example {@code StartTlsProbe[port=25, ehloName=mta-sts-probe.invalid,
     *         connectTimeout=PT10S, replyTimeout=PT30S, maxReplyBytes=65536, trust=the JDK's trust store, ...]}
     */
    @Override
    public String toString() {
        return "StartTlsProbe[" + settings + "]";
    }

    /**
     * Options of a {@link StartTlsProbe}; every option has a default, so {@code builder().build()} is the default
     * probe. Each setter fails fast: {@code NullPointerException} for a null, {@code IllegalArgumentException} for
     * a bad value; the three trust options ({@link #trustedCertificates}, {@link #trustOnly},
     * {@link #trustManager}) are exclusive ({@code IllegalStateException} when a second one is set). Not
     * thread-safe; the probe it builds is.
     *
     * <pre>{@code
     * StartTlsProbe probe = StartTlsProbe.builder()
     *         .port(2525)
     *         .connectTimeout(Duration.ofSeconds(3))
     *         .replyTimeout(Duration.ofSeconds(10))
     *         .trustOnly(List.of(root))                   // a test CA only
     *         .build();
     * }</pre>
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private String ehloName = DEFAULT_EHLO_NAME;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration replyTimeout = DEFAULT_REPLY_TIMEOUT;
        private int maxReplyBytes = DEFAULT_MAX_REPLY_BYTES;
        private TlsSetup tls;
        private String trustOption;
        private Provider tlsProvider;
        private Executor callbackExecutor = SmtpCallbacks.shared();

        private Builder() {
        }

        /**
         * The SMTP port to connect to. Default: {@link #DEFAULT_PORT 25}. Change it for tests only: senders
         * deliver to port 25.
         *
         * @param port 1 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
            }
            this.port = port;
            return this;
        }

        /**
         * The argument of {@code EHLO}: a domain name (RFC 5321 §4.1.1.1), or an address literal such as
         * {@code [192.0.2.1]}. Servers rarely act on it before a message is sent, but a name you own is polite.
         * Default: {@link #DEFAULT_EHLO_NAME mta-sts-probe.invalid}; the local host name is never looked up.
         *
         * @param name a host name or an address literal in brackets
         * @return this builder
         */
        public Builder ehloName(String name) {
            Objects.requireNonNull(name, "name");
            boolean literal = name.matches("\\[(?:[0-9.]{7,15}|IPv6:[0-9A-Fa-f:.]{2,45})]");
            if (!literal && DomainName.tryParse(name).isEmpty()) {
                throw new IllegalArgumentException("ehloName '" + Quoting.message(name)
                        + "' is neither a domain name nor an address literal such as [192.0.2.1]");
            }
            this.ehloName = name;
            return this;
        }

        /**
         * How long to wait for each address to accept the TCP connection; never more than what is left of the
         * request's {@link MxProbeRequest#deadline() deadline}. No answer in time is {@code CONNECT_FAILED}, not
         * connected: port 25 is often blocked on the way out. Default: {@link #DEFAULT_CONNECT_TIMEOUT 10 seconds}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * How long to wait for each SMTP reply (the greeting, the replies to {@code EHLO} and {@code STARTTLS}) and
         * for the TLS handshake; never more than what is left of the request's deadline. A server that stalls is
         * {@code TIMEOUT}. Default: {@link #DEFAULT_REPLY_TIMEOUT 30 seconds}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder replyTimeout(Duration timeout) {
            this.replyTimeout = positive(timeout, "replyTimeout");
            return this;
        }

        /**
         * The cap on the bytes read from one address before TLS, all replies together; a reply that has not ended
         * by then is cut off and the detail says so. Default: {@link #DEFAULT_MAX_REPLY_BYTES 65536 bytes (64 KiB)}.
         *
         * @param bytes 512 (one reply line, RFC 5321 §4.5.3.1.5) to 16 MiB
         * @return this builder
         */
        public Builder maxReplyBytes(int bytes) {
            if (bytes < 512 || bytes > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("maxReplyBytes " + bytes + " is not between 512 and 16 MiB");
            }
            this.maxReplyBytes = bytes;
            return this;
        }

        /**
         * Trusts these certificates as roots in addition to the JDK's trust store, for a private CA; the same
         * meaning as {@code MxProbeSettings.trustedCertificates()}. Default: the JDK's trust store only.
         *
         * @param roots extra trust anchors, not empty
         * @return this builder
         * @throws IllegalArgumentException if {@code roots} is empty or cannot be used as trust anchors
         * @throws IllegalStateException if another trust option is already set
         * @see #trustOnly(Collection)
         */
        public Builder trustedCertificates(Collection<X509Certificate> roots) {
            Collection<X509Certificate> copy = nonEmpty(roots);
            return trust("trustedCertificates", () -> TlsSetup.certificates(copy, true));
        }

        /**
         * Trusts exactly these certificates as roots, instead of the JDK's trust store.
         * Default: the JDK's trust store.
         *
         * @param roots the only trust anchors, not empty
         * @return this builder
         * @throws IllegalArgumentException if {@code roots} is empty or cannot be used as trust anchors
         * @throws IllegalStateException if another trust option is already set
         * @see #trustedCertificates(Collection)
         */
        public Builder trustOnly(Collection<X509Certificate> roots) {
            Collection<X509Certificate> copy = nonEmpty(roots);
            return trust("trustOnly", () -> TlsSetup.certificates(copy, false));
        }

        /**
         * Decides trust with this trust manager (called after the server's chain arrived; a refusal never stops
         * the handshake, it is reported); the probe still checks the host name itself and categorises a refused
         * chain as {@code UNTRUSTED}, {@code EXPIRED} or {@code NOT_YET_VALID}. Default: the JDK's trust store.
         *
         * @param trustManager decides whether a chain is trusted
         * @return this builder
         * @throws IllegalStateException if another trust option is already set
         */
        public Builder trustManager(X509TrustManager trustManager) {
            Objects.requireNonNull(trustManager, "trustManager");
            return trust("trustManager", () -> TlsSetup.wrapping(trustManager));
        }

        /**
         * Where the returned stages complete, so that callers' callbacks never run on the shared I/O threads.
         * Default: one pool shared by every probe of this module, {@code max(2, CPUs)} daemon threads named
         * {@code mta-sts-smtp-callback-N}, created on first use.
         *
         * @param executor runs completions
         * @return this builder
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Speaks TLS with this JCA provider instead of the JDK's own: a native one, such as Conscrypt
         * ({@code org.conscrypt.Conscrypt.newProvider()}), costs a fraction of the CPU per handshake of the JDK's
         * pure-Java elliptic curves, which is what bulk validation spends most of its time on. Only the protocol
         * changes: the trust decision (from the trust options, or the JDK's trust store), its failure categories,
         * the RFC 6125 name check and the address vetting stay the library's, so a report reads the same with
         * either. Combines with every trust option except {@link #sslContext}, which has its provider already.
         * Default: the JDK's provider.
         *
         * <pre>{@code
         * // not compiled: needs org.conscrypt:conscrypt-openjdk-uber on the class path
         * Builder fast = builder().tlsProvider(org.conscrypt.Conscrypt.newProvider());
         * }</pre>
         *
         * @param provider a provider of {@code SSLContext.getInstance("TLS")}
         * @return this builder
         * @throws IllegalArgumentException when the provider has no TLS context
         * @since 1.1.0
         */
        public Builder tlsProvider(Provider provider) {
            this.tlsProvider = TlsSetup.requireTls(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** @return the probe */
        public StartTlsProbe build() {
            return new StartTlsProbe(this);
        }

        private TlsSetup tlsSetup() {
            return TlsSetup.chosen(Optional.ofNullable(tls), Optional.ofNullable(tlsProvider));
        }

        private Builder trust(String option, Supplier<TlsSetup> setup) {
            if (trustOption != null) {
                throw new IllegalStateException(option + " cannot be combined with " + trustOption
                        + ": the trust options are exclusive");
            }
            this.tls = setup.get();
            this.trustOption = option;
            return this;
        }

        private static Collection<X509Certificate> nonEmpty(Collection<X509Certificate> roots) {
            Objects.requireNonNull(roots, "roots");
            roots.forEach(root -> Objects.requireNonNull(root, "roots contains null"));
            if (roots.isEmpty()) {
                throw new IllegalArgumentException("no certificates to trust");
            }
            return List.copyOf(roots);
        }

        private static Duration positive(Duration timeout, String option) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(option + " must be positive, not " + timeout);
            }
            return timeout;
        }
    }
}
