package dev.mtasts;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcher;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The fetcher of one offline validation: the policy host's fetch is the supplied response when there is one;
 * every other fetch goes to the live fetcher, or, without one, is not made.
 */
final class MaterialFetcher implements PolicyFetcher {

    private final Optional<DomainName> policyHost;
    private final OfflineMaterial material;
    private final Optional<PolicyFetcher> live;

    MaterialFetcher(DomainName domain, OfflineMaterial material, Optional<PolicyFetcher> live) {
        this.policyHost = MaterialResolver.prefixed(Objects.requireNonNull(domain, "domain"), "mta-sts");
        this.material = Objects.requireNonNull(material, "material");
        this.live = Objects.requireNonNull(live, "live");
    }

    @Override
    public CompletionStage<PolicyFetch> fetch(PolicyFetchRequest request) {
        Objects.requireNonNull(request, "request");
        if (material.policyFetch().isPresent() && policyHost.filter(request.host()::equals).isPresent()
                && request.path().equals(PolicyFetchRequest.DEFAULT_PATH)) {
            return CompletableFuture.completedFuture(material.policyFetch().get());
        }
        return live.map(l -> l.fetch(request)).orElseGet(() -> CompletableFuture.completedFuture(
                PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE).detail("not fetched: an offline check fetches"
                        + " nothing").build()));
    }

    @Override
    public String toString() {
        return "MaterialFetcher[" + (material.policyFetch().isPresent() ? "supplied policy" : "no policy")
                + ", rest " + live.map(Object::toString).orElse("not fetched") + "]";
    }
}
