package dev.mtasts.fetcher;

/**
 * Why a TLS connection to the policy host failed (RFC 8461 §3.3, RFC 8460 §4.3 result types).
 *
 * <p>When several apply, the fetcher reports the first in this order: a chain that does not lead to a trusted
 * root is {@link #UNTRUSTED} whatever its dates and names; a trusted chain out of its validity period is
 * {@link #EXPIRED} or {@link #NOT_YET_VALID}; a trusted, current certificate without a matching DNS-ID is
 * {@link #HOSTNAME_MISMATCH}. The certificates themselves are in {@link PolicyFetch#certificates()}, so a
 * report can still name every problem.
 *
 * <pre>{@code
 * if (fetch.tlsFailure().equals(Optional.of(TlsFailureCategory.EXPIRED))) {
 *     long days = -fetch.certificates().get(0).daysLeft(Instant.now());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum TlsFailureCategory {
    /** The chain does not lead to a trusted root: self-signed, unknown CA, or an intermediate not sent ({@code certificate-not-trusted}). */
    UNTRUSTED,
    /** No DNS-ID (dNSName subject alternative name) of the certificate matches the policy host ({@code certificate-host-mismatch}). */
    HOSTNAME_MISMATCH,
    /** A certificate of the trusted chain is past its notAfter date ({@code certificate-expired}). */
    EXPIRED,
    /** A certificate of the trusted chain is before its notBefore date. */
    NOT_YET_VALID,
    /** The handshake itself failed: no common protocol version or cipher, a fatal alert, or not TLS at all. */
    HANDSHAKE
}
