package dev.mtasts.plan;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.record.RecordExtension;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One planning: reads the change against the current state, assesses the risk, and writes the steps (RFC 8461
 * §8.1) with their dates, ids and texts. Not thread-safe: made and used once by {@link ChangePlanner}.
 */
final class Planning {

    private final CurrentState current;
    private final ResolvedChange change;
    private final String domain;
    private final PlanIds ids;
    private final List<PlanStep> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Planning(CurrentState current, ChangeRequest request, Instant start) {
        this.current = current;
        this.change = ResolvedChange.of(current, request, start);
        this.domain = current.domain().value();
        this.ids = new PlanIds(current.record().map(StsRecord::id).stream().toList());
    }

    ChangePlan plan() {
        ChangeRisk risk = RiskAssessment.of(change);
        if (current.verdict() == Verdict.UNKNOWN) {
            return stopped(PlanStatus.UNKNOWN, risk, List.of(new PlanBlocker(PlanBlocker.Code.CURRENT_STATE_UNKNOWN,
                    "The validation of " + domain + " could not run to a conclusion (verdict UNKNOWN)"
                            + current.firstError().map(f -> ": " + f.message()).orElse("."),
                    "Check again (with a longer deadline, or another resolver), then plan the change.")));
        }
        if (current.verdict() == Verdict.BROKEN) {
            return stopped(PlanStatus.BLOCKED, risk, List.of(new PlanBlocker(
                    PlanBlocker.Code.CURRENT_POLICY_UNREADABLE, "The MTA-STS deployment of " + domain + " is BROKEN"
                    + current.firstError().map(f -> " (" + f.code() + ")").orElse("") + ": senders that cached a valid"
                    + " policy before it broke keep applying it (RFC 8461 §3.3), for a max_age this check cannot"
                    + " read.", "Repair the deployment first (the report of mta-sts check " + domain + " says what to"
                    + " publish), then plan the change.")));
        }
        List<PlanBlocker> blockers = new ArrayList<>();
        List<DomainName> missed = change.missedByAsked();
        if (!missed.isEmpty()) {
            blockers.add(new PlanBlocker(PlanBlocker.Code.NEW_POLICY_MISSES_NEW_MX, "The new policy (mode "
                    + change.target().orElseThrow().mode().token() + ") lists no pattern for "
                    + Wording.hosts(missed) + ", of the new MX set.", "Add " + mxLines(missed) + " to the new"
                    + " policy (or a pattern that covers " + (missed.size() == 1 ? "it" : "them") + "), then plan"
                    + " again."));
        }
        change.target().filter(p -> change.policyChanges()).ifPresent(p -> tooLarge(p, "new").ifPresent(blockers::add));
        if (!blockers.isEmpty()) {
            return stopped(PlanStatus.BLOCKED, risk, blockers);
        }
        return change.uncoveredNew().isEmpty() ? direct(risk) : staged(risk);
    }

    /** No cached policy stands in the way: the MX records can change now, and the policy follows. */
    private ChangePlan direct(ChangeRisk risk) {
        Instant t = change.start();
        List<DomainName> added = change.newMx().stream().filter(h -> !change.oldMx().contains(h)).toList();
        if (change.mxChanges()) {
            String reason;
            if (change.cached().isEmpty()) {
                reason = "No MTA-STS policy is published, so senders check no MX host against one.";
            } else if (change.cached().get().mode() == PolicyMode.NONE) {
                reason = "The current policy is in mode none, so senders neither refuse nor report any MX host.";
            } else if (added.isEmpty()) {
                reason = "Only hosts leave the MX set: senders deliver to the ones that stay as before.";
            } else {
                reason = "The current policy already lists " + Wording.hosts(added) + ", so senders holding it"
                        + " deliver to " + (added.size() == 1 ? "it." : "them.");
            }
            steps.add(moveMx(t, reason));
        }
        if (change.policyChanges()) {
            MtaStsPolicy target = change.target().orElseThrow();
            List<DomainName> dropped = change.droppedLive();
            boolean tightens = change.mxChanges() && !dropped.isEmpty();
            if (tightens) {
                t = waitForMxCaches(t, dropped);
            }
            boolean narrows = tightens && change.cached().filter(p -> p.mode() != PolicyMode.NONE).isPresent();
            steps.add(publish(narrows ? StepKind.TIGHTEN_POLICY : StepKind.PUBLISH_POLICY, t, target,
                    (change.asked() ? "Serve the new policy below" : "Serve the policy below, adjusted to the new MX"
                            + " hosts,") + policyThenRecord(),
                    tightens ? (change.cached().isPresent() ? "It no longer lists " : "It does not list ")
                            + Wording.hosts(dropped) + ", which by now receive"
                            + (dropped.size() == 1 ? "s" : "") + " no mail." : change.cached().isEmpty()
                            ? "Senders find the policy through the new record." : "The new id tells senders that"
                            + " cached the current policy to fetch this one."));
        }
        noteModeOfCurrentPolicy();
        noteMaxAge(false);
        noteTtlsAndDates();
        String summary;
        if (steps.isEmpty()) {
            summary = "Nothing changes: the new MX hosts are the current ones, and the policy stays as it is.";
        } else if (change.cached().isEmpty()) {
            summary = "No MTA-STS policy is published, so the change is safe now: " + stepsInWords() + ".";
        } else if (change.cached().get().mode() == PolicyMode.NONE) {
            summary = "The current policy is in mode none, so the change is safe now: " + stepsInWords() + ".";
        } else if (!added.isEmpty()) {
            summary = "The change is safe now, since the current policy already lists " + Wording.hosts(added) + ": "
                    + stepsInWords() + ".";
        } else {
            summary = "The change is safe now: " + stepsInWords() + ".";
        }
        return new ChangePlan(current.domain(), change.start(), PlanStatus.SAFE_NOW, summary, change.cached(),
                current.record().map(StsRecord::id), change.oldMx(), change.newMx(), risk, steps, List.of(), notes);
    }

    /** Senders holding the current policy would refuse or report a new host: the order of RFC 8461 §8.1. */
    private ChangePlan staged(ChangeRisk risk) {
        MtaStsPolicy cached = change.cached().orElseThrow();
        MtaStsPolicy target = change.target().orElseThrow();
        Set<DomainName> every = new LinkedHashSet<>(change.oldMx());
        every.addAll(change.newMx());
        boolean direct = PolicyDrafts.coversAll(target, every);
        MtaStsPolicy transition = direct ? target : PolicyDrafts.transition(cached, target, every);
        Optional<PlanBlocker> large = tooLarge(transition, "transition");
        if (large.isPresent()) {
            return stopped(PlanStatus.BLOCKED, risk, List.of(large.get()));
        }
        List<DomainName> added = change.uncoveredNew();
        Instant t0 = change.start();
        steps.add(publish(StepKind.PUBLISH_POLICY, t0, transition, (direct ? "Serve the new policy below, which"
                        + " lists the current and the new MX hosts," : "Serve the transition policy below, which lists"
                        + " the current and the new MX hosts,") + policyThenRecord(),
                "Senders that fetch it accept " + Wording.hosts(change.oldMx().isEmpty() ? added : change.oldMx())
                        + (change.oldMx().isEmpty() ? "" : " and " + Wording.hosts(added))
                        + " alike, so the MX records can change under it; the new id makes senders that cached the"
                        + " current policy fetch it."));

        Duration cacheWait = cached.maxAge().plus(current.stsTxtTtl());
        Instant t1 = t0.plus(cacheWait);
        if (!cacheWait.isZero()) {
            steps.add(step(StepKind.WAIT, t0, Optional.of(t1), "Wait until " + Wording.date(t1) + " before changing"
                    + " the MX records.", "Senders that fetched the current policy just before step 1 keep applying"
                    + " it for its max_age, " + Wording.duration(cached.maxAge()) + ": the current policy's, since"
                    + " that is the one they cached" + (target.maxAge().equals(cached.maxAge()) ? "" : " (the new"
                    + " policy's " + Wording.duration(target.maxAge()) + " does not change this wait)")
                    + ttlClause(current.stsTxtTtl()) + "; until then they would "
                    + (cached.mode() == PolicyMode.ENFORCE ? "refuse" : "report") + " mail to "
                    + Wording.hosts(added) + "."));
        }
        steps.add(moveMx(t1, "Every sender now applies the " + (direct ? "new" : "transition") + " policy or none,"
                + " and it lists " + Wording.hosts(change.newMx()) + "."));

        if (!direct) {
            Instant t2 = waitForMxCaches(t1, change.leaving());
            Instant looseUntil = t2.plus(transition.maxAge());
            List<DomainName> dropped = change.droppedLive();
            steps.add(publish(StepKind.TIGHTEN_POLICY, t2, target, (change.asked() ? "Serve the new policy below"
                            : "Serve the final policy below, which lists the new MX hosts only,") + policyThenRecord(),
                    "Senders that cached the transition policy still accept " + Wording.hosts(dropped) + " until "
                            + Wording.date(looseUntil) + " (its max_age, " + Wording.duration(transition.maxAge())
                            + "); keep " + (dropped.size() == 1 ? "that name" : "those names") + " under your control"
                            + " until then."));
        }
        noteModeOfCurrentPolicy();
        noteTransitionAdds(cached, transition);
        noteModes(cached, target, transition);
        noteMaxAge(!direct);
        noteTtlsAndDates();
        String summary = "Safe only in order (RFC 8461 §8.1): publish " + (direct ? "the new policy" : "a policy that"
                + " lists the current and the new MX hosts") + " with a new id now, change the MX records on or after "
                + Wording.date(t1) + (direct ? "" : ", then tighten the policy on or after "
                + Wording.date(steps.get(steps.size() - 1).earliest())) + ".";
        return new ChangePlan(current.domain(), change.start(), PlanStatus.STAGED, summary, change.cached(),
                current.record().map(StsRecord::id), change.oldMx(), change.newMx(), risk, steps, List.of(), notes);
    }

    private ChangePlan stopped(PlanStatus status, ChangeRisk risk, List<PlanBlocker> blockers) {
        String summary = status == PlanStatus.UNKNOWN
                ? "The current deployment of " + domain + " could not be checked, so the change cannot be planned."
                : "The change cannot be planned safely as asked: " + blockers.get(0).message();
        return new ChangePlan(current.domain(), change.start(), status, summary, change.cached(),
                current.record().map(StsRecord::id), change.oldMx(), change.newMx(), risk, List.of(), blockers,
                notes);
    }

    /** Adds the wait for resolvers' caches of the old MX records (when their TTL is known), and returns its end. */
    private Instant waitForMxCaches(Instant from, List<DomainName> leaving) {
        Duration ttl = current.mxTtl();
        if (ttl.isZero()) {
            return from;
        }
        Instant end = from.plus(ttl);
        steps.add(step(StepKind.WAIT, from, Optional.of(end), "Wait until " + Wording.date(end) + " before"
                + " publishing the policy.", "Resolvers may hand out the old MX records for their TTL, "
                + Wording.duration(ttl) + ", so " + Wording.hosts(leaving) + " may still receive mail until then."));
        return end;
    }

    private PlanStep moveMx(Instant at, String reason) {
        return new PlanStep(steps.size() + 1, StepKind.MOVE_MX, at, Optional.empty(), "Replace the MX records of "
                + domain + " with " + Wording.hosts(change.newMx()) + ".", reason, Optional.empty(),
                Optional.empty(), change.newMx());
    }

    private PlanStep publish(StepKind kind, Instant at, MtaStsPolicy policy, String instruction, String reason) {
        List<RecordExtension> extensions = current.record().map(StsRecord::extensions).orElse(List.of());
        StsRecord record = new StsRecord(StsRecord.VERSION_STSV1, ids.at(at), extensions);
        return new PlanStep(steps.size() + 1, kind, at, Optional.empty(), instruction, reason, Optional.of(policy),
                Optional.of(record), List.of());
    }

    private PlanStep step(StepKind kind, Instant at, Optional<Instant> until, String instruction, String reason) {
        return new PlanStep(steps.size() + 1, kind, at, until, instruction, reason, Optional.empty(),
                Optional.empty(), List.of());
    }

    private String policyThenRecord() {
        return " at https://mta-sts." + domain + "/.well-known/mta-sts.txt, then publish the _mta-sts." + domain
                + " TXT record below with its new id.";
    }

    private static String ttlClause(Duration ttl) {
        return ttl.isZero() ? "" : ", plus the TTL of the _mta-sts TXT record, " + Wording.duration(ttl)
                + ", for senders whose resolver still gives the old id and who renew the cached policy on it"
                + " (RFC 8461 §8.1)";
    }

    private Optional<PlanBlocker> tooLarge(MtaStsPolicy policy, String which) {
        int size = PolicyDrafts.size(policy);
        if (size <= PolicyParser.MAX_POLICY_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new PlanBlocker(PlanBlocker.Code.POLICY_TOO_LARGE, "The " + which + " policy would be "
                + size + " bytes, over the " + PolicyParser.MAX_POLICY_BYTES + " bytes senders read (RFC 8461 §3.3).",
                "Cover the MX hosts with wildcard patterns (mx: *.example.net covers one label under"
                        + " example.net), then plan again."));
    }

    private static String mxLines(List<DomainName> hosts) {
        return String.join(", ", hosts.stream().map(h -> "'mx: " + h.value() + "'").toList());
    }

    private String stepsInWords() {
        List<String> parts = new ArrayList<>();
        for (PlanStep s : steps) {
            switch (s.kind()) {
                case MOVE_MX -> parts.add("change the MX records");
                case PUBLISH_POLICY -> parts.add("publish the " + (change.asked() ? "new" : "adjusted") + " policy");
                case TIGHTEN_POLICY -> parts.add("publish the " + (change.asked() ? "new" : "tightened") + " policy on"
                        + " or after " + Wording.date(s.earliest()));
                case WAIT -> { }
            }
        }
        return String.join(", then ", parts);
    }

    private void noteModeOfCurrentPolicy() {
        if (change.cached().isEmpty()) {
            notes.add("No _mta-sts record is published, so senders apply no policy; a sender that cached a policy of "
                    + domain + " before its record was removed keeps applying it until its max_age runs out, which"
                    + " this check cannot see.");
            return;
        }
        switch (change.cached().get().mode()) {
            case NONE -> notes.add("Mode none: senders neither enforce nor report the policy, so the MX hosts it"
                    + " lists do not matter to them.");
            case TESTING -> {
                if (!change.uncoveredNew().isEmpty()) {
                    notes.add("Mode testing: senders deliver to MX hosts the policy does not list and report them"
                            + " through TLS-RPT, so a change made at once costs failure reports, not mail; the same"
                            + " order is what keeps mail flowing once the policy is in enforce.");
                }
            }
            case ENFORCE -> { }
        }
    }

    private void noteTransitionAdds(MtaStsPolicy cached, MtaStsPolicy transition) {
        List<DomainName> missedNow = change.oldMx().stream()
                .filter(h -> SenderAction.under(cached, h) != SenderAction.DELIVER)
                .filter(h -> SenderAction.under(transition, h) == SenderAction.DELIVER).toList();
        if (!missedNow.isEmpty()) {
            notes.add("The transition policy also lists " + Wording.hosts(missedNow) + ", a current MX host the"
                    + " current policy does not list (MX_NOT_COVERED).");
        }
    }

    private void noteModes(MtaStsPolicy cached, MtaStsPolicy target, MtaStsPolicy transition) {
        if (cached.mode() == target.mode() || transition.equals(target)) {
            return;
        }
        notes.add(transition.mode() == cached.mode()
                ? "The transition policy keeps mode " + cached.mode().token() + "; the new policy's mode "
                        + target.mode().token() + " starts with the last step."
                : "The transition policy takes the new policy's mode " + target.mode().token() + " at once: a less"
                        + " strict mode never refuses what a stricter one accepts.");
    }

    private void noteMaxAge(boolean transitionTakesShorter) {
        Optional<MtaStsPolicy> cached = change.cached();
        Optional<MtaStsPolicy> target = change.target();
        boolean fromNothing = cached.map(p -> p.mode() == PolicyMode.NONE).orElse(true);
        if (change.asked() && fromNothing && target.orElseThrow().mode() == PolicyMode.ENFORCE) {
            notes.add("The new policy starts in mode enforce without a testing period: consider mode testing"
                    + " first, and read the TLS-RPT reports before enforcing.");
        }
        if (!change.asked() || fromNothing) {
            return;
        }
        Duration before = cached.get().maxAge();
        Duration after = target.get().maxAge();
        int order = after.compareTo(before);
        if (order < 0) {
            notes.add("The new policy's max_age, " + Wording.duration(after) + ", is shorter than the current one, "
                    + Wording.duration(before) + ": it shortens the waits of later changes, once senders have fetched"
                    + " it, not the wait for the policy senders cached already.");
        } else if (order > 0 && transitionTakesShorter) {
            notes.add("The new policy's max_age, " + Wording.duration(after) + ", is longer than the current one, "
                    + Wording.duration(before) + ": the transition policy keeps the shorter one, so senders stop"
                    + " accepting the old MX hosts sooner after the tightening; the longer one governs the next"
                    + " change.");
        } else if (order > 0) {
            notes.add("The new policy's max_age, " + Wording.duration(after) + ", is longer than the current one, "
                    + Wording.duration(before) + ": it governs the waits of the next change, not of this one.");
        }
    }

    private void noteTtlsAndDates() {
        if (steps.stream().anyMatch(step -> step.kind() == StepKind.WAIT)) {
            notes.add("The waits use the TTLs this check's resolver gave (_mta-sts." + domain + " TXT: "
                    + Wording.duration(current.stsTxtTtl()) + ", " + domain + " MX: "
                    + Wording.duration(current.mxTtl()) + "); a caching resolver shows what is left of them, so wait"
                    + " longer if your zone's TTLs are longer.");
        }
        if (!current.mxKnown()) {
            notes.add("The MX look-up of " + domain + " failed, so its current MX hosts are unknown: the plan counts"
                    + " none, and keeps every pattern of the current policy until the last step.");
        }
        if (steps.stream().anyMatch(step -> step.policy().isPresent())) {
            notes.add("Serve each policy before you publish its TXT record (RFC 8461 §8.1): a sender that saw the new"
                    + " id and fetched the old policy would keep the old one under the new id.");
        }
        if (steps.size() > 1) {
            notes.add("The dates assume step 1 is done at " + Wording.date(change.start()) + "; done later, every"
                    + " later date moves by as much.");
        }
    }
}
