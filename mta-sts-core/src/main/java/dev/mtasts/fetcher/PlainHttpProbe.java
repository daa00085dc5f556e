package dev.mtasts.fetcher;

import java.util.Objects;

/**
 * The result of the plain-HTTP diagnostic: after HTTPS failed, the same path was fetched with {@code http://}
 * (port 80) to tell "the policy is only served without TLS" apart from "there is no policy at all".
 *
 * <p>A policy served this way is never used by senders (RFC 8461 §3.3 requires HTTPS); the probe only
 * explains a failure.
 *
 * <p>This type is an immutable value and safe to share between threads.
 *
 * <pre>{@code
 * fetch.plainHttp().filter(PlainHttpProbe::policyServed).ifPresent(probe -> System.out.println(
 *         "the policy is only reachable over plain HTTP at " + probe.fetch().address().orElseThrow()));
 * }</pre>
 *
 * @param fetch what the plain-HTTP fetch observed (its TLS fields are empty)
 * @since 0.1.0
 */
public record PlainHttpProbe(PolicyFetch fetch) {

    /** Validates. */
    public PlainHttpProbe {
        Objects.requireNonNull(fetch, "fetch");
    }

    /**
     * Whether the plain-HTTP answer looks like a policy: status 200, complete, and a body whose first
     * non-blank line starts with {@code version:} and names {@code STSv1}.
     *
     * @return true when a policy-looking text was served over plain HTTP
     */
    public boolean policyServed() {
        if (fetch.outcome() != FetchOutcome.OK) {
            return false;
        }
        for (String line : fetch.bodyText().split("\r?\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                return trimmed.regionMatches(true, 0, "version:", 0, 8) && trimmed.contains("STSv1");
            }
        }
        return false;
    }
}
