package dev.mtasts.http;

import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.testkit.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Servers that try to hang, flood or crash the fetcher: each fetch ends at once, having read a bounded amount. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HttpsPolicyFetcherHostileTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    /** What the fetcher reads at most per response with the default cap: 64 KiB body + 64 KiB framing. */
    private static final long RESPONSE_BUDGET = 64 * 1024 + ResponseParser.FRAMING_ALLOWANCE;
    /** What the server can have written beyond what the client read: loopback socket buffers. */
    private static final long SOCKET_BUFFERS = 16L << 20;
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked"
            + "\r\n\r\n";

    static FetcherFixture fixture;
    static HttpsPolicyFetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        fixture = new FetcherFixture();
        fetcher = fixture.fetcherBuilder().plainHttpDiagnostic(false).build();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static PolicyFetchRequest request(String host) {
        return fixture.request(host).withDeadline(BUDGET);
    }

    /** Runs one operation directly, to see how many bytes it read. */
    private static Ended operation(String host, ResponseParser parser) throws Exception {
        FetchOperation op = new FetchOperation(fetcher.settings(), request(host), true, BUDGET, "the test budget",
                parser);
        PolicyFetch fetch = op.start().get(BUDGET.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        return new Ended(fetch, op.bytesRead(), op.channelOpen());
    }

    private static Ended operation(String host) throws Exception {
        return operation(host, new ResponseParser(32 * 1024, 64 * 1024));
    }

    private record Ended(PolicyFetch fetch, long bytesRead, boolean channelOpen) {
    }

    private static String policyOf(int size) {
        StringBuilder text = new StringBuilder(POLICY);
        while (text.length() < size) {
            text.append("mx: mx").append(text.length()).append(".example.test\r\n");
        }
        return text.toString();
    }

    @Test
    void policyOf20KBSentAsOneByteTlsRecordsIsReadWithoutExhaustingTheStack() throws Exception {
        String policy = policyOf(20_000);
        fixture.server.respond("mta-sts.tiny-records.test", HttpResponse.ok("text/plain", policy).inPiecesOf(1));

        PolicyFetch fetch = FetcherFixture.fetch(fetcher, request("mta-sts.tiny-records.test"));

        assertThat(fetch.outcome()).as(fetch.detail()).isEqualTo(FetchOutcome.OK);
        assertThat(fetch.bodyText()).isEqualTo(policy);
        assertThat(fetch.elapsed()).isLessThan(BUDGET.dividedBy(2));
    }

    @Test
    void endlessInterimResponsesStopAtTheResponseBudget() throws Exception {
        String host = "mta-sts.endless-100.test";
        fixture.server.respond(host, HttpResponse.rawEndless("", "HTTP/1.1 100 Continue\r\n\r\n"));

        Ended ended = operation(host);

        assertThat(ended.fetch().outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
        assertThat(ended.fetch().detail()).contains("interim (1xx) responses").contains(RESPONSE_BUDGET + " bytes");
        assertBounded(host, ended);
    }

    @Test
    void endlessTrailersStopAtTheResponseBudget() throws Exception {
        String host = "mta-sts.endless-trailers.test";
        fixture.server.respond(host, HttpResponse.rawEndless(CHUNKED + "5\r\nhello\r\n0\r\n", "X-Trailer: x\r\n"));

        Ended ended = operation(host);

        assertThat(ended.fetch().outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
        assertThat(ended.fetch().detail()).contains("trailers");
        assertBounded(host, ended);
    }

    @Test
    void oneByteChunksWithHugeExtensionsStopAtTheResponseBudget() throws Exception {
        String host = "mta-sts.chunk-extensions.test";
        fixture.server.respond(host, HttpResponse.rawEndless(CHUNKED, "1;ext=" + "e".repeat(8000) + "\r\nx\r\n"));

        Ended ended = operation(host);

        assertThat(ended.fetch().outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
        assertThat(ended.fetch().detail()).contains("chunked body");
        assertBounded(host, ended);
    }

    @Test
    void headersThatNeverEndStopAtTheHeadCap() throws Exception {
        String host = "mta-sts.endless-headers.test";
        fixture.server.respond(host, HttpResponse.rawEndless("HTTP/1.1 200 OK\r\n", "X-Filler: x\r\n"));

        Ended ended = operation(host);

        assertThat(ended.fetch().outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
        assertThat(ended.fetch().detail()).contains("head is longer than 32768 bytes");
        assertBounded(host, ended);
    }

    @Test
    void tenThousandHeadersAreAProtocolErrorQuickly() throws Exception {
        String host = "mta-sts.many-headers.test";
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n");
        for (int i = 0; i < 10_000; i++) {
            head.append("X-H").append(i).append(": v\r\n");
        }
        fixture.server.respond(host, HttpResponse.raw(head + "Content-Length: 2\r\n\r\nok"));

        Ended ended = operation(host);

        assertThat(ended.fetch().outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
        assertThat(ended.fetch().detail()).contains("head is longer than");
        assertBounded(host, ended);
    }

    @Test
    void endlessBodyStillEndsAsTooLargeAtTheBodyCap() throws Exception {
        String host = "mta-sts.endless-body.test";
        fixture.server.respond(host, HttpResponse.ok("text/plain", POLICY).withEndlessBody());

        Ended ended = operation(host);

        assertThat(ended.fetch().outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertBounded(host, ended);
    }

    private static void assertBounded(String host, Ended ended) {
        assertThat(ended.bytesRead()).as("bytes the fetcher consumed").isLessThanOrEqualTo(RESPONSE_BUDGET);
        assertThat(fixture.server.bytesSent(host)).as("bytes the server got written")
                .isLessThan(RESPONSE_BUDGET + SOCKET_BUFFERS);
        assertThat(ended.fetch().elapsed()).isLessThan(Duration.ofSeconds(3));
        assertThat(ended.channelOpen()).as("connection closed").isFalse();
    }

    /**
     * Four hostile hosts fetched again and again, each fetch of them reading at most one response budget, while
     * unrelated fetches go on beside them and all succeed. Before the response budget, each hostile fetch read
     * 130-250 MB and slowed the others threefold; what they cost the unrelated fetches in time is measured side by
     * side with four well-behaved neighbours by {@code FloodNeighbourBenchmark} (BENCHMARKS.md), not asserted here.
     */
    @Test
    void fourFloodingHostsReadABoundedAmountPerFetchWhileUnrelatedFetchesSucceed() throws Exception {
        fixture.server.respond("mta-sts.flood-0.test", HttpResponse.rawEndless("", "HTTP/1.1 100 Continue\r\n\r\n"))
                .respond("mta-sts.flood-1.test", HttpResponse.rawEndless(CHUNKED + "0\r\n", "X-T: x\r\n"))
                .respond("mta-sts.flood-2.test",
                        HttpResponse.rawEndless(CHUNKED, "1;e=" + "e".repeat(8000) + "\r\nx\r\n"))
                .respond("mta-sts.flood-3.test", HttpResponse.ok("text/plain", POLICY).withEndlessBody())
                .respond("mta-sts.calm.test", HttpResponse.ok("text/plain", POLICY));
        AtomicBoolean running = new AtomicBoolean(true);
        java.util.Map<String, AtomicInteger> floodFetches = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong mostReadByOneFetch = new AtomicLong();
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String host = "mta-sts.flood-" + i + ".test";
            loops.add(CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    Ended ended = floodOnce(host);
                    assertThat(ended.fetch().outcome()).as(ended.fetch().detail())
                            .isIn(FetchOutcome.PROTOCOL_ERROR, FetchOutcome.TOO_LARGE);
                    assertThat(ended.channelOpen()).as("connection to %s closed", host).isFalse();
                    mostReadByOneFetch.accumulateAndGet(ended.bytesRead(), Math::max);
                    floodFetches.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
                }
            }, runnable -> new Thread(runnable, "flood-loop").start()));
        }
        List<FetchOutcome> calm = new ArrayList<>();
        try {
            // every flood host fetched at least once before the calm fetches; a loop that failed ends the wait
            while (floodFetches.size() < 4 && loops.stream().noneMatch(CompletableFuture::isDone)) {
                Thread.sleep(10);
            }
            for (int i = 0; i < 30; i++) {
                calm.add(FetcherFixture.fetch(fetcher, request("mta-sts.calm.test")).outcome());
            }
        } finally {
            running.set(false);
            CompletableFuture.allOf(loops.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        }

        assertThat(calm).as("the unrelated fetches beside the floods").hasSize(30).containsOnly(FetchOutcome.OK);
        assertThat(floodFetches).as("fetches of each flooding host").containsOnlyKeys("mta-sts.flood-0.test",
                "mta-sts.flood-1.test", "mta-sts.flood-2.test", "mta-sts.flood-3.test");
        assertThat(mostReadByOneFetch.get()).as("bytes the costliest flood fetch read")
                .isPositive().isLessThanOrEqualTo(RESPONSE_BUDGET);
    }

    private static Ended floodOnce(String host) {
        try {
            return operation(host);
        } catch (Exception e) {
            throw new AssertionError("fetch of " + host + " did not end: " + e, e);
        }
    }

    @Test
    void responseStartingWithAnEmptyLineIsAProtocolErrorAtOnce() throws Exception {
        fixture.server.respond("mta-sts.empty-first-line.test",
                HttpResponse.raw("\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"));

        PolicyFetch fetch = FetcherFixture.fetch(fetcher, request("mta-sts.empty-first-line.test"));

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
        assertThat(fetch.detail()).contains("starts with an empty line");
        assertThat(fetch.elapsed()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anExceptionOnAnIoCallbackEndsTheFetchAtOnceAsAProtocolError() throws Exception {
        fixture.server.respond("mta-sts.parser-bug.test", HttpResponse.ok("text/plain", POLICY));
        ResponseParser buggy = new ResponseParser(32 * 1024, 64 * 1024) {
            @Override
            Result feed(ByteBuffer in) {
                throw new ArrayIndexOutOfBoundsException("Index 0 out of bounds for length 0");
            }
        };

        Ended ended = operation("mta-sts.parser-bug.test", buggy);

        assertThat(ended.fetch().outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
        assertThat(ended.fetch().detail()).contains("ArrayIndexOutOfBoundsException")
                .contains("Index 0 out of bounds");
        assertThat(ended.fetch().elapsed()).isLessThan(Duration.ofSeconds(2));
        assertThat(ended.channelOpen()).isFalse();
    }

    @Test
    void aStackOverflowOnAnIoCallbackEndsTheFetchAtOnceToo() throws Exception {
        fixture.server.respond("mta-sts.overflow.test", HttpResponse.ok("text/plain", POLICY));
        ResponseParser overflowing = new ResponseParser(32 * 1024, 64 * 1024) {
            @Override
            Result feed(ByteBuffer in) {
                throw new StackOverflowError();
            }
        };

        Ended ended = operation("mta-sts.overflow.test", overflowing);

        assertThat(ended.fetch().outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
        assertThat(ended.fetch().detail()).contains("StackOverflowError");
        assertThat(ended.fetch().elapsed()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void gzipBodyIsNamedNotInflatedAndNotRead() throws Exception {
        String host = "mta-sts.gzip-bomb.test";
        byte[] bomb = gzipOfZeros(64 << 20); // 64 MiB of zeros in about 64 KiB
        fixture.server.respond(host, HttpResponse.ok("text/plain", bomb).withHeader("Content-Encoding", "gzip"));

        Ended ended = operation(host);

        assertThat(ended.fetch().outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
        assertThat(ended.fetch().statusCode()).hasValue(200);
        assertThat(ended.fetch().detail()).contains("Content-Encoding: gzip")
                .contains("asked for none (Accept-Encoding: identity)").contains("neither read nor inflated");
        assertThat(ended.fetch().bodySize()).isZero();
        assertThat(ended.bytesRead()).isLessThan(bomb.length);
        assertThat(fixture.server.requests().stream().filter(r -> r.host().orElse("").equals(host))
                .map(r -> r.header("accept-encoding").orElse("none")).toList()).containsOnly("identity");
    }

    static byte[] gzipOfZeros(int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 16];
            for (int written = 0; written < size; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return out.toByteArray();
    }
}
