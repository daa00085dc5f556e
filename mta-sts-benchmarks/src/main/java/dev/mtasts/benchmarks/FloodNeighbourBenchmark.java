package dev.mtasts.benchmarks;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.http.HttpsPolicyFetcher;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.TestCertificateAuthority;
import dev.mtasts.testkit.TestHttpsServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What four hostile policy hosts, fetched again and again, cost an unrelated fetch made beside them, against four
 * well-behaved hosts fetched as often: the time of one calm fetch (a TLS handshake and a GET to a server in this JVM)
 * with {@code neighbours=busy} and {@code neighbours=flood}, side by side in one run. The floods are an endless
 * stream of {@code 100 Continue}, endless chunk trailers, endless chunk extensions and an endless body; the fetcher
 * stops each at its response budget (64 KiB of body and 64 KiB of framing); before that budget each flood fetch read
 * 130-250 MB and the ratio was about 3. What is left of the ratio (BENCHMARKS.md, section 6) is the test server's
 * own work, in this JVM: it writes megabytes per flood fetch into the socket buffers; the teardown prints those
 * bytes and the CPU time of the server's and the fetcher's threads, to tell the two apart.
 *
 * <pre>{@code
 * java -jar mta-sts-benchmarks/target/benchmarks.jar FloodNeighbourBenchmark -f 2 -wi 3 -w 2s -i 5 -r 2s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FloodNeighbourBenchmark {

    private static final String POLICY = "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.test\r\n"
            + "max_age: 604800\r\n";
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked"
            + "\r\n\r\n";
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(FloodNeighbourBenchmark.class);

    /** What the four neighbour loops fetch: {@code busy} hosts serve a policy, {@code flood} hosts never stop. */
    @Param({"busy", "flood"})
    public String neighbours;

    private TestHttpsServer server;
    private HttpsPolicyFetcher fetcher;
    private PolicyFetchRequest calm;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong neighbourFetches = new AtomicLong();
    private final AtomicLong neighbourFailures = new AtomicLong();
    private final List<Thread> loops = new ArrayList<>();

    @Setup(Level.Trial)
    public void start() throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create();
        server = TestHttpsServer.start(ca);
        server.respond("mta-sts.calm.test", HttpResponse.ok("text/plain", POLICY))
                .respond("mta-sts.flood-0.test", HttpResponse.rawEndless("", "HTTP/1.1 100 Continue\r\n\r\n"))
                .respond("mta-sts.flood-1.test", HttpResponse.rawEndless(CHUNKED + "0\r\n", "X-T: x\r\n"))
                .respond("mta-sts.flood-2.test",
                        HttpResponse.rawEndless(CHUNKED, "1;e=" + "e".repeat(8000) + "\r\nx\r\n"))
                .respond("mta-sts.flood-3.test", HttpResponse.ok("text/plain", POLICY).withEndlessBody());
        for (int i = 0; i < 4; i++) {
            server.respond("mta-sts.busy-" + i + ".test", HttpResponse.ok("text/plain", POLICY));
        }
        fetcher = HttpsPolicyFetcher.builder()
                .httpsPort(server.httpsPort())
                .httpPort(server.httpPort())
                .trustOnly(List.of(ca.rootCertificate()))
                .build();
        calm = request("mta-sts.calm.test");
        running.set(true);
        for (int i = 0; i < 4; i++) {
            PolicyFetchRequest neighbour = request("mta-sts." + neighbours + "-" + i + ".test");
            Thread loop = new Thread(() -> {
                while (running.get()) {
                    try {
                        fetcher.fetch(neighbour).toCompletableFuture().join();
                        neighbourFetches.incrementAndGet();
                    } catch (RuntimeException e) {
                        neighbourFailures.incrementAndGet();
                    }
                }
            }, "neighbour-" + i);
            loop.setDaemon(true);
            loop.start();
            loops.add(loop);
        }
    }

    private PolicyFetchRequest request(String host) {
        return PolicyFetchRequest.of(DomainName.of(host), List.of(server.address())).withDeadline(DEADLINE);
    }

    @Benchmark
    public PolicyFetch calmFetchBesideFourNeighbours() {
        PolicyFetch fetch = fetcher.fetch(calm).toCompletableFuture().join();
        if (fetch.outcome() != FetchOutcome.OK) {
            throw new IllegalStateException("the calm fetch failed: " + fetch.detail());
        }
        return fetch;
    }

    /** @return the CPU time used so far by the live threads whose names start with this prefix */
    private static long cpuMillisOfThreads(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        running.set(false);
        for (Thread loop : loops) {
            loop.join(DEADLINE.toMillis() * 2);
        }
        long sent = 0;
        for (int i = 0; i < 4; i++) {
            sent += server.bytesSent("mta-sts." + neighbours + "-" + i + ".test");
        }
        long fetches = neighbourFetches.get();
        LOG.info("{} neighbour fetches ({}, {} failed with an exception) during the trial, the server wrote {} KiB a"
                + " fetch to them; CPU of the server's threads {} ms, of the fetcher's {} ms", fetches, neighbours,
                neighbourFailures.get(), sent / 1024 / Math.max(1, fetches), cpuMillisOfThreads("test-https-"),
                cpuMillisOfThreads("mta-sts-"));
        server.close();
    }
}
