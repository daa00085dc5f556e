package dev.mtasts;

import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.PromotionEvidence;

import java.util.Objects;
import java.util.Optional;

/**
 * One validation to run, with what the caller knows from before: the snapshot of an earlier validation (to tell a
 * policy changed without a new {@code id}, or a jump to {@code enforce} without a testing period) and the evidence
 * of real senders' TLS-RPT reports (for promotion readiness). An immutable value; {@link Validator#validate(String)}
 * and the other overloads are shortcuts for requests with less in them.
 *
 * <pre>{@code
 * ValidationRequest request = ValidationRequest.of("example.com");
 * if (report.snapshot().isPresent()) {
 *     request = request.withPrevious(report.snapshot().get());
 * }
 * ValidationReport next = validator.validate(request);
 * }</pre>
 *
 * @param domain   the policy domain
 * @param previous the snapshot of an earlier validation of the domain
 * @param evidence what the domain's TLS-RPT reports show, for the {@code PROMOTION} layer
 * @since 0.1.0
 */
public record ValidationRequest(DomainName domain, Optional<PolicySnapshot> previous,
                                Optional<PromotionEvidence> evidence) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when the evidence is about another domain
     */
    public ValidationRequest {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(evidence, "evidence");
        evidence.ifPresent(e -> {
            if (!domain.equals(e.domain())) {
                throw new IllegalArgumentException("the evidence is about " + e.domain() + ", not " + domain);
            }
        });
    }

    /**
     * @param domain the policy domain, as typed (see {@link DomainName#of(String)})
     * @return a request with nothing known from before
     * @throws IllegalArgumentException when the domain is not a valid domain name
     */
    public static ValidationRequest of(String domain) {
        Objects.requireNonNull(domain, "domain");
        return of(DomainName.of(domain));
    }

    /**
     * @param domain the policy domain
     * @return a request with nothing known from before
     */
    public static ValidationRequest of(DomainName domain) {
        return new ValidationRequest(domain, Optional.empty(), Optional.empty());
    }

    /**
     * @param snapshot the snapshot of an earlier validation ({@link dev.mtasts.report.ValidationReport#snapshot()})
     * @return a copy with it
     */
    public ValidationRequest withPrevious(PolicySnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        return new ValidationRequest(domain, Optional.of(snapshot), evidence);
    }

    /**
     * @param reports what the domain's TLS-RPT reports show ({@code TlsRptReports.evidenceFor(domain)} in
     *                {@code mta-sts-tlsrpt})
     * @return a copy with it
     * @throws IllegalArgumentException when the evidence is about another domain
     */
    public ValidationRequest withEvidence(PromotionEvidence reports) {
        Objects.requireNonNull(reports, "reports");
        return new ValidationRequest(domain, previous, Optional.of(reports));
    }
}
