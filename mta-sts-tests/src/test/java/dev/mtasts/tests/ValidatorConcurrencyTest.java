package dev.mtasts.tests;

import dev.mtasts.AddressPolicy;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.dns.DnsjavaResolver;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.testkit.DnsFault;
import dev.mtasts.testkit.MtaStsSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Independent look-ups run together; one validator serves many threads. */
@Timeout(60)
class ValidatorConcurrencyTest {

    private static MtaStsSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = MtaStsSandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Wraps the real resolver and records, for each look-up, how many others were in flight when it started. */
    static final class WatchingResolver implements DnsResolver {
        private final DnsResolver delegate;
        private final AtomicInteger inFlight = new AtomicInteger();
        final List<String> startedWhileOthersInFlight = new CopyOnWriteArrayList<>();
        final AtomicInteger maxInFlight = new AtomicInteger();

        WatchingResolver(DnsResolver delegate) {
            this.delegate = delegate;
        }

        private <T> CompletionStage<T> watch(String what, Supplier<CompletionStage<T>> call) {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            startedWhileOthersInFlight.add(what + "@" + (now - 1));
            return call.get().whenComplete((v, e) -> inFlight.decrementAndGet());
        }

        @Override
        public CompletionStage<TxtAnswer> txt(DomainName name) {
            return watch("TXT " + name, () -> delegate.txt(name));
        }

        @Override
        public CompletionStage<MxAnswer> mx(DomainName domain) {
            return watch("MX " + domain, () -> delegate.mx(domain));
        }

        @Override
        public CompletionStage<AddressAnswer> addresses(DomainName host) {
            return watch("A " + host, () -> delegate.addresses(host));
        }

        @Override
        public CompletionStage<dev.mtasts.resolver.TlsaAnswer> tlsa(DomainName name) {
            return watch("TLSA " + name, () -> delegate.tlsa(name));
        }
    }

    private static Validator.Builder withResolver(DnsResolver resolver) {
        return MtaStsValidator.builder().resolver(resolver)
                .fetcher(sandbox.fetcher()).mxProbe(sandbox.mxProbe().orElseThrow())
                .addressPolicy(AddressPolicy.allowAll()).deadline(Duration.ofSeconds(10));
    }

    @Test
    void theFourIndependentLookupsAreAllInFlightTogether() {
        String name = "parallel.conc.test";
        Duration slow = Duration.ofMillis(400);
        sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy("testing", 86400, "mx1." + name))
                .dnsFault("_mta-sts", DnsFault.delay(slow)).dnsFault("", DnsFault.delay(slow))
                .dnsFault("_smtp._tls", DnsFault.delay(slow)).dnsFault("mta-sts", DnsFault.delay(slow));
        WatchingResolver watching = new WatchingResolver(DnsjavaResolver.builder()
                .nameserver(sandbox.dnsServer().address()).timeout(Duration.ofSeconds(2)).build());

        ValidationReport r = withResolver(watching).build().validate(name);

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.TESTING);
        assertThat(r.findings()).as(describe(r)).isEmpty();
        // every look-up is slow; all four were started before the first of them answered
        assertThat(watching.maxInFlight.get()).as(watching.startedWhileOthersInFlight.toString()).isEqualTo(4);
        // and the fetch waited for the policy host's addresses, not for the other three
        assertThat(r.observations().policyFetch()).isPresent();
    }

    @Test
    void oneValidatorServesManyThreadsWithTheSameAnswers() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "d" + i + ".many.conc.test";
            names.add(name);
            sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name).mx(20, "mx2." + name)
                    .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name)
                    .policy(policy(i % 2 == 0 ? "enforce" : "testing", 604800, "mx1." + name));
        }
        Validator validator = sandbox.validatorBuilder().build();
        List<ValidationReport> sequential = names.stream().map(validator::validate).toList();

        List<CompletableFuture<ValidationReport>> futures = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (String name : names) {
                futures.add(validator.validateAsync(name));
            }
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get();

        for (int i = 0; i < futures.size(); i++) {
            ValidationReport expected = sequential.get(i % names.size());
            ValidationReport actual = futures.get(i).get();
            assertThat(actual.domain()).isEqualTo(expected.domain());
            assertThat(actual.verdict()).as(describe(actual)).isEqualTo(expected.verdict());
            assertThat(actual.atRisk()).isEqualTo(expected.atRisk());
            // POLICY_SLOW measures time: forty validations, each with a fetch and two MX probes, on one small
            // machine that also runs every server may well take over its two seconds; that is not a wrong answer
            assertThat(actual.findings()).extracting(Finding::code).filteredOn(c -> c != FindingCode.POLICY_SLOW)
                    .isEqualTo(expected.findings().stream().map(Finding::code)
                            .filter(c -> c != FindingCode.POLICY_SLOW).toList());
        }
    }

    @Test
    void malformedDomainIsRejectedBeforeAnyLookup() {
        Validator validator = sandbox.validatorBuilder().build();
        int before = sandbox.dnsServer().queryCount();

        assertThatThrownBy(() -> validator.validate("not a domain")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a domain");
        assertThatThrownBy(() -> validator.validateAsync("a..b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.dnsServer().queryCount()).isEqualTo(before);
    }

    @Test
    void resolverThatThrowsStillYieldsAReport() {
        DnsResolver throwing = new DnsResolver() {
            @Override
            public CompletionStage<TxtAnswer> txt(DomainName name) {
                throw new IllegalStateException("boom");
            }

            @Override
            public CompletionStage<MxAnswer> mx(DomainName domain) {
                return CompletableFuture.failedFuture(new RuntimeException("bang"));
            }

            @Override
            public CompletionStage<AddressAnswer> addresses(DomainName host) {
                return new CompletableFuture<>(); // never completes
            }
        };

        ValidationReport r = withResolver(throwing).deadline(Duration.ofMillis(800)).build().validate("x.conc.test");

        // no look-up got an answer: the check could not run
        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.inconclusive()).isTrue();
        assertThat(r.findings()).extracting(Finding::code).contains(dev.mtasts.report.FindingCode.DNS_LOOKUP_FAILED);
    }
}
