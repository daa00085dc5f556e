package dev.mtasts.validate;

import dev.mtasts.report.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything the remediation is written from, gathered once from the checks' results: the one input of
 * {@link RemediationWriter#write(RemediationInput)}.
 *
 * @param names        the policy domain and the names below it
 * @param now          the time of the check, for a fresh id
 * @param verdict      the verdict: a broken or unknown deployment gets its repair, not the next step
 * @param record       what the {@code _mta-sts} look-up established
 * @param idMustChange true when the policy changed since the previous snapshot but the id did not
 * @param policy       what the served policy counts for
 * @param mx           what the MX look-up established
 * @param tlsRpt       what the TLS-RPT look-up established, with the record to propose
 * @param domainExists false when the domain is NXDOMAIN: there is nothing to propose for it
 */
record RemediationInput(PolicyNames names, Instant now, Verdict verdict, DnsRecordCheck.Result record,
                        boolean idMustChange, Disclosure policy, MxCoverageCheck.Result mx, TlsRptCheck.Result tlsRpt,
                        boolean domainExists) {

    RemediationInput {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(mx, "mx");
        Objects.requireNonNull(tlsRpt, "tlsRpt");
    }
}
