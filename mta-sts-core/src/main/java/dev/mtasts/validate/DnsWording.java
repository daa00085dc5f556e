package dev.mtasts.validate;

import dev.mtasts.resolver.DnsResult;
import java.util.Objects;

/** The wording of DNS outcomes in finding messages and remediations, shared by every layer check. */
final class DnsWording {

    private DnsWording() {
    }

    /** @return the failure in words, with the resolver's detail: {@code "SERVFAIL (the name server ...): detail"} */
    static String failure(DnsResult result) {
        Objects.requireNonNull(result, "result");
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

    /** @return the remediation of a failed look-up of {@code name} */
    static String lookupFailedRemediation(String name) {
        Objects.requireNonNull(name, "name");
        return "Check that the authoritative name servers for " + name + " answer (dig " + name
                + "), and that the resolver this check used can reach them; a failing look-up is not the same as no"
                + " record, and if the authoritative servers fail, senders cannot see the record either.";
    }
}
