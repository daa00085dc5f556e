package dev.mtasts.examples;

import dev.mtasts.AddressPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.dns.DnsjavaResolver;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.testkit.MtaStsSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BulkScanTest {

    private static final int DOMAINS = 3000;
    private static final int CONCURRENCY = 16;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void thousandsOfDomainsWithNeverMoreThanTheBoundInFlight() throws Exception {
        try (MtaStsSandbox sandbox = MtaStsSandbox.start()) {
            List<String> input = new ArrayList<>();
            for (int i = 0; i < DOMAINS; i++) {
                String name = "b" + i + ".bulk.test";
                sandbox.domain(name).mx(10, "mx." + name);
                input.add(name);
                if (i % 1000 == 0) {
                    input.add("not a domain " + i);
                }
            }
            InFlight counting = new InFlight(DnsjavaResolver.builder().nameserver(sandbox.dnsServer().address())
                    .timeout(Duration.ofSeconds(2)).build());
            Validator validator = MtaStsValidator.builder().resolver(counting)
                    .fetcher(request -> { throw new AssertionError("no domain here has a policy host"); })
                    .addressPolicy(AddressPolicy.allowAll()).build();
            Map<Verdict, AtomicInteger> verdicts = new ConcurrentHashMap<>();
            List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

            new BulkScan(validator, CONCURRENCY).run(input.iterator(),
                    (ValidationReport r) -> verdicts.computeIfAbsent(r.verdict(), v -> new AtomicInteger())
                            .incrementAndGet(),
                    (line, why) -> errors.add(line));

            assertThat(verdicts).containsOnlyKeys(Verdict.NOT_DEPLOYED);
            assertThat(verdicts.get(Verdict.NOT_DEPLOYED)).hasValue(DOMAINS);
            assertThat(errors).containsExactlyElementsOf(IntStream.range(0, 3).mapToObj(i -> "not a domain " + i * 1000)
                    .toList());
            // each validation makes at most 4 look-ups at once (_mta-sts TXT, MX, _smtp._tls TXT, policy host)
            assertThat(counting.max.get()).isBetween(1, 4 * CONCURRENCY);
        }
    }

    /** Counts look-ups in flight: the test's own resolver decorator, and the only way to see the bound. */
    private static final class InFlight implements DnsResolver {
        private final DnsResolver delegate;
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();

        InFlight(DnsResolver delegate) {
            this.delegate = delegate;
        }

        private <T> CompletionStage<T> count(Supplier<CompletionStage<T>> call) {
            max.accumulateAndGet(now.incrementAndGet(), Math::max);
            return call.get().whenComplete((v, e) -> now.decrementAndGet());
        }

        @Override
        public CompletionStage<TxtAnswer> txt(DomainName name) {
            return count(() -> delegate.txt(name));
        }

        @Override
        public CompletionStage<MxAnswer> mx(DomainName domain) {
            return count(() -> delegate.mx(domain));
        }

        @Override
        public CompletionStage<AddressAnswer> addresses(DomainName host) {
            return count(() -> delegate.addresses(host));
        }
    }
}
