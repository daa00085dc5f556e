package dev.mtasts.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * The grammar of extension fields, shared by the policy file and the two TXT records, and the one place that says
 * why a name or value breaks it.
 *
 * <p>Names are the same everywhere: {@code (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")} (RFC 8461 §3.1
 * {@code sts-ext-name} and §3.2 {@code sts-policy-ext-name}; RFC 8460 §3 reuses them; rules A8, C12, G). Values
 * differ: a policy value is {@code vchar [*(%x20 / vchar) vchar]} with UTF-8 allowed (C12), a TXT record value is
 * {@code 1*(%x21-3A / %x3C / %x3E-7E)} (A8).
 *
 * <p>Each reason is one sentence quoting the observed text, escaped as its medium needs: {@link Quoting#text} for
 * the policy file, {@link Quoting#ascii} for TXT records. A policy problem about a name is reported at column 1 of
 * its line, so its reason also says at which position of the name the bad character is; a record problem already
 * points at the field.
 *
 * <p>Not API: this package is not exported by the module and may change in any release.
 */
public enum ExtensionSyntax {

    /** Extension fields of a policy file (RFC 8461 §3.2). */
    POLICY_FILE {
        @Override
        public Optional<String> valueProblem(String name, String value) {
            Optional<String> empty = emptyValue(name, value);
            if (empty.isPresent()) {
                return empty;
            }
            if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
                return Optional.of("field '" + quote(name) + "' value '" + quote(value)
                        + "' starts or ends with a space");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                    return Optional.of("field '" + quote(name) + "' value has control character "
                            + quote(String.valueOf(c)) + " at position " + (i + 1));
                }
                boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (pairedHigh) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return Optional.of("field '" + quote(name) + "' value has an unpaired surrogate at position "
                            + (i + 1));
                }
            }
            return Optional.empty();
        }

        @Override
        String quote(String s) {
            return Quoting.text(s);
        }

        @Override
        String namePosition(int index) {
            return " at position " + (index + 1);
        }
    },

    /** Extension fields of the {@code _mta-sts} and {@code _smtp._tls} TXT records (RFC 8461 §3.1, RFC 8460 §3). */
    TXT_RECORD {
        @Override
        public Optional<String> valueProblem(String name, String value) {
            Optional<String> empty = emptyValue(name, value);
            if (empty.isPresent()) {
                return empty;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x21 || c > 0x7e || c == ';' || c == '=') {
                    return Optional.of("field '" + quote(name) + "' value '" + quote(value) + "' has '"
                            + quote(String.valueOf(c)) + "'; values are printable ASCII without space, ';' and '='");
                }
            }
            return Optional.empty();
        }

        @Override
        String quote(String s) {
            return Quoting.ascii(s);
        }

        @Override
        String namePosition(int index) {
            return "";
        }
    };

    /** The longest extension name: 32 characters. */
    public static final int MAX_NAME_LENGTH = 32;

    /**
     * Says why a text is not an extension field name. The known fields ({@code mx}, {@code id}, ...) pass: telling
     * them apart is the caller's business.
     *
     * @param name the candidate name
     * @return the reason, or empty when the name fits the grammar
     */
    public Optional<String> nameProblem(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            return Optional.of("field name is empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("field name '" + quote(name) + "' is longer than " + MAX_NAME_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAlphaOrDigit(c) && (i == 0 || (c != '_' && c != '-' && c != '.'))) {
                return Optional.of("field name '" + quote(name) + "' has '" + quote(String.valueOf(c)) + "'"
                        + namePosition(i) + "; names are letters, digits, '_', '-' and '.', starting with a letter"
                        + " or digit");
            }
        }
        return Optional.empty();
    }

    /**
     * Says why a text is not a value of an extension field.
     *
     * @param name  the field name, for the message
     * @param value the candidate value, as read (without the whitespace around it)
     * @return the reason, or empty when the value fits the grammar
     */
    public abstract Optional<String> valueProblem(String name, String value);

    /** @return the value escaped and cut for a message, as this medium needs */
    abstract String quote(String s);

    /** @return where in the name the bad character at {@code index} is, as this medium's messages say it */
    abstract String namePosition(int index);

    Optional<String> emptyValue(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return value.isEmpty() ? Optional.of("field '" + quote(name) + "' has an empty value") : Optional.empty();
    }

    private static boolean isAlphaOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
