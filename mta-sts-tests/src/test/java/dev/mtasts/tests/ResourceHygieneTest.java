package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Validator;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.SmtpSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No leak: one validator shared by 200 threads validating 5 000 sandbox domains (DNS, HTTPS fetch and an MX probe
 * each) leaves the JVM with as many live threads and open file descriptors as before, and every SMTP session the
 * sandbox saw was ended.
 */
class ResourceHygieneTest {

    private static final int DOMAINS = Integer.getInteger("hygiene.domains", 5_000);
    private static final int THREADS = 200;

    /**
     * The live threads that are not the sandbox's own ({@code test-...}: its servers keep idle worker threads for a
     * while, by design of a test server); the library's and the JVM's.
     */
    private static int nonSandboxThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("test-")).count();
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    @Timeout(600)
    void fiveThousandValidationsOnTwoHundredThreadsLeaveNoThreadSocketOrDescriptorBehind() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd to count descriptors");
        try (MtaStsSandbox sandbox = MtaStsSandbox.start()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < DOMAINS; i++) {
                String name = "d" + i + ".hygiene.test";
                names.add(name);
                sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                        .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy("testing", 86400, "mx1." + name));
            }
            Validator validator = sandbox.validatorBuilder().deadline(Duration.ofSeconds(30)).build();
            // warm up, concurrently: the shared I/O, timer and callback pools start their (fixed number of) threads
            // on first use and keep them, by design
            List<java.util.concurrent.CompletableFuture<ValidationReport>> warm = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                warm.add(validator.validateAsync(names.get(i)));
            }
            warm.forEach(java.util.concurrent.CompletableFuture::join);
            Thread.sleep(500);
            int threadsBefore = nonSandboxThreads();
            long fdsBefore = openFileDescriptors();

            ExecutorService callers = Executors.newFixedThreadPool(THREADS);
            List<Future<ValidationReport>> reports = new ArrayList<>();
            for (String name : names) {
                reports.add(callers.submit(() -> validator.validate(name)));
            }
            java.util.Map<Verdict, Integer> verdicts = new java.util.EnumMap<>(Verdict.class);
            for (Future<ValidationReport> f : reports) {
                verdicts.merge(f.get().verdict(), 1, Integer::sum);   // every validation gave a report
            }
            callers.shutdown();
            assertThat(callers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // 200 validations in flight on a small machine that also runs every server: some DNS look-ups time out
            // (the sandbox's resolver waits 1 s a query), which is a right answer under that load; the point here is
            // what is left behind, so only most reports are asked to see the deployment as it is
            System.out.println("verdicts: " + verdicts);
            assertThat(verdicts.getOrDefault(Verdict.TESTING, 0)).as("reports that saw the deployment")
                    .isGreaterThan(DOMAINS / 2);

            // connections close asynchronously after the report: give them a moment, then compare
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            long fdsAfter;
            int threadsAfter;
            do {
                Thread.sleep(200);
                fdsAfter = openFileDescriptors();
                threadsAfter = nonSandboxThreads();
            } while ((fdsAfter > fdsBefore + 5 || threadsAfter > threadsBefore + 2) && System.nanoTime() < deadline);

            System.out.printf("threads %d -> %d, file descriptors %d -> %d%n", threadsBefore, threadsAfter,
                    fdsBefore, fdsAfter);
            java.util.Map<String, Long> byName = Thread.getAllStackTraces().keySet().stream().collect(
                    java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("[0-9]+", "N"),
                            java.util.TreeMap::new, java.util.stream.Collectors.counting()));
            System.out.println("threads by name: " + byName);
            // a few descriptors of slack: the JIT, class loading and GC may open files of their own
            assertThat(fdsAfter).as("open file descriptors").isLessThanOrEqualTo(fdsBefore + 5);
            assertThat(threadsAfter).as("live threads").isLessThanOrEqualTo(threadsBefore + 2);
            assertThat(sandbox.smtpServer().sessions()).as("the sandbox saw every SMTP session end")
                    .hasSizeGreaterThanOrEqualTo(DOMAINS).allMatch(SmtpSession::ended);
        }
    }
}
