package dev.mtasts;

import dev.mtasts.fetcher.PolicyFetch;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches the policy from each address of the policy host on its own, so that addresses that disagree (a CDN, an
 * anycast set-up) can be compared. (Scaffold.)
 */
final class PolicyAddressFetches {

    private PolicyAddressFetches() {
    }

    /**
     * @param run     the validation
     * @param host    the policy host
     * @param allowed its addresses the address policy allows, two or more
     * @param main    the validation's own fetch
     * @return one fetch per address, in order
     */
    static CompletableFuture<List<PolicyFetch>> fetchEach(ValidationRun run, DomainName host,
                                                          List<InetAddress> allowed,
                                                          CompletableFuture<?> main) {
        return CompletableFuture.completedFuture(List.of());
    }
}
