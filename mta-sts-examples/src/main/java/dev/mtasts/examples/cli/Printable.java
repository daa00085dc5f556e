package dev.mtasts.examples.cli;

/**
 * Text from files the user did not write (a TLS-RPT report's organisation name, a bad file's reason quoting it) made
 * safe for a terminal: every control character (C0, DEL, C1), U+2028, U+2029, the bidirectional overrides and each
 * lone surrogate becomes {@code \\uXXXX}, so a report cannot move the cursor or recolour the screen.
 */
final class Printable {

    private Printable() {
    }

    /**
     * @param s untrusted text
     * @return the text, its unsafe characters escaped
     */
    static String of(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029'
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069' || Character.isSurrogate(c);
    }
}
