package dev.mtasts.validate;

import dev.mtasts.report.Observations;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything the deep-diagnostic checks may read: the observations and what the layer checks made of them.
 *
 * @param observations what the validation saw
 * @param record       the {@code _mta-sts} record as the DNS_RECORD layer read it
 * @param fetched      the policy fetch as the POLICY_FETCH layer read it
 * @param policy       what the served policy counts for
 * @param mx           the MX hosts and their coverage
 * @param transport    the MX hosts' STARTTLS, certificates and DANE
 * @param tlsRpt       the TLS-RPT record as the TLS_RPT layer read it
 * @param checkedAt    when the validation started
 */
record DiagnosticInput(Observations observations, DnsRecordCheck.Result record, PolicyFetchCheck.Result fetched,
                       Disclosure policy, MxCoverageCheck.Result mx, MxTransportCheck.Result transport,
                       TlsRptCheck.Result tlsRpt, Instant checkedAt) {

    DiagnosticInput {
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(fetched, "fetched");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(mx, "mx");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(tlsRpt, "tlsRpt");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
