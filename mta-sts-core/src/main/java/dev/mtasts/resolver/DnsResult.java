package dev.mtasts.resolver;

import dev.mtasts.DomainName;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts every kind of DNS answer shares: the name asked for, the {@link DnsOutcome}, the TTL,
 * the CNAME chain followed, whether the answer was DNSSEC-authenticated, which server answered,
 * a detail for people, and how long the look-up took.
 *
 * <p>This type is an immutable value and safe to share between threads.
 *
 * <pre>{@code
 * DnsResult result = DnsResult.of(DomainName.of("_mta-sts.example.com"), DnsOutcome.FOUND)
 *         .withTtl(Duration.ofMinutes(5));
 * result.canonicalName();   // _mta-sts.example.com (no CNAME followed)
 * }</pre>
 *
 * @param name          the name that was asked for
 * @param outcome       what DNS said, for the last name of the CNAME chain
 * @param ttl           the lowest TTL of the records that make up the answer, CNAMEs included; for
 *                      {@code NXDOMAIN} and {@code NODATA} the negative-caching TTL of RFC 2308 §5 when the
 *                      server gave an SOA record; {@link Duration#ZERO} when unknown
 * @param cnameChain    the aliases followed, in order, without the name asked for: looking up {@code a}
 *                      with {@code a CNAME b} and {@code b CNAME c} gives {@code [b, c]}; empty when there
 *                      was no CNAME
 * @param authenticated true when every reply that made up the answer had the AD (authentic data) flag set
 * @param server        the name server that gave the last reply or, for a failure, the one last asked;
 *                      empty when no server was asked
 * @param detail        a sentence for people explaining a failure or an oddity; empty when there is
 *                      nothing to add
 * @param elapsed       the time from the first query sent to the answer, retries and CNAME look-ups included
 * @since 0.1.0
 */
public record DnsResult(
        DomainName name,
        DnsOutcome outcome,
        Duration ttl,
        List<DomainName> cnameChain,
        boolean authenticated,
        Optional<InetSocketAddress> server,
        Optional<String> detail,
        Duration elapsed) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code ttl} or {@code elapsed} is negative
     */
    public DnsResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(ttl, "ttl");
        cnameChain = List.copyOf(Objects.requireNonNull(cnameChain, "cnameChain"));
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(elapsed, "elapsed");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl is negative: " + ttl);
        }
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed is negative: " + elapsed);
        }
    }

    /**
     * A result with the given outcome and nothing else known: zero TTL, no CNAME, not authenticated,
     * no server, no detail, zero elapsed time.
     *
     * @param name    the name asked for
     * @param outcome what DNS said
     * @return the result
     */
    public static DnsResult of(DomainName name, DnsOutcome outcome) {
        return new DnsResult(name, outcome, Duration.ZERO, List.of(), false, Optional.empty(),
                Optional.empty(), Duration.ZERO);
    }

    /**
     * A failure with a reason, as an implementation reports a time-out or a network error.
     *
     * @param name    the name asked for
     * @param outcome the failure, usually one for which {@link DnsOutcome#isFailure()} is true
     * @param detail  why, for people
     * @return the result
     */
    public static DnsResult failure(DomainName name, DnsOutcome outcome, String detail) {
        Objects.requireNonNull(detail, "detail");
        return of(name, outcome).withDetail(detail);
    }

    /**
     * @return the name the records belong to: the last alias of the CNAME chain, or the name asked for
     */
    public DomainName canonicalName() {
        return cnameChain.isEmpty() ? name : cnameChain.get(cnameChain.size() - 1);
    }

    /**
     * @param ttl the TTL
     * @return a copy with that TTL
     */
    public DnsResult withTtl(Duration ttl) {
        return new DnsResult(name, outcome, ttl, cnameChain, authenticated, server, detail, elapsed);
    }

    /**
     * @param cnameChain the aliases followed
     * @return a copy with that CNAME chain
     */
    public DnsResult withCnameChain(List<DomainName> cnameChain) {
        return new DnsResult(name, outcome, ttl, cnameChain, authenticated, server, detail, elapsed);
    }

    /**
     * @param ad whether the answer was DNSSEC-authenticated
     * @return a copy with that flag
     */
    public DnsResult withAuthenticated(boolean ad) {
        return new DnsResult(name, outcome, ttl, cnameChain, ad, server, detail, elapsed);
    }

    /**
     * @param server the server that replied
     * @return a copy naming that server
     */
    public DnsResult withServer(InetSocketAddress server) {
        return new DnsResult(name, outcome, ttl, cnameChain, authenticated,
                Optional.of(Objects.requireNonNull(server, "server")), detail, elapsed);
    }

    /**
     * @param detail a sentence for people; blank text means no detail
     * @return a copy with that detail
     */
    public DnsResult withDetail(String detail) {
        Objects.requireNonNull(detail, "detail");
        Optional<String> d = detail.isBlank() ? Optional.empty() : Optional.of(detail);
        return new DnsResult(name, outcome, ttl, cnameChain, authenticated, server, d, elapsed);
    }

    /**
     * @param elapsed how long the look-up took
     * @return a copy with that elapsed time
     */
    public DnsResult withElapsed(Duration elapsed) {
        return new DnsResult(name, outcome, ttl, cnameChain, authenticated, server, detail, elapsed);
    }
}
