package dev.mtasts.report;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MxMatchExplanation;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.resolver.AddressAnswer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One MX host of the domain: whether the policy covers it and why ({@link #match()}), its addresses, and, where the
 * validator probed it, how it answered STARTTLS and what DANE senders make of it.
 *
 * <pre>{@code
 * for (MxHostResult mx : report.mxHosts()) {
 *     System.out.println(mx.preference() + " " + mx.host() + (mx.covered() ? " covered by " + mx.matchedBy().get() : " NOT covered"));
 *     System.out.println("  " + mx.match().text());   // "'*.example.com' covers exactly one label below example.com, ..."
 *     mx.probe().ifPresent(p -> System.out.println("  STARTTLS: " + p.outcome()));
 *     mx.dane().ifPresent(d -> System.out.println("  DANE: " + d.status()));
 * }
 * }</pre>
 *
 * @param host       the MX host name
 * @param preference the MX preference (lower is tried first)
 * @param covered    true when an {@code mx} pattern of the policy matches the host
 * @param matchedBy  the first pattern that matches
 * @param addresses  the A/AAAA answer for the host; empty when it was not looked up (a null MX, say)
 * @param refused    the host's addresses the address policy refused (never probed), with the reasons
 * @param probe      the STARTTLS probe of the host's allowed addresses; empty when no probe ran
 * @param dane       the DANE check; empty when no probe ran
 * @param match      which pattern matches the host, or why none does (since 0.2.0)
 * @since 0.1.0
 */
public record MxHostResult(DomainName host, int preference, boolean covered, Optional<MxPattern> matchedBy,
                           Optional<AddressAnswer> addresses, List<RefusedAddress> refused, Optional<MxProbe> probe,
                           Optional<DaneResult> dane, MxMatchExplanation match) {

    /**
     * Validates the components: the explanation is about this host, and says the host is covered, by
     * {@code matchedBy}, exactly when {@code covered} does.
     */
    public MxHostResult {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(matchedBy, "matchedBy");
        Objects.requireNonNull(addresses, "addresses");
        refused = List.copyOf(Objects.requireNonNull(refused, "refused"));
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(dane, "dane");
        Objects.requireNonNull(match, "match");
        if (covered != matchedBy.isPresent()) {
            throw new IllegalArgumentException("a host is covered exactly when a pattern matched it");
        }
        if (!match.host().equals(host) || match.matches() != covered || !match.matchedBy().equals(matchedBy)) {
            throw new IllegalArgumentException("the explanation (" + match.kind() + " of " + match.host()
                    + ") does not agree with the host's coverage");
        }
    }

    /**
     * A host as the 0.1 form of this record had it, without the other patterns: its explanation is
     * {@link MxMatchExplanation#fromMatch} of {@code matchedBy} ({@link MxMatchExplanation.Kind#UNEXPLAINED} when not
     * covered).
     *
     * @param host       the MX host name
     * @param preference the MX preference (lower is tried first)
     * @param covered    true when an {@code mx} pattern of the policy matches the host
     * @param matchedBy  the first pattern that matches
     * @param addresses  the A/AAAA answer for the host
     * @param refused    the host's addresses the address policy refused
     * @param probe      the STARTTLS probe, when one ran
     * @param dane       the DANE check, when a probe ran
     */
    public MxHostResult(DomainName host, int preference, boolean covered, Optional<MxPattern> matchedBy,
                        Optional<AddressAnswer> addresses, List<RefusedAddress> refused, Optional<MxProbe> probe,
                        Optional<DaneResult> dane) {
        this(host, preference, covered, matchedBy, addresses, refused, probe, dane,
                MxMatchExplanation.fromMatch(Objects.requireNonNull(host, "host"),
                        Objects.requireNonNull(matchedBy, "matchedBy")));
    }

    /**
     * A host with its coverage and the reason for it, not resolved, not probed.
     *
     * <pre>{@code
     * new MxHostResult(domain, 10, MxMatchExplanation.of(domain, policy.mx()));
     * }</pre>
     *
     * @param host       the MX host name
     * @param preference the MX preference
     * @param match      which pattern matches the host, or why none does
     * @since 0.2.0
     */
    public MxHostResult(DomainName host, int preference, MxMatchExplanation match) {
        this(host, preference, Objects.requireNonNull(match, "match").matches(), match.matchedBy(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), match);
    }

    /**
     * A host with its coverage only: not resolved, not probed.
     *
     * @param host       the MX host name
     * @param preference the MX preference
     * @param covered    true when a pattern matches
     * @param matchedBy  the first pattern that matches
     */
    public MxHostResult(DomainName host, int preference, boolean covered, Optional<MxPattern> matchedBy) {
        this(host, preference, covered, matchedBy, Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * @param addresses the host's A/AAAA answer
     * @param refused   the addresses the address policy refused
     * @param probe     the probe, when one ran
     * @param dane      the DANE check, when a probe ran
     * @return a copy with those facts
     */
    public MxHostResult withTransport(Optional<AddressAnswer> addresses, List<RefusedAddress> refused,
                                      Optional<MxProbe> probe, Optional<DaneResult> dane) {
        return new MxHostResult(host, preference, covered, matchedBy, addresses, refused, probe, dane, match);
    }
}
