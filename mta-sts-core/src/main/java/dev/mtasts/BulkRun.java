package dev.mtasts;

import dev.mtasts.report.ValidationReport;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bulk validation: the calling thread reads the inputs, one only when a slot is free (so the input is never read
 * ahead of the bound, and ten million lines of a file never sit in memory), starts each validation and goes on; each
 * result is handed to the consumer as its validation ends, one at a time. Every validation has the validator's
 * deadline from its own start, with a guard a little later for an SPI that never answers, so the bulk validation
 * always ends.
 */
final class BulkRun {

    private static final Logger LOG = LoggerFactory.getLogger(BulkRun.class);

    /** After the deadline and the blocking slack, a validation that has not ended is a failure, never a hang. */
    static final Duration GUARD_SLACK = Duration.ofSeconds(5);

    private final Validator validator;
    private final BulkOptions options;
    private final Consumer<BulkResult> onResult;
    private final Semaphore slots;
    private final Object delivery = new Object();

    // guarded by delivery
    private long inputs;
    private long reports;
    private long inputErrors;
    private long failures;
    private long skipped;
    private int inFlight;
    private int peakInFlight;
    private RuntimeException consumerFailure;
    private boolean abandoned;

    BulkRun(Validator validator, BulkOptions options, Consumer<BulkResult> onResult) {
        this.validator = validator;
        this.options = options;
        this.onResult = onResult;
        this.slots = new Semaphore(options.maxInFlight());
    }

    BulkSummary run(Iterator<String> source) throws InterruptedException {
        long start = System.nanoTime();
        try {
            while (!stopped()) {
                slots.acquire();
                if (!source.hasNext()) {
                    slots.release();
                    break;
                }
                String input = source.next();
                if (input == null) {
                    slots.release();
                    throw new NullPointerException("the inputs contain null (after " + count() + " inputs)");
                }
                start(input);
            }
        } catch (InterruptedException e) {
            abandon();
            throw e;
        } finally {
            if (!isAbandoned()) {
                awaitInFlight();
            }
        }
        synchronized (delivery) {
            if (consumerFailure != null) {
                throw consumerFailure;
            }
            return new BulkSummary(inputs, reports, inputErrors, failures, skipped, peakInFlight,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Parses an input and starts its validation; holds a slot, released when its result has been handed on. */
    private void start(String input) {
        Optional<DomainName> name;
        ValidationRequest request;
        try {
            name = options.inputParser().apply(input);
            if (name.isEmpty()) {
                synchronized (delivery) {
                    inputs++;
                    skipped++;
                }
                slots.release();
                return;
            }
            request = options.requestFor().apply(name.get());
        } catch (IllegalArgumentException e) {
            deliver(BulkResult.inputError(input, message(e)), false);
            slots.release();
            return;
        }
        CompletableFuture<ValidationReport> validation;
        synchronized (delivery) {
            inFlight++;
            peakInFlight = Math.max(peakInFlight, inFlight);
        }
        try {
            validation = validator.validateAsync(request);
        } catch (RuntimeException e) {
            validation = CompletableFuture.failedFuture(e);
        }
        Duration guard = validator.deadline().plus(Validator.BLOCKING_SLACK).plus(GUARD_SLACK);
        validation.copy().orTimeout(guard.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((report, failure) -> {
                    try {
                        deliver(failure == null ? BulkResult.of(input, report)
                                : BulkResult.failed(input, failureMessage(request.domain(), failure, guard)), true);
                    } finally {
                        slots.release();
                    }
                });
    }

    private void deliver(BulkResult result, boolean wasInFlight) {
        synchronized (delivery) {
            inputs++;
            switch (result.outcome()) {
                case REPORT -> reports++;
                case INPUT_ERROR -> inputErrors++;
                case FAILED -> failures++;
            }
            if (wasInFlight) {
                inFlight--;
            }
            if (abandoned || consumerFailure != null) {
                return;
            }
            try {
                onResult.accept(result);
            } catch (RuntimeException e) {
                LOG.debug("the bulk validation's consumer threw on {}; no more inputs are read", result.input(), e);
                consumerFailure = e;
            }
        }
    }

    private void awaitInFlight() {
        boolean interrupted = false;
        while (true) {
            try {
                slots.acquire(options.maxInFlight());
                slots.release(options.maxInFlight());
                break;
            } catch (InterruptedException e) {
                interrupted = true; // results already started are still handed on; the interrupt is kept
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stopped() {
        synchronized (delivery) {
            return consumerFailure != null || abandoned;
        }
    }

    private boolean isAbandoned() {
        synchronized (delivery) {
            return abandoned;
        }
    }

    private void abandon() {
        synchronized (delivery) {
            abandoned = true;
        }
    }

    private long count() {
        synchronized (delivery) {
            return inputs;
        }
    }

    private static String message(IllegalArgumentException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "not a domain name" : e.getMessage();
    }

    private static String failureMessage(DomainName domain, Throwable failure, Duration guard) {
        Throwable cause = ValidationRun.unwrap(failure);
        if (cause instanceof TimeoutException) {
            return "the validation of " + domain + " did not end within " + guard.toSeconds()
                    + " s (its deadline and a margin): a resolver, fetcher or probe never answered";
        }
        LOG.warn("the validation of {} ended without a report, a bug", domain, cause);
        return "the validation of " + domain + " ended without a report: " + cause;
    }
}
