package dev.mtasts.report;

import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.resolver.TxtAnswer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a validation looked at beyond the six layers, for the deep diagnostics: the policy fetched from each address
 * of the policy host, the domain's own TXT records (a {@code v=STSv1} record published at the wrong name), the
 * draft-era TLS-RPT name, and the health of each TLS-RPT destination.
 *
 * <p>An immutable value; {@link #NONE} when nothing beyond the layers was looked at (an offline check, or
 * observations made by hand).
 *
 * <pre>{@code
 * DiagnosticObservations seen = report.observations().diagnostics();
 * seen.policyFetchesByAddress().forEach(f -> System.out.println(f.address() + " " + f.statusCode()));
 * seen.ruaDestinations().forEach(d -> System.out.println(d.uri() + " -> " + d.host()));
 * }</pre>
 *
 * @param policyFetchesByAddress the policy fetched from each allowed address of the policy host on its own, in the
 *                               order of the address answer; empty when the host has one address
 * @param apexTxt                the TXT records of the domain itself, looked up when {@code _mta-sts.<domain>}
 *                               holds no {@code v=STSv1} record
 * @param legacyTlsRptTxt        the TXT records of {@code _smtp-tlsrpt.<domain>}, looked up when
 *                               {@code _smtp._tls.<domain>} holds no {@code v=TLSRPTv1} record
 * @param ruaDestinations        what was seen of each {@code rua} destination of the TLS-RPT record
 * @since 0.2.0
 */
public record DiagnosticObservations(List<PolicyFetch> policyFetchesByAddress, Optional<TxtAnswer> apexTxt,
                                     Optional<TxtAnswer> legacyTlsRptTxt, List<RuaDestination> ruaDestinations) {

    /** Nothing looked at beyond the layers. */
    public static final DiagnosticObservations NONE = new DiagnosticObservations(List.of(), Optional.empty(),
            Optional.empty(), List.of());

    /** Validates and copies the components. */
    public DiagnosticObservations {
        policyFetchesByAddress = List.copyOf(Objects.requireNonNull(policyFetchesByAddress, "policyFetchesByAddress"));
        Objects.requireNonNull(apexTxt, "apexTxt");
        Objects.requireNonNull(legacyTlsRptTxt, "legacyTlsRptTxt");
        ruaDestinations = List.copyOf(Objects.requireNonNull(ruaDestinations, "ruaDestinations"));
    }
}
