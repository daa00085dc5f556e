package dev.mtasts.plan;

import dev.mtasts.DomainName;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One MX host that senders would refuse or report if the change were made at once, and why.
 *
 * <pre>{@code
 * ChangePlan plan = ChangePlanner.plan(report, ChangeRequest.builder().newMx("mx2.example.com").build(),
 *         Clock.systemUTC());
 * for (HostRisk r : plan.risk().hosts()) {
 *     System.out.println(r.host() + ": " + r.action() + " (" + r.cause() + ")"
 *             + r.until().map(t -> " until " + t).orElse(""));
 * }
 * }</pre>
 *
 * <p>An immutable value.
 *
 * @param host   the MX host
 * @param action what senders would do with mail for it: {@link SenderAction#REFUSE} or {@link SenderAction#REPORT}
 * @param cause  which policy would make them do so
 * @param until  the latest time senders could still act so, when it is bounded by a cache: the current policy's
 *               expiry in senders' caches, or the old MX records' in resolvers' caches
 * @since 0.2.0
 */
public record HostRisk(DomainName host, SenderAction action, Cause cause, Optional<Instant> until) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when the action is {@link SenderAction#DELIVER}: that is no risk
     */
    public HostRisk {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(until, "until");
        if (action == SenderAction.DELIVER) {
            throw new IllegalArgumentException("a host that senders deliver to is not at risk");
        }
    }

    /**
     * Which policy would make senders refuse or report the host.
     *
     * <pre>{@code
     * ChangePlan plan = ChangePlanner.plan(report, ChangeRequest.builder().newMx("mx2.example.com").build(),
     *         Clock.systemUTC());
     * List<HostRisk> fromCaches = plan.risk().hosts(HostRisk.Cause.CACHED_POLICY_MISSES_NEW_MX);
     * }</pre>
     *
     * @since 0.2.0
     */
    public enum Cause {
        /**
         * A new MX host that the current policy does not list: senders that cached it (for up to its
         * {@code max_age} since they fetched it) refuse ({@code enforce}) or report ({@code testing}) the host.
         */
        CACHED_POLICY_MISSES_NEW_MX,
        /**
         * A host that still receives mail (a current MX host, until the MX records change and resolvers' caches
         * of them expire) that the new policy no longer lists.
         */
        NEW_POLICY_DROPS_LIVE_MX,
        /** A host of the new MX set that the new policy does not list. */
        NEW_POLICY_MISSES_NEW_MX
    }
}
