package dev.mtasts.http;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PlainHttpProbe;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.internal.tls.TlsSetup;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * The default {@link PolicyFetcher}: an HTTPS GET of the policy file, per RFC 8461 §3.3, from the addresses
 * the validator resolved.
 *
 * <ul>
 *   <li>Connects to each address of the request in order until one accepts the TCP connection, and reports
 *       which one answered and why the others did not.</li>
 *   <li>TLS 1.2 or 1.3, SNI set to the policy host, certificate checked against the trust store and the policy
 *       host's DNS-IDs (RFC 6125: dNSName subject alternative names, a wildcard only as the whole left-most
 *       label, never the subject CN); failures categorised as {@code UNTRUSTED}, {@code EXPIRED},
 *       {@code NOT_YET_VALID}, {@code HOSTNAME_MISMATCH} or {@code HANDSHAKE}. No TLS session is resumed, so
 *       every fetch sees the certificate served now.</li>
 *   <li>HTTP/1.1 with {@code Connection: close} and {@code Accept-Encoding: identity}; no redirect is followed,
 *       no cache is used and no conditional request is sent; the body is read only for status 200 and only up to
 *       the cap plus one byte; a 200 with a {@code Content-Encoding} is a {@code PROTOCOL_ERROR} naming the
 *       encoding, and its body is neither read nor inflated.</li>
 *   <li>At most {@link Builder#maxBodySize(int) the body cap} plus 64 KiB of HTTP is read from a server per
 *       fetch, whatever it sends: interim {@code 1xx} responses, the head, chunk framing and extensions, trailers
 *       and the body all count; past that, the fetch ends as {@code PROTOCOL_ERROR} (or {@code TOO_LARGE} when
 *       the body itself passed the cap).</li>
 *   <li>Each fetch completes within its {@link PolicyFetchRequest#deadline() request's timeout}, diagnostics
 *       included, whatever the servers do (a server that trickles a byte a second cannot hold it); each address
 *       has a connect timeout of its own within that budget.</li>
 *   <li>When HTTPS fails, the plain-HTTP diagnostic (on by default) fetches {@code http://} on port 80 and
 *       reports whether a policy is served there ({@link PolicyFetch#plainHttp()}). It has
 *       {@code min(5 s, deadline / 4)} of the request's deadline reserved and HTTPS the rest: with the
 *       {@link PolicyFetchRequest#DEFAULT_DEADLINE default of 65 s}, HTTPS waits the minute RFC 8461 §3.3
 *       suggests.</li>
 * </ul>
 *
 * <p>One default: {@code HttpsPolicyFetcher.builder().build()} and what the validator finds on the class path,
 * {@code new HttpsPolicyFetcherFactory().create(PolicyFetcherSettings.defaults())}, have the same options, and
 * {@link #toString()} shows them.
 *
 * <p>Immutable and thread-safe; one instance serves any number of concurrent fetches. No thread is held per
 * fetch: all fetches share a few I/O threads and one timer thread (with the library's other network modules).
 * Results complete on the builder's {@link Builder#callbackExecutor(Executor) callback executor}, by default a
 * small pool shared by every fetcher.
 *
 * <pre>{@code
 * HttpsPolicyFetcher fetcher = HttpsPolicyFetcher.builder()
 *         .connectTimeout(Duration.ofSeconds(5))
 *         .trustedCertificates(List.of(root))            // a private CA, in addition to the JDK's trust store
 *         .build();
 * PolicyFetchRequest request = PolicyFetchRequest.of(
 *         DomainName.of("mta-sts.example.com"), List.of(InetAddress.getByName("192.0.2.10")))
 *         .withDeadline(Duration.ofSeconds(20));          // HTTPS 15 s, the plain-HTTP diagnostic 5 s
 * PolicyFetch fetch = fetcher.fetch(request).toCompletableFuture().join();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HttpsPolicyFetcher implements PolicyFetcher {

    /** The default connect timeout per address: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default body cap: 64 KiB, as RFC 8461 §3.3 suggests. */
    public static final int DEFAULT_MAX_BODY_SIZE = 64 * 1024;
    /** The default User-Agent. */
    public static final String DEFAULT_USER_AGENT = "mta-sts-java/0.1 (+https://github.com/mta-sts-java)";

    private final FetcherSettings settings;

    private HttpsPolicyFetcher(Builder builder) {
        this.settings = new FetcherSettings(builder.connectTimeout, builder.maxBodySize, builder.httpsPort,
                builder.httpPort, builder.plainHttpDiagnostic, builder.userAgent,
                builder.tlsSetup(), builder.callbackExecutor);
    }

    /** @return a builder with every default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fetches the policy file within {@link PolicyFetchRequest#deadline() the request's deadline}; see the class
     * documentation for how it is shared with the plain-HTTP diagnostic.
     *
     * @param request the host, the addresses to try, the path and the time budget
     * <p>Cancelling the returned future ({@code fetch(request).toCompletableFuture().cancel(true)}, as a caller
     * that gave up does) closes the fetch's connection at once, whatever it is doing, and no plain-HTTP
     * diagnostic starts afterwards.
     *
     * @return a stage that completes on the callback executor with what happened, never exceptionally for a
     *         network fault
     */
    @Override
    public CompletionStage<PolicyFetch> fetch(PolicyFetchRequest request) {
        Objects.requireNonNull(request, "request");
        long startNanos = System.nanoTime();
        FetchBudget budget = FetchBudget.of(request.deadline(), settings.plainHttpDiagnostic());
        CompletableFuture<PolicyFetch> returned = new CompletableFuture<>();
        AtomicReference<FetchOperation> current = new AtomicReference<>(
                new FetchOperation(settings, request, true, budget.https(), budget.httpsWords()));
        returned.whenComplete((f, e) -> {
            if (returned.isCancelled()) {
                current.get().cancel(); // the caller gave up: close the connection now
            }
        });
        CompletableFuture<PolicyFetch> https = current.get().start();
        CompletableFuture<PolicyFetch> withProbe = settings.plainHttpDiagnostic()
                ? https.thenCompose(fetch -> fetch.outcome() == FetchOutcome.OK || returned.isDone()
                        ? CompletableFuture.completedFuture(fetch)
                        : probe(request, fetch, budget, Duration.ofNanos(System.nanoTime() - startNanos), current,
                                returned))
                : https;
        withProbe.whenCompleteAsync((fetch, failure) -> {
            if (failure != null) {
                returned.completeExceptionally(failure);
            } else {
                returned.complete(fetch);
            }
        }, settings.callbackExecutor());
        return returned;
    }

    private CompletableFuture<PolicyFetch> probe(PolicyFetchRequest request, PolicyFetch https, FetchBudget budget,
            Duration elapsed, AtomicReference<FetchOperation> current, CompletableFuture<PolicyFetch> returned) {
        Optional<Duration> left = budget.diagnosticLeft(elapsed);
        if (left.isEmpty()) {
            return CompletableFuture.completedFuture(https); // no time left: the diagnostic does not run
        }
        FetchOperation plain = new FetchOperation(settings, request, false, left.get(),
                budget.diagnosticWords(left.get()));
        current.set(plain);
        if (returned.isCancelled()) {
            plain.cancel(); // cancelled while the operation was being switched: it never connects
        }
        return plain.start().thenApply(p -> https.withPlainHttp(new PlainHttpProbe(p)));
    }

    /** @return the options, equal for fetchers configured alike (for tests) */
    FetcherSettings settings() {
        return settings;
    }

    /**
     * @return the options in words, for example {@code HttpsPolicyFetcher[connectTimeout=PT10S, maxBodySize=65536,
     *         httpsPort=443, httpPort=80, plainHttpDiagnostic=true, ...]}; equal for fetchers configured alike
     */
    @Override
    public String toString() {
        return "HttpsPolicyFetcher[" + settings + "]";
    }

    /**
     * Options of an {@link HttpsPolicyFetcher}; every option has a default, so {@code builder().build()} is the
     * default fetcher. Each setter fails fast: {@code NullPointerException} for a null,
     * {@code IllegalArgumentException} for a bad value; the four trust options ({@link #trustedCertificates},
     * {@link #trustOnly}, {@link #trustManager}, {@link #sslContext}) are exclusive ({@code IllegalStateException}
     * when a second one is set). Not thread-safe; the fetcher it builds is.
     *
     * <pre>{@code
     * HttpsPolicyFetcher fetcher = HttpsPolicyFetcher.builder()
     *         .trustedCertificates(List.of(root))
     *         .connectTimeout(Duration.ofSeconds(3))
     *         .maxBodySize(16 * 1024)
     *         .build();
     * }</pre>
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int maxBodySize = DEFAULT_MAX_BODY_SIZE;
        private int httpsPort = 443;
        private int httpPort = 80;
        private boolean plainHttpDiagnostic = true;
        private String userAgent = DEFAULT_USER_AGENT;
        private TlsSetup tls;
        private String trustOption;
        private Provider tlsProvider;
        private Executor callbackExecutor = CallbackExecutor.get();

        private Builder() {
        }

        /**
         * How long to wait for each address to accept the TCP connection before trying the next; never more
         * than what is left of the request's {@link PolicyFetchRequest#deadline() deadline}.
         * Default: {@link #DEFAULT_CONNECT_TIMEOUT 10 seconds}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, not " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * The body cap: a 200 body longer than this is {@code TOO_LARGE}; reading stops one byte past it.
         * Default: {@link #DEFAULT_MAX_BODY_SIZE 65536 bytes (64 KiB)}.
         *
         * @param bytes a positive size of at most 16 MiB
         * @return this builder
         */
        public Builder maxBodySize(int bytes) {
            if (bytes < 1 || bytes > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("maxBodySize " + bytes + " is not between 1 and 16 MiB");
            }
            this.maxBodySize = bytes;
            return this;
        }

        /**
         * The HTTPS port. Default: {@code 443}. Change it for tests only.
         *
         * @param port 1 to 65535
         * @return this builder
         */
        public Builder httpsPort(int port) {
            this.httpsPort = port(port);
            return this;
        }

        /**
         * The port of the plain-HTTP diagnostic. Default: {@code 80}. Change it for tests only.
         *
         * @param port 1 to 65535
         * @return this builder
         */
        public Builder httpPort(int port) {
            this.httpPort = port(port);
            return this;
        }

        /**
         * Whether, after HTTPS failed (any outcome but {@code OK}), to fetch the same path with {@code http://}
         * on {@link #httpPort(int) the HTTP port} and report it in {@link PolicyFetch#plainHttp()}, to tell "the
         * policy is only served without TLS" from "there is no policy". It never changes the HTTPS outcome. When
         * on, {@code min(5 s, deadline / 4)} of the request's {@link PolicyFetchRequest#deadline() deadline} is
         * reserved for it and HTTPS has the rest; when off, HTTPS has the whole timeout.
         * Default: {@code true}.
         *
         * @param enabled true to run the diagnostic
         * @return this builder
         */
        public Builder plainHttpDiagnostic(boolean enabled) {
            this.plainHttpDiagnostic = enabled;
            return this;
        }

        /**
         * The {@code User-Agent} header. Default: {@link #DEFAULT_USER_AGENT}.
         *
         * @param userAgent printable ASCII
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            Objects.requireNonNull(userAgent, "userAgent");
            if (userAgent.isEmpty() || !userAgent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("userAgent must be non-empty printable ASCII");
            }
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Trusts these certificates as roots in addition to the JDK's trust store, for a private CA; the same
         * meaning as {@code PolicyFetcherSettings.trustedCertificates()} and the validator builder's option of
         * this name. Default: the JDK's trust store ({@code cacerts}) only.
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
         * Default: the JDK's trust store ({@code cacerts}).
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
         * Decides trust with this trust manager; the fetcher still checks the host name itself and still
         * categorises failures precisely. Default: the JDK's trust store.
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
         * Uses this {@code SSLContext} as it is (its trust managers, providers and key managers). The host name
         * is then checked after the handshake, and a trust failure is categorised from the exception the
         * context's trust manager threw, which may be less precise than with {@link #trustManager} (an expired
         * certificate the trust manager reports only as "no path" is {@code UNTRUSTED}).
         * Default: a context over the JDK's trust store.
         *
         * @param context an initialised TLS context
         * @return this builder
         * @throws IllegalStateException if another trust option is already set
         */
        public Builder sslContext(SSLContext context) {
            Objects.requireNonNull(context, "context");
            return trust("sslContext", () -> TlsSetup.custom(context));
        }

        /**
         * Where the returned stages complete, so that callers' callbacks never run on the fetcher's I/O threads.
         * Default: one pool shared by every fetcher of this module, {@code max(2, CPUs)} daemon threads named
         * {@code mta-sts-http-callback-N}, created on first use (not {@code ForkJoinPool.commonPool()}, which
         * has a single thread on a machine with two CPUs or fewer).
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

        /** @return the fetcher */
        public HttpsPolicyFetcher build() {
            return new HttpsPolicyFetcher(this);
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

        private static int port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
            }
            return port;
        }
    }
}
