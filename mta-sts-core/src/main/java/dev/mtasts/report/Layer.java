package dev.mtasts.report;

/**
 * The checks of a validation, in the order they run; each is one {@link LayerResult} of a {@link ValidationReport}.
 *
 * <pre>{@code
 * LayerResult fetch = report.layer(Layer.POLICY_FETCH);
 * System.out.println(fetch.layer() + ": " + fetch.status());
 * }</pre>
 *
 * @since 0.1.0
 */
public enum Layer {
    /** {@code _mta-sts.<domain>} TXT: exactly one {@code v=STSv1} record with a valid {@code id} (RFC 8461 §3.1). */
    DNS_RECORD,
    /** {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}: valid TLS, 200, no redirect, text/plain, limits (§3.3). */
    POLICY_FETCH,
    /** The policy text: version, mode, mx, max_age (§3.2). */
    POLICY_PARSE,
    /** Every MX host of the domain matches an {@code mx} pattern (§4.1). */
    MX_COVERAGE,
    /** {@code _smtp._tls.<domain>} TXT (RFC 8460 §3). */
    TLS_RPT,
    /** Whether {@code mode: testing} can safely become {@code mode: enforce}. */
    PROMOTION
}
