package dev.mtasts.policy;

import dev.mtasts.internal.ExtensionSyntax;
import java.util.Objects;

/**
 * An extension field of a policy file: a field other than {@code version}, {@code mode}, {@code mx} and
 * {@code max_age}. Senders ignore it (RFC 8461 §3.2, rule C12), but it is kept so that {@link MtaStsPolicy#toText()}
 * writes the policy back as it was.
 *
 * <p>Name: a letter or digit, then up to 31 letters, digits, {@code _}, {@code -} or {@code .}. Value: printable
 * characters (UTF-8 allowed, controls and HTAB not) with interior spaces allowed, neither empty nor starting or ending
 * with a space: {@code vchar [*(%x20 / vchar) vchar]} (RFC 8461 §3.2, C12).
 *
 * <pre>{@code
 * new PolicyExtension("report-uri", "https://example.com/x");
 * }</pre>
 *
 * @param name  the field name, case-sensitive
 * @param value the field value
 * @since 0.1.0
 */
public record PolicyExtension(String name, String value) {

    /** Validates the name and the value. */
    public PolicyExtension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        ExtensionSyntax.POLICY_FILE.nameProblem(name).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        if (PolicyField.isKnown(name)) {
            throw new IllegalArgumentException("'" + name + "' is a policy field, not an extension");
        }
        ExtensionSyntax.POLICY_FILE.valueProblem(name, value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }
}
