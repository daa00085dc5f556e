package dev.mtasts.policy;

import dev.mtasts.DomainName;
import dev.mtasts.ProblemCode;
import dev.mtasts.internal.Quoting;
import java.util.ArrayList;
import java.util.List;
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
 * if the dot were absent; a host containing {@code *} never matches. A pattern whose last label is all digits
 * ({@code mail.123}, {@code 192.0.2.1}) is legal but matches no host: see {@link #hasNumericTopLevelLabel()}.
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

    /** The whitespace characters named in words alone; any other is named from the Unicode table, with its code. */
    private static final String ASCII_WHITESPACE = " \t\n\r\f\u000b";

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
     * @throws IllegalArgumentException with a reason when the value breaks rule C10 or C11, including whitespace
     *     before or after the name ({@code " mx.example.com"}), which the message names with its position
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
     * The pattern a person most likely meant by an {@code mx} value that is not one, when the value itself tells: for
     * a policy linter's "write this instead".
     *
     * <pre>{@code
     * MxPattern.suggestion(".example.com");              // Optional[*.example.com]: the drafts' suffix form
     * MxPattern.suggestion("mx.example.com.");           // Optional[mx.example.com]
     * MxPattern.suggestion("https://mx.example.com/");   // Optional[mx.example.com]
     * MxPattern.suggestion("mx.example.com:25");         // Optional[mx.example.com]
     * MxPattern.suggestion("mx.bücher.example");         // Optional[mx.xn--bcher-kva.example]
     * MxPattern.suggestion("postmaster@example.com");    // Optional.empty(): the MX host names are not in it
     * }</pre>
     *
     * @param value an {@code mx} value as written
     * @return the pattern meant; empty when the value is already valid, or when no host name can be read from it
     *     (a list of hosts, a mail address, an IP address)
     * @since 0.2.0
     */
    public static Optional<MxPattern> suggestion(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() > DomainName.MAX_LENGTH * 4 || defect(value).isEmpty()) {
            return Optional.empty();
        }
        return MxValueShape.suggestion(value).map(MxPattern::ofValid);
    }

    /**
     * Says why a value is not a valid {@code mx} pattern.
     *
     * @param value the candidate value
     * @return the reason, or empty when the value is valid
     */
    static Optional<String> syntaxProblem(String value) {
        return defect(value).map(Defect::message);
    }

    /**
     * What is wrong with an {@code mx} value: the {@link ProblemCode} the policy parser reports, and the reason. One
     * method decides both, so that the code and the message cannot disagree.
     *
     * @param code    {@link ProblemCode#MX_U_LABEL}, {@link ProblemCode#MX_MULTIPLE_VALUES},
     *                {@link ProblemCode#MX_TRAILING_DOT} or {@link ProblemCode#MX_INVALID}
     * @param message the reason, quoting the value
     */
    record Defect(ProblemCode code, String message) {
    }

    /**
     * @param value the candidate value
     * @return what is wrong with it, or empty when it is a valid pattern
     */
    static Optional<Defect> defect(String value) {
        // the common case, decided without allocating; anything else takes the long way, with its messages
        return isPlainValid(value) ? Optional.empty() : everyCheck(value);
    }

    /** {@link #defect}'s long way: every check in turn, each with its message. */
    static Optional<Defect> everyCheck(String value) {
        if (value.isEmpty()) {
            return invalid("mx value is empty");
        }
        String quoted = Quoting.quotedText(value);
        Optional<String> surrounding = surroundingWhitespace(value, quoted);
        if (surrounding.isPresent()) {
            return invalid(surrounding.get());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80 && !isWhitespace(c)) {
                Optional<String> ascii = value.chars().anyMatch(ch -> isWhitespace((char) ch)) ? Optional.empty()
                        : MxValueShape.aLabels(value);
                return Optional.of(new Defect(ProblemCode.MX_U_LABEL, "mx " + quoted
                        + " has non-ASCII characters; RFC 8461 requires IDNs as Punycode A-labels (xn--...), so"
                        + " senders ignore the policy: write " + ascii.map(a -> "'mx: " + a + "'")
                        .orElse("each label in its A-label form")));
            }
        }
        if (value.indexOf(',') >= 0 || value.chars().anyMatch(c -> isWhitespace((char) c))) {
            return Optional.of(new Defect(ProblemCode.MX_MULTIPLE_VALUES, MxValueShape.list(value, quoted)));
        }
        // a name that would be valid without its one trailing dot (C10, D7) is named as such; '*.' and 'a..' get their
        // own reason (without the dot, 'a.' still ends in an empty label). No recursion: the name without the dot goes
        // through nameDefect once, so the check is at most two linear passes, whatever the number of dots (issue 16,
        // defect 1: one recursive call and one copy per trailing dot overflowed the stack on 'a' + 60 000 dots)
        if (value.length() > 1 && value.endsWith(".") && !value.endsWith("..")
                && nameDefect(value.substring(0, value.length() - 1), quoted).isEmpty()) {
            return Optional.of(new Defect(ProblemCode.MX_TRAILING_DOT, "mx " + quoted
                    + " ends with a dot; write the name without the trailing dot: 'mx: "
                    + Quoting.text(value.substring(0, value.length() - 1)) + "'"));
        }
        return nameDefect(value, quoted);
    }

    /**
     * The checks of the name itself, once whitespace, non-ASCII characters and lists are ruled out: address literals,
     * the wildcard, the length and every label. Linear in the value; never recurses.
     *
     * @param value  the value, free of whitespace, commas and non-ASCII characters
     * @param quoted the value as the message quotes it (the whole value, also when {@code value} lacks its last dot)
     */
    private static Optional<Defect> nameDefect(String value, String quoted) {
        Optional<String> shape = MxValueShape.notAHostName(value, quoted);
        if (shape.isPresent()) {
            return invalid(shape.get());
        }
        String name = value.startsWith(WILDCARD_PREFIX) ? value.substring(2) : value;
        if (name.isEmpty()) {
            return invalid("mx " + quoted + " is a wildcard without a domain after '*.'");
        }
        if (name.indexOf('*') >= 0) {
            return invalid("mx " + quoted + " has a '*' that is not the whole leftmost label");
        }
        if (name.length() > DomainName.MAX_LENGTH) {
            return invalid("mx " + quoted + " is longer than " + DomainName.MAX_LENGTH + " characters");
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            Optional<String> labelProblem = labelProblem(label);
            if (labelProblem.isPresent()) {
                return invalid("mx " + quoted + ": " + labelProblem.get());
            }
        }
        for (String label : labels) {
            if (!DomainName.isValidALabel(label)) {
                return invalid("mx " + quoted + ": label '" + label + "' is not a valid A-label"
                        + " (Punycode of a Unicode label); it can never match an MX host");
            }
        }
        return Optional.empty();
    }

    private static Optional<Defect> invalid(String message) {
        return Optional.of(new Defect(ProblemCode.MX_INVALID, message));
    }

    /**
     * Whitespace before or after the name ({@code " mx.example.com"}, {@code "mx.example.com\t"}), named with its
     * positions. In a policy line the spaces and tabs around a value belong to the line, not to the value (RFC 8461
     * §3.2: {@code ":" *WSP} before it, {@code *WSP} after it, rule C3), so the parser never passes them here; other
     * whitespace, such as a no-break space pasted from a web page, does reach this check.
     *
     * @return the reason, or empty when the value neither starts nor ends with whitespace
     */
    private static Optional<String> surroundingWhitespace(String value, String quoted) {
        int start = 0;
        while (start < value.length() && isWhitespace(value.charAt(start))) {
            start++;
        }
        if (start == value.length()) {
            return Optional.of("mx " + quoted + " is only whitespace (" + describeWhitespace(value, 0, start)
                    + "); write the host name, such as 'mx1.example.com'");
        }
        int end = value.length();
        while (isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        if (start == 0 && end == value.length()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("mx ").append(quoted);
        if (start > 0) {
            message.append(" starts with ").append(describeWhitespace(value, 0, start));
        }
        if (end < value.length()) {
            message.append(start > 0 ? " and ends with " : " ends with ")
                    .append(describeWhitespace(value, end, value.length()));
        }
        return Optional.of(message.append("; write the host name without whitespace around it").toString());
    }

    /**
     * Names the whitespace {@code value[from, to)} and where it is: {@code "a tab at position 15"},
     * {@code "a space and a tab at positions 15 to 16"}, {@code "2 no-break spaces (U+00A0) at positions 1 to 2"}.
     * Positions count characters (code points) from 1.
     */
    private static String describeWhitespace(String value, int from, int to) {
        List<String> runs = new ArrayList<>();
        for (int i = from; i < to; ) {
            char c = value.charAt(i);
            int j = i;
            while (j < to && value.charAt(j) == c) {
                j++;
            }
            String name = whitespaceName(c);
            String code = ASCII_WHITESPACE.indexOf(c) >= 0 ? "" : String.format(" (U+%04X)", (int) c);
            int count = j - i;
            runs.add(count == 1 ? (startsWithVowel(name) ? "an " : "a ") + name + code : count + " " + name + "s" + code);
            i = j;
        }
        String what = runs.size() == 1 ? runs.get(0)
                : String.join(", ", runs.subList(0, runs.size() - 1)) + " and " + runs.get(runs.size() - 1);
        int first = value.codePointCount(0, from) + 1;
        int last = value.codePointCount(0, to - 1) + 1;
        return what + (first == last ? " at position " + first : " at positions " + first + " to " + last);
    }

    private static String whitespaceName(char c) {
        return switch (c) {
            case ' ' -> "space";
            case '\t' -> "tab";
            case '\n' -> "line feed";
            case '\r' -> "carriage return";
            case '\f' -> "form feed";
            case '\u000b' -> "vertical tab";
            default -> {
                String name = Character.getName(c);
                yield name == null ? "whitespace character" : name.toLowerCase(Locale.ROOT);
            }
        };
    }

    private static boolean startsWithVowel(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0;
    }

    /**
     * The shape nearly every real {@code mx} value has, checked in one pass without allocating: an optional
     * {@code *.}, then 1 to {@value DomainName#MAX_LENGTH} characters of labels, each 1 to
     * {@value DomainName#MAX_LABEL_LENGTH} letters, digits and inner hyphens, none starting with {@code xn--}. A value
     * of this shape passes every check of {@link #defect} (so the answer is the same); a value of any other shape,
     * valid or not, is left to those checks.
     */
    static boolean isPlainValid(String value) {
        int start = value.startsWith(WILDCARD_PREFIX) ? WILDCARD_PREFIX.length() : 0;
        int length = value.length();
        if (start == length || length - start > DomainName.MAX_LENGTH) {
            return false;
        }
        int labelStart = start;
        for (int i = start; i <= length; i++) {
            char c = i < length ? value.charAt(i) : '.';
            if (c == '.') {
                int labelLength = i - labelStart;
                if (labelLength == 0 || labelLength > DomainName.MAX_LABEL_LENGTH
                        || value.charAt(labelStart) == '-' || value.charAt(i - 1) == '-'
                        || (labelLength >= 4 && isAcePrefix(value, labelStart))) {
                    return false;
                }
                labelStart = i + 1;
            } else if (!isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** @return true when {@code value} has {@code xn--}, in any case, at {@code at} (four characters are there) */
    private static boolean isAcePrefix(String value, int at) {
        return (value.charAt(at) | 0x20) == 'x' && (value.charAt(at + 1) | 0x20) == 'n'
                && value.charAt(at + 2) == '-' && value.charAt(at + 3) == '-';
    }

    /** Whitespace as {@link DomainName} refuses it in a host name: Java whitespace and Unicode space separators. */
    private static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
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

    /**
     * @return true for an exact pattern whose every label is digits ({@code 192.0.2.1}), so that it looks like an IPv4
     *     address; such a pattern also {@linkplain #hasNumericTopLevelLabel() ends in an all-digit label}
     */
    public boolean looksLikeIpAddress() {
        if (wildcard) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the last label is all digits: {@code mail.123}, {@code *.1.2.3.4}, {@code 10.0.0.1.example.999}, and
     * every pattern that {@linkplain #looksLikeIpAddress() looks like an IPv4 address}. Such a pattern is legal syntax
     * (rule C10), but it never matches: a host name's top-level label is never all digits (RFC 1123 §2.1), and
     * {@link DomainName} refuses a name whose last label is, so no host given to {@link #matches(String)} or
     * {@link #matches(DomainName)} can end in that label.
     *
     * @return true when the last label is all digits, so the pattern matches no host
     */
    public boolean hasNumericTopLevelLabel() {
        for (int i = text.lastIndexOf('.') + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** @return true for a wildcard over a single label ({@code *.com}), which covers a whole top-level domain */
    public boolean isBroad() {
        return wildcard && text.indexOf('.', WILDCARD_PREFIX.length()) < 0;
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
