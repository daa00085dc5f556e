package dev.mtasts.examples.serve;

import dev.mtasts.DomainName;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code domain} parameter of an API request, checked with {@link DomainName}: what is typed into the page
 * (surrounding spaces dropped, a trailing dot allowed, Unicode names turned into A-labels), or a {@code 400} whose
 * message says in words what is wrong. A mail address or a URL gets a hint at what to type instead.
 */
final class DomainQuery {

    /** The longest query string read; a domain is at most 253 characters, percent-encoding triples that. */
    static final int MAX_QUERY_LENGTH = 2048;

    private DomainQuery() {
    }

    /**
     * @param rawQuery the request URI's raw query, {@code null} when there is none
     * @return the domain to check
     * @throws ApiException a 400 naming the problem
     */
    static DomainName parse(String rawQuery) {
        List<String> values = values(rawQuery, "domain");
        if (values.isEmpty() || values.get(0).isBlank()) {
            throw ApiException.badRequest("Give a domain to check, as in ?domain=example.com.");
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("Give one domain at a time: the request has " + values.size()
                    + " domain parameters.");
        }
        String typed = values.get(0).strip();
        String lower = typed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            throw ApiException.badRequest("Give the domain only, such as example.com, not a web address.");
        }
        if (typed.indexOf('@') >= 0) {
            throw ApiException.badRequest("Give the domain only: the part after @ of a mail address, such as"
                    + " example.com.");
        }
        try {
            return DomainName.of(typed);
        } catch (IllegalArgumentException e) {
            // DomainName's messages name the input and what is wrong with it, nothing else
            throw ApiException.badRequest("Not a domain name: " + e.getMessage() + ".");
        }
    }

    /** The decoded values of one parameter, in order. */
    static List<String> values(String rawQuery, String name) {
        List<String> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        if (rawQuery.length() > MAX_QUERY_LENGTH) {
            throw ApiException.badRequest("The request is too long: a domain name has at most "
                    + DomainName.MAX_LENGTH + " characters.");
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                out.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The request is not valid URL encoding (a % not followed by two hex"
                    + " digits).");
        }
    }
}
