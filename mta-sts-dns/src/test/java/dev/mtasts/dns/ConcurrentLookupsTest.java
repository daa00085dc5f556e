package dev.mtasts.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.TestDnsServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** No thread per query: 500 look-ups in flight at once leave the thread count flat. */
class ConcurrentLookupsTest {

    private static final int LOOKUPS = 500;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fiveHundredConcurrentLookupsCompleteWithoutAThreadPerQuery() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (TestDnsServer dns = TestDnsServer.start()) {
            var zone = dns.zone("example.com");
            for (int i = 0; i < LOOKUPS; i++) {
                zone.txt("_mta-sts.d" + i + ".example.com", "v=STSv1; id=" + i);
                // every reply is held back, so that all look-ups are in flight at the same time
                dns.fault("_mta-sts.d" + i + ".example.com", DnsFault.delay(Duration.ofMillis(300)));
            }
            DnsjavaResolver resolver = DnsjavaResolver.builder().nameserver(dns.host(), dns.port())
                    .timeout(Duration.ofSeconds(3)).retries(2).deadline(Duration.ofSeconds(20)).build();
            // warm up: starts dnsjava's selector thread and the executor's worker
            DnsjavaResolverTest.await(resolver.txt(DomainName.of("_mta-sts.d0.example.com")));

            int before = threads.getThreadCount();
            threads.resetPeakThreadCount();
            List<CompletableFuture<TxtAnswer>> inFlight = new ArrayList<>();
            for (int i = 0; i < LOOKUPS; i++) {
                inFlight.add(resolver.txt(DomainName.of("_mta-sts.d" + i + ".example.com")).toCompletableFuture());
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).orTimeout(50, TimeUnit.SECONDS).join();
            int peak = threads.getPeakThreadCount();
            LoggerFactory.getLogger(ConcurrentLookupsTest.class)
                    .info("{} look-ups in flight: {} threads before, peak {}", LOOKUPS, before, peak);

            for (int i = 0; i < LOOKUPS; i++) {
                TxtAnswer answer = inFlight.get(i).join();
                assertThat(answer.outcome()).as("look-up %d", i).isEqualTo(DnsOutcome.FOUND);
                assertThat(answer.joined()).containsExactly("v=STSv1; id=" + i);
            }
            assertThat(peak - before)
                    .as("threads added while %d look-ups were in flight (before: %d, peak: %d)", LOOKUPS, before, peak)
                    .isLessThan(10); // tight on purpose: short-lived threads per task would still push the peak up
        }
    }
}
