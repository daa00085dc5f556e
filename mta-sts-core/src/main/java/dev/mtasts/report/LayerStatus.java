package dev.mtasts.report;

/**
 * The outcome of one {@link Layer}: the worst severity among its findings, or {@link #SKIPPED}.
 *
 * <pre>{@code
 * report.layers().stream().filter(l -> l.status() == LayerStatus.FAIL)
 *         .forEach(l -> System.out.println("failing: " + l.layer()));
 * }</pre>
 *
 * @since 0.1.0
 */
public enum LayerStatus {
    /** No error or warning. */
    PASS,
    /** At least one warning, no error. */
    WARN,
    /** At least one error. */
    FAIL,
    /** Not checked, because an earlier layer failed or the layer does not apply; {@link LayerResult#note()} says why. */
    SKIPPED
}
