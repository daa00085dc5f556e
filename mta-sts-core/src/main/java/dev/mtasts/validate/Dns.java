package dev.mtasts.validate;

import dev.mtasts.resolver.DnsResult;

/** Words for DNS outcomes in messages. */
final class Dns {

    private Dns() {
    }

    static String describeFailure(DnsResult result) {
        String what = switch (result.outcome()) {
            case SERVFAIL -> "SERVFAIL (the name server could not answer)";
            case REFUSED -> "REFUSED (the name server declined to answer)";
            case TIMEOUT -> "a timeout (no answer in time)";
            case NETWORK_ERROR -> "a network error";
            case MALFORMED -> "a malformed answer";
            default -> result.outcome().name();
        };
        return what + result.detail().map(d -> ": " + d).orElse("");
    }

    static String lookupFailedRemediation(String name) {
        return "Check that the authoritative name servers for " + name + " answer (dig " + name
                + "), and that the resolver this check used can reach them; a failing look-up is not the same as no"
                + " record, and if the authoritative servers fail, senders cannot see the record either.";
    }
}
