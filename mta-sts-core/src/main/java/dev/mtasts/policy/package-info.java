/**
 * The MTA-STS policy file (RFC 8461 §3.2) and MX matching (§4.1): the {@link dev.mtasts.policy.MtaStsPolicy}
 * value with its {@link dev.mtasts.policy.PolicyMode}, {@link dev.mtasts.policy.MxPattern}s and
 * {@link dev.mtasts.policy.PolicyExtension}s, and the two ways to read a policy body.
 *
 * <ul>
 *   <li>{@link dev.mtasts.policy.MtaStsPolicy#parse(String)} returns the policy or throws a
 *       {@link dev.mtasts.policy.PolicyParseException} with the line, column and reason of the first error.</li>
 *   <li>{@link dev.mtasts.policy.PolicyParser#lenient()} never throws: its
 *       {@link dev.mtasts.policy.PolicyParseResult} holds the policy when valid, the fields it could read even when
 *       not, and every {@link dev.mtasts.Problem}.</li>
 * </ul>
 *
 * <pre>{@code
 * MtaStsPolicy policy = MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 604800\n");
 * policy.matches("mx1.example.com");                       // true
 *
 * PolicyParseResult result = PolicyParser.lenient().parse(fetch.body());   // the fetched bytes
 * result.mode();                                                   // readable even when the policy is invalid
 * result.problems().forEach(System.out::println);
 * }</pre>
 *
 * <p>Every type here is immutable and thread-safe, except {@link dev.mtasts.policy.MtaStsPolicy.Builder}. No method
 * accepts or returns {@code null}: a {@code null} argument is refused with a {@link NullPointerException} naming the
 * parameter, and absent values are {@link java.util.Optional} or empty lists.
 *
 * @since 0.1.0
 */
package dev.mtasts.policy;
