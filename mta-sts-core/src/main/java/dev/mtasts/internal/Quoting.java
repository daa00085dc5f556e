package dev.mtasts.internal;

import java.util.Objects;

/**
 * Makes an observed value safe and short enough to quote in a message: control characters (C0, DEL, C1), unpaired
 * or paired surrogates and the byte order mark become {@code \\uXXXX}, and a long value is cut with {@code ...}.
 *
 * <p>The parsers quote with {@link #text(String)} (a policy file, which is UTF-8) or {@link #ascii(String)} (a TXT
 * record, which is US-ASCII, so any other character is escaped), both cut at {@value #PARSER_LIMIT} characters; the
 * {@code quoted...} forms add the single quotes around the value. Other callers choose their own limit with
 * {@link #printable(String, int, boolean)}.
 *
 * <p>Not API: this package is not exported by the module and may change in any release.
 */
public final class Quoting {

    /** How many characters of an observed value a parser message keeps before {@code ...}. */
    public static final int PARSER_LIMIT = 60;

    private Quoting() {
    }

    /**
     * @param s          the value
     * @param max        how many characters to keep before {@code ...}
     * @param asciiOnly  true to escape every non-ASCII character too (for TXT records, which are US-ASCII)
     * @return the printable form
     */
    public static String printable(String s, int max, boolean asciiOnly) {
        Objects.requireNonNull(s, "s");
        StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= max) {
                return out.append("...").toString();
            }
            char c = s.charAt(i);
            boolean escape = c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || c == 0xfeff
                    || (asciiOnly && c >= 0x7f);
            if (escape) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param s a value read from a policy file
     * @return its printable form, printable non-ASCII kept, at most {@value #PARSER_LIMIT} characters
     */
    public static String text(String s) {
        return printable(s, PARSER_LIMIT, false);
    }

    /**
     * @param s a value read from a policy file
     * @return {@link #text(String)} in single quotes: {@code 'mx1.example.com'}
     */
    public static String quotedText(String s) {
        return "'" + text(s) + "'";
    }

    /**
     * @param s a value read from a TXT record
     * @return its printable form, every non-ASCII character escaped, at most {@value #PARSER_LIMIT} characters
     */
    public static String ascii(String s) {
        return printable(s, PARSER_LIMIT, true);
    }

    /**
     * @param s a value read from a TXT record
     * @return {@link #ascii(String)} in single quotes: {@code 'v=STSv1; id=1'}
     */
    public static String quotedAscii(String s) {
        return "'" + ascii(s) + "'";
    }

    /** How many characters of an observed value a finding or an argument error quotes. */
    public static final int MESSAGE_LIMIT = 120;

    /**
     * @param s an observed value (a TXT record, a header, a domain argument) to quote in a finding or an exception
     * @return its printable form, printable non-ASCII kept, at most {@value #MESSAGE_LIMIT} characters
     */
    public static String message(String s) {
        return printable(s, MESSAGE_LIMIT, false);
    }

    /**
     * Joins names for a message, at most {@code max} of them: {@code "a, b, c and 7 more"}, so that a domain with
     * thousands of MX hosts still gets one-sentence findings.
     *
     * @param items the names
     * @param max   how many to name
     * @return the joined names
     */
    public static String list(java.util.List<String> items, int max) {
        java.util.Objects.requireNonNull(items, "items");
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }
}
