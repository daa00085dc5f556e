package dev.mtasts.report;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.MxAnswer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was seen of one TLS-RPT report destination ({@code rua} URI, RFC 8460 §3): for {@code mailto:}, the MX
 * answer of the mailbox's domain (and its addresses, for an implicit MX); for {@code https:}, the host's addresses,
 * those the address policy refused, and the HTTPS exchange whose TLS facts say whether reporters could post there.
 *
 * <p>A validation looks at the first few distinct destinations of a valid record, in record order (five: a record
 * listing thousands must not cost thousands of look-ups and connections). A mailbox at the policy domain itself is
 * not looked up a second time: its {@link #mx()} is empty, and its answer is the domain's own
 * ({@link Observations#mx()}, with the implicit MX's addresses in {@link Observations#mxHosts()}). The exchange is a
 * GET of the endpoint's path through the validator's {@code PolicyFetcher}, on the fetcher's HTTPS port: only its TLS
 * facts matter, not its status (endpoints take reports by POST), and its body is not kept.
 *
 * <p>An immutable value.
 *
 * <pre>{@code
 * for (RuaDestination d : report.observations().diagnostics().ruaDestinations()) {
 *     System.out.println(d.uri() + ": " + d.mx().map(m -> m.outcome().toString()).orElse("-"));
 * }
 * // mailto:tls@reports.example.net: FOUND
 * // https://tlsrpt.example.org/v1: -
 * }</pre>
 *
 * @param uri              the URI as the record gives it
 * @param host             the mailbox's domain ({@code mailto:}) or the endpoint's host ({@code https:}), decoded
 * @param mx               the MX answer of a {@code mailto:} domain; empty for {@code https:}, and for a mailbox at
 *                         the policy domain itself (see above)
 * @param addresses        the address answer: of the {@code https:} host, or of a {@code mailto:} domain without MX
 *                         records (implicit MX); empty when not looked up
 * @param refusedAddresses the addresses of an {@code https:} host the address policy refused, with the reason
 * @param exchange         the HTTPS exchange with an {@code https:} endpoint (its TLS facts); empty when it did not
 *                         run (no allowed address, or a {@code mailto:} destination)
 * @since 0.2.0
 */
public record RuaDestination(String uri, DomainName host, Optional<MxAnswer> mx, Optional<AddressAnswer> addresses,
                             List<RefusedAddress> refusedAddresses, Optional<PolicyFetch> exchange) {

    /** Validates and copies the components. */
    public RuaDestination {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mx, "mx");
        Objects.requireNonNull(addresses, "addresses");
        refusedAddresses = List.copyOf(Objects.requireNonNull(refusedAddresses, "refusedAddresses"));
        Objects.requireNonNull(exchange, "exchange");
    }
}
