package dev.mtasts.examples.serve;

import dev.mtasts.resolver.DnsAnswer;
import dev.mtasts.resolver.DnsOutcome;

/** Small pieces of wording shared by the progress and report events. */
final class Words {

    /** Network text quoted in a progress line is cut to this many characters. */
    static final int QUOTE_LIMIT = 200;

    private Words() {
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** A value the network sent, cut to {@link #QUOTE_LIMIT} characters, in double quotes. */
    static String quote(String text) {
        String cut = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text;
        return "\"" + cut + "\"";
    }

    /** What a look-up that found nothing usable said, in words. */
    static String outcome(DnsAnswer answer) {
        String words = switch (answer.outcome()) {
            case FOUND -> "found";
            case NXDOMAIN -> "no such name (NXDOMAIN)";
            case NODATA -> "no record of this type (NODATA)";
            case SERVFAIL -> "the name server failed (SERVFAIL)";
            case REFUSED -> "the name server refused to answer (REFUSED)";
            case TIMEOUT -> "no answer in time (TIMEOUT)";
            case NETWORK_ERROR -> "the name server could not be reached";
            case MALFORMED -> "the answer was malformed";
        };
        if (answer.outcome() != DnsOutcome.FOUND) {
            words += answer.result().detail().map(d -> ": " + cut(d)).orElse("");
        }
        return words;
    }

    static String cut(String text) {
        return text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "…" : text;
    }
}
