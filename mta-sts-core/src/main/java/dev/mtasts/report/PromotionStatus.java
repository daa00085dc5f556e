package dev.mtasts.report;

/**
 * Whether a {@code testing} policy can move to {@code enforce}.
 *
 * <pre>{@code
 * if (report.promotion().status() == PromotionStatus.READY) {
 *     report.remediation().enforcePolicy().ifPresent(System.out::println);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum PromotionStatus {
    /** Nothing blocks the switch; review the TLS-RPT reports first. */
    READY,
    /** At least one blocker; see {@link Promotion#blockers()}. */
    NOT_READY,
    /** The policy is not in {@code testing} mode (or there is no valid policy). */
    NOT_APPLICABLE
}
