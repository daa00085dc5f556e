package dev.mtasts.report;

/**
 * What senders make of the domain's MTA-STS deployment, in one word.
 *
 * <pre>{@code
 * boolean protectedNow = report.verdict() == Verdict.ENFORCING && !report.atRisk();
 * boolean checkAgain = report.verdict() == Verdict.UNKNOWN;
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Verdict {
    /** No {@code _mta-sts} record: MTA-STS is not in use, whatever else exists. */
    NOT_DEPLOYED,
    /** A record is there, but no valid policy can be had: senders treat the domain as having no policy, or keep a stale cached one. */
    BROKEN,
    /** A valid policy in {@code mode: none}: no protection, no reports. */
    INACTIVE,
    /** A valid policy in {@code mode: testing}: failures are reported, mail still flows. */
    TESTING,
    /** A valid policy in {@code mode: enforce}: senders refuse MX hosts that fail the policy. */
    ENFORCING,
    /**
     * The check could not run to a conclusion: no DNS look-up got an answer (the resolver is unreachable, or every
     * look-up failed), or a valid record announces a policy whose fetch this check's own deadline cut short, before
     * the minute senders wait. Nothing can be said about what senders do; check again (with a longer deadline, or
     * from another resolver).
     */
    UNKNOWN
}
