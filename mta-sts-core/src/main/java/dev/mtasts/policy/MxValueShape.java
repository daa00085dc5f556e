package dev.mtasts.policy;

import dev.mtasts.DomainName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names what an {@code mx} value is when it is not a host name, and what to write instead: a URL
 * ({@code https://mx.example.com/}), a mail address ({@code postmaster@example.com}), an address literal
 * ({@code [192.0.2.1]}), an IPv6 address, a host with a port ({@code mx.example.com:25}), a leading-dot suffix
 * ({@code .example.com}, the form of drafts before RFC 8461), a value that repeats the field name
 * ({@code mx: mx: host}), a comment, or a space inside a name. Each sentence is the message of an
 * {@link dev.mtasts.ProblemCode#MX_INVALID} or {@link dev.mtasts.ProblemCode#MX_MULTIPLE_VALUES}; the code itself is
 * {@link MxPattern#defect(String)}'s to choose. Stateless; linear in the value.
 */
final class MxValueShape {

    private static final String SUCH_AS = "such as 'mx: mx1.example.com'";
    /** Up to this many names in one value, the message writes an {@code mx:} line for each. */
    private static final int NAMES_WRITTEN = 4;

    private MxValueShape() {
    }

    /**
     * @param value  a value without whitespace, commas or non-ASCII characters
     * @param quoted the value as the message quotes it
     * @return what the value is and what to write instead, when it has one of the shapes above
     */
    static Optional<String> notAHostName(String value, String quoted) {
        String mx = "mx " + quoted;
        int scheme = value.indexOf("://");
        if (scheme > 0) {
            Optional<String> host = urlHost(value.substring(scheme + 3));
            return Optional.of(mx + " is a URL, not a host name; write the host alone: "
                    + host.map(h -> "'mx: " + h + "'").orElse("the MX host name, " + SUCH_AS));
        }
        int at = value.lastIndexOf('@');
        if (at >= 0 || value.regionMatches(true, 0, "mailto:", 0, 7)) {
            String domain = at >= 0 ? value.substring(at + 1) : "";
            return Optional.of(mx + " is a mail address, not a host name; list the hosts that receive the mail"
                    + (isPattern(domain) ? " for " + domain + " (the names its MX records point to)" : "")
                    + ", each on its own line, " + SUCH_AS);
        }
        if (value.startsWith("[")) {
            return Optional.of(mx + " is an IP address literal; patterns match MX host names, never addresses:"
                    + " list the host name the MX record points to, " + SUCH_AS);
        }
        int colon = value.indexOf(':');
        if (colon >= 0) {
            return Optional.of(withColon(value, colon, mx));
        }
        if (value.startsWith(".") && !value.startsWith("..") && isPattern(value.substring(1))
                && !value.startsWith(".*")) {
            return Optional.of(leadingDot(value.substring(1), mx));
        }
        return Optional.empty();
    }

    /** An IPv6 address, a host with a port, a repeated field name, or another {@code :}. */
    private static String withColon(String value, int colon, String mx) {
        boolean ipv6 = value.indexOf(':', colon + 1) > colon
                && value.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (ipv6) {
            return mx + " is an IPv6 address; patterns match MX host names, never addresses: list the host name"
                    + " the MX record points to, " + SUCH_AS;
        }
        String before = value.substring(0, colon);
        String after = value.substring(colon + 1);
        if (PolicyField.MX.equals(before) && isPattern(after)) {
            return mx + " repeats the field name; write 'mx: " + after + "'";
        }
        if (isPort(after)) {
            return mx + " has a port (':" + after + "'); a pattern names a host only, and senders connect to"
                    + " port 25 whatever it says: write " + (isPattern(before) ? "'mx: " + before + "'"
                    : "the host name alone");
        }
        return mx + " has a ':'; only host names are allowed, " + SUCH_AS;
    }

    /**
     * The leading-dot suffix ({@code .example.com}) of the drafts before RFC 8461 (draft-ietf-uta-mta-sts-04 to -17,
     * 2017-2018), and of mail software's domain tables, for any host under a domain. RFC 8461 has only the one-label
     * wildcard.
     */
    private static String leadingDot(String base, String mx) {
        String example = "mx1." + base;
        return mx + " starts with a dot, the suffix form of drafts before RFC 8461 (and of some mail software's"
                + " domain tables) for any host under '" + base + "'; RFC 8461 has no such form, so senders ignore"
                + " the policy: write 'mx: *." + base + "', which covers exactly one label below '" + base + "' ("
                + example + ", not a.b." + base + "), and add 'mx: " + base + "' too if that name is itself an MX"
                + " host";
    }

    /**
     * Several names, a comment, or a space inside one name: the message of an
     * {@link dev.mtasts.ProblemCode#MX_MULTIPLE_VALUES}.
     *
     * @param value  a value with a comma or whitespace inside (none around it)
     * @param quoted the value as the message quotes it
     * @return the sentence
     */
    static String list(String value, String quoted) {
        String mx = "mx " + quoted;
        int hash = value.indexOf('#');
        if (hash >= 0) {
            String before = stripWhitespace(value.substring(0, hash));
            return mx + " has a comment; a policy has no comments, so senders ignore it: write "
                    + (isPattern(before) ? "'mx: " + before + "'" : "the host name") + " alone on the line";
        }
        String several = mx + " lists several hosts; give each its own 'mx:' line";
        if (nameCount(value) > NAMES_WRITTEN) {
            return several; // a long list (or a hostile one of thousands): nothing more to say, and no work per name
        }
        List<String> names = names(value);
        String joined = String.join("", names);
        boolean allNames = names.stream().allMatch(MxValueShape::isPattern);
        if (!allNames && value.indexOf(',') < 0 && isPattern(joined.toString())) {
            return mx + " has whitespace inside the name; write 'mx: " + joined + "'";
        }
        StringBuilder out = new StringBuilder(several);
        if (allNames) {
            out.append(": ");
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "" : i == names.size() - 1 ? " and " : ", ").append("'mx: ")
                        .append(names.get(i)).append("'");
            }
        }
        return out.toString();
    }

    /**
     * The A-labels to write for a value with non-ASCII characters: {@code mx.bücher.example} gives
     * {@code mx.xn--bcher-kva.example}, {@code *.bücher.example} gives {@code *.xn--bcher-kva.example}.
     *
     * @param value a value with non-ASCII characters and no whitespace
     * @return the A-label form, when the value converts to a valid pattern
     */
    static Optional<String> aLabels(String value) {
        if (value.length() > DomainName.MAX_LENGTH) {
            return Optional.empty(); // no name that long fits; and Punycode's cost grows with the square of a label
        }
        boolean wildcard = value.startsWith("*.");
        String name = wildcard ? value.substring(2) : value;
        return DomainName.tryParse(name).map(DomainName::value).map(ascii -> (wildcard ? "*." : "") + ascii)
                .filter(MxValueShape::isPattern);
    }

    /**
     * The pattern a person most likely meant by an invalid value, when one can be told: the name without its trailing
     * dot, around whitespace, comment, port, URL scheme and path, or repeated field name; {@code *.} for a leading
     * dot; the A-labels of a name written in Unicode; the name with a stray space inside removed. Never for a list of
     * hosts, a mail address or an IP address: there the host names are not in the value.
     *
     * @param value an {@code mx} value as written, without the spaces and tabs around it
     * @return the suggested pattern's text
     */
    static Optional<String> suggestion(String value) {
        String v = stripWhitespace(value);
        int hash = v.indexOf('#');
        if (hash > 0) {
            v = stripWhitespace(v.substring(0, hash));
        }
        if (v.chars().anyMatch(c -> c >= 0x80)) {
            return v.chars().anyMatch(c -> isWhitespace((char) c)) ? Optional.empty() : aLabels(v);
        }
        if (v.indexOf(',') >= 0) {
            return Optional.empty();
        }
        if (v.chars().anyMatch(c -> isWhitespace((char) c))) {
            if (nameCount(v) > NAMES_WRITTEN) {
                return Optional.empty();
            }
            List<String> names = names(v);
            String joined = String.join("", names).toLowerCase(Locale.ROOT);
            boolean severalNames = names.size() > 1 && names.stream().allMatch(MxValueShape::isPattern);
            return !severalNames && isPattern(joined) ? Optional.of(joined) : Optional.empty();
        }
        int scheme = v.indexOf("://");
        if (scheme > 0) {
            return urlHost(v.substring(scheme + 3));
        }
        if (v.startsWith(PolicyField.MX + ":")) {
            v = v.substring(3);
        }
        int colon = v.indexOf(':');
        if (colon > 0 && v.indexOf(':', colon + 1) < 0 && isPort(v.substring(colon + 1))) {
            v = v.substring(0, colon);
        }
        if (v.startsWith(".") && !v.startsWith("..")) {
            v = "*" + v;
        }
        if (v.endsWith(".") && !v.endsWith("..")) {
            v = v.substring(0, v.length() - 1);
        }
        String lower = v.toLowerCase(Locale.ROOT);
        return isPattern(lower) && !lower.equals(value) ? Optional.of(lower) : Optional.empty();
    }

    /** @return the value without whitespace before and after it, no-break spaces included */
    private static String stripWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /** @return how many parts {@link #names} would return, without making them */
    private static int nameCount(String value) {
        int count = 0;
        boolean inName = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean separator = c == ',' || isWhitespace(c);
            if (!separator && !inName) {
                count++;
            }
            inName = !separator;
        }
        return count;
    }

    /** @return the parts of a value between commas and whitespace, in order */
    private static List<String> names(String value) {
        List<String> names = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            boolean separator = i == value.length() || value.charAt(i) == ',' || isWhitespace(value.charAt(i));
            if (separator && start >= 0) {
                names.add(value.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return names;
    }

    /** The host of a URL after its {@code ://}: no user, port, path, query or fragment. */
    private static Optional<String> urlHost(String rest) {
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.indexOf(':');
        if (colon >= 0 && isPort(host.substring(colon + 1))) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return isPattern(host) ? Optional.of(host.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static boolean isPort(String s) {
        return !s.isEmpty() && s.length() <= 5 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * @return true for a valid pattern that is not shaped like an address: one worth suggesting. A value with any of
     *     the characters {@link #notAHostName} looks at is refused first, so the full check never comes back here
     */
    private static boolean isPattern(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.chars().anyMatch(c -> ":/@[]#,".indexOf(c) >= 0 || c >= 0x80
                || isWhitespace((char) c))) {
            return false;
        }
        return MxPattern.defect(s).isEmpty() && !MxPattern.ofValid(s).hasNumericTopLevelLabel();
    }

    private static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
