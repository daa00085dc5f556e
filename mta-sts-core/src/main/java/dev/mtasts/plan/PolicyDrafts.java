package dev.mtasts.plan;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The policies a plan writes: the current one adjusted to the new MX hosts, and the transition policy. */
final class PolicyDrafts {

    private PolicyDrafts() {
    }

    /**
     * The current policy adjusted to a new MX set, for a plan given no new policy: a pattern is dropped when it
     * covers hosts that leave and none of the new set; every other pattern is kept (one that covers no MX host now
     * may be meant for one to come, as the report's remediation keeps it); a new host no kept pattern covers gets an
     * exact pattern. Mode, {@code max_age} and extensions stay.
     */
    static MtaStsPolicy adjusted(MtaStsPolicy current, List<DomainName> oldMx, List<DomainName> newMx) {
        List<DomainName> leaving = oldMx.stream().filter(h -> !newMx.contains(h)).toList();
        Set<MxPattern> patterns = new LinkedHashSet<>();
        for (MxPattern p : current.mx()) {
            if (matchesAny(p, newMx) || !matchesAny(p, leaving)) {
                patterns.add(p);
            }
        }
        addExactFor(patterns, newMx);
        return new MtaStsPolicy(current.version(), current.mode(), new ArrayList<>(patterns), current.maxAge(),
                current.extensions());
    }

    /**
     * The policy to publish while the MX records change: every pattern of the current and of the target policy,
     * and an exact pattern for any host of either MX set they leave out (so a host the current policy misses now is
     * covered too). Its mode is the less strict of the two, so it never refuses what either accepts; its
     * {@code max_age} is the shorter of the two, so senders stop accepting the old hosts soon after the tightening;
     * its extensions are the target's.
     */
    static MtaStsPolicy transition(MtaStsPolicy current, MtaStsPolicy target, Collection<DomainName> hosts) {
        Set<MxPattern> patterns = new LinkedHashSet<>(current.mx());
        patterns.addAll(target.mx());
        addExactFor(patterns, hosts);
        PolicyMode mode = current.mode().compareTo(target.mode()) <= 0 ? current.mode() : target.mode();
        Duration maxAge = current.maxAge().compareTo(target.maxAge()) <= 0 ? current.maxAge() : target.maxAge();
        return new MtaStsPolicy(target.version(), mode, new ArrayList<>(patterns), maxAge, target.extensions());
    }

    /** @return true when senders applying the policy deliver to every host */
    static boolean coversAll(MtaStsPolicy policy, Collection<DomainName> hosts) {
        return hosts.stream().allMatch(h -> SenderAction.under(policy, h) == SenderAction.DELIVER);
    }

    /** @return the size of the policy file as served */
    static int size(MtaStsPolicy policy) {
        return policy.toText().getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean matchesAny(MxPattern pattern, List<DomainName> hosts) {
        return hosts.stream().anyMatch(pattern::matches);
    }

    private static void addExactFor(Set<MxPattern> patterns, Collection<DomainName> hosts) {
        for (DomainName host : hosts) {
            if (patterns.stream().noneMatch(p -> p.matches(host))) {
                exact(host).ifPresent(patterns::add);
            }
        }
    }

    private static Optional<MxPattern> exact(DomainName host) {
        try {
            return Optional.of(MxPattern.exact(host));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a current MX host with '_' that no pattern names; a new one is refused earlier
        }
    }
}
