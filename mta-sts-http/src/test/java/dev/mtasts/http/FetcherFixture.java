package dev.mtasts.http;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.testkit.TestCertificateAuthority;
import dev.mtasts.testkit.TestHttpsServer;
import java.net.InetAddress;
import java.security.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA, a loopback server, fetchers pointed at the server's ports, and requests with a short budget.
 */
final class FetcherFixture implements AutoCloseable {

    static final String POLICY = "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.test\r\nmax_age: 604800\r\n";

    /** The budget of the fixture's requests: long enough for loopback, short enough for a test. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    final TestCertificateAuthority ca = TestCertificateAuthority.create();
    final TestHttpsServer server;
    final Optional<Provider> tlsProvider;

    /** A fixture whose fetchers speak TLS with the JDK's provider. */
    FetcherFixture() throws Exception {
        this(Optional.empty());
    }

    /** @param tlsProvider the TLS provider of the fixture's fetchers (but those with an {@code sslContext}) */
    FetcherFixture(Optional<Provider> tlsProvider) throws Exception {
        this.tlsProvider = tlsProvider;
        server = TestHttpsServer.start(ca);
    }

    /** @return every default but the server's ports and the fixture's TLS provider (trust: the JDK's trust store) */
    HttpsPolicyFetcher.Builder bareBuilder() {
        HttpsPolicyFetcher.Builder builder = portsOnlyBuilder();
        tlsProvider.ifPresent(builder::tlsProvider);
        return builder;
    }

    /** @return every default but the server's ports, with the JDK's TLS provider (for an {@code sslContext}) */
    HttpsPolicyFetcher.Builder portsOnlyBuilder() {
        return HttpsPolicyFetcher.builder()
                .httpsPort(server.httpsPort())
                .httpPort(server.httpPort());
    }

    /** @return the server's ports, only the test CA trusted, a short connect timeout */
    HttpsPolicyFetcher.Builder fetcherBuilder() {
        return bareBuilder()
                .trustOnly(List.of(ca.rootCertificate()))
                .connectTimeout(Duration.ofSeconds(3));
    }

    /** @return a request for the well-known path from these addresses (default: the server's), {@link #TIMEOUT} */
    PolicyFetchRequest request(String host, InetAddress... addresses) {
        List<InetAddress> list = addresses.length == 0 ? List.of(server.address()) : List.of(addresses);
        return PolicyFetchRequest.of(DomainName.of(host), list).withDeadline(TIMEOUT);
    }

    PolicyFetch fetch(PolicyFetcher fetcher, String host, InetAddress... addresses) throws Exception {
        return fetch(fetcher, request(host, addresses));
    }

    /** Waits for the fetch, at most its budget plus a margin: a fetch that overruns its budget fails the test. */
    static PolicyFetch fetch(PolicyFetcher fetcher, PolicyFetchRequest request) throws Exception {
        return fetcher.fetch(request).toCompletableFuture()
                .get(request.deadline().toMillis() + 5_000, TimeUnit.MILLISECONDS);
    }

    static InetAddress loopback(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }

    @Override
    public void close() {
        server.close();
    }
}
