package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The default executor: reports are assembled on one shared, bounded pool of named daemon threads, never on the
 * common pool (which, with parallelism 1 on a 2-CPU machine, makes {@code CompletableFuture} start a thread per
 * task), so thousands of validations in flight do not mean thousands of threads.
 */
class ValidatorExecutorTest {

    @Test
    void reportsAreAssembledOnTheSharedValidatorPoolWithBoundedThreads() {
        Set<String> assemblingThreads = ConcurrentHashMap.newKeySet();
        Validator validator = MtaStsValidator.builder()
                .resolver(InstantResolver.NOT_DEPLOYED)
                .fetcher(request -> CompletableFuture.completedFuture(PolicyFetch.builder(FetchOutcome.TIMEOUT).build()))
                .listener(new ValidationListener() {
                    @Override
                    public void validationEnded(ValidationReport report) {
                        assemblingThreads.add(Thread.currentThread().getName());
                    }
                })
                .build();
        int threadsBefore = Thread.getAllStackTraces().size();

        List<CompletableFuture<ValidationReport>> futures = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            futures.add(validator.validateAsync("d" + i + ".example"));
        }
        futures.forEach(CompletableFuture::join);

        assertThat(assemblingThreads).allMatch(name -> name.startsWith("mta-sts-validator-"), "a validator pool thread");
        assertThat(assemblingThreads.size()).isLessThanOrEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
        assertThat(Thread.getAllStackTraces().size()).as("live threads after 2000 validations")
                .isLessThan(threadsBefore + 20);
    }

    @Test
    void aGivenExecutorIsUsedInstead() {
        Set<String> assemblingThreads = ConcurrentHashMap.newKeySet();
        Validator validator = MtaStsValidator.builder()
                .resolver(InstantResolver.NOT_DEPLOYED)
                .fetcher(request -> CompletableFuture.completedFuture(PolicyFetch.builder(FetchOutcome.TIMEOUT).build()))
                .executor(task -> {
                    Thread t = new Thread(task, "mine");
                    t.start();
                })
                .listener(new ValidationListener() {
                    @Override
                    public void validationEnded(ValidationReport report) {
                        assemblingThreads.add(Thread.currentThread().getName());
                    }
                })
                .build();
        validator.validate("example.com");
        assertThat(assemblingThreads).containsExactly("mine");
    }
}
