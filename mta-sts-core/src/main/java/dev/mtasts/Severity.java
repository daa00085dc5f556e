package dev.mtasts;

/**
 * How much a finding or a parse problem matters, judged by what it does to mail today.
 *
 * <p>The rule, measured against a reference sender that follows every MUST and SHOULD of RFC 8461 (and of
 * RFC 8460 for reports):
 * <ul>
 *   <li>{@link #ERROR}: that sender would ignore the policy, or refuse mail, today. The policy cannot be found,
 *       fetched within the minute RFC 8461 §3.3 suggests, or parsed; it is served with a media type other than
 *       {@code text/plain} or with none (a SHOULD senders follow); it breaks the §3.2 grammar, a blank line
 *       included; or, in {@code enforce}, an MX host is outside the policy.</li>
 *   <li>{@link #WARNING}: that sender is fine, but real senders that deviate from the RFC are not (they give up
 *       on a policy host slower than their own few seconds, or count a record the RFC discards), or it blocks
 *       promotion to {@code enforce} (an MX outside a {@code testing} policy, TLS-RPT missing), or it will break
 *       later (a certificate about to expire). Also a check that could not finish where senders would wait
 *       longer: the report says so and is {@code inconclusive}.</li>
 *   <li>{@link #INFO}: otherwise; worth knowing ({@code mode: none}, {@code max_age} over a week).</li>
 * </ul>
 * One fact can weigh differently by mode: an MX outside the policy is an {@code ERROR} in {@code enforce} and a
 * {@code WARNING} in {@code testing}. The verdict follows from the severities, never the other way round.
 *
 * <pre>{@code
 * List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
 * boolean mailSafe = errors.isEmpty();
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Severity {
    /** A sender that follows every MUST and SHOULD of the RFC would ignore the policy, or refuse mail, today. */
    ERROR,
    /** Such a sender is fine, but real senders that deviate are not, or it blocks promotion, or it breaks later. */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO
}
