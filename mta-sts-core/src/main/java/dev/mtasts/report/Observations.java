package dev.mtasts.report;

import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.util.Objects;
import java.util.Optional;

/**
 * What a validation saw on the network, as it was: the DNS answers and the HTTPS fetch. Each is empty when the
 * step did not run (for example no fetch when the policy host did not resolve).
 *
 * <pre>{@code
 * report.observations().stsTxt().ifPresent(a -> a.joined().forEach(System.out::println));
 * report.observations().policyFetch().map(PolicyFetch::statusCode);
 * }</pre>
 *
 * @param stsTxt              the {@code _mta-sts.<domain>} TXT answer
 * @param mx                  the domain's MX answer
 * @param tlsRptTxt           the {@code _smtp._tls.<domain>} TXT answer
 * @param policyHostAddresses the addresses of {@code mta-sts.<domain>}
 * @param policyFetch         the HTTPS fetch of the policy
 * @since 0.1.0
 */
public record Observations(Optional<TxtAnswer> stsTxt, Optional<MxAnswer> mx, Optional<TxtAnswer> tlsRptTxt,
                           Optional<AddressAnswer> policyHostAddresses, Optional<PolicyFetch> policyFetch) {

    /** Validates the components. */
    public Observations {
        Objects.requireNonNull(stsTxt, "stsTxt");
        Objects.requireNonNull(mx, "mx");
        Objects.requireNonNull(tlsRptTxt, "tlsRptTxt");
        Objects.requireNonNull(policyHostAddresses, "policyHostAddresses");
        Objects.requireNonNull(policyFetch, "policyFetch");
    }
}
