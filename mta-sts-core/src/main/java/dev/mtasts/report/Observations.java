package dev.mtasts.report;

import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a validation saw on the network, as it was: every DNS answer, the addresses the address policy refused, the
 * HTTPS fetch, and each MX host's addresses, STARTTLS probe and TLSA records. Everything the report says rests on these facts.
 *
 * <p>Every look-up that could be sent has an answer here, a failed one included (a time-out is an answer with
 * outcome {@code TIMEOUT}). A name-derived look-up is empty only when its name cannot exist: for a domain of 243 or
 * more characters, {@code _smtp._tls.<domain>} (and from 245, {@code _mta-sts.<domain>}; from 246,
 * {@code mta-sts.<domain>}) would be longer than the 253 characters DNS allows. The fetch is empty when it did not
 * run: the policy host had no address, or the address policy refused every one.
 *
 * <p>An immutable value.
 *
 * <pre>{@code
 * Observations seen = report.observations();
 * seen.mx().records().forEach(mx -> System.out.println(mx.preference() + " " + mx.host()));
 * seen.stsTxt().ifPresent(a -> System.out.println(a.outcome() + " " + a.joined()));
 * seen.policyFetch().ifPresent(f -> System.out.println(f.outcome() + " " + f.statusCode()));   // OK OptionalInt[200]
 * }</pre>
 *
 * @param stsTxt              the {@code _mta-sts.<domain>} TXT answer
 * @param mx                  the domain's MX answer
 * @param tlsRptTxt           the {@code _smtp._tls.<domain>} TXT answer
 * @param policyHostAddresses the A/AAAA answer for {@code mta-sts.<domain>}
 * @param refusedAddresses    the policy host's addresses the address policy refused, each with its reason, in the
 *                            order of the answer
 * @param policyFetch         the HTTPS fetch of the policy
 * @param mxHosts             each MX host's addresses, probe and TLSA answer, in preference order (the domain
 *                            itself for an implicit MX); empty for a null MX or a failed MX look-up
 * @param diagnostics         what the deep diagnostics looked at beyond the layers (since 0.2.0)
 * @since 0.1.0
 */
public record Observations(Optional<TxtAnswer> stsTxt, MxAnswer mx, Optional<TxtAnswer> tlsRptTxt,
                           Optional<AddressAnswer> policyHostAddresses, List<RefusedAddress> refusedAddresses,
                           Optional<PolicyFetch> policyFetch, List<MxHostObservation> mxHosts,
                           DiagnosticObservations diagnostics) {

    /** Validates and copies the components. */
    public Observations {
        Objects.requireNonNull(stsTxt, "stsTxt");
        Objects.requireNonNull(mx, "mx");
        Objects.requireNonNull(tlsRptTxt, "tlsRptTxt");
        Objects.requireNonNull(policyHostAddresses, "policyHostAddresses");
        refusedAddresses = List.copyOf(Objects.requireNonNull(refusedAddresses, "refusedAddresses"));
        Objects.requireNonNull(policyFetch, "policyFetch");
        mxHosts = List.copyOf(Objects.requireNonNull(mxHosts, "mxHosts"));
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /**
     * Observations without deep diagnostics, as validations before 0.2.0 made them.
     *
     * @param stsTxt              the {@code _mta-sts.<domain>} TXT answer
     * @param mx                  the domain's MX answer
     * @param tlsRptTxt           the {@code _smtp._tls.<domain>} TXT answer
     * @param policyHostAddresses the A/AAAA answer for {@code mta-sts.<domain>}
     * @param refusedAddresses    the policy host's refused addresses
     * @param policyFetch         the HTTPS fetch of the policy
     * @param mxHosts             each MX host's addresses, probe and TLSA answer
     */
    public Observations(Optional<TxtAnswer> stsTxt, MxAnswer mx, Optional<TxtAnswer> tlsRptTxt,
                        Optional<AddressAnswer> policyHostAddresses, List<RefusedAddress> refusedAddresses,
                        Optional<PolicyFetch> policyFetch, List<MxHostObservation> mxHosts) {
        this(stsTxt, mx, tlsRptTxt, policyHostAddresses, refusedAddresses, policyFetch, mxHosts,
                DiagnosticObservations.NONE);
    }

    /**
     * @param diagnostics what the deep diagnostics looked at
     * @return these observations with those diagnostics
     */
    public Observations withDiagnostics(DiagnosticObservations diagnostics) {
        return new Observations(stsTxt, mx, tlsRptTxt, policyHostAddresses, refusedAddresses, policyFetch, mxHosts,
                diagnostics);
    }

    /**
     * Observations without any MX host look-up, as a validation without them made.
     *
     * @param stsTxt              the {@code _mta-sts.<domain>} TXT answer
     * @param mx                  the domain's MX answer
     * @param tlsRptTxt           the {@code _smtp._tls.<domain>} TXT answer
     * @param policyHostAddresses the A/AAAA answer for {@code mta-sts.<domain>}
     * @param refusedAddresses    the policy host's refused addresses
     * @param policyFetch         the HTTPS fetch of the policy
     */
    public Observations(Optional<TxtAnswer> stsTxt, MxAnswer mx, Optional<TxtAnswer> tlsRptTxt,
                        Optional<AddressAnswer> policyHostAddresses, List<RefusedAddress> refusedAddresses,
                        Optional<PolicyFetch> policyFetch) {
        this(stsTxt, mx, tlsRptTxt, policyHostAddresses, refusedAddresses, policyFetch, List.of(),
                DiagnosticObservations.NONE);
    }

    /**
     * @param host an MX host
     * @return what was seen of it, when it was looked up
     */
    public Optional<MxHostObservation> mxHost(dev.mtasts.DomainName host) {
        Objects.requireNonNull(host, "host");
        return mxHosts.stream().filter(m -> m.host().equals(host)).findFirst();
    }
}
