package dev.mtasts.report;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of failure senders reported (RFC 8460 §4.4 failure details), summed over a day and a reporter. An
 * immutable value.
 *
 * <pre>{@code
 * EvidenceFailure f = new EvidenceFailure(LocalDate.parse("2026-11-20"), "Google Inc.", "sts",
 *         "certificate-host-mismatch", Optional.of("mx2.example.com"), 12, Optional.empty());
 * }</pre>
 *
 * @param day                   the UTC day the report covers
 * @param reporter              the reporting organisation
 * @param policyType            {@code sts}, {@code tlsa} or {@code no-policy-found}
 * @param resultType            the RFC 8460 §4.3 result type, such as {@code certificate-expired}
 * @param receivingMxHost       the MX host the sender tried, when the report names it
 * @param failedSessions        the number of failed sessions
 * @param additionalInformation the report's {@code additional-information}, when present
 * @since 0.1.0
 */
public record EvidenceFailure(LocalDate day, String reporter, String policyType, String resultType,
                              Optional<String> receivingMxHost, long failedSessions,
                              Optional<String> additionalInformation) {

    /** Validates the components. */
    public EvidenceFailure {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(policyType, "policyType");
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(receivingMxHost, "receivingMxHost");
        Objects.requireNonNull(additionalInformation, "additionalInformation");
        if (failedSessions < 0) {
            throw new IllegalArgumentException("failedSessions must not be negative: " + failedSessions);
        }
    }
}
