package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.BulkOptions;
import dev.mtasts.BulkResult;
import dev.mtasts.BulkSummary;
import dev.mtasts.DomainName;
import dev.mtasts.ValidationListener;
import dev.mtasts.Validator;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.MtaStsSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Validator.validateAll} end to end against the sandbox's real DNS, HTTPS and SMTP servers: nothing lost,
 * results as they end, a bounded number in flight, input read only as slots free, a deadline per domain, and a call
 * that always returns.
 */
@Timeout(120)
class BulkValidationTest {

    private static final int GOOD = 300;
    private static MtaStsSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = MtaStsSandbox.start();
        for (int i = 0; i < GOOD; i++) {
            good("d" + i + ".bulk.test");
        }
        good("slow.bulk.test").policyResponse(HttpResponse.ok("text/plain",
                policy("testing", 86400, "mx1.slow.bulk.test")).withHeaderDelay(Duration.ofSeconds(5)));
        for (int i = 0; i < 2; i++) {
            good("stalled" + i + ".bulk.test").policyResponse(HttpResponse.ok("text/plain",
                    policy("testing", 86400, "mx1.stalled" + i + ".bulk.test")).withHeaderDelay(Duration.ofSeconds(60)));
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static dev.mtasts.testkit.SandboxDomain good(String name) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy("testing", 86400, "mx1." + name));
    }

    private static List<String> goodNames(int count) {
        return IntStream.range(0, count).mapToObj(i -> "d" + i + ".bulk.test").toList();
    }

    @Test
    void everyInputYieldsExactlyOneResultAndTheCountsAddUp() throws Exception {
        List<String> inputs = new ArrayList<>();
        for (String name : goodNames(GOOD)) {
            inputs.add(name);
            if (inputs.size() % 6 == 0) {
                inputs.add("bad..input" + inputs.size());
            }
            if (inputs.size() % 10 == 0) {
                inputs.add("   ");
            }
        }
        Collections.shuffle(inputs, new java.util.Random(7));
        List<BulkResult> results = new CopyOnWriteArrayList<>();

        BulkSummary summary = sandbox.validatorBuilder().build()
                .validateAll(inputs.iterator(), BulkOptions.builder().maxInFlight(64).build(), results::add);

        long blank = inputs.stream().filter(String::isBlank).count();
        long bad = inputs.stream().filter(s -> s.startsWith("bad")).count();
        assertThat(summary.inputs()).isEqualTo(inputs.size());
        assertThat(summary.reports()).isEqualTo(GOOD);
        assertThat(summary.inputErrors()).isEqualTo(bad).isPositive();
        assertThat(summary.skipped()).isEqualTo(blank).isPositive();
        assertThat(summary.failures()).isZero();
        assertThat(results).extracting(BulkResult::input)
                .containsExactlyInAnyOrderElementsOf(inputs.stream().filter(s -> !s.isBlank()).toList());
        assertThat(results).filteredOn(r -> r.outcome() == BulkResult.Outcome.REPORT)
                .allSatisfy(r -> {
                    ValidationReport report = r.report().orElseThrow();
                    assertThat(report.domain().value()).isEqualTo(r.input());
                    assertThat(report.verdict()).as(E2e.describe(report)).isEqualTo(Verdict.TESTING);
                });
        assertThat(results).filteredOn(r -> r.outcome() == BulkResult.Outcome.INPUT_ERROR)
                .allSatisfy(r -> assertThat(r.problem()).isNotBlank().contains("label"));
    }

    @Test
    void neverMoreInFlightThanTheBoundAndTheInputIsReadOnlyAsSlotsFree() throws Exception {
        int bound = 8;
        AtomicInteger active = new AtomicInteger();
        AtomicInteger peakActive = new AtomicInteger();
        Validator validator = sandbox.validatorBuilder().listener(new ValidationListener() {
            @Override
            public void validationStarted(DomainName domain) {
                peakActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            }

            @Override
            public void validationEnded(ValidationReport report) {
                active.decrementAndGet();
            }
        }).build();
        AtomicInteger read = new AtomicInteger();
        AtomicInteger handedOn = new AtomicInteger();
        AtomicInteger mostReadAhead = new AtomicInteger();
        Iterator<String> names = goodNames(200).iterator();
        Iterator<String> watched = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return names.hasNext();
            }

            @Override
            public String next() {
                mostReadAhead.accumulateAndGet(read.incrementAndGet() - handedOn.get(), Math::max);
                return names.next();
            }
        };

        BulkSummary summary = validator.validateAll(watched, BulkOptions.builder().maxInFlight(bound).build(),
                r -> handedOn.incrementAndGet());

        assertThat(summary.reports()).isEqualTo(200);
        assertThat(peakActive.get()).isLessThanOrEqualTo(bound).isGreaterThan(1);
        assertThat(summary.peakInFlight()).isLessThanOrEqualTo(bound).isGreaterThan(1);
        assertThat(mostReadAhead.get()).as("inputs read but not yet handed on").isLessThanOrEqualTo(bound);
    }

    @Test
    void aLazyStreamOfAMillionInputsIsNeverReadAheadOfTheBound() throws Exception {
        AtomicInteger generated = new AtomicInteger();
        AtomicInteger handedOn = new AtomicInteger();
        Validator validator = sandbox.validatorBuilder().build();
        Stream<String> endless = Stream.generate(() -> "d" + (generated.getAndIncrement() % GOOD) + ".bulk.test")
                .limit(1_000_000);
        RuntimeException stop = new IllegalStateException("enough");

        assertThatThrownBy(() -> validator.validateAll(endless, BulkOptions.builder().maxInFlight(16).build(), r -> {
            if (handedOn.incrementAndGet() == 100) {
                throw stop;
            }
        })).isSameAs(stop);

        // the consumer's exception stopped the reading: what was read is what was in flight, and no more
        assertThat(generated.get()).isBetween(100, 100 + 16);
    }

    @Test
    void resultsArriveAsValidationsEndNotInInputOrder() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        List<String> inputs = new ArrayList<>(List.of("slow.bulk.test"));
        inputs.addAll(goodNames(20));

        sandbox.validatorBuilder().build().validateAll(inputs.iterator(),
                BulkOptions.builder().maxInFlight(inputs.size()).build(), r -> order.add(r.input()));

        assertThat(order).hasSize(21).last().isEqualTo("slow.bulk.test");
    }

    @Test
    void eachDomainHasTheDeadlineFromItsOwnStartAndASlowOneHoldsOnlyItsSlot() throws Exception {
        Duration deadline = Duration.ofSeconds(8);
        Validator validator = sandbox.validatorBuilder().deadline(deadline).build();
        List<String> inputs = new ArrayList<>(List.of("stalled0.bulk.test", "stalled1.bulk.test"));
        inputs.addAll(goodNames(40));
        List<BulkResult> results = new CopyOnWriteArrayList<>();

        BulkSummary summary = validator.validateAll(inputs.iterator(), BulkOptions.builder().maxInFlight(12).build(),
                results::add);

        assertThat(summary.reports()).isEqualTo(42);
        List<BulkResult> stalled = results.stream().filter(r -> r.input().startsWith("stalled")).toList();
        assertThat(stalled).hasSize(2).allSatisfy(r -> {
            ValidationReport report = r.report().orElseThrow();
            assertThat(report.elapsed()).isLessThan(deadline.plusSeconds(1));
            assertThat(E2e.codes(report)).contains(FindingCode.POLICY_TIMEOUT);
        });
        // the forty quick ones went through the ten free slots while the stalled two waited for their answer
        assertThat(results.subList(0, 40)).allSatisfy(r -> assertThat(r.input()).startsWith("d"));
        assertThat(summary.elapsed()).isLessThan(deadline.multipliedBy(2));
    }

    @Test
    void aValidationThatNeverEndsBecomesAFailureAndTheCallStillReturns() throws Exception {
        // an executor that drops every task: the report is never assembled, so the validation's future never ends
        Validator broken = sandbox.validatorBuilder().deadline(Duration.ofSeconds(1)).executor(task -> { }).build();
        List<BulkResult> results = new CopyOnWriteArrayList<>();

        BulkSummary summary = broken.validateAll(List.of("d1.bulk.test", "not a domain").iterator(),
                BulkOptions.defaults(), results::add);

        assertThat(summary.failures()).isEqualTo(1);
        assertThat(summary.inputErrors()).isEqualTo(1);
        assertThat(results).filteredOn(r -> r.outcome() == BulkResult.Outcome.FAILED).singleElement()
                .satisfies(r -> assertThat(r.problem()).contains("d1.bulk.test").contains("did not end within 7 s"));
    }

    @Test
    void anInterruptStopsTheCallAtOnceWithInterruptedException() throws Exception {
        Validator validator = sandbox.validatorBuilder().deadline(Duration.ofSeconds(30)).build();
        Stream<String> stalled = Stream.generate(() -> "stalled0.bulk.test");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                validator.validateAll(stalled, BulkOptions.builder().maxInFlight(4).build(), r -> { });
            } catch (Throwable t) {
                thrown.set(t);
            } finally {
                done.countDown();
            }
        });
        caller.start();
        Thread.sleep(500);
        long interrupted = System.nanoTime();
        caller.interrupt();

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(Duration.ofSeconds(2));
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }
}
