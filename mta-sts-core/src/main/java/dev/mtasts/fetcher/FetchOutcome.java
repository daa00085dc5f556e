package dev.mtasts.fetcher;

/**
 * What happened when a policy was fetched: the first thing a report says about the fetch.
 *
 * <p>Only {@link #OK} means a policy body was received (status 200, complete, within the size cap).
 *
 * <pre>{@code
 * switch (fetch.outcome()) {
 *     case OK -> System.out.println(MtaStsPolicy.parse(fetch.bodyText()));
 *     case REDIRECT -> System.out.println("redirects to " + fetch.location().orElseThrow());
 *     case TLS_FAILURE -> System.out.println("certificate problem: " + fetch.tlsFailure().orElseThrow());
 *     default -> System.out.println(fetch.outcome() + ": " + fetch.detail());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum FetchOutcome {
    /** Status 200 and the complete body, no larger than the cap. */
    OK,
    /** The server answered with a status other than 200 that is not a redirect (including 304). */
    HTTP_STATUS,
    /** A 3xx answer with a {@code Location} header; the redirect was not followed (RFC 8461 §3.3). */
    REDIRECT,
    /** The TLS handshake failed or the certificate is not valid for the policy host; see {@link TlsFailureCategory}. */
    TLS_FAILURE,
    /** No address accepted a TCP connection (refused, unreachable, or the connect timeout passed). */
    CONNECT_FAILURE,
    /** The overall deadline of the fetch passed before the response was complete. */
    TIMEOUT,
    /** The body (status 200) is larger than the cap; reading stopped one byte past it. */
    TOO_LARGE,
    /**
     * The server's answer is not valid HTTP/1.x: garbage, oversized headers, or the connection closed
     * before the announced body was complete.
     */
    PROTOCOL_ERROR
}
