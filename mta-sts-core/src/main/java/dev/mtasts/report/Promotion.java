package dev.mtasts.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Promotion readiness: can {@code mode: testing} safely become {@code mode: enforce}, and if not, what blocks it.
 *
 * <pre>{@code
 * Promotion p = report.promotion();
 * if (p.status() == PromotionStatus.NOT_READY) {
 *     p.blockers().forEach(f -> System.out.println(f.code() + ": " + f.remediation()));
 * }
 * System.out.println(p.advice());
 * }</pre>
 *
 * @param status   ready, not ready or not applicable
 * @param blockers the findings that block the switch, in report order; empty unless {@code NOT_READY}
 * @param advice   what to do next, in a sentence or two (which evidence to review before switching)
 * @param evidence the TLS-RPT evidence the readiness was judged with, when the validation was given some
 * @since 0.1.0
 */
public record Promotion(PromotionStatus status, List<Finding> blockers, String advice,
                        Optional<PromotionEvidence> evidence) {

    /** Validates the components. */
    public Promotion {
        Objects.requireNonNull(status, "status");
        blockers = List.copyOf(Objects.requireNonNull(blockers, "blockers"));
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(evidence, "evidence");
        if ((status == PromotionStatus.NOT_READY) == blockers.isEmpty()) {
            throw new IllegalArgumentException("blockers are listed exactly when the status is NOT_READY");
        }
    }

    /**
     * Readiness judged without report evidence.
     *
     * @param status   ready, not ready or not applicable
     * @param blockers the blocking findings
     * @param advice   what to do next
     */
    public Promotion(PromotionStatus status, List<Finding> blockers, String advice) {
        this(status, blockers, advice, Optional.empty());
    }
}
