package dev.mtasts;

import java.time.Duration;
import java.util.Objects;

/**
 * The counts of a finished bulk validation: every input read is counted once, as a report, an input error, a
 * failure or a skipped input. An immutable value.
 *
 * <pre>{@code
 * BulkSummary summary = validator.validateAll(Stream.of("example.com", ""), result -> { });
 * assert summary.inputs() == 2 && summary.reports() == 1 && summary.skipped() == 1;
 * }</pre>
 *
 * @param inputs       the inputs read
 * @param reports      the inputs validated, each with its report
 * @param inputErrors  the inputs that are not domain names
 * @param failures     the validations that ended without a report (see {@link BulkResult.Outcome#FAILED})
 * @param skipped      the inputs skipped by the parser (blank ones, by default)
 * @param peakInFlight the most validations that were in flight at once
 * @param elapsed      from the first input read to the last result handed on
 * @since 1.1.0
 */
public record BulkSummary(long inputs, long reports, long inputErrors, long failures, long skipped, int peakInFlight,
                          Duration elapsed) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when a count is negative or the counts do not add up to the inputs
     */
    public BulkSummary {
        Objects.requireNonNull(elapsed, "elapsed");
        if (inputs < 0 || reports < 0 || inputErrors < 0 || failures < 0 || skipped < 0 || peakInFlight < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        if (reports + inputErrors + failures + skipped != inputs) {
            throw new IllegalArgumentException("the results (" + (reports + inputErrors + failures + skipped)
                    + ") do not add up to the inputs (" + inputs + ")");
        }
    }

    /** @return the validations per second, over the elapsed time (0 when nothing was validated) */
    public double reportsPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0 : reports * 1e9 / nanos;
    }
}
