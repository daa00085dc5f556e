package dev.mtasts.plan;

import dev.mtasts.report.ValidationReport;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Plans an MX or policy change from a validation of the domain as it is now: what the change would do to mail if
 * made at once, and the safe order of steps of RFC 8461 §8.1, with dates from a clock and the texts to publish.
 *
 * <p>The order, when a new MX host is not listed by the policy senders may have cached:
 * <ol>
 *   <li>serve a policy that lists the current and the new MX hosts, then publish the {@code _mta-sts} record with
 *       a new {@code id} (the body before the id, §8.1);</li>
 *   <li>wait the {@code max_age} of the current policy (it is what senders cached; a new policy's {@code max_age}
 *       does not shorten this) plus the TTL of the {@code _mta-sts} TXT record;</li>
 *   <li>move the MX records;</li>
 *   <li>wait the TTL of the MX records, while resolvers may still give out the old ones;</li>
 *   <li>serve the policy that lists the new MX hosts only, with another new {@code id}.</li>
 * </ol>
 * When the current policy already lists the new hosts, is in mode {@code none}, or none is published, the change is
 * {@linkplain PlanStatus#SAFE_NOW safe now} and the plan has no wait for cached policies. Ids follow the
 * remediation's scheme: the UTC time of the step, {@code yyyyMMddTHHmmss}.
 *
 * <p>Pure: no I/O, the same plan for the same report, change and instant. Thread-safe.
 *
 * <pre>{@code
 * ValidationReport report = validator.validate("example.com");
 * ChangeRequest change = ChangeRequest.builder().newMx("mx2.example.com").build();
 * Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
 * ChangePlan plan = ChangePlanner.plan(report, change, clock);
 * plan.steps().forEach(s -> System.out.println(s.number() + ". " + s.earliest() + "  " + s.instruction()));
 * }</pre>
 *
 * @since 0.2.0
 */
public final class ChangePlanner {

    private ChangePlanner() {
    }

    /**
     * @param report a validation of the domain as it is now (its policy, mode, {@code max_age}, record id, MX hosts
     *               and the TTLs its resolver gave)
     * @param change the change
     * @param clock  the clock the dates start from; read once, to the second
     * @return the plan; for a report whose verdict is {@code UNKNOWN}, a plan saying so
     */
    public static ChangePlan plan(ValidationReport report, ChangeRequest change, Clock clock) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(clock, "clock");
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new Planning(CurrentState.of(report), change, start).plan();
    }
}
