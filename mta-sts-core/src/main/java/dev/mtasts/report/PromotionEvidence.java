package dev.mtasts.report;

import dev.mtasts.DomainName;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What real senders saw when they delivered to a domain, as the validator's {@code PROMOTION} layer reads it: the
 * days covered by TLS-RPT aggregate reports (RFC 8460 §4), the run of clean days for the {@code sts} policy up to the
 * newest report, and every failure by result type and receiving MX host. {@code TlsRptEvidence} in the
 * {@code mta-sts-tlsrpt} module computes it from a set of reports; an application with its own report store can
 * implement it too. Implementations must be immutable.
 *
 * <pre>{@code
 * // not run: needs the domain's TLS-RPT reports, which the sandbox does not have
 * PromotionEvidence evidence = TlsRptReports.read(Path.of("reports")).evidenceFor(DomainName.of("example.com"));
 * ValidationReport r = validator.validate(ValidationRequest.of("example.com").withEvidence(evidence));
 * }</pre>
 *
 * @since 0.1.0
 */
public interface PromotionEvidence {

    /** @return the policy domain the reports are about */
    DomainName domain();

    /** @return the first day any report covers, when there is a report */
    Optional<LocalDate> firstDay();

    /** @return the last day any report covers (the newest), when there is a report */
    Optional<LocalDate> lastDay();

    /** @return the number of distinct days (UTC) that at least one report covers */
    int daysCovered();

    /**
     * @return the number of consecutive days, ending with {@link #lastDay()}, on which reports for the {@code sts}
     *         policy type show sessions and no failure; 0 when the newest day has a failure or no {@code sts} report
     */
    int consecutiveCleanStsDays();

    /** @return successful plus failed sessions over every report, for the {@code sts} policy type */
    long totalStsSessions();

    /** @return failed sessions over every report, for the {@code sts} policy type */
    long failedStsSessions();

    /** @return the organisations that sent reports, sorted */
    List<String> reporters();

    /** @return failed sessions by RFC 8460 §4.3 result type ({@code certificate-host-mismatch}...), any policy type */
    Map<String, Long> failuresByResultType();

    /** @return failed sessions by receiving MX host name, for failures that name one */
    Map<String, Long> failuresByReceivingMx();

    /** @return every failure detail, one per day, reporter, policy type, result type and receiving MX host */
    List<EvidenceFailure> failures();
}
