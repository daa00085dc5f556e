package dev.mtasts.record;

import dev.mtasts.internal.Quoting;

/** Quoting of observed values in record messages: at most 60 characters; TXT records are ASCII, so the rest is escaped. */
final class Quote {

    private Quote() {
    }

    static String of(String s) {
        return Quoting.printable(s, 60, true);
    }
}
