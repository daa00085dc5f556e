package dev.mtasts.validate;

/** Makes an observed value safe and short enough to quote in a finding. */
final class Quote {

    private static final int MAX = 120;

    private Quote() {
    }

    static String of(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX + 8));
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= MAX) {
                return out.append("...").toString();
            }
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Joins names for a message, at most {@code max} of them: {@code "a, b, c and 7 more"}, so that a domain with
     * thousands of MX hosts still gets one-sentence findings.
     */
    static String list(java.util.List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }
}
