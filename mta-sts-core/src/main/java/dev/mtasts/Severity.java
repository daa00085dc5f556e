package dev.mtasts;

/**
 * How much a finding or a parse problem matters, judged by what it does to mail.
 *
 * <ul>
 *   <li>{@link #ERROR}: senders ignore the policy (it cannot be found, fetched or parsed, or the RFC makes
 *       it invalid), or mail is refused now.</li>
 *   <li>{@link #WARNING}: nothing breaks today, but it blocks promotion to {@code enforce}, breaks for some
 *       real senders, or will break later.</li>
 *   <li>{@link #INFO}: worth knowing.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public enum Severity {
    /** Senders ignore the policy, or mail is refused now. */
    ERROR,
    /** Legal but unwise, blocks promotion, or breaks for some senders or later. */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO
}
