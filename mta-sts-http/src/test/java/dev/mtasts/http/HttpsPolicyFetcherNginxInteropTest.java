package dev.mtasts.http;

import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.testkit.TestCertificateAuthority;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with a web server people really run: Debian's nginx on two free loopback ports (HTTPS with
 * certificates from the test authority, and plain HTTP for the diagnostic). Skipped, saying so, when nginx is
 * not installed ({@code apt-get install -y nginx-light}, or {@code .ci/install-http-interop.sh}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsPolicyFetcherNginxInteropTest {

    private static final String HOST = "mta-sts.nginx.test";

    @TempDir
    static Path dir;

    private static Process nginx;
    private static int port;
    private static int httpPort;
    private static TestCertificateAuthority ca;
    private static HttpsPolicyFetcher fetcher;

    @BeforeAll
    static void startNginx() throws Exception {
        Optional<Path> binary = findNginx();
        Assumptions.assumeTrue(binary.isPresent(),
                "nginx is not installed; to run this interop test: apt-get install -y nginx-light "
                        + "(or run .ci/install-http-interop.sh)");
        ca = TestCertificateAuthority.create();
        ca.issue(HOST).writePem(dir.resolve("chain.pem"), dir.resolve("key.pem"));
        Files.createDirectories(dir.resolve("www/.well-known"));
        Files.writeString(dir.resolve("www/.well-known/mta-sts.txt"), POLICY, StandardCharsets.US_ASCII);
        try (ServerSocket probe = new ServerSocket(0, 1, FetcherFixture.loopback(1));
                ServerSocket plainProbe = new ServerSocket(0, 1, FetcherFixture.loopback(1))) {
            port = probe.getLocalPort();
            httpPort = plainProbe.getLocalPort();
        }
        Files.writeString(dir.resolve("nginx.conf"), config(dir, port, httpPort), StandardCharsets.US_ASCII);
        makeReadableByWorkers(dir);
        nginx = new ProcessBuilder(binary.get().toString(), "-p", dir.toString(), "-e",
                dir.resolve("error.log").toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        awaitListening(port);
        awaitListening(httpPort);
        fetcher = HttpsPolicyFetcher.builder().trustOnly(List.of(ca.rootCertificate()))
                .httpsPort(port).httpPort(httpPort).connectTimeout(Duration.ofSeconds(3)).build();
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx == null) {
            return;
        }
        List<ProcessHandle> children = nginx.descendants().toList();
        nginx.destroy();
        if (!nginx.waitFor(5, TimeUnit.SECONDS)) {
            nginx.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static PolicyFetch fetch(String host, String path) throws Exception {
        return FetcherFixture.fetch(fetcher, PolicyFetchRequest.of(DomainName.of(host),
                List.of(FetcherFixture.loopback(1))).withPath(path).withDeadline(FetcherFixture.TIMEOUT));
    }

    @Test
    void policyIsFetchedFromNginxAsTextPlain() throws Exception {
        PolicyFetch fetch = fetch(HOST, PolicyFetchRequest.DEFAULT_PATH);

        assertThat(fetch.outcome()).as(fetch.toString()).isEqualTo(FetchOutcome.OK);
        assertThat(fetch.bodyText()).isEqualTo(POLICY);
        assertThat(fetch.mediaType().orElseThrow().isTextPlain()).isTrue();
        assertThat(fetch.header("server")).hasValueSatisfying(s -> assertThat(s).startsWith("nginx"));
        assertThat(fetch.tlsVersion()).isPresent();
        assertThat(fetch.certificates().get(0).dnsNames()).containsExactly(HOST);
        assertThat(fetch.plainHttp()).isEmpty();
    }

    @Test
    void missingFileIsA404FromNginx() throws Exception {
        PolicyFetch fetch = fetch(HOST, "/missing.txt");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.HTTP_STATUS);
        assertThat(fetch.statusCode()).hasValue(404);
        assertThat(fetch.plainHttp().orElseThrow().fetch().statusCode()).hasValue(404);
        assertThat(fetch.plainHttp().orElseThrow().policyServed()).isFalse();
    }

    @Test
    void nginxReturn301IsAReportedRedirect() throws Exception {
        PolicyFetch fetch = fetch(HOST, "/moved.txt");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.REDIRECT);
        assertThat(fetch.statusCode()).hasValue(301);
        assertThat(fetch.location()).hasValue("https://www.nginx.test/.well-known/mta-sts.txt");
    }

    @Test
    void nginxCertificateForAnotherHostIsAHostnameMismatch() throws Exception {
        PolicyFetch fetch = fetch("mta-sts.other.test", PolicyFetchRequest.DEFAULT_PATH);

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TLS_FAILURE);
        assertThat(fetch.tlsFailure()).hasValue(TlsFailureCategory.HOSTNAME_MISMATCH);
    }

    @Test
    void diagnosticFindsThePolicyNginxServesOverPlainHttp() throws Exception {
        PolicyFetch fetch = fetch("mta-sts.other.test", PolicyFetchRequest.DEFAULT_PATH);

        PolicyFetch plain = fetch.plainHttp().orElseThrow().fetch();
        assertThat(plain.outcome()).as(plain.toString()).isEqualTo(FetchOutcome.OK);
        assertThat(plain.address().orElseThrow().getPort()).isEqualTo(httpPort);
        assertThat(plain.header("server")).hasValueSatisfying(s -> assertThat(s).startsWith("nginx"));
        assertThat(fetch.plainHttp().orElseThrow().policyServed()).isTrue();
    }

    private static String config(Path dir, int port, int httpPort) {
        String d = dir.toString();
        return String.join("\n",
                "daemon off;",
                "worker_processes 1;",
                "pid " + d + "/nginx.pid;",
                "error_log " + d + "/error.log warn;",
                "events { worker_connections 64; }",
                "http {",
                "  access_log " + d + "/access.log;",
                "  client_body_temp_path " + d + "/client_body;",
                "  proxy_temp_path " + d + "/proxy;",
                "  fastcgi_temp_path " + d + "/fastcgi;",
                "  uwsgi_temp_path " + d + "/uwsgi;",
                "  scgi_temp_path " + d + "/scgi;",
                "  types { text/plain txt; text/html html; }",
                "  default_type application/octet-stream;",
                "  server {",
                "    listen 127.0.0.1:" + port + " ssl;",
                "    listen 127.0.0.1:" + httpPort + ";",
                "    server_name " + HOST + ";",
                "    ssl_certificate " + d + "/chain.pem;",
                "    ssl_certificate_key " + d + "/key.pem;",
                "    ssl_protocols TLSv1.2 TLSv1.3;",
                "    root " + d + "/www;",
                "    location = /moved.txt { return 301 https://www.nginx.test/.well-known/mta-sts.txt; }",
                "  }",
                "}",
                "");
    }

    private static Optional<Path> findNginx() {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.concat(path, Stream.of("/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin"))
                .filter(p -> !p.isEmpty())
                .map(p -> Path.of(p, "nginx"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** When the test runs as root, nginx's workers run as an unprivileged user: they must read the site. */
    private static void makeReadableByWorkers(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                boolean key = p.getFileName() != null && p.getFileName().toString().equals("key.pem");
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : key ? "rw-------" : "rw-r--r--"));
            }
        }
    }

    private static void awaitListening(int port) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx exited with " + nginx.exitValue() + ": " + logs());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(FetcherFixture.loopback(1), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on port " + port + " within 15 s: " + logs());
    }

    private static String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("nginx.out", "error.log")) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                out.append(name).append(": ").append(Files.readString(file)).append('\n');
            }
        }
        return out.toString();
    }
}
