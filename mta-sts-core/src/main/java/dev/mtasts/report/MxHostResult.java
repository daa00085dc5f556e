package dev.mtasts.report;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MxPattern;
import java.util.Objects;
import java.util.Optional;

/**
 * One MX host of the domain and whether the policy covers it.
 *
 * <pre>{@code
 * for (MxHostResult mx : report.mxHosts()) {
 *     System.out.println(mx.preference() + " " + mx.host() + (mx.covered() ? " covered by " + mx.matchedBy().get() : " NOT covered"));
 * }
 * }</pre>
 *
 * @param host       the MX host name
 * @param preference the MX preference (lower is tried first)
 * @param covered    true when an {@code mx} pattern of the policy matches the host
 * @param matchedBy  the first pattern that matches
 * @since 0.1.0
 */
public record MxHostResult(DomainName host, int preference, boolean covered, Optional<MxPattern> matchedBy) {

    /** Validates the components. */
    public MxHostResult {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(matchedBy, "matchedBy");
        if (covered != matchedBy.isPresent()) {
            throw new IllegalArgumentException("a host is covered exactly when a pattern matched it");
        }
    }
}
