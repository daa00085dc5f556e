package dev.mtasts.policy;

import java.util.Objects;
import java.util.Optional;

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
        nameProblem(name).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        if (PolicyField.isKnown(name)) {
            throw new IllegalArgumentException("'" + name + "' is a policy field, not an extension");
        }
        valueProblem(name, value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    static Optional<String> nameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("field name is empty");
        }
        if (name.length() > 32) {
            return Optional.of("field name " + Texts.quoteShort(name) + " is longer than 32 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '_' && c != '-' && c != '.'))) {
                return Optional.of("field name " + Texts.quoteShort(name) + " has '" + Texts.printable(String.valueOf(c))
                        + "' at position " + (i + 1) + "; names are letters, digits, '_', '-' and '.', starting with a letter or digit");
            }
        }
        return Optional.empty();
    }

    static Optional<String> valueProblem(String name, String value) {
        if (value.isEmpty()) {
            return Optional.of("field '" + name + "' has an empty value");
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return Optional.of("field '" + name + "' value " + Texts.quoteShort(value) + " starts or ends with a space");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return Optional.of("field '" + name + "' value has control character " + Texts.printable(String.valueOf(c))
                        + " at position " + (i + 1));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("field '" + name + "' value has an unpaired surrogate at position " + (i + 1));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("field '" + name + "' value has an unpaired surrogate at position " + (i + 1));
            }
        }
        return Optional.empty();
    }
}
