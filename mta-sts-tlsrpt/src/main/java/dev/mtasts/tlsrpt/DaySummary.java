package dev.mtasts.tlsrpt;

import dev.mtasts.DomainName;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of {@link TlsRptReports#summary()}: what one reporter said about one policy type of one domain on one UTC
 * day. An immutable value.
 *
 * <p>A report counts on each day its date range covers ({@link DateRange#days()}): every such day has a row with the
 * report in {@link #reports()}. Its session counts are added once, on the last day it covers, so that sums over
 * rows equal sums over reports; for the daily reports the big senders publish that is the one day they cover.
 *
 * <pre>{@code
 * DaySummary row = new DaySummary(LocalDate.parse("2026-11-20"), domain, "Google Inc.", "sts", 1, 1180, 20,
 *         Map.of("certificate-expired", 20L));
 * assertThat(row.policyType()).isEqualTo(PolicyType.STS);
 * }</pre>
 *
 * @param day                  the UTC day
 * @param policyDomain         the policy domain
 * @param reporter             the reporting organisation ({@code organization-name})
 * @param policyTypeName       the policy type, as the reports have it ({@code sts}, {@code tlsa},
 *                             {@code no-policy-found}...)
 * @param reports              the number of distinct reports of this reporter covering this day for this policy
 * @param successfulSessions   successful sessions counted on this day
 * @param failedSessions       failed sessions counted on this day
 * @param failuresByResultType failed sessions counted on this day by {@code result-type}, sorted by type
 * @since 0.1.0
 */
public record DaySummary(LocalDate day, DomainName policyDomain, String reporter, String policyTypeName,
                         int reports, long successfulSessions, long failedSessions,
                         Map<String, Long> failuresByResultType) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public DaySummary {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(policyDomain, "policyDomain");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(policyTypeName, "policyTypeName");
        Objects.requireNonNull(failuresByResultType, "failuresByResultType");
        if (reports < 0 || successfulSessions < 0 || failedSessions < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + reports + ", "
                    + successfulSessions + ", " + failedSessions);
        }
        failuresByResultType = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(failuresByResultType)));
    }

    /** @return the policy type {@link #policyTypeName()} names */
    public PolicyType policyType() {
        return PolicyType.of(policyTypeName);
    }
}
