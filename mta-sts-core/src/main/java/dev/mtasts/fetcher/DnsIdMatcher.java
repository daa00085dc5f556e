package dev.mtasts.fetcher;

import dev.mtasts.DomainName;
import java.util.Locale;

/** RFC 6125 §6.4 DNS-ID matching with the wildcard only as the complete left-most label. */
final class DnsIdMatcher {

    private DnsIdMatcher() {
    }

    static boolean matches(String presented, DomainName host) {
        String pattern = presented.toLowerCase(Locale.ROOT);
        if (pattern.endsWith(".")) {
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        String name = host.value();
        if (!pattern.startsWith("*.")) {
            return pattern.indexOf('*') < 0 && pattern.equals(name);
        }
        String rest = pattern.substring(2);
        if (rest.indexOf('*') >= 0 || rest.indexOf('.') < 0 || rest.isEmpty()) {
            return false; // a second wildcard, or a wildcard over a single label such as *.com
        }
        int dot = name.indexOf('.');
        return dot > 0 && name.substring(dot + 1).equals(rest);
    }
}
