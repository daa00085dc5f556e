package dev.mtasts.http;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.testkit.TestCertificateAuthority;
import dev.mtasts.testkit.TestHttpsServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throw-away CA, a loopback server and a fetcher that trusts the CA and uses the server's ports. */
final class FetcherFixture implements AutoCloseable {

    static final String POLICY = "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.test\r\nmax_age: 604800\r\n";

    final TestCertificateAuthority ca = TestCertificateAuthority.create();
    final TestHttpsServer server;

    FetcherFixture() throws Exception {
        server = TestHttpsServer.start(ca);
    }

    HttpsPolicyFetcher.Builder fetcherBuilder() {
        return HttpsPolicyFetcher.builder()
                .trustedCertificates(List.of(ca.rootCertificate()))
                .httpsPort(server.httpsPort())
                .httpPort(server.httpPort())
                .connectTimeout(Duration.ofSeconds(3))
                .deadline(Duration.ofSeconds(10));
    }

    PolicyFetch fetch(HttpsPolicyFetcher fetcher, String host, InetAddress... addresses) throws Exception {
        List<InetAddress> list = addresses.length == 0 ? List.of(server.address()) : List.of(addresses);
        return fetcher.fetch(PolicyFetchRequest.of(DomainName.of(host), list))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static InetAddress loopback(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    }

    @Override
    public void close() {
        server.close();
    }
}
