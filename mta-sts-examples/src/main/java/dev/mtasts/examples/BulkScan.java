package dev.mtasts.examples;

import dev.mtasts.BulkOptions;
import dev.mtasts.BulkSummary;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Validating thousands of domains: {@link Validator#validateAll} reads the domains lazily, keeps at most
 * {@code maxInFlight} validations in flight, and hands each result on as it ends. Memory stays flat however many
 * domains there are, since a domain is read only when a slot is free and nothing is kept once handed on.
 *
 * <pre>{@code
 * // not run: reads a file of the reader's
 * try (Stream<String> domains = Files.lines(Path.of("domains.txt"))) {
 *     BulkSummary summary = validator.validateAll(domains, BulkOptions.builder().maxInFlight(512).build(),
 *             result -> result.report().ifPresentOrElse(
 *                     report -> System.out.println(report.domain() + " " + report.verdict()),
 *                     () -> System.err.println(result.input() + ": " + result.problem())));
 *     System.err.printf("%d reports, %.0f a second%n", summary.reports(), summary.reportsPerSecond());
 * }
 * }</pre>
 */
public final class BulkScan {

    private BulkScan() {
    }

    /**
     * Validates the domains of a file (one a line) and prints one line per domain.
     *
     * @param args the file
     * @throws IOException          when the file cannot be read
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        BulkSummary summary = scan(MtaStsValidator.builder().build(), Path.of(args[0]),
                BulkOptions.DEFAULT_MAX_IN_FLIGHT, System.out, System.err);
        System.err.printf("%d reports, %d input errors, %.0f a second%n", summary.reports(), summary.inputErrors(),
                summary.reportsPerSecond());
    }

    /**
     * Validates the domains of a file, one a line, and prints a line per domain: the verdict and the first error's
     * code to {@code out}, or why a line is not a domain to {@code err}.
     *
     * @param validator the validator
     * @param file      the domains, one a line; blank lines are skipped
     * @param inFlight  the most validations in flight at once
     * @param out       where the verdicts go
     * @param err       where the input errors go
     * @return the counts
     * @throws IOException          when the file cannot be read
     * @throws InterruptedException when interrupted
     */
    public static BulkSummary scan(Validator validator, Path file, int inFlight, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        try (Stream<String> domains = Files.lines(file, StandardCharsets.UTF_8)) {
            BulkOptions options = BulkOptions.builder().maxInFlight(inFlight).build();
            return validator.validateAll(domains, options, result -> result.report()
                    .ifPresentOrElse(report -> out.println(report.domain() + " " + report.verdict()
                                    + (report.hasErrors() ? " " + report.errors().get(0).code() : "")),
                            () -> err.println(result.input() + ": " + result.problem())));
        }
    }
}
