package dev.mtasts.resolver;

import java.util.List;
import java.util.Objects;

/**
 * One TXT resource record, its character-strings kept apart as they were published.
 *
 * <p>A TXT record holds one or more character-strings of at most 255 bytes each. RFC 8461 §3.1 and
 * RFC 8460 §3 say a record made of several strings is read as the strings concatenated without any
 * added space: that is {@link #joined()}. Bytes are decoded as UTF-8; a byte sequence that is not
 * UTF-8 becomes U+FFFD.
 *
 * <p>This type is an immutable value.
 *
 * <pre>{@code
 * TxtRecord record = TxtRecord.of("v=STSv1; ", "id=20260101T000000");
 * record.strings();  // ["v=STSv1; ", "id=20260101T000000"]
 * record.joined();   // "v=STSv1; id=20260101T000000"
 * }</pre>
 *
 * @param strings the character-strings, in order; a record with one empty string is legal
 * @since 0.1.0
 */
public record TxtRecord(List<String> strings) {

    /**
     * @throws NullPointerException     if the list or a string in it is null
     * @throws IllegalArgumentException if the list is empty (a TXT record has at least one string)
     */
    public TxtRecord {
        strings = List.copyOf(Objects.requireNonNull(strings, "strings"));
        if (strings.isEmpty()) {
            throw new IllegalArgumentException("a TXT record has at least one character-string");
        }
    }

    /**
     * @param strings the character-strings, in order
     * @return the record
     */
    public static TxtRecord of(String... strings) {
        return new TxtRecord(List.of(Objects.requireNonNull(strings, "strings")));
    }

    /** @return the strings concatenated without separator, as RFC 8461 §3.1 requires */
    public String joined() {
        return String.join("", strings);
    }
}
