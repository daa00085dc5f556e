package dev.mtasts.plan;

/**
 * What a {@link ChangePlan} concludes about a change, in one word.
 *
 * <pre>{@code
 * ChangePlan plan = validator.plan("example.com", ChangeRequest.builder().newMx("mx2.example.com").build()).join();
 * switch (plan.status()) {
 *     case SAFE_NOW -> System.out.println("go ahead");
 *     case STAGED -> plan.steps().forEach(s -> System.out.println(s.number() + ". " + s.earliest()));
 *     case BLOCKED -> plan.blockers().forEach(b -> System.out.println(b.message() + " " + b.fix()));
 *     case UNKNOWN -> System.out.println("check again");
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public enum PlanStatus {
    /**
     * The change can be made now: no sender holding the current policy would refuse or report the new MX hosts
     * (they are listed, the mode is {@code none}, or no policy is published). The steps, when any, need no wait for
     * cached policies.
     */
    SAFE_NOW,
    /**
     * The change is safe only in the order of the steps (RFC 8461 §8.1): senders holding the current policy would
     * refuse ({@code enforce}) or report ({@code testing}) a new MX host until it expires.
     */
    STAGED,
    /** The change as asked cannot be made safely: see {@link ChangePlan#blockers()}, fix them and plan again. */
    BLOCKED,
    /** The current deployment could not be checked (the validation's verdict is {@code UNKNOWN}): check again. */
    UNKNOWN
}
