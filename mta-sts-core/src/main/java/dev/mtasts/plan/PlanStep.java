package dev.mtasts.plan;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.record.StsRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link ChangePlan}: what to do, the earliest time to do it, why, and what to publish.
 *
 * <p>A {@link StepKind#PUBLISH_POLICY} or {@link StepKind#TIGHTEN_POLICY} step carries the policy file and the
 * {@code _mta-sts} record (with its new {@code id}) to publish, in that order; a {@link StepKind#MOVE_MX} step the
 * MX hosts to publish; a {@link StepKind#WAIT} step runs from {@link #earliest()} to {@link #until()}, and its
 * reason names the {@code max_age} or TTL that sets its length. Dates are computed from the planner's clock, as if
 * the first step were done at once.
 *
 * <p>An immutable value.
 *
 * <pre>{@code
 * ChangePlan plan = ChangePlanner.plan(report, ChangeRequest.builder().newMx("mx2.example.com").build(),
 *         Clock.systemUTC());
 * for (PlanStep step : plan.steps()) {
 *     System.out.println(step.number() + ". " + step.earliest() + "  " + step.instruction());
 *     step.policyText().ifPresent(text -> System.out.println("serve as mta-sts.txt:\n" + text));
 *     step.stsRecordText().ifPresent(txt -> System.out.println("_mta-sts TXT \"" + txt + "\""));
 * }
 * }</pre>
 *
 * @param number      the position in the plan, from 1
 * @param kind        what the step asks for
 * @param earliest    the earliest time to take the step (for a wait: when it starts)
 * @param until       for a wait, when it ends; empty for every other kind
 * @param instruction what to do, in one sentence
 * @param reason      why, and which {@code max_age} or TTL sets the date, in one or two sentences
 * @param policy      the policy file to serve, for a publishing step
 * @param stsRecord   the {@code _mta-sts} TXT record to publish after the policy, for a publishing step
 * @param mx          the MX hosts to publish, for {@link StepKind#MOVE_MX}; empty otherwise
 * @since 0.2.0
 */
public record PlanStep(int number, StepKind kind, Instant earliest, Optional<Instant> until, String instruction,
                       String reason, Optional<MtaStsPolicy> policy, Optional<StsRecord> stsRecord,
                       List<DomainName> mx) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when the number is below 1, a wait has no end (or another kind has one),
     *                                  a wait ends before it starts, a publishing step lacks its policy or record, or
     *                                  an MX step its hosts
     */
    public PlanStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(stsRecord, "stsRecord");
        mx = List.copyOf(Objects.requireNonNull(mx, "mx"));
        if (number < 1) {
            throw new IllegalArgumentException("steps are numbered from 1, not " + number);
        }
        if ((kind == StepKind.WAIT) != until.isPresent()) {
            throw new IllegalArgumentException("a wait, and only a wait, has an end");
        }
        if (until.filter(end -> end.isBefore(earliest)).isPresent()) {
            throw new IllegalArgumentException("a wait cannot end before it starts");
        }
        boolean publishes = kind == StepKind.PUBLISH_POLICY || kind == StepKind.TIGHTEN_POLICY;
        if (publishes != (policy.isPresent() && stsRecord.isPresent())) {
            throw new IllegalArgumentException("a publishing step, and only one, has a policy and a record");
        }
        if ((kind == StepKind.MOVE_MX) == mx.isEmpty()) {
            throw new IllegalArgumentException("an MX step, and only one, has MX hosts");
        }
    }

    /** @return the policy file to serve, in its canonical CRLF form, for a publishing step */
    public Optional<String> policyText() {
        return policy.map(MtaStsPolicy::toText);
    }

    /** @return the {@code _mta-sts} TXT record's text ({@code v=STSv1; id=...}), for a publishing step */
    public Optional<String> stsRecordText() {
        return stsRecord.map(StsRecord::toText);
    }
}
