package dev.mtasts.tlsrpt;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a policy's {@code failure-details} in a TLS-RPT aggregate report (RFC 8460 §4.4): a kind of failure,
 * where it happened and how many sessions it hit. Every field of the RFC is here; the optional ones are
 * {@link Optional}. An immutable value.
 *
 * <pre>{@code
 * FailureDetail detail = new FailureDetail("certificate-host-mismatch", Optional.of("209.85.220.41"),
 *         Optional.of("mx2.example.com"), Optional.empty(), Optional.of("192.0.2.25"), 12,
 *         Optional.empty(), Optional.empty());
 * assertThat(detail.resultType()).isEqualTo(ResultType.CERTIFICATE_HOST_MISMATCH);
 * }</pre>
 *
 * @param resultTypeName        {@code result-type}, as the report has it: see {@link #resultType()}
 * @param sendingMtaIp          {@code sending-mta-ip}: the address the sender connected from
 * @param receivingMxHostname   {@code receiving-mx-hostname}: the MX host the sender tried
 * @param receivingMxHelo       {@code receiving-mx-helo}: the name the MX host gave in its greeting
 * @param receivingIp           {@code receiving-ip}: the address of the MX host
 * @param failedSessionCount    {@code failed-session-count}: the number of sessions that failed this way
 * @param additionalInformation {@code additional-information}: a URI the sender points to for more detail
 * @param failureReasonCode     {@code failure-reason-code}: the sender's own code, such as an OpenSSL error name
 * @since 0.1.0
 */
public record FailureDetail(String resultTypeName, Optional<String> sendingMtaIp,
                            Optional<String> receivingMxHostname, Optional<String> receivingMxHelo,
                            Optional<String> receivingIp, long failedSessionCount,
                            Optional<String> additionalInformation, Optional<String> failureReasonCode) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when {@code resultTypeName} is blank or {@code failedSessionCount} negative
     */
    public FailureDetail {
        Objects.requireNonNull(resultTypeName, "resultTypeName");
        Objects.requireNonNull(sendingMtaIp, "sendingMtaIp");
        Objects.requireNonNull(receivingMxHostname, "receivingMxHostname");
        Objects.requireNonNull(receivingMxHelo, "receivingMxHelo");
        Objects.requireNonNull(receivingIp, "receivingIp");
        Objects.requireNonNull(additionalInformation, "additionalInformation");
        Objects.requireNonNull(failureReasonCode, "failureReasonCode");
        if (resultTypeName.isBlank()) {
            throw new IllegalArgumentException("resultTypeName must not be blank");
        }
        if (failedSessionCount < 0) {
            throw new IllegalArgumentException("failedSessionCount must not be negative: " + failedSessionCount);
        }
    }

    /** @return the result type {@link #resultTypeName()} names, {@link ResultType#UNKNOWN} for one of no RFC */
    public ResultType resultType() {
        return ResultType.of(resultTypeName);
    }
}
