/**
 * The report of one validation, as immutable values: {@link dev.mtasts.report.ValidationReport} with its
 * {@link dev.mtasts.report.Verdict}, one {@link dev.mtasts.report.LayerResult} per {@link dev.mtasts.report.Layer},
 * every {@link dev.mtasts.report.Finding} (a stable {@link dev.mtasts.report.FindingCode}, a
 * {@link dev.mtasts.Severity}, a message and its fix), the {@link dev.mtasts.report.Promotion} readiness, the
 * {@link dev.mtasts.report.Remediation} to publish, the {@link dev.mtasts.report.Observations} it rests on, and a
 * {@link dev.mtasts.report.PolicySnapshot} to compare the next validation with.
 *
 * <pre>{@code
 * ValidationReport report = validator.validate("example.com");
 * switch (report.verdict()) {
 *     case ENFORCING, TESTING -> System.out.println("MTA-STS in use");
 *     case UNKNOWN -> System.out.println("could not check: " + report.errors());
 *     default -> report.remediation().policy().ifPresent(System.out::println);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
package dev.mtasts.report;
