package dev.mtasts.record;

import dev.mtasts.internal.ExtensionSyntax;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An extension field of a TXT record ({@code _mta-sts} or {@code _smtp._tls}): a {@code name=value} pair the RFC
 * does not define. Senders ignore it (RFC 8461 §3.2 last paragraph, A9; RFC 8460 §3, G8); it is kept so that
 * {@code toText()} writes the record back as it was.
 *
 * <p>Grammar (A8): the name is a letter or digit then up to 31 letters, digits, {@code _}, {@code -} or {@code .};
 * the value is one or more of {@code %x21-3A / %x3C / %x3E-7E}: printable ASCII except space, {@code ;} and {@code =}.
 *
 * <pre>{@code
 * new RecordExtension("x-note", "hello");
 * }</pre>
 *
 * @param name  the field name, case-sensitive
 * @param value the value
 * @since 0.1.0
 */
public record RecordExtension(String name, String value) {

    /** Validates name and value. */
    public RecordExtension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        ExtensionSyntax.TXT_RECORD.nameProblem(name).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        ExtensionSyntax.TXT_RECORD.valueProblem(name, value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /**
     * Checks the extensions of a record: none is named {@code v} or the record's own field, and no name appears
     * twice. A parser keeps only the first of a repeated field (RFC 8461 §3.2, A10; G9 for TLS-RPT), so a record
     * holding a repeat would not survive {@code parse(toText())}.
     *
     * @param extensions the extensions
     * @param field      the record's own field ({@code id} or {@code rua})
     * @throws IllegalArgumentException naming the offending field
     */
    static void checkNames(List<RecordExtension> extensions, String field) {
        Set<String> names = new HashSet<>();
        for (RecordExtension e : extensions) {
            if (e.name().equals(field) || e.name().equals("v")) {
                throw new IllegalArgumentException("'" + e.name() + "' is not an extension field");
            }
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("extension field '" + e.name() + "' appears twice");
            }
        }
    }
}
