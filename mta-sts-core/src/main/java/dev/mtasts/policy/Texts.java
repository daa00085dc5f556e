package dev.mtasts.policy;

/** Quoting of observed values in messages: control characters escaped, long values shortened. */
final class Texts {

    private static final int MAX_QUOTED = 60;

    private Texts() {
    }

    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_QUOTED + 8));
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= MAX_QUOTED) {
                out.append("...");
                break;
            }
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == 0xfeff) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String quoteShort(String s) {
        return "'" + printable(s) + "'";
    }
}
