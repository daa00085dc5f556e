package dev.mtasts.report;

import java.util.List;
import java.util.Objects;

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
 * @since 0.1.0
 */
public record Promotion(PromotionStatus status, List<Finding> blockers, String advice) {

    /** Validates the components. */
    public Promotion {
        Objects.requireNonNull(status, "status");
        blockers = List.copyOf(Objects.requireNonNull(blockers, "blockers"));
        Objects.requireNonNull(advice, "advice");
        if ((status == PromotionStatus.NOT_READY) == blockers.isEmpty()) {
            throw new IllegalArgumentException("blockers are listed exactly when the status is NOT_READY");
        }
    }
}
