package dev.mtasts.tlsrpt;

import dev.mtasts.DomainName;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a report's {@code policies} (RFC 8460 §4.4): the policy a sender applied to a domain, the sessions
 * it counted under that policy, and the failures among them. An immutable value.
 *
 * <pre>{@code
 * PolicyReport policy = new PolicyReport("sts", List.of("version: STSv1", "mode: testing",
 *         "mx: mx1.example.com", "max_age: 86400"), domain, List.of("mx1.example.com"), 1200, 0, List.of());
 * assertThat(policy.policyType()).isEqualTo(PolicyType.STS);
 * assertThat(policy.isClean()).isTrue();
 * }</pre>
 *
 * @param policyTypeName               {@code policy-type}, as the report has it: see {@link #policyType()}
 * @param policyStrings                {@code policy-string}: the policy's lines ({@code sts}) or records
 *                                     ({@code tlsa}); empty when absent, as for {@code no-policy-found}
 * @param policyDomain                 {@code policy-domain}: the domain the policy is for
 * @param mxHosts                      {@code mx-host}: the MX host patterns of the policy; empty when absent
 * @param totalSuccessfulSessionCount  {@code summary.total-successful-session-count}
 * @param totalFailureSessionCount     {@code summary.total-failure-session-count}
 * @param failureDetails               {@code failure-details}; empty when absent
 * @since 0.1.0
 */
public record PolicyReport(String policyTypeName, List<String> policyStrings, DomainName policyDomain,
                           List<String> mxHosts, long totalSuccessfulSessionCount, long totalFailureSessionCount,
                           List<FailureDetail> failureDetails) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when {@code policyTypeName} is blank or a count is negative
     */
    public PolicyReport {
        Objects.requireNonNull(policyTypeName, "policyTypeName");
        Objects.requireNonNull(policyStrings, "policyStrings");
        Objects.requireNonNull(policyDomain, "policyDomain");
        Objects.requireNonNull(mxHosts, "mxHosts");
        Objects.requireNonNull(failureDetails, "failureDetails");
        if (policyTypeName.isBlank()) {
            throw new IllegalArgumentException("policyTypeName must not be blank");
        }
        if (totalSuccessfulSessionCount < 0 || totalFailureSessionCount < 0) {
            throw new IllegalArgumentException("session counts must not be negative: "
                    + totalSuccessfulSessionCount + ", " + totalFailureSessionCount);
        }
        policyStrings = List.copyOf(policyStrings);
        mxHosts = List.copyOf(mxHosts);
        failureDetails = List.copyOf(failureDetails);
    }

    /** @return the policy type {@link #policyTypeName()} names, {@link PolicyType#UNKNOWN} for one of no RFC */
    public PolicyType policyType() {
        return PolicyType.of(policyTypeName);
    }

    /** @return successful plus failed sessions, saturating at {@link Long#MAX_VALUE} */
    public long totalSessions() {
        long sum = totalSuccessfulSessionCount + totalFailureSessionCount;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * @return whether the policy shows sessions and no failure: a failure count of 0 and no failure detail with
     *         failed sessions
     */
    public boolean isClean() {
        return totalSessions() > 0 && totalFailureSessionCount == 0
                && failureDetails.stream().allMatch(f -> f.failedSessionCount() == 0);
    }
}
