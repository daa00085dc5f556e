package dev.mtasts.tlsrpt;

import dev.mtasts.DomainName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TLS-RPT aggregate report (RFC 8460 §4.4): who sent it, the period it covers, and per policy the sessions and
 * failures the sender saw. Read one with {@link TlsRptReportParser}; a set of them with {@link TlsRptReports}. An
 * immutable value; two reports are the same delivery when {@link #organizationName()} and {@link #reportId()} are
 * equal ({@link TlsRptReports} counts those once).
 *
 * <pre>{@code
 * String json = """
 *     {"organization-name": "Google Inc.",
 *      "date-range": {"start-datetime": "2026-11-20T00:00:00Z", "end-datetime": "2026-11-20T23:59:59Z"},
 *      "contact-info": "smtp-tls-reporting@google.com",
 *      "report-id": "2026-11-20T00:00:00Z_example.com",
 *      "policies": [{"policy": {"policy-type": "sts", "policy-domain": "example.com",
 *                               "policy-string": ["version: STSv1", "mode: testing", "mx: mx1.example.com",
 *                                                 "max_age: 86400"]},
 *                    "summary": {"total-successful-session-count": 42, "total-failure-session-count": 0}}]}
 *     """;
 * TlsRptReport tlsRpt = TlsRptReportParser.defaults()
 *         .parseJson(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "google.json");
 * assertThat(tlsRpt.policiesFor(domain)).singleElement().extracting(PolicyReport::totalSuccessfulSessionCount)
 *         .isEqualTo(42L);
 * }</pre>
 *
 * @param organizationName {@code organization-name}: the sending organisation
 * @param dateRange        {@code date-range}
 * @param contactInfo      {@code contact-info}; empty when absent (some senders leave it out)
 * @param reportId         {@code report-id}
 * @param policies         {@code policies}, in the report's order
 * @since 0.1.0
 */
public record TlsRptReport(String organizationName, DateRange dateRange, Optional<String> contactInfo,
                           String reportId, List<PolicyReport> policies) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when {@code organizationName} or {@code reportId} is blank
     */
    public TlsRptReport {
        Objects.requireNonNull(organizationName, "organizationName");
        Objects.requireNonNull(dateRange, "dateRange");
        Objects.requireNonNull(contactInfo, "contactInfo");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(policies, "policies");
        if (organizationName.isBlank()) {
            throw new IllegalArgumentException("organizationName must not be blank");
        }
        if (reportId.isBlank()) {
            throw new IllegalArgumentException("reportId must not be blank");
        }
        policies = List.copyOf(policies);
    }

    /**
     * @param domain a policy domain
     * @return the policies of this report for that domain, in the report's order
     */
    public List<PolicyReport> policiesFor(DomainName domain) {
        Objects.requireNonNull(domain, "domain");
        return policies.stream().filter(p -> p.policyDomain().equals(domain)).toList();
    }
}
