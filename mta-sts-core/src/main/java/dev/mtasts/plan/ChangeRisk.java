package dev.mtasts.plan;

import dev.mtasts.policy.PolicyMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the change would do to mail if it were made at once, in one go: the MX hosts senders would refuse or report,
 * and until when.
 *
 * <p>Senders that cached the current policy apply it for up to its {@code max_age} since they fetched it (RFC 8461
 * §3.2, §5.1), so a new MX host it does not list is refused in {@code enforce} and reported in {@code testing}
 * until {@link #cachedUntil()}. A new policy that drops a host still receiving mail, or misses a new one, does the
 * same to senders that fetch it. An immutable value.
 *
 * <pre>{@code
 * ChangePlan plan = ChangePlanner.plan(report, ChangeRequest.builder().newMx("mx2.example.com").build(),
 *         Clock.systemUTC());
 * ChangeRisk risk = plan.risk();
 * if (risk.refusesMail()) {
 *     System.out.println("done at once, this change bounces mail: " + risk.summary());
 * }
 * }</pre>
 *
 * @param cachedMode  the mode of the current policy, which senders may have cached; empty when none is published
 * @param cachedUntil until when senders may apply the current policy if it were replaced now: its {@code max_age}
 *                    plus the {@code _mta-sts} TXT record's TTL from now; empty when none is published
 * @param hosts       the hosts senders would refuse or report, one entry per host and cause
 * @param summary     what the risk is, in words, with the hosts and dates
 * @since 0.2.0
 */
public record ChangeRisk(Optional<PolicyMode> cachedMode, Optional<Instant> cachedUntil, List<HostRisk> hosts,
                         String summary) {

    /** Validates the components. */
    public ChangeRisk {
        Objects.requireNonNull(cachedMode, "cachedMode");
        Objects.requireNonNull(cachedUntil, "cachedUntil");
        hosts = List.copyOf(Objects.requireNonNull(hosts, "hosts"));
        Objects.requireNonNull(summary, "summary");
    }

    /** @return true when a sender that follows RFC 8461 would refuse mail to a host if the change were made at once */
    public boolean refusesMail() {
        return hosts.stream().anyMatch(h -> h.action() == SenderAction.REFUSE);
    }

    /**
     * @param cause a cause
     * @return the hosts at risk for that cause
     */
    public List<HostRisk> hosts(HostRisk.Cause cause) {
        Objects.requireNonNull(cause, "cause");
        return hosts.stream().filter(h -> h.cause() == cause).toList();
    }
}
