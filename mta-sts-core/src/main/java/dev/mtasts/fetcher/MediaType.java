package dev.mtasts.fetcher;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A media type from a {@code Content-Type} header, parsed per RFC 9110 §8.3.1.
 *
 * <p>Type, subtype and parameter names are case-insensitive and kept in lower case; parameter values keep
 * their case, with quoted strings unquoted. The first occurrence of a repeated parameter wins.
 * RFC 8461 §3.2 asks for {@code text/plain}; {@link #isTextPlain()} says whether this is it.
 *
 * <p>This type is an immutable value and safe to share between threads.
 *
 * <pre>{@code
 * MediaType type = MediaType.parse("TEXT/Plain; Charset=\"UTF-8\"").orElseThrow();
 * type.type();              // "text"
 * type.subtype();           // "plain"
 * type.isTextPlain();       // true
 * type.charset();           // Optional["utf-8"]
 * type.parameters();        // {charset=UTF-8}
 * MediaType.parse("text");  // Optional.empty()
 * }</pre>
 *
 * @param type the top-level type, lower case
 * @param subtype the subtype, lower case
 * @param parameters the parameters by lower-case name, in order of appearance
 * @since 0.1.0
 */
public record MediaType(String type, String subtype, Map<String, String> parameters) {

    /**
     * @throws IllegalArgumentException if type or subtype is not an RFC 9110 token
     */
    public MediaType {
        type = lowerToken(Objects.requireNonNull(type, "type"), "type");
        subtype = lowerToken(Objects.requireNonNull(subtype, "subtype"), "subtype");
        Map<String, String> copy = new LinkedHashMap<>();
        Objects.requireNonNull(parameters, "parameters").forEach((name, value) ->
                copy.putIfAbsent(lowerToken(name, "parameter name"), Objects.requireNonNull(value, "value")));
        parameters = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Parses a {@code Content-Type} header value.
     *
     * @param value the header value, for example {@code text/plain; charset=utf-8}
     * @return the media type, or empty when the value is not {@code type/subtype *(; name=value)}
     */
    public static Optional<MediaType> parse(String value) {
        Objects.requireNonNull(value, "value");
        return new MediaTypeParser(value).parse();
    }

    /** @return true for {@code text/plain}, whatever the parameters */
    public boolean isTextPlain() {
        return type.equals("text") && subtype.equals("plain");
    }

    /**
     * @param name a parameter name, in any case
     * @return the parameter's value, or empty
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT)));
    }

    /** @return the {@code charset} parameter in lower case (charset names are case-insensitive), or empty */
    public Optional<String> charset() {
        return parameter("charset").map(c -> c.toLowerCase(Locale.ROOT));
    }

    /** @return {@code type/subtype} without parameters */
    public String essence() {
        return type + "/" + subtype;
    }

    /** @return the canonical form, for example {@code text/plain; charset=utf-8} */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(essence());
        parameters.forEach((name, value) -> {
            out.append("; ").append(name).append('=');
            if (!value.isEmpty() && MediaTypeParser.isToken(value)) {
                out.append(value);
            } else {
                out.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        });
        return out.toString();
    }

    private static String lowerToken(String s, String what) {
        if (s.isEmpty() || !MediaTypeParser.isToken(s)) {
            throw new IllegalArgumentException("media type " + what + " '" + s + "' is not a token");
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
