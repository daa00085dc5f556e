package dev.mtasts.plan;

import java.util.Objects;

/**
 * Why a change cannot be planned safely as asked: a stable code, what is wrong with the observed values, and what
 * to do about it.
 *
 * <pre>{@code
 * ChangePlan plan = ChangePlanner.plan(report, ChangeRequest.builder().newMx("mx2.example.com").build(),
 *         Clock.systemUTC());
 * for (PlanBlocker b : plan.blockers()) {
 *     System.out.println(b.code() + ": " + b.message() + " " + b.fix());
 * }
 * }</pre>
 *
 * <p>An immutable value.
 *
 * @param code    what kind of problem it is
 * @param message what is wrong, with the observed values, in one sentence
 * @param fix     what to do, in one sentence
 * @since 0.2.0
 */
public record PlanBlocker(Code code, String message, String fix) {

    /** Validates the components. */
    public PlanBlocker {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /**
     * The kinds of blocker.
     *
     * <pre>{@code
     * ChangePlan plan = validator.plan("example.com", ChangeRequest.builder().newMx("mx2.example.com").build())
     *         .join();
     * boolean checkAgain = plan.blockers().stream().anyMatch(b -> b.code() == PlanBlocker.Code.CURRENT_STATE_UNKNOWN);
     * }</pre>
     *
     * @since 0.2.0
     */
    public enum Code {
        /** The validation of the current deployment could not run to a conclusion (verdict {@code UNKNOWN}). */
        CURRENT_STATE_UNKNOWN,
        /**
         * The current deployment is {@code BROKEN}: senders that cached a valid policy before it broke keep applying
         * it (RFC 8461 §3.3), for a {@code max_age} the check cannot read.
         */
        CURRENT_POLICY_UNREADABLE,
        /** The new policy lists no pattern for a host of the new MX set. */
        NEW_POLICY_MISSES_NEW_MX,
        /** A policy of the plan would be larger than the 64 KiB senders read (RFC 8461 §3.3). */
        POLICY_TOO_LARGE
    }
}
