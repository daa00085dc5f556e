package dev.mtasts.report;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one layer of a validation.
 *
 * <pre>{@code
 * report.layer(Layer.POLICY_FETCH).status();   // PASS, WARN, FAIL or SKIPPED
 * report.layer(Layer.MX_COVERAGE).note();      // Optional["skipped: no valid policy"]
 * }</pre>
 *
 * @param layer  the layer
 * @param status its status
 * @param note   why it was skipped, or a short summary
 * @since 0.1.0
 */
public record LayerResult(Layer layer, LayerStatus status, Optional<String> note) {

    /** Validates the components. */
    public LayerResult {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(note, "note");
    }
}
