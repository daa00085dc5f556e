package dev.mtasts.plan;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The safe order of an MX or policy change (RFC 8461 §8.1), made by {@link ChangePlanner} from a live validation:
 * what the change would do to mail if made at once ({@link #risk()}), and the steps that avoid it, each with its
 * earliest date and the exact texts to publish.
 *
 * <p>For a move from {@code mx1} to {@code mx2} under an {@code enforce} policy with {@code max_age: 604800}, the
 * steps are: publish a policy listing both hosts with a new {@code id}; wait the current policy's {@code max_age}
 * (plus the TXT record's TTL), since senders cached it; move the MX records; wait the MX records' TTL; publish the
 * policy listing {@code mx2} only, with another new {@code id}.
 *
 * <p>An immutable value. A plan with status {@link PlanStatus#BLOCKED} or {@link PlanStatus#UNKNOWN} has blockers
 * and no steps; one with status {@link PlanStatus#SAFE_NOW} or {@link PlanStatus#STAGED} has steps (none when
 * nothing changes) and no blockers.
 *
 * <pre>{@code
 * ChangePlan plan = validator.plan("example.com", ChangeRequest.builder().newMx("mx2.example.com").build()).join();
 * System.out.println(plan.summary());
 * for (PlanStep step : plan.steps()) {
 *     System.out.println(step.number() + ". " + step.earliest() + "  " + step.instruction());
 * }
 * }</pre>
 *
 * @param domain        the policy domain
 * @param plannedAt     the planner's clock at planning time, to the second: the date of the first step
 * @param status        the conclusion
 * @param summary       the conclusion in one or two sentences
 * @param currentPolicy the policy senders get now, when one is published and valid
 * @param currentId     the {@code id} of the current {@code _mta-sts} record, when valid
 * @param currentMx     the domain's MX hosts now, in preference order; empty when unknown or none
 * @param newMx         the MX hosts after the change, in preference order
 * @param risk          what the change would do to mail if it were made at once
 * @param steps         the steps, in order, numbered from 1
 * @param blockers      why the change cannot be planned safely as asked
 * @param notes         remarks that explain the plan: what the mode means for the risk, which {@code max_age}
 *                      governs which wait, the TTLs used
 * @since 0.2.0
 */
public record ChangePlan(DomainName domain, Instant plannedAt, PlanStatus status, String summary,
                         Optional<MtaStsPolicy> currentPolicy, Optional<String> currentId,
                         List<DomainName> currentMx, List<DomainName> newMx, ChangeRisk risk, List<PlanStep> steps,
                         List<PlanBlocker> blockers, List<String> notes) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when the steps are not numbered 1, 2, ... in order, a blocked or unknown plan
     *                                  has steps or no blocker, or a safe or staged one has a blocker
     */
    public ChangePlan {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(plannedAt, "plannedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(currentPolicy, "currentPolicy");
        Objects.requireNonNull(currentId, "currentId");
        currentMx = List.copyOf(Objects.requireNonNull(currentMx, "currentMx"));
        newMx = List.copyOf(Objects.requireNonNull(newMx, "newMx"));
        Objects.requireNonNull(risk, "risk");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        blockers = List.copyOf(Objects.requireNonNull(blockers, "blockers"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).number() != i + 1) {
                throw new IllegalArgumentException("step " + (i + 1) + " is numbered " + steps.get(i).number());
            }
        }
        boolean planned = status == PlanStatus.SAFE_NOW || status == PlanStatus.STAGED;
        if (planned && !blockers.isEmpty()) {
            throw new IllegalArgumentException("a " + status + " plan has no blocker");
        }
        if (!planned && (blockers.isEmpty() || !steps.isEmpty())) {
            throw new IllegalArgumentException("a " + status + " plan has blockers and no steps");
        }
    }

    /**
     * @return true when a sender that follows RFC 8461 would refuse mail to an MX host if the change were made at
     *         once (see {@link ChangeRisk#refusesMail()})
     */
    public boolean refusesMailIfDoneAtOnce() {
        return risk.refusesMail();
    }

    /** @return when the last step can be done: the end of the plan; empty when there is no step */
    public Optional<Instant> completesAt() {
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        PlanStep last = steps.get(steps.size() - 1);
        return Optional.of(last.until().orElse(last.earliest()));
    }
}
