/**
 * The entry point and the values every other package builds on.
 *
 * <ul>
 *   <li>{@link dev.mtasts.MtaStsValidator}: the static one-liners ({@code validate}, {@code validateAsync}) with
 *       the defaults found on the class path, and {@code builder()};</li>
 *   <li>{@link dev.mtasts.Validator}: a configured, immutable, thread-safe validator, and its builder;</li>
 *   <li>{@link dev.mtasts.DomainName}: a checked, normalised domain name (IDNs converted to A-labels);</li>
 *   <li>{@link dev.mtasts.AddressPolicy}: which resolved addresses the validator may connect to;</li>
 *   <li>{@link dev.mtasts.ValidationListener}: hears each step of each validation;</li>
 *   <li>{@link dev.mtasts.Severity}, {@link dev.mtasts.Problem}, {@link dev.mtasts.ProblemCode}: how much a finding
 *       or a parse problem matters, and the parser's problem catalogue.</li>
 * </ul>
 *
 * <pre>{@code
 * ValidationReport report = MtaStsValidator.validate("example.com");
 * if (report.hasErrors()) {
 *     report.errors().forEach(f -> System.out.println(f.message() + " Fix: " + f.remediation()));
 * }
 * }</pre>
 *
 * <p>Nothing in this module accepts or returns {@code null}: absent values are {@link java.util.Optional} or empty
 * collections, and a {@code null} argument is refused with a {@link NullPointerException} naming the parameter.
 *
 * @since 0.1.0
 */
package dev.mtasts;
