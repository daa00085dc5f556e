package dev.mtasts.validate;

import dev.mtasts.internal.Quoting;
import java.util.List;
import java.util.Objects;

/** Makes an observed value safe and short enough to quote in a finding. */
final class Quote {

    private static final int MAX = 120;

    private Quote() {
    }

    static String of(String s) {
        return Quoting.printable(s, MAX, false);
    }

    /**
     * Joins names for a message, at most {@code max} of them: {@code "a, b, c and 7 more"}, so that a domain with
     * thousands of MX hosts still gets one-sentence findings.
     */
    static String list(List<String> items, int max) {
        Objects.requireNonNull(items, "items");
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " and " + (items.size() - max) + " more";
    }
}
