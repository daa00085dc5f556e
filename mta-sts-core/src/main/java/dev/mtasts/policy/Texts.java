package dev.mtasts.policy;

import dev.mtasts.internal.Quoting;

/** Quoting of observed values in policy messages: at most 60 characters, control characters escaped. */
final class Texts {

    private Texts() {
    }

    static String printable(String s) {
        return Quoting.printable(s, 60, false);
    }

    static String quoteShort(String s) {
        return "'" + printable(s) + "'";
    }
}
