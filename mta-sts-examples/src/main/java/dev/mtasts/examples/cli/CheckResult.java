package dev.mtasts.examples.cli;

import dev.mtasts.report.ValidationReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code check} got for one domain argument: its report, or, should a validation ever fail (the library
 * promises a report for every domain it accepts, so this is a bug), why, so that the other domains' reports are
 * still printed.
 *
 * @param input  the domain as given
 * @param report the report
 * @param error  why there is no report
 */
record CheckResult(String input, Optional<ValidationReport> report, Optional<String> error) {

    CheckResult {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(error, "error");
        if (report.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a result has a report or an error");
        }
    }

    static CheckResult of(ValidationReport report) {
        return new CheckResult(report.domain().value(), Optional.of(report), Optional.empty());
    }

    static CheckResult failed(String input, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return new CheckResult(input, Optional.empty(), Optional.of("the check could not run: " + cause));
    }

    /** @return the exit code this result alone calls for */
    int exitCode() {
        return report.map(ExitCodes::of).orElse(ExitCodes.COULD_NOT_RUN);
    }
}
