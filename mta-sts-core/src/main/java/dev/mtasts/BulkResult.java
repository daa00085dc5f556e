package dev.mtasts;

import dev.mtasts.report.ValidationReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What one input of a {@linkplain Validator#validateAll(java.util.Iterator, BulkOptions, java.util.function.Consumer)
 * bulk validation} came to: a report, or why there is none. Every input the bulk validation reads yields exactly one
 * result (or is skipped, as a blank line is, and counted in {@link BulkSummary#skipped()}). An immutable value.
 *
 * <pre>{@code
 * validator.validateAll(Stream.of("example.com", "not a domain"), result -> {
 *     if (result.report().isPresent()) {
 *         ValidationReport r = result.report().get();
 *         progress.validationEnded(r);
 *     } else {
 *         assert !result.problem().isEmpty(); // "not a domain: ..." for the second input
 *     }
 * });
 * }</pre>
 *
 * @param input   the input as read, unchanged (a line of a file, say)
 * @param outcome what came of it
 * @param report  the report, present exactly when the outcome is {@link Outcome#REPORT}
 * @param problem why there is no report, in words; empty for a report
 * @since 1.1.0
 */
public record BulkResult(String input, Outcome outcome, Optional<ValidationReport> report, String problem) {

    /** What came of one input. */
    public enum Outcome {
        /** Validated: the report is present. */
        REPORT,
        /** The input is not a domain name (or the options' parser refused it); {@code problem} says why. */
        INPUT_ERROR,
        /**
         * The validation ended without a report: a bug, in the library or in a caller's SPI, or a caller's SPI that
         * never answered ({@code problem} says which). {@code validate} promises a report, so this is never a
         * network fault.
         */
        FAILED
    }

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when the report is present for another outcome than {@code REPORT}, absent for
     *                                  {@code REPORT}, or the problem is empty for an outcome without a report
     */
    public BulkResult {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(problem, "problem");
        if ((outcome == Outcome.REPORT) != report.isPresent()) {
            throw new IllegalArgumentException("a report is present exactly for the outcome REPORT, not " + outcome);
        }
        if (outcome == Outcome.REPORT ? !problem.isEmpty() : problem.isEmpty()) {
            throw new IllegalArgumentException("a problem is given exactly when there is no report");
        }
    }

    /**
     * @param input  the input as read
     * @param report its report
     * @return a result with a report
     */
    public static BulkResult of(String input, ValidationReport report) {
        return new BulkResult(input, Outcome.REPORT, Optional.of(Objects.requireNonNull(report, "report")), "");
    }

    /**
     * @param input   the input as read
     * @param problem why it is not a domain name
     * @return an input error
     */
    public static BulkResult inputError(String input, String problem) {
        return new BulkResult(input, Outcome.INPUT_ERROR, Optional.empty(), problem);
    }

    /**
     * @param input   the input as read
     * @param problem why its validation ended without a report
     * @return a failed validation
     */
    public static BulkResult failed(String input, String problem) {
        return new BulkResult(input, Outcome.FAILED, Optional.empty(), problem);
    }
}
