package dev.mtasts.examples.serve;

import dev.mtasts.DomainName;
import dev.mtasts.examples.serve.ProgressEvents.Draft;
import dev.mtasts.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One validation as the server sees it: the events published so far, the subscribers that hear the ones to come,
 * and the report when it is there. A subscriber that joins late first hears every event so far, in order, so each
 * stream is the whole story whenever it was opened. Thread-safe; subscribers are called under this object's lock
 * and must only queue the event.
 */
final class LiveCheck {

    private final DomainName domain;
    private final List<ServerEvent> events = new ArrayList<>();
    private final List<Consumer<ServerEvent>> subscribers = new ArrayList<>();
    private final CompletableFuture<ValidationReport> report = new CompletableFuture<>();
    private boolean finished;
    private volatile long finishedAt;

    LiveCheck(DomainName domain) {
        this.domain = domain;
    }

    DomainName domain() {
        return domain;
    }

    /** @return the report, when it comes; completes exceptionally when the validation failed */
    CompletableFuture<ValidationReport> report() {
        return report;
    }

    /** Publishes an event, unless the check has finished (a late listener call is dropped). */
    synchronized void publish(Draft draft) {
        if (finished) {
            return;
        }
        ServerEvent event = new ServerEvent(events.size() + 1L, draft.name(), draft.data());
        events.add(event);
        subscribers.forEach(s -> s.accept(event));
    }

    /** Publishes the last events and completes the report. */
    void finish(ValidationReport value, Throwable failure, long nanoTime) {
        synchronized (this) {
            if (finished) {
                return;
            }
            List<Draft> last = failure == null ? ReportEvents.ended(value)
                    : List.of(ReportEvents.failed("The check of " + domain.value() + " failed unexpectedly;"
                            + " try again."));
            last.forEach(this::publish);
            finished = true;
            finishedAt = nanoTime;
            subscribers.clear();
        }
        if (failure == null) {
            report.complete(value);
        } else {
            report.completeExceptionally(failure);
        }
    }

    /** Hands a subscriber every event so far, then each new one until the last. */
    synchronized void subscribe(Consumer<ServerEvent> subscriber) {
        events.forEach(subscriber);
        if (!finished) {
            subscribers.add(subscriber);
        }
    }

    synchronized void unsubscribe(Consumer<ServerEvent> subscriber) {
        subscribers.remove(subscriber);
    }

    /** @return true when a finished check with a report may still be handed out at {@code now} */
    synchronized boolean reusable(long now, long reuseNanos) {
        if (!finished) {
            return true;
        }
        return !report.isCompletedExceptionally() && now - finishedAt < reuseNanos;
    }
}
