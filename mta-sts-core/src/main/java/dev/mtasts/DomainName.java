package dev.mtasts;

import dev.mtasts.internal.Quoting;
import java.net.IDN;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A DNS domain or host name in its canonical form: the one way a name enters this library.
 *
 * <p>{@link #of(String)} accepts what a person types or what DNS returns and normalises it:
 * <ul>
 *   <li>ASCII letters are lower-cased ({@code MX1.Example.COM} becomes {@code mx1.example.com});</li>
 *   <li>one trailing dot (the DNS root, as in {@code mx.example.com.} from an MX answer) is dropped;</li>
 *   <li>Unicode labels (U-labels) are converted to Punycode A-labels with {@link IDN#toASCII(String)}
 *       ({@code bücher.example} becomes {@code xn--bcher-kva.example}).</li>
 * </ul>
 * It then checks the result: every label is 1 to 63 characters of ASCII letters, digits, {@code -}
 * and {@code _} (underscore, for names such as {@code _mta-sts.example.com}), a label neither starts
 * nor ends with {@code -}, and the whole name is at most 253 characters. Empty input, whitespace,
 * an empty label ({@code a..b}, {@code .a}), a wildcard, an IP address literal ({@code 192.0.2.1},
 * {@code [::1]}, {@code 2001:db8::1}) and a name whose last label is all digits are rejected with an
 * {@link IllegalArgumentException} whose message names the offending part; so are a URL ({@code https://example.com/}),
 * a mail address ({@code user@example.com}), a name with a port, and a Unicode label that mixes scripts
 * ({@code pаypal.com} with a Cyrillic {@code а}; Latin with Han, Kana, Bopomofo or Hangul is allowed).
 *
 * <p>This type is an immutable value: equal names are {@code equals}, and it is safe to share
 * between threads.
 *
 * <pre>{@code
 * DomainName domain = DomainName.of("Example.COM.");
 * domain.value();                      // "example.com"
 * domain.prefixedWith("_mta-sts");     // _mta-sts.example.com
 * DomainName.of("bücher.example");     // xn--bcher-kva.example
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DomainName implements Comparable<DomainName> {

    /** The longest name, in characters, without the trailing dot (RFC 1035 §2.3.4 allows 255 octets on the wire). */
    public static final int MAX_LENGTH = 253;

    /** The longest label, in characters (RFC 1035 §2.3.4). */
    public static final int MAX_LABEL_LENGTH = 63;

    private final String value;

    private DomainName(String value) {
        this.value = value;
    }

    /**
     * Parses and normalises a domain or host name.
     *
     * @param name the name as typed or as returned by DNS
     * @return the canonical name
     * @throws IllegalArgumentException if the name is not a valid domain name; the message says why
     */
    public static DomainName of(String name) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        return new DomainName(normalise(name));
    }

    /**
     * Parses a name, returning empty instead of throwing when it is not valid.
     *
     * @param name the name as typed or as returned by DNS
     * @return the canonical name, or empty when {@link #of(String)} would throw an {@code IllegalArgumentException}
     */
    public static Optional<DomainName> tryParse(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return Optional.of(of(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String normalise(String input) {
        if (input.isEmpty()) {
            throw new IllegalArgumentException("domain name is empty");
        }
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException("domain name '" + Quoting.message(input)
                        + "' contains whitespace at position " + (i + 1));
            }
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("domain name '" + Quoting.message(input)
                        + "' contains a control character at position " + (i + 1));
            }
        }
        checkNotAnAddressOrUrl(input);
        String name = input.endsWith(".") ? input.substring(0, input.length() - 1) : input;
        if (name.isEmpty()) {
            throw new IllegalArgumentException("domain name '" + Quoting.message(input) + "' is only the root '.'");
        }
        if (name.indexOf('*') >= 0) {
            throw new IllegalArgumentException("domain name '" + Quoting.message(input)
                    + "' contains a wildcard '*'; wildcards belong in mx patterns only");
        }
        checkNoEmptyLabel(input, name);
        String ascii = toAscii(input, name).toLowerCase(Locale.ROOT);
        if (ascii.endsWith(".")) { // IDN maps some Unicode dots to '.'
            throw new IllegalArgumentException("domain name '" + Quoting.message(input) + "' has an empty label");
        }
        checkNoEmptyLabel(input, ascii);
        if (ascii.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("domain name '" + Quoting.message(shorten(input)) + "' is "
                    + ascii.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            checkLabel(input, label);
            checkALabel(input, label);
        }
        String last = labels[labels.length - 1];
        if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + Quoting.message(input)
                    + "' looks like an IP address: its last label '" + last + "' is all digits");
        }
        return ascii;
    }

    /**
     * Names what was typed instead of a domain name: a URL ({@code https://example.com/}), a mail address
     * ({@code user@example.com}), an IPv6 address ({@code 2001:db8::1}), an address literal ({@code [192.0.2.1]}) or
     * a name with a port ({@code example.com:443}). An IPv4 address is refused later, by its all-digit last label.
     */
    private static void checkNotAnAddressOrUrl(String input) {
        String quoted = "'" + Quoting.message(input) + "'";
        int scheme = input.indexOf("://");
        if (scheme > 0) {
            throw new IllegalArgumentException(quoted + " is a URL, not a domain name; give the host name alone, such"
                    + " as 'example.com'");
        }
        if (input.startsWith("[")) {
            throw new IllegalArgumentException(quoted + " is an IP address literal, not a domain name");
        }
        int colon = input.indexOf(':');
        if (colon >= 0) {
            boolean ipv6 = input.indexOf(':', colon + 1) > colon
                    && input.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
            throw new IllegalArgumentException(quoted + (ipv6 ? " is an IP address (IPv6), not a domain name"
                    : " has a port or a ':'; give the domain name alone, without ':port'"));
        }
        int at = input.lastIndexOf('@');
        if (at >= 0) {
            throw new IllegalArgumentException(quoted + " is a mail address or has an '@', not a domain name"
                    + (at + 1 < input.length() ? "; give the domain after the '@', such as '"
                    + Quoting.message(input.substring(at + 1)) + "'" : ""));
        }
    }

    private static void checkNoEmptyLabel(String input, String name) {
        if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw new IllegalArgumentException("domain name '" + Quoting.message(input) + "' has an empty label");
        }
    }

    /**
     * Converts Unicode labels to A-labels. {@link IDN} implements IDNA2003, which maps some characters that IDNA2008
     * (RFC 5891, what registries and mail software use today) keeps or forbids; so that a name never silently
     * becomes another domain, a label is refused unless both agree on it: only letters, digits, combining marks
     * and {@code -} ({@code ☃} and other symbols are refused), no unassigned code points, and none of the deviation
     * characters {@code ß}, {@code ς}, ZWJ and ZWNJ (which IDNA2003 maps away and IDNA2008 keeps).
     */
    private static String toAscii(String input, String name) {
        boolean ascii = name.chars().allMatch(c -> c < 0x80);
        if (ascii) {
            return name;
        }
        for (String label : name.split("[.\u3002\uFF0E\uFF61]", -1)) { // the dots IDNA accepts as separators
            if (label.isEmpty()) { // 'a\u3002\u3002b', a leading or a trailing full-width dot
                throw new IllegalArgumentException("domain name '" + Quoting.message(input) + "' has an empty label");
            }
            checkUnicodeLabel(input, label, false);
            checkOneScript(input, label);
        }
        try {
            // the Unicode 3.2 tables of java.net.IDN lack newer scripts; the letters were checked above against
            // the JDK's current character database, so unassigned-in-3.2 code points may pass
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("domain name '" + Quoting.message(input)
                    + "' cannot be converted to A-labels: " + e.getMessage(), e);
        }
    }

    /**
     * The scripts a typed Unicode label may mix: one script, or Latin with the scripts written together in Chinese,
     * Japanese or Korean (the "highly restrictive" profile of Unicode TS #39 §5.2). Digits, punctuation and combining
     * marks (scripts Common and Inherited) go with any.
     */
    private static final List<Set<Character.UnicodeScript>> SCRIPT_MIXES = List.of(
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
                    Character.UnicodeScript.KATAKANA),
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO),
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL));

    /**
     * Refuses a typed label that mixes scripts ({@code pаypal} with a Cyrillic {@code а}): such a name looks like
     * another domain (a homograph), and registries refuse most mixes. Only labels typed in Unicode are checked; an
     * A-label ({@code xn--...}) names a label exactly and is taken as given, so a registered mixed label can still
     * be checked in that form.
     */
    private static void checkOneScript(String input, String label) {
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED
                    && script != Character.UnicodeScript.UNKNOWN) {
                scripts.add(script);
            }
        }
        if (scripts.size() <= 1 || SCRIPT_MIXES.stream().anyMatch(mix -> mix.containsAll(scripts))) {
            return;
        }
        List<String> names = scripts.stream().map(DomainName::scriptName).toList();
        throw new IllegalArgumentException("domain name '" + Quoting.message(input) + "' mixes scripts in label '"
                + Quoting.message(label) + "' (" + String.join(", ", names.subList(0, names.size() - 1)) + " and "
                + names.get(names.size() - 1) + "), so it can pass for another domain; write the label in one script,"
                + " or give its A-label (xn--...) if that name is really registered");
    }

    private static String scriptName(Character.UnicodeScript script) {
        String name = script.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static boolean isDeviation(int cp) {
        return cp == 0x00DF || cp == 0x03C2 || cp == 0x200C || cp == 0x200D;
    }

    private static void checkUnicodeLabel(String input, String label, boolean deviationsAllowed) {
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                continue; // ASCII is checked with the A-labels
            }
            if (isDeviation(cp) && deviationsAllowed && cp < 0x2000) {
                continue; // ß and ς inside an A-label: the IDNA2008 form, unambiguous
            }
            if (isDeviation(cp)) {
                throw new IllegalArgumentException("domain name '" + Quoting.message(input) + "' contains "
                        + String.format("U+%04X", cp) + ", which IDNA2003 and IDNA2008 encode differently;"
                        + " write the label as its A-label (xn--...)");
            }
            int type = Character.getType(cp);
            boolean allowed = Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            if (!allowed) {
                throw new IllegalArgumentException("domain name '" + Quoting.message(input) + "' contains "
                        + String.format("U+%04X", cp) + ", which is not a letter, digit or mark; IDNA2008 does not"
                        + " allow it in a domain name");
            }
        }
    }

    /**
     * @param label one label, such as {@code xn--bcher-kva}
     * @return true when it is not an A-label at all, or a valid one (see {@link #of(String)})
     */
    public static boolean isValidALabel(String label) {
        String lower = Objects.requireNonNull(label, "label").toLowerCase(Locale.ROOT);
        if (!lower.startsWith("xn--")) {
            return true;
        }
        try {
            checkALabel(lower, lower);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * An A-label ({@code xn--...}) must be Punycode that decodes to a Unicode label of letters, digits and marks
     * (RFC 5890 §2.3.2.1). The check uses the JDK's current character database, not {@link IDN}'s Unicode 3.2, so
     * labels in scripts added since (Tifinagh, Mandaic, ...) are accepted.
     */
    private static void checkALabel(String input, String label) {
        if (!label.startsWith("xn--")) {
            return;
        }
        String unicode = Punycode.decode(label.substring(4)).orElse(label);
        boolean valid = !unicode.equals(label) && unicode.chars().anyMatch(c -> c >= 0x80);
        if (valid) {
            try {
                checkUnicodeLabel(input, unicode, true);
            } catch (IllegalArgumentException e) {
                valid = false;
            }
        }
        if (!valid) {
            throw new IllegalArgumentException("label '" + label + "' of '" + Quoting.message(input)
                    + "' is not a valid A-label (Punycode that decodes to a valid Unicode label)");
        }
    }

    private static void checkLabel(String input, String label) {
        if (label.isEmpty()) {
            throw new IllegalArgumentException("domain name '" + Quoting.message(input) + "' has an empty label");
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label '" + shorten(label) + "' of '" + Quoting.message(shorten(input))
                    + "' is " + label.length() + " characters long; the limit is " + MAX_LABEL_LENGTH);
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!allowed) {
                throw new IllegalArgumentException("label '" + Quoting.message(label) + "' of '" + Quoting.message(input)
                        + "' contains '" + Quoting.message(String.valueOf(c))
                        + "'; only letters, digits, '-' and '_' are allowed");
            }
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            throw new IllegalArgumentException("label '" + label + "' of '" + Quoting.message(input)
                    + "' starts or ends with '-'");
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** @return the canonical ASCII form: lower case, A-labels, no trailing dot */
    public String value() {
        return value;
    }

    /** @return the name with Punycode labels shown in Unicode, for display to people */
    public String unicode() {
        return IDN.toUnicode(value, IDN.ALLOW_UNASSIGNED);
    }

    /** @return the labels, left to right ({@code mx1.example.com} gives {@code [mx1, example, com]}) */
    public List<String> labels() {
        return Arrays.asList(value.split("\\."));
    }

    /** @return the number of labels */
    public int labelCount() {
        return (int) value.chars().filter(c -> c == '.').count() + 1;
    }

    /** @return the name without its leftmost label, or empty for a single-label name */
    public Optional<DomainName> parent() {
        int dot = value.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(new DomainName(value.substring(dot + 1)));
    }

    /**
     * Prepends one or more labels: {@code example.com} prefixed with {@code "_mta-sts"} is
     * {@code _mta-sts.example.com}, and with {@code "_smtp._tls"} is {@code _smtp._tls.example.com}.
     *
     * @param labels one or more dot-separated labels
     * @return the longer name
     * @throws IllegalArgumentException if the result is not a valid name
     */
    public DomainName prefixedWith(String labels) {
        Objects.requireNonNull(labels, "labels");
        return of(labels + "." + value);
    }

    /**
     * @param other a possible ancestor
     * @return true if this name equals {@code other} or lies below it ({@code a.example.com} is within {@code example.com})
     */
    public boolean isWithin(DomainName other) {
        Objects.requireNonNull(other, "other");
        return value.equals(other.value) || value.endsWith("." + other.value);
    }

    @Override
    public int compareTo(DomainName other) {
        return value.compareTo(Objects.requireNonNull(other, "other").value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainName && ((DomainName) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return the canonical ASCII form, as {@link #value()} */
    @Override
    public String toString() {
        return value;
    }
}
