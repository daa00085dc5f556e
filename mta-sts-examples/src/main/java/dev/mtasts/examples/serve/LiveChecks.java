package dev.mtasts.examples.serve;

import dev.mtasts.DomainName;
import dev.mtasts.ValidationListener;
import dev.mtasts.Validator;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.DnsAnswer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The validations the server runs: at most one per domain at a time (a second request for a domain being checked
 * joins it and hears its events from the start), at most {@code maxInFlight} in all, and a finished one is handed
 * out again for {@code reuseFor} (so the page's link to the JSON shows the report the page shows, and reloading
 * costs nothing). The validator is built with this object's {@link ValidationListener}, which routes each step to
 * the domain's {@link LiveCheck}: one validation per domain keeps that routing unambiguous. Thread-safe.
 */
final class LiveChecks {

    /** Past this many finished checks kept for reuse, finished ones are dropped at once. */
    static final int MAX_KEPT = 1000;

    private final Map<DomainName, LiveCheck> checks = new ConcurrentHashMap<>();
    private final Validator validator;
    private final int maxInFlight;
    private final long reuseNanos;
    private final LongSupplier nanoTime;
    private final Duration busyRetry;
    private int inFlight;

    /**
     * @param validatorWith builds the validator around the listener it is given
     * @param maxInFlight   validations in flight at most
     * @param reuseFor      how long a finished check's report is handed out again ({@code ZERO}: never)
     * @param nanoTime      the clock
     */
    LiveChecks(Function<ValidationListener, Validator> validatorWith, int maxInFlight, Duration reuseFor,
               LongSupplier nanoTime) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
        }
        this.validator = validatorWith.apply(new StepRouter());
        this.maxInFlight = maxInFlight;
        this.reuseNanos = reuseFor.toNanos();
        this.nanoTime = nanoTime;
        // a slot frees when a validation ends: within its deadline, usually in a second or two
        this.busyRetry = Duration.ofSeconds(Math.max(1, Math.min(10, validator.deadline().toSeconds() / 5)));
    }

    /** @return the validator in use */
    Validator validator() {
        return validator;
    }

    /** @return validations in flight now */
    synchronized int inFlight() {
        return inFlight;
    }

    /**
     * The check of a domain: the one running or recently finished, or a new one.
     *
     * @param domain the domain
     * @return its check
     * @throws ApiException a 429 when {@code maxInFlight} validations are running
     */
    LiveCheck check(DomainName domain) {
        LiveCheck check;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            LiveCheck existing = checks.get(domain);
            if (existing != null && existing.reusable(now, reuseNanos)) {
                return existing;
            }
            if (inFlight >= maxInFlight) {
                throw ApiException.tooManyRequests("The server is busy: " + maxInFlight + " checks are running."
                        + " Try again in a few seconds.", busyRetry);
            }
            if (checks.size() >= MAX_KEPT) {
                checks.values().removeIf(c -> !c.reusable(now, reuseNanos));
            }
            check = new LiveCheck(domain);
            checks.put(domain, check);
            inFlight++;
        }
        check.publish(ReportEvents.started(domain, validator.mxProbe().isPresent()));
        CompletableFuture<ValidationReport> future;
        try {
            future = validator.validateAsync(domain);
        } catch (RuntimeException e) {
            ended(check, null, e);
            throw e;
        }
        future.whenComplete((report, failure) -> ended(check, report, failure));
        return check;
    }

    private void ended(LiveCheck check, ValidationReport report, Throwable failure) {
        long now = nanoTime.getAsLong();
        // the slot is freed before the check is marked finished: a request arriving in between joins the check
        // (still running) or, once it is dropped, starts a new one; it is never told the server is busy by a check
        // that has already ended
        synchronized (this) {
            inFlight--;
            if (failure != null || reuseNanos <= 0 || checks.size() > MAX_KEPT) {
                checks.remove(check.domain(), check);
            }
        }
        check.finish(report, failure, now);
    }

    private void publish(DomainName domain, ProgressEvents.Draft draft) {
        LiveCheck check = checks.get(domain);
        if (check != null) {
            check.publish(draft);
        }
    }

    /** Hears every validation of the validator and hands each step to its domain's check. */
    private final class StepRouter extends ValidationListener {
        @Override
        public void dnsAnswered(DomainName domain, DnsAnswer answer) {
            ProgressEvents.dnsAnswered(domain, answer).forEach(d -> publish(domain, d));
        }

        @Override
        public void policyFetchStarted(DomainName domain, PolicyFetchRequest request) {
            publish(domain, ProgressEvents.policyFetchStarted(request));
        }

        @Override
        public void policyFetchEnded(DomainName domain, PolicyFetch fetch) {
            ProgressEvents.policyFetchEnded(fetch).forEach(d -> publish(domain, d));
        }

        @Override
        public void mxProbeEnded(DomainName domain, MxProbe probe) {
            publish(domain, ProgressEvents.mxProbeEnded(probe));
        }
    }
}
