package dev.mtasts.internal;

/**
 * Makes an observed value safe and short enough to quote in a message: control characters (C0, DEL, C1), unpaired
 * or paired surrogates and the byte order mark become {@code \\uXXXX}, and a long value is cut with {@code ...}.
 * Not API: this package is not exported by the module and may change in any release.
 */
public final class Quoting {

    private Quoting() {
    }

    /**
     * @param s          the value
     * @param max        how many characters to keep before {@code ...}
     * @param asciiOnly  true to escape every non-ASCII character too (for TXT records, which are US-ASCII)
     * @return the printable form
     */
    public static String printable(String s, int max, boolean asciiOnly) {
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
}
