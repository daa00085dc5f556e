package dev.mtasts.fetcher;

import java.util.Optional;
import java.util.ServiceLoader;
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
 * completes exceptionally only on a programming error in the fetcher.
 *
 * <p><b>Thread safety:</b> implementations must be safe for concurrent use by many threads and should not
 * block the calling thread; one instance serves every fetch of a validator.
 *
 * <p>New capabilities arrive as default methods, so implementations written today keep compiling.
 *
 * <pre>{@code
 * PolicyFetcher fetcher = PolicyFetcher.fromServiceLoader().orElseThrow();
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

    /**
     * Finds the first {@code PolicyFetcher} registered with {@link ServiceLoader} on the class path of this
     * interface's class loader ({@code mta-sts-http} registers {@code HttpsPolicyFetcher}).
     *
     * @return the first registered fetcher, or empty when none is on the class path
     */
    static Optional<PolicyFetcher> fromServiceLoader() {
        return ServiceLoader.load(PolicyFetcher.class, PolicyFetcher.class.getClassLoader()).findFirst();
    }

    /**
     * Finds the first {@code PolicyFetcher} registered with {@link ServiceLoader} in a given class loader.
     *
     * @param classLoader where to look
     * @return the first registered fetcher, or empty when none is registered
     */
    static Optional<PolicyFetcher> fromServiceLoader(ClassLoader classLoader) {
        return ServiceLoader.load(PolicyFetcher.class, classLoader).findFirst();
    }
}
