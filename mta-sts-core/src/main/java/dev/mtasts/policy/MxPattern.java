package dev.mtasts.policy;

import dev.mtasts.DomainName;
import dev.mtasts.internal.Quoting;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code mx} value of a policy: an exact host name ({@code mx1.example.com}) or a wildcard over exactly
 * one leftmost label ({@code *.example.com}).
 *
 * <p>Syntax (RFC 8461 §3.2, rules C10 and C11): {@code ["*."] Domain}, where Domain is LDH labels separated
 * by dots (RFC 5321 §4.1.2), each label starting and ending with a letter or digit, at most 63 characters,
 * the name at most 253. Punycode A-labels only; no trailing dot, no port, no address literal.
 *
 * <p>Matching (RFC 8461 §4.1, rules D3 to D8): labels are compared case-insensitively; {@code *} matches
 * exactly one whole leftmost label, so {@code *.example.com} matches {@code mail.example.com} but neither
 * {@code example.com} nor {@code a.b.example.com}; a host name with a trailing root dot from DNS matches as
 * if the dot were absent; a host containing {@code *} never matches.
 *
 * <p>An immutable value, compared by its lower-case text.
 *
 * <pre>{@code
 * MxPattern p = MxPattern.of("*.example.com");
 * p.matches("mx1.example.com");    // true
 * p.matches("MX1.EXAMPLE.COM.");   // true: case and one trailing dot ignored
 * p.matches("a.b.example.com");    // false: one label only
 * }</pre>
 *
 * @since 0.1.0
 */
public final class MxPattern {

    private static final String WILDCARD_PREFIX = "*.";

    private final String text;
    private final boolean wildcard;

    private MxPattern(String text, boolean wildcard) {
        this.text = text;
        this.wildcard = wildcard;
    }

    /**
     * Parses an {@code mx} value as the policy grammar requires.
     *
     * @param value the value, such as {@code mx1.example.com} or {@code *.example.com}
     * @return the pattern, lower-cased
     * @throws IllegalArgumentException with a reason when the value breaks rule C10 or C11
     */
    public static MxPattern of(String value) {
        Objects.requireNonNull(value, "value");
        Optional<String> problem = syntaxProblem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return ofValid(value);
    }

    /** A pattern from a value {@link #syntaxProblem(String)} has already accepted. */
    static MxPattern ofValid(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return new MxPattern(lower, lower.startsWith(WILDCARD_PREFIX));
    }

    /**
     * An exact pattern for a host, written in A-labels.
     *
     * @param host the host
     * @return the pattern that matches exactly that host
     * @throws IllegalArgumentException if the host has a label that a policy cannot express (such as {@code _})
     */
    public static MxPattern exact(DomainName host) {
        return of(Objects.requireNonNull(host, "host").value());
    }

    /**
     * Says why a value is not a valid {@code mx} pattern.
     *
     * @param value the candidate value
     * @return the reason, or empty when the value is valid
     */
    static Optional<String> syntaxProblem(String value) {
        if (value.isEmpty()) {
            return Optional.of("mx value is empty");
        }
        String quoted = Quoting.quotedText(value);
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return Optional.of("mx " + quoted + " has non-ASCII characters; write IDNs as Punycode A-labels (xn--...)");
            }
        }
        if (value.indexOf(',') >= 0 || value.indexOf(' ') >= 0 || value.indexOf('\t') >= 0) {
            return Optional.of("mx " + quoted + " lists several hosts; give each its own 'mx:' line");
        }
        if (hasOnlyTrailingDotProblem(value)) {
            return Optional.of("mx " + quoted + " ends with a dot; write the name without the trailing dot");
        }
        if (value.startsWith("[") || value.indexOf(':') >= 0) {
            return Optional.of("mx " + quoted + " is an address literal or has a port; only host names are allowed");
        }
        String name = value.startsWith(WILDCARD_PREFIX) ? value.substring(2) : value;
        if (name.isEmpty()) {
            return Optional.of("mx " + quoted + " is a wildcard without a domain after '*.'");
        }
        if (name.indexOf('*') >= 0) {
            return Optional.of("mx " + quoted + " has a '*' that is not the whole leftmost label");
        }
        if (name.length() > DomainName.MAX_LENGTH) {
            return Optional.of("mx " + Quoting.quotedText(value) + " is longer than " + DomainName.MAX_LENGTH + " characters");
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            Optional<String> labelProblem = labelProblem(label);
            if (labelProblem.isPresent()) {
                return Optional.of("mx " + Quoting.quotedText(value) + ": " + labelProblem.get());
            }
        }
        for (String label : labels) {
            if (!DomainName.isValidALabel(label)) {
                return Optional.of("mx " + Quoting.quotedText(value) + ": label '" + label + "' is not a valid A-label"
                        + " (Punycode of a Unicode label); it can never match an MX host");
            }
        }
        return Optional.empty();
    }

    /**
     * A name that would be valid without its one trailing dot (C10, D7): reported as such, while {@code *.} or
     * {@code a..} get the reason that applies to them.
     */
    static boolean hasOnlyTrailingDotProblem(String value) {
        return value.length() > 1 && value.endsWith(".") && syntaxProblem(value.substring(0, value.length() - 1)).isEmpty();
    }

    private static Optional<String> labelProblem(String label) {
        if (label.isEmpty()) {
            return Optional.of("has an empty label");
        }
        if (label.length() > DomainName.MAX_LABEL_LENGTH) {
            return Optional.of("label " + Quoting.quotedText(label) + " is longer than " + DomainName.MAX_LABEL_LENGTH + " characters");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!isLetterOrDigit(c) && c != '-') {
                return Optional.of("label " + Quoting.quotedText(label) + " contains '" + Quoting.text(String.valueOf(c))
                        + "'; only letters, digits and '-' are allowed");
            }
        }
        if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            return Optional.of("label '" + label + "' starts or ends with '-'");
        }
        return Optional.empty();
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** @return true for a {@code *.} wildcard pattern */
    public boolean isWildcard() {
        return wildcard;
    }

    /** @return the domain after {@code *.} for a wildcard, or the whole name for an exact pattern */
    public String baseName() {
        return wildcard ? text.substring(2) : text;
    }

    /** @return true when every label is digits, so the pattern looks like an IPv4 address */
    public boolean looksLikeIpAddress() {
        String base = baseName();
        return !wildcard && base.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }

    /** @return true for a wildcard over a single label ({@code *.com}), which covers a whole top-level domain */
    public boolean isBroad() {
        return wildcard && baseName().indexOf('.') < 0;
    }

    /**
     * @param host an MX host name
     * @return true if this pattern covers the host (RFC 8461 §4.1)
     */
    public boolean matches(DomainName host) {
        return matchesNormalised(Objects.requireNonNull(host, "host").value());
    }

    /**
     * Matches a host name as DNS or a person gives it: it is read with {@link DomainName#tryParse(String)}, so case is
     * ignored, one trailing dot is dropped (rule D7) and U-labels become A-labels (D4). A host that is not a domain
     * name never matches: empty, containing {@code *} (D6), whitespace, a port, an empty label, or shaped like an IP
     * address (an MX exchange is a host name, RFC 8461 §4.1, D2).
     *
     * @param host an MX host name
     * @return true if this pattern covers the host
     */
    public boolean matches(String host) {
        Objects.requireNonNull(host, "host");
        return DomainName.tryParse(host).map(this::matches).orElse(false);
    }

    private boolean matchesNormalised(String host) {
        if (!wildcard) {
            return host.equals(text);
        }
        String base = baseName();
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.length() - firstDot - 1 == base.length() && host.endsWith(base);
    }

    /** @return the pattern as written in a policy file, lower case */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MxPattern && ((MxPattern) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
