package dev.mtasts;

import dev.mtasts.fetcher.AddressFailure;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches the policy from each address of the policy host on its own, so that addresses that disagree (a CDN whose
 * edges hold different versions, an anycast set-up, a forgotten old server still in DNS) can be compared: a sender
 * connects to one address, and gets what that one serves.
 *
 * <p>The validation's own fetch tries the addresses in order and nearly always answers from the first; that answer
 * stands for the first address, so only each further address costs one more HTTPS request (and, when that request
 * fails, the fetcher's plain-HTTP diagnostic). Those requests start as soon as the addresses are vetted, in parallel
 * with the validation's own fetch, so comparing adds no waiting. Only when the first address could not be reached
 * does the fetch for the address that answered happen twice; the first address is then described by the failure the
 * validation's fetch met there.
 *
 * <p>At most {@link #ADDRESS_LIMIT} addresses are compared, or fewer as
 * {@link Validator.Builder#policyAddressesCompared} sets. Each fetch is bounded like the validation's own
 * (what is left of the deadline, at most {@link dev.mtasts.fetcher.PolicyFetchRequest#DEFAULT_DEADLINE}); a fetcher
 * that throws, answers {@code null} or answers late gives a failed fetch, never a missing one. Every fetch in the
 * result names its address: {@link PolicyFetch#address()} when a connection was made, else the only entry of
 * {@link PolicyFetch#failedAddresses()}.
 */
final class PolicyAddressFetches {

    /**
     * The most addresses compared. CDNs and anycast providers publish two to eight addresses for a host (commonly
     * four A and four AAAA records, or two of each); a DNS answer with hundreds of addresses, hostile or not, must
     * not cost hundreds of HTTPS connections per validation, or a bulk scan would multiply them by its concurrency.
     * When there are more, both address families are taken in turn, so that an IPv6 edge that differs is still
     * seen.
     */
    static final int ADDRESS_LIMIT = Validator.DEFAULT_POLICY_ADDRESSES_COMPARED;

    /** The port named for an address a fetcher did not report one for (the well-known HTTPS port). */
    private static final int HTTPS_PORT = 443;

    private PolicyAddressFetches() {
    }

    /**
     * @param run     the validation
     * @param host    the policy host
     * @param allowed its addresses the address policy allows, two or more, in the order of the address answer
     * @param main    the validation's own fetch (to all of {@code allowed}, in order)
     * @param limit   the most addresses compared, 2 to {@link #ADDRESS_LIMIT}
     * @return one fetch per address compared, in the order of {@code allowed}
     */
    static CompletableFuture<List<PolicyFetch>> fetchEach(ValidationRun run, DomainName host,
                                                          List<InetAddress> allowed,
                                                          CompletableFuture<Optional<PolicyFetch>> main, int limit) {
        List<InetAddress> compared = chosen(allowed, Math.min(limit, ADDRESS_LIMIT));
        InetAddress first = allowed.get(0);
        List<CompletableFuture<PolicyFetch>> each = new ArrayList<>(compared.size());
        for (InetAddress address : compared) {
            each.add(address.equals(first)
                    ? main.thenApply(m -> m.map(f -> asFirst(f, first)).orElseGet(() -> notFetched(first)))
                    : run.fetchAddress(host, address).thenApply(f -> attributed(f, address)));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> each.stream().map(CompletableFuture::join).toList());
    }

    /**
     * The addresses to compare: all of them up to {@code limit}; beyond that the first address, then IPv4 and IPv6
     * in turn, each family in its order. The result keeps the order of {@code allowed}.
     */
    static List<InetAddress> chosen(List<InetAddress> given, int limit) {
        // each address once: a hostile answer may repeat one, and an IPv4-mapped AAAA comes back as the IPv4 address
        List<InetAddress> allowed = List.copyOf(new LinkedHashSet<>(given));
        // the first address is always compared: the validation's own fetch stands for it
        if (allowed.size() <= limit) {
            return allowed;
        }
        List<InetAddress> v4 = allowed.stream().filter(a -> !(a instanceof Inet6Address)).toList();
        List<InetAddress> v6 = allowed.stream().filter(a -> a instanceof Inet6Address).toList();
        boolean v6First = allowed.get(0) instanceof Inet6Address;
        Set<InetAddress> picked = new LinkedHashSet<>();
        for (int i = 0; picked.size() < limit; i++) {
            List<InetAddress> one = v6First ? v6 : v4;
            List<InetAddress> other = v6First ? v4 : v6;
            if (i < one.size()) {
                picked.add(one.get(i));
            }
            if (picked.size() < limit && i < other.size()) {
                picked.add(other.get(i));
            }
        }
        return allowed.stream().filter(picked::contains).toList();
    }

    /**
     * What the first address served: the validation's own fetch when it answered from there (or does not say where
     * it answered from), else the failure that fetch met at the first address before it moved on.
     */
    private static PolicyFetch asFirst(PolicyFetch main, InetAddress first) {
        Optional<InetAddress> answered = main.address().map(InetSocketAddress::getAddress);
        if (answered.isPresent() && answered.get().equals(first)) {
            return main;
        }
        Optional<AddressFailure> failedThere = main.failedAddresses().stream()
                .filter(f -> first.equals(f.address().getAddress())).findFirst();
        if (failedThere.isPresent()) {
            return PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE).detail(failedThere.get().reason())
                    .failedAddress(failedThere.get()).build();
        }
        if (answered.isEmpty()) {
            return attributed(main, first);
        }
        String reason = "not reached: the fetcher answered from " + answered.get().getHostAddress() + " instead";
        return PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE).detail(reason)
                .failedAddress(new AddressFailure(new InetSocketAddress(first, HTTPS_PORT), reason)).build();
    }

    /** The first address when the validation's own fetch did not run (it always runs when addresses are allowed). */
    private static PolicyFetch notFetched(InetAddress first) {
        String reason = "not fetched";
        return PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE).detail(reason)
                .failedAddress(new AddressFailure(new InetSocketAddress(first, HTTPS_PORT), reason)).build();
    }

    /**
     * A single-address fetch that names its address: as it is when it does; else with the address it was given as
     * {@link PolicyFetch#address()} when it got far enough to have connected (a status, a TLS failure), or as its
     * failed address when it did not.
     */
    static PolicyFetch attributed(PolicyFetch fetch, InetAddress address) {
        if (fetch.address().isPresent() || fetch.failedAddresses().stream()
                .anyMatch(f -> address.equals(f.address().getAddress()))) {
            return fetch;
        }
        InetSocketAddress where = new InetSocketAddress(address, HTTPS_PORT);
        boolean connected = fetch.statusCode().isPresent() || fetch.outcome() == FetchOutcome.TLS_FAILURE
                || fetch.outcome() == FetchOutcome.TOO_LARGE || fetch.outcome() == FetchOutcome.PROTOCOL_ERROR;
        List<AddressFailure> failures = fetch.failedAddresses();
        if (!connected) {
            failures = new ArrayList<>(failures);
            failures.add(new AddressFailure(where, fetch.detail().isEmpty() ? fetch.outcome().toString()
                    : fetch.detail()));
        }
        return new PolicyFetch(fetch.outcome(), fetch.tlsFailure(), fetch.detail(), fetch.statusCode(),
                fetch.headers(), fetch.body(), connected ? Optional.of(where) : Optional.empty(), failures,
                fetch.tlsVersion(), fetch.cipherSuite(), fetch.certificates(), fetch.elapsed(), fetch.plainHttp());
    }
}
