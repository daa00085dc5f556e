package dev.mtasts.plan;

/**
 * What one {@link PlanStep} asks for.
 *
 * <pre>{@code
 * ChangePlan plan = ChangePlanner.plan(report, ChangeRequest.builder().newMx("mx2.example.com").build(),
 *         Clock.systemUTC());
 * for (PlanStep step : plan.steps()) {
 *     if (step.kind() == StepKind.MOVE_MX) {
 *         System.out.println("change the MX records on or after " + step.earliest());
 *     }
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public enum StepKind {
    /**
     * Serve a policy file, then publish the {@code _mta-sts} TXT record with a new {@code id} (the body first, RFC
     * 8461 §8.1): the transition policy that lists the current and the new MX hosts, or the new policy where no
     * tightening follows.
     */
    PUBLISH_POLICY,
    /** Wait until {@link PlanStep#until()}: caches of senders or resolvers still hold what was published before. */
    WAIT,
    /** Replace the domain's MX records with {@link PlanStep#mx()}. */
    MOVE_MX,
    /**
     * Serve the final policy, which no longer lists MX hosts that left, then publish the {@code _mta-sts} TXT record
     * with another new {@code id}.
     */
    TIGHTEN_POLICY
}
