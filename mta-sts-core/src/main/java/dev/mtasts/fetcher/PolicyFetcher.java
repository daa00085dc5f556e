package dev.mtasts.fetcher;

import java.util.concurrent.CompletionStage;

/**
 * Fetches an MTA-STS policy file over HTTPS (RFC 8461 §3.3) from addresses the caller already resolved.
 *
 * <p>The fetcher connects to {@link PolicyFetchRequest#addresses()} in order and does not resolve the policy
 * host itself, so one {@code DnsResolver} governs every name the validator looks at. It sends the policy host
 * as SNI, verifies the server certificate for that host, never follows redirects and never uses HTTP caching.
 *
 * <p>Network faults, refused connections, bad certificates, timeouts and hostile responses are reported as a
 * {@link PolicyFetch} whose {@link PolicyFetch#outcome() outcome} says what happened; the returned stage
 * completes exceptionally only on a programming error in the fetcher. The stage completes within the request's
 * {@link PolicyFetchRequest#deadline() deadline}: when it passes, the fetcher closes its connections and reports
 * {@link FetchOutcome#TIMEOUT}.
 *
 * <p><b>Cancellation:</b> a caller that no longer wants the result (its own deadline passed, or the user gave
 * up) cancels the future of the returned stage: {@code fetch(request).toCompletableFuture().cancel(true)}. An
 * implementation SHOULD then close every connection of that fetch promptly and start no further network
 * activity for it, so that no connection outlives the report it was for; the validator relies on this when its
 * guard gives up on a fetch. Cancelling a fetch that has ended changes nothing. (Cancel the future the fetcher
 * returned, not a {@code copy()} of it: cancelling a copy does not reach the fetcher.)
 *
 * <p><b>Thread safety:</b> implementations must be safe for concurrent use by many threads and should not
 * block the calling thread; one instance serves every fetch of a validator.
 *
 * <p>New capabilities arrive as default methods, so implementations written today keep compiling.
 *
 * <pre>{@code
 * PolicyFetcher fetcher = PolicyFetcherFactory.fromServiceLoader().orElseThrow()
 *         .create(PolicyFetcherSettings.defaults());
 * PolicyFetchRequest request = PolicyFetchRequest.of(
 *         DomainName.of("mta-sts.example.com"), List.of(InetAddress.getByName("192.0.2.10")));
 * fetcher.fetch(request).thenAccept(fetch -> {
 *     if (fetch.outcome() == FetchOutcome.OK) {
 *         String policy = fetch.bodyText();
 *     }
 * });
 * }</pre>
 *
 * @since 0.1.0
 */
public interface PolicyFetcher {

    /**
     * Fetches the policy file.
     *
     * @param request the host, the addresses to try and the path
     * @return a stage that completes with the result, whatever happened on the network
     */
    CompletionStage<PolicyFetch> fetch(PolicyFetchRequest request);
}
