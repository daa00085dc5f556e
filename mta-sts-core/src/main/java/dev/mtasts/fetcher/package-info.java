/**
 * The policy-fetch SPI: how the validator gets {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}.
 *
 * <p>A {@link dev.mtasts.fetcher.PolicyFetcher} receives a {@link dev.mtasts.fetcher.PolicyFetchRequest}
 * (the policy host and the addresses the validator already resolved) and answers with a
 * {@link dev.mtasts.fetcher.PolicyFetch}: what happened ({@link dev.mtasts.fetcher.FetchOutcome}), and the
 * HTTP and TLS facts a person needs to understand it. Network faults are values, never exceptions.
 *
 * <p>Every type here is an immutable value or an interface; no method returns {@code null}.
 *
 * @since 0.1.0
 */
package dev.mtasts.fetcher;
