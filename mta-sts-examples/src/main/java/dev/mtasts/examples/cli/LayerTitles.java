package dev.mtasts.examples.cli;

import dev.mtasts.report.Layer;

/**
 * The one spelling of each layer in text output ({@code check}'s report, {@code demo}, the {@code scan} summary):
 * {@code DNS record}, {@code Policy fetch}, {@code Policy}, {@code MX coverage}, {@code TLS-RPT},
 * {@code Promotion}. JSON keeps the enum names ({@code DNS_RECORD}, ...).
 */
final class LayerTitles {

    /** The longest title, for aligning columns. */
    static final int WIDTH = 12;

    private LayerTitles() {
    }

    /**
     * @param layer a layer
     * @return its title in text output
     */
    static String of(Layer layer) {
        return switch (layer) {
            case DNS_RECORD -> "DNS record";
            case POLICY_FETCH -> "Policy fetch";
            case POLICY_PARSE -> "Policy";
            case MX_COVERAGE -> "MX coverage";
            case TLS_RPT -> "TLS-RPT";
            case PROMOTION -> "Promotion";
        };
    }
}
