package dev.mtasts.http;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PlainHttpProbe;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcher;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
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
 *   <li>HTTP/1.1 with {@code Connection: close}; no redirect is followed, no cache is used and no conditional
 *       request is sent; the body is read only for status 200 and only up to the cap plus one byte.</li>
 *   <li>A connect timeout per address and one deadline for the whole fetch, so a server that trickles a byte
 *       a second cannot hold it.</li>
 *   <li>Optionally, when HTTPS fails, the plain-HTTP diagnostic fetches {@code http://} on port 80 and reports
 *       whether a policy is served there ({@link PolicyFetch#plainHttp()}).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; one instance serves any number of concurrent fetches. No thread is held per
 * fetch: all fetches share a few I/O threads and one timer thread. Results complete on the builder's
 * {@link Builder#callbackExecutor(Executor) callback executor}.
 *
 * <pre>{@code
 * HttpsPolicyFetcher fetcher = HttpsPolicyFetcher.builder()
 *         .connectTimeout(Duration.ofSeconds(5))
 *         .deadline(Duration.ofSeconds(20))
 *         .plainHttpDiagnostic(true)
 *         .build();
 * PolicyFetch fetch = fetcher.fetch(PolicyFetchRequest.of(
 *         DomainName.of("mta-sts.example.com"), List.of(InetAddress.getByName("192.0.2.10"))))
 *         .toCompletableFuture().join();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class HttpsPolicyFetcher implements PolicyFetcher {

    /** The default connect timeout per address: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default deadline of a whole fetch: 30 seconds (RFC 8461 §3.3 suggests senders allow up to a minute). */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    /** The default body cap: 64 KiB, as RFC 8461 §3.3 suggests. */
    public static final int DEFAULT_MAX_BODY_SIZE = 64 * 1024;
    /** The default User-Agent. */
    public static final String DEFAULT_USER_AGENT = "mta-sts-java/0.1 (+https://github.com/mta-sts-java)";

    private final FetcherSettings settings;
    private final Executor callbackExecutor;

    /**
     * A fetcher with every default; this is what {@link java.util.ServiceLoader} creates.
     */
    public HttpsPolicyFetcher() {
        this(new Builder());
    }

    private HttpsPolicyFetcher(Builder builder) {
        this.settings = new FetcherSettings(builder.connectTimeout, builder.deadline, builder.maxBodySize,
                builder.httpsPort, builder.httpPort, builder.plainHttpDiagnostic, builder.userAgent,
                builder.tls == null ? TlsSetup.jdkRoots() : builder.tls);
        this.callbackExecutor = builder.callbackExecutor;
    }

    /** @return a builder with every default */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletionStage<PolicyFetch> fetch(PolicyFetchRequest request) {
        Objects.requireNonNull(request, "request");
        CompletableFuture<PolicyFetch> https = new FetchOperation(settings, request, true).start();
        CompletableFuture<PolicyFetch> withProbe = settings.plainHttpDiagnostic()
                ? https.thenCompose(fetch -> fetch.outcome() == FetchOutcome.OK
                        ? CompletableFuture.completedFuture(fetch)
                        : new FetchOperation(settings.forPlainHttpProbe(), request, false).start()
                                .thenApply(plain -> fetch.withPlainHttp(new PlainHttpProbe(plain))))
                : https;
        return withProbe.thenApplyAsync(Function.identity(), callbackExecutor);
    }

    @Override
    public String toString() {
        return "HttpsPolicyFetcher[connectTimeout=" + settings.connectTimeout() + ", deadline=" + settings.deadline()
                + ", maxBodySize=" + settings.maxBodySize() + ", ports=" + settings.httpsPort() + "/"
                + settings.httpPort() + ", plainHttpDiagnostic=" + settings.plainHttpDiagnostic() + "]";
    }

    /**
     * Options of an {@link HttpsPolicyFetcher}. Each setter fails fast on a bad value
     * ({@code IllegalArgumentException}); the trust options are exclusive ({@code IllegalStateException} when
     * a second one is set). Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration deadline = DEFAULT_DEADLINE;
        private int maxBodySize = DEFAULT_MAX_BODY_SIZE;
        private int httpsPort = 443;
        private int httpPort = 80;
        private boolean plainHttpDiagnostic;
        private String userAgent = DEFAULT_USER_AGENT;
        private TlsSetup tls;
        private String trustOption;
        private Executor callbackExecutor = ForkJoinPool.commonPool();

        private Builder() {
        }

        /**
         * How long to wait for each address to accept the TCP connection before trying the next.
         * Default: {@link #DEFAULT_CONNECT_TIMEOUT 10 seconds}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * The most a whole fetch may take, from the first connection attempt to the last body byte, over every
         * address. When it passes the connection is closed and the outcome is {@code TIMEOUT}. The plain-HTTP
         * diagnostic, when it runs, has a deadline of its own: a quarter of this one, 5 seconds at most; it never
         * changes the HTTPS outcome.
         * Default: {@link #DEFAULT_DEADLINE 30 seconds}.
         *
         * @param deadline a positive duration
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
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
         * on {@link #httpPort(int) the HTTP port} and report it in {@link PolicyFetch#plainHttp()}. The diagnostic
         * has a quarter of the {@link #deadline(Duration) deadline}, 5 seconds at most, so a firewalled port 80
         * costs little. Default: {@code false}.
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
         * Trusts exactly these certificates (as roots), instead of the JDK's trust store.
         * Default: the JDK's trust store ({@code cacerts}).
         *
         * @param roots the trust anchors, not empty
         * @return this builder
         */
        public Builder trustedCertificates(Collection<X509Certificate> roots) {
            trust("trustedCertificates");
            this.tls = TlsSetup.certificates(nonEmpty(roots), false);
            return this;
        }

        /**
         * Trusts these certificates in addition to the JDK's trust store (for a private CA).
         * Default: the JDK's trust store only.
         *
         * @param roots extra trust anchors, not empty
         * @return this builder
         */
        public Builder extraTrustedCertificates(Collection<X509Certificate> roots) {
            trust("extraTrustedCertificates");
            this.tls = TlsSetup.certificates(nonEmpty(roots), true);
            return this;
        }

        /**
         * Decides trust with this trust manager; the fetcher still checks the host name itself and still
         * categorises failures precisely. Default: the JDK's trust store.
         *
         * @param trustManager decides whether a chain is trusted
         * @return this builder
         */
        public Builder trustManager(X509TrustManager trustManager) {
            trust("trustManager");
            this.tls = TlsSetup.wrapping(Objects.requireNonNull(trustManager, "trustManager"));
            return this;
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
         */
        public Builder sslContext(SSLContext context) {
            trust("sslContext");
            this.tls = TlsSetup.custom(Objects.requireNonNull(context, "context"));
            return this;
        }

        /**
         * Where the returned stages complete, so that callers' callbacks never run on the fetcher's I/O threads.
         * Default: {@link ForkJoinPool#commonPool()}.
         *
         * @param executor runs completions
         * @return this builder
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** @return the fetcher */
        public HttpsPolicyFetcher build() {
            return new HttpsPolicyFetcher(this);
        }

        private void trust(String option) {
            if (trustOption != null) {
                throw new IllegalStateException(option + " cannot be combined with " + trustOption);
            }
            trustOption = option;
        }

        private static Collection<X509Certificate> nonEmpty(Collection<X509Certificate> roots) {
            if (Objects.requireNonNull(roots, "roots").isEmpty()) {
                throw new IllegalArgumentException("no certificates to trust");
            }
            return List.copyOf(roots);
        }

        private static Duration positive(Duration d, String name) {
            if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + d);
            }
            return d;
        }

        private static int port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
            }
            return port;
        }
    }
}
