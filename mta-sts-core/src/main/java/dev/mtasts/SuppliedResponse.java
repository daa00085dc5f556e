package dev.mtasts;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.policy.PolicyParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a supplied HTTP response into the {@link PolicyFetch} an HTTPS policy fetcher reports for the same
 * response on the wire, by the fetcher's rules: only a 200 has its body read, at most 64 KiB of it; a 200 whose
 * body is encoded ({@code Content-Encoding} other than {@code identity}) is refused, since fetchers ask for none; a
 * 3xx other than 304 with a {@code Location} is a redirect, never followed; any other status is just that.
 */
final class SuppliedResponse {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private SuppliedResponse() {
    }

    /**
     * @param status  the status
     * @param headers the headers, checked
     * @param body    the body, at most the cap and a byte
     * @param length  how long the body was as supplied
     * @return the fetch
     * @throws IllegalArgumentException when the status is not a final HTTP status
     */
    static PolicyFetch fetch(int status, Map<String, List<String>> headers, byte[] body, long length) {
        if (status != 101 && (status < 200 || status > 999)) {
            throw new IllegalArgumentException("HTTP status " + status + " is not the status of a final response:"
                    + " give 101 or 200 to 999");
        }
        boolean location = headers.keySet().stream().anyMatch(n -> n.equalsIgnoreCase("location"));
        FetchOutcome outcome = status == 200 ? FetchOutcome.OK
                : status >= 300 && status < 400 && status != 304 && location ? FetchOutcome.REDIRECT
                : FetchOutcome.HTTP_STATUS;
        PolicyFetch.Builder b;
        List<String> codings = status == 200 ? codings(headers) : List.of();
        if (!codings.isEmpty()) {
            b = PolicyFetch.builder(FetchOutcome.PROTOCOL_ERROR).detail("the supplied response has Content-Encoding: "
                    + String.join(", ", codings) + ", but senders ask for no encoding and read the body as it is:"
                    + " encoded bytes, not a policy");
        } else if (outcome == FetchOutcome.OK && length > PolicyParser.MAX_POLICY_BYTES) {
            b = PolicyFetch.builder(FetchOutcome.TOO_LARGE).detail("the body is larger than "
                    + PolicyParser.MAX_POLICY_BYTES + " bytes").body(Arrays.copyOf(body,
                    PolicyParser.MAX_POLICY_BYTES));
        } else {
            b = PolicyFetch.builder(outcome);
            if (outcome == FetchOutcome.OK) {
                b.body(body);
            }
        }
        b.statusCode(status);
        headers.forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        return b.build();
    }

    /** @return true for an HTTP field name (RFC 9110 §5.1: a token) */
    static boolean isToken(String name) {
        return TOKEN.matcher(name).matches();
    }

    /** @return the content codings other than {@code identity}, in order */
    private static List<String> codings(Map<String, List<String>> headers) {
        List<String> out = new ArrayList<>();
        headers.forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).equals("content-encoding")) {
                for (String value : values) {
                    for (String coding : value.split(",")) {
                        String c = coding.strip();
                        if (!c.isEmpty() && !c.equalsIgnoreCase("identity")) {
                            out.add(c);
                        }
                    }
                }
            }
        });
        return out;
    }
}
