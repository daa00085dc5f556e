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
 * <pre>{@code
 * for (RuaDestination d : report.observations().diagnostics().ruaDestinations()) {
 *     System.out.println(d.uri() + ": " + d.mx().map(m -> m.outcome().toString()).orElse("-"));
 * }
 * }</pre>
 *
 * @param uri              the URI as the record gives it
 * @param host             the mailbox's domain ({@code mailto:}) or the endpoint's host ({@code https:})
 * @param mx               the MX answer of a {@code mailto:} domain; empty for {@code https:}
 * @param addresses        the address answer: of the {@code https:} host, or of a {@code mailto:} domain without MX
 *                         records (implicit MX); empty when not looked up
 * @param refusedAddresses the addresses the address policy refused, with the reason
 * @param exchange         the HTTPS exchange with an {@code https:} endpoint (its TLS facts); empty when it did not run
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
