package dev.mtasts.plan;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.report.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a change would do to mail if it were made at once (MX records and policy changed together, now): the
 * hosts senders would refuse or report, with a sentence for each cause.
 */
final class RiskAssessment {

    private RiskAssessment() {
    }

    static ChangeRisk of(ResolvedChange c) {
        List<HostRisk> hosts = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        Optional<Instant> cachedUntil = c.cachedUntil();

        List<DomainName> uncovered = c.uncoveredNew();
        if (!uncovered.isEmpty()) {
            MtaStsPolicy cached = c.cached().orElseThrow();
            SenderAction action = SenderAction.under(cached, uncovered.get(0));
            uncovered.forEach(h -> hosts.add(new HostRisk(h, action, HostRisk.Cause.CACHED_POLICY_MISSES_NEW_MX,
                    cachedUntil)));
            String until = Wording.date(cachedUntil.orElseThrow());
            sentences.add(action == SenderAction.REFUSE
                    ? "Moved at once, senders that cached the current policy (mode enforce, max_age "
                            + Wording.duration(cached.maxAge()) + ") would refuse mail to " + Wording.hosts(uncovered)
                            + ", which it does not list, until " + until + "."
                    : "Moved at once, senders that cached the current policy (mode testing) would still deliver to "
                            + Wording.hosts(uncovered) + ", which it does not list, but report each delivery as a"
                            + " policy failure through TLS-RPT until " + until + ".");
        }

        // only the policy asked for: the plan's own adjusted policy is published after the move, never at once
        List<DomainName> dropped = c.asked() ? c.droppedLive() : List.<DomainName>of();
        if (!dropped.isEmpty()) {
            MtaStsPolicy target = c.target().orElseThrow();
            SenderAction action = SenderAction.under(target, dropped.get(0));
            Optional<Instant> mxCachedUntil = Optional.of(c.start().plus(c.current().mxTtl()));
            dropped.forEach(h -> hosts.add(new HostRisk(h, action, HostRisk.Cause.NEW_POLICY_DROPS_LIVE_MX,
                    mxCachedUntil)));
            sentences.add("Published while " + Wording.hosts(dropped) + " still receive" + (dropped.size() == 1 ? "s"
                    : "") + " mail (until the MX records change and resolvers' caches of them expire), the new"
                    + " policy (mode " + target.mode().token() + ") would make"
                    + " senders that fetch it " + (action == SenderAction.REFUSE ? "refuse" : "report") + " mail to "
                    + (dropped.size() == 1 ? "it." : "them."));
        }

        List<DomainName> missed = c.missedByAsked();
        if (!missed.isEmpty()) {
            MtaStsPolicy target = c.target().orElseThrow();
            SenderAction action = SenderAction.under(target, missed.get(0));
            missed.forEach(h -> hosts.add(new HostRisk(h, action, HostRisk.Cause.NEW_POLICY_MISSES_NEW_MX,
                    Optional.empty())));
            sentences.add("The new policy (mode " + target.mode().token() + ") does not list "
                    + Wording.hosts(missed) + ", of the new MX set: senders that fetch it would "
                    + (action == SenderAction.REFUSE ? "refuse" : "report") + " mail to "
                    + (missed.size() == 1 ? "it." : "them."));
        }

        if (sentences.isEmpty()) {
            sentences.add(noRisk(c));
        }
        return new ChangeRisk(c.cached().map(MtaStsPolicy::mode), cachedUntil, hosts, String.join(" ", sentences));
    }

    private static String noRisk(ResolvedChange c) {
        Verdict verdict = c.current().verdict();
        if (verdict == Verdict.BROKEN || verdict == Verdict.UNKNOWN) {
            return "What senders cached of the current policy is unknown: the deployment is " + verdict + ".";
        }
        if (c.cached().isEmpty()) {
            return "No MTA-STS policy is published, so no sender refuses or reports an MX host because of it.";
        }
        if (c.cached().get().mode() == PolicyMode.NONE) {
            return "The current policy is in mode none: senders neither refuse nor report any MX host because of it.";
        }
        return "Even made at once, the change makes no sender refuse or report an MX host: the current policy"
                + " already lists " + (c.mxChanges() ? "every new MX host" : "every MX host") + ".";
    }
}
