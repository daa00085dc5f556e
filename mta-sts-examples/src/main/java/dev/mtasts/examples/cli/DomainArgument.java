package dev.mtasts.examples.cli;

import dev.mtasts.DomainName;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A domain as typed on the command line or read from a {@code scan} line. What people paste instead of a domain
 * name (a URL, an e-mail address, a host with a port, an IP address) is recognised and named, with the domain
 * name to give instead where the text holds one: {@code 'http://example.com/' is a URL: give the domain name, for
 * example example.com}. Anything else is {@link DomainName#of(String)}'s to judge, with its message.
 */
final class DomainArgument {

    /** The example when the text holds no domain name to suggest. */
    static final String EXAMPLE = "example.com";

    /** RFC 3986 §3.1: a scheme, then ':'. */
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)", Pattern.DOTALL);
    private static final Pattern PORT = Pattern.compile("([^:]*):(\\d{1,5})");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Two colons or more, hexadecimal digits and dots, perhaps a zone: {@code 2001:db8::1}, {@code fe80::1%eth0}. */
    private static final Pattern IPV6 = Pattern.compile("(?=(?:[^:]*:){2})[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");

    private DomainArgument() {
    }

    /**
     * @param text a domain as typed
     * @return the domain name
     * @throws IllegalArgumentException when it is not one; the message says what it is instead, or what is wrong
     */
    static DomainName parse(String text) {
        Optional<String> mistake = mistake(text);
        if (mistake.isPresent()) {
            throw new IllegalArgumentException(mistake.get());
        }
        return DomainName.of(text);
    }

    /**
     * @param text a domain as typed
     * @return what the text is instead of a domain name, when it is something commonly typed for one; empty when
     *         {@link DomainName#of(String)} is the one to judge it
     */
    static Optional<String> mistake(String text) {
        if (text.isEmpty() || text.codePoints().anyMatch(c -> Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.isISOControl(c))) {
            return Optional.empty(); // DomainName names the position of the whitespace or control character
        }
        String quoted = "'" + text + "'";
        if (text.startsWith("-")) {
            return Optional.of(quoted + " is not a valid domain name: a label cannot start with '-'");
        }
        Matcher scheme = SCHEME.matcher(text);
        if (scheme.matches() && !scheme.group(2).chars().allMatch(DomainArgument::isDigit)) {
            String rest = scheme.group(2);
            if (rest.startsWith("//")) {
                return Optional.of(quoted + " is a URL: give the domain name, for example "
                        + example(urlHost(rest.substring(2))));
            }
            if (scheme.group(1).equalsIgnoreCase("mailto")) {
                String address = cut(rest, "?#");
                return Optional.of(quoted + " is an e-mail address: give the domain name, for example "
                        + example(address.substring(address.lastIndexOf('@') + 1)));
            }
        }
        if (text.indexOf('@') >= 0) {
            return Optional.of(quoted + " is an e-mail address: give the domain name, for example "
                    + example(cut(text.substring(text.lastIndexOf('@') + 1), "/?#>")));
        }
        if (IPV4.matcher(text).matches()) {
            return Optional.of(quoted + " is an IP address, not a domain name: give the domain name, for example "
                    + EXAMPLE);
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String prefix : new String[] {"_mta-sts.", "_smtp._tls."}) {
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                String domain = text.substring(prefix.length());
                return Optional.of(quoted + " is the name of a record of " + example(domain) + ": give the domain"
                        + " itself, " + example(domain) + " (the record is named after it)");
            }
        }
        if (text.startsWith("[") || IPV6.matcher(text).matches()) {
            return Optional.of(quoted + " is an IP address, not a domain name: give the domain name, for example "
                    + EXAMPLE);
        }
        Matcher port = PORT.matcher(text);
        if (port.matches()) {
            String host = port.group(1);
            if (IPV4.matcher(host).matches()) {
                return Optional.of(quoted + " is an IP address and a port, not a domain name: give the domain"
                        + " name, for example " + EXAMPLE);
            }
            return Optional.of(quoted + " has a port: give the domain name alone, for example " + example(host));
        }
        int colon = text.indexOf(':');
        if (colon >= 0) {
            String before = text.substring(0, colon);
            String after = cut(text.substring(colon + 1), "/?#");
            String example = before.indexOf('.') > 0 ? example(before) : EXAMPLE;
            return Optional.of(quoted + " contains ':', which a domain name cannot: give the domain name alone,"
                    + " for example " + (example.equals(EXAMPLE) && after.indexOf('.') > 0 ? example(after)
                    : example));
        }
        int slash = indexOfAny(text, "/?#");
        if (slash >= 0) {
            return Optional.of(quoted + " is a URL: give the domain name, for example "
                    + example(text.substring(0, slash)));
        }
        return Optional.empty();
    }

    /** The host of a URL's authority (after {@code //}): no user information, no port, no brackets. */
    private static String urlHost(String afterSlashes) {
        String authority = cut(afterSlashes, "/?#");
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            return host; // an IPv6 literal: no domain to suggest
        }
        Matcher port = PORT.matcher(host);
        return port.matches() ? port.group(1) : host.endsWith(":") ? host.substring(0, host.length() - 1) : host;
    }

    /** The domain name to suggest: the candidate when it is one (and not an IP address), else {@value #EXAMPLE}. */
    private static String example(String candidate) {
        String lower = candidate.toLowerCase(Locale.ROOT);
        String name = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        if (name.isEmpty() || IPV4.matcher(name).matches() || name.chars().anyMatch(c -> c == ':' || c == '[')) {
            return EXAMPLE;
        }
        return DomainName.tryParse(name).isPresent() ? name : EXAMPLE;
    }

    private static String cut(String s, String stops) {
        int i = indexOfAny(s, stops);
        return i < 0 ? s : s.substring(0, i);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
