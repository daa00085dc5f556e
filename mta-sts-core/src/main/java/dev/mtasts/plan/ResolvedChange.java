package dev.mtasts.plan;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change read against the current state: the MX sets before and after, the policy senders may have cached, and
 * the policy to end with (the one asked for, or the current one adjusted to the new MX hosts).
 *
 * @param current  the current state
 * @param start    when the plan starts (the clock, to the second)
 * @param oldMx    the MX hosts now
 * @param newMx    the MX hosts after the change
 * @param cached   the policy senders fetch now, and may have cached
 * @param target   the policy to end with; empty when there is none and none is asked for
 * @param asked    true when the target is the policy the change asked for
 */
record ResolvedChange(CurrentState current, Instant start, List<DomainName> oldMx, List<DomainName> newMx,
                      Optional<MtaStsPolicy> cached, Optional<MtaStsPolicy> target, boolean asked) {

    ResolvedChange {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(start, "start");
        oldMx = List.copyOf(oldMx);
        newMx = List.copyOf(newMx);
        Objects.requireNonNull(cached, "cached");
        Objects.requireNonNull(target, "target");
    }

    static ResolvedChange of(CurrentState current, ChangeRequest change, Instant start) {
        List<DomainName> oldMx = current.mx();
        List<DomainName> newMx = change.changesMx() ? change.newMx() : oldMx;
        Optional<MtaStsPolicy> cached = current.policy();
        boolean sameMx = sameHosts(oldMx, newMx);
        Optional<MtaStsPolicy> target;
        if (change.newPolicy().isPresent()) {
            target = change.newPolicy();
        } else if (!sameMx && cached.filter(p -> p.mode() != PolicyMode.NONE).isPresent()) {
            target = cached.map(p -> PolicyDrafts.adjusted(p, oldMx, newMx));
        } else {
            target = cached;
        }
        return new ResolvedChange(current, start, oldMx, newMx, cached, target, change.newPolicy().isPresent());
    }

    /** @return true when the MX set changes (a new order of the same hosts is no change) */
    boolean mxChanges() {
        return !sameHosts(oldMx, newMx);
    }

    private static boolean sameHosts(List<DomainName> a, List<DomainName> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }

    /** @return true when a policy is to be published: the target differs from what senders get now */
    boolean policyChanges() {
        return target.isPresent() && !target.equals(cached);
    }

    /** @return the current MX hosts that are not in the new set */
    List<DomainName> leaving() {
        return oldMx.stream().filter(h -> !newMx.contains(h)).toList();
    }

    /** @return the new MX hosts (not current ones) that senders holding the cached policy would not deliver to */
    List<DomainName> uncoveredNew() {
        if (cached.isEmpty()) {
            return List.of();
        }
        MtaStsPolicy p = cached.get();
        return newMx.stream().filter(h -> !oldMx.contains(h))
                .filter(h -> SenderAction.under(p, h) != SenderAction.DELIVER).toList();
    }

    /** @return the hosts leaving that the target no longer lists (it is published while they still get mail) */
    List<DomainName> droppedLive() {
        if (!policyChanges()) {
            return List.of();
        }
        MtaStsPolicy p = target.get();
        return leaving().stream().filter(h -> SenderAction.under(p, h) != SenderAction.DELIVER).toList();
    }

    /** @return the hosts of the new set that the policy asked for does not list */
    List<DomainName> missedByAsked() {
        if (!asked) {
            return List.of();
        }
        MtaStsPolicy p = target.get();
        return newMx.stream().filter(h -> SenderAction.under(p, h) != SenderAction.DELIVER).toList();
    }

    /** @return until when senders may apply the cached policy if it were replaced now: max_age + the TXT TTL */
    Optional<Instant> cachedUntil() {
        return cached.map(p -> start.plus(p.maxAge()).plus(current.stsTxtTtl()));
    }
}
