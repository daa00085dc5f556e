package dev.mtasts.http;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.internal.tls.NetworkThreads;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.TestHttpsServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No thread per fetch, and completions on the module's own pool: on a machine with two CPUs or fewer the
 * common pool has a parallelism of one and {@code CompletableFuture} starts a thread per asynchronous task, so
 * neither may carry the callbacks of thousands of fetches.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HttpsPolicyFetcherThreadsTest {

    private static final int FETCHES = 200;
    /** The server's fixed workers, the fetcher's shared threads and generous headroom for the JVM's own. */
    private static final int THREAD_BOUND = TestHttpsServer.WORKER_THREADS + NetworkThreads.IO_THREADS + 1
            + CallbackExecutor.THREADS + 16;

    private static FetcherFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new FetcherFixture();
        fixture.server.respond("mta-sts.many.test",
                HttpResponse.ok("text/plain", POLICY).withHeaderDelay(Duration.ofMillis(300)));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void twoHundredFetchesInFlightCompleteOnTheSharedCallbackPoolWithBoundedThreads() throws Exception {
        HttpsPolicyFetcher fetcher = fixture.fetcherBuilder().build();
        FetcherFixture.fetch(fetcher, fixture.request("mta-sts.many.test")); // warm up the shared threads
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int before = threads.getThreadCount();
        long startedBefore = threads.getTotalStartedThreadCount();
        Set<String> completedOn = ConcurrentHashMap.newKeySet();

        List<CompletableFuture<PolicyFetch>> fetches = new ArrayList<>();
        for (int i = 0; i < FETCHES; i++) {
            PolicyFetchRequest request = fixture.request("mta-sts.many.test").withDeadline(Duration.ofSeconds(60));
            fetches.add(fetcher.fetch(request).toCompletableFuture().thenApply(fetch -> {
                completedOn.add(Thread.currentThread().getName());
                return fetch;
            }));
        }
        int peak = 0;
        long peakModuleThreads = 0;
        while (!fetches.stream().allMatch(CompletableFuture::isDone)) {
            peak = Math.max(peak, threads.getThreadCount());
            peakModuleThreads = Math.max(peakModuleThreads, Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("mta-sts-http-")
                            || t.getName().startsWith(NetworkThreads.IO_PREFIX)
                            || t.getName().startsWith(NetworkThreads.TIMER_PREFIX)).count());
            Thread.sleep(20);
        }

        assertThat(fetches).allSatisfy(f -> assertThat(f.join().outcome()).isEqualTo(FetchOutcome.OK));
        assertThat(completedOn).isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith(CallbackExecutor.THREAD_PREFIX))
                .hasSizeLessThanOrEqualTo(CallbackExecutor.THREADS);
        assertThat(peak - before).isLessThan(THREAD_BOUND);
        assertThat(peakModuleThreads).isLessThanOrEqualTo(NetworkThreads.IO_THREADS + 1 + CallbackExecutor.THREADS);
        // a thread per fetch (or per completion) would have started at least FETCHES threads
        assertThat(threads.getTotalStartedThreadCount() - startedBefore).isLessThan(THREAD_BOUND);
    }

    @Test
    void completionsNeverRunOnTheCommonPoolOrAThreadPerTask() throws Exception {
        HttpsPolicyFetcher fetcher = fixture.fetcherBuilder().build();
        Set<String> completedOn = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<PolicyFetch>> fetches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fetches.add(fetcher.fetch(fixture.request("mta-sts.many.test")).toCompletableFuture()
                    .whenComplete((fetch, failure) -> completedOn.add(Thread.currentThread().getName())));
        }
        CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(completedOn).noneSatisfy(name -> assertThat(name).contains("ForkJoinPool.commonPool"))
                .noneSatisfy(name -> assertThat(name).startsWith("Thread-"))
                .allSatisfy(name -> assertThat(name).matches("mta-sts-http-callback-\\d+"));
    }

    @Test
    void callbackExecutorOfTheCallerRunsTheCompletions() throws Exception {
        ExecutorService own = Executors.newSingleThreadExecutor(r -> new Thread(r, "caller-callbacks"));
        try {
            HttpsPolicyFetcher fetcher = fixture.fetcherBuilder().callbackExecutor(own).build();

            String name = fetcher.fetch(fixture.request("mta-sts.many.test")).toCompletableFuture()
                    .thenApply(fetch -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);

            assertThat(name).isEqualTo("caller-callbacks");
        } finally {
            own.shutdownNow();
        }
    }
}
