package dev.mtasts.internal;

import dev.mtasts.DomainName;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads what the destination checks need from a TLS-RPT {@code rua} URI (RFC 8460 §3): the domain of a
 * {@code mailto:} address, the host and request target of an {@code https:} endpoint. URIs are kept as written in the
 * record (G4); only the host part is percent-decoded here, to be looked up. An address literal
 * ({@code mailto:tls@[192.0.2.1]}, {@code https://192.0.2.1/}) has no name to look up, so it gives no host.
 *
 * <p>For example, the domain of {@code mailto:tls@Example.COM?subject=tls} is {@code example.com}; the host of
 * {@code https://u@reports.example.net:8443/tls} is {@code reports.example.net}, and the target of
 * {@code https://reports.example.net} is {@code /}.
 *
 * <p>Not API: see the package documentation.
 */
public final class RuaUris {

    private RuaUris() {
    }

    /**
     * @param uri a {@code rua} URI
     * @return true for the {@code mailto} scheme, in any case
     */
    public static boolean isMailto(URI uri) {
        Objects.requireNonNull(uri, "uri");
        return "mailto".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * @param uri a {@code rua} URI
     * @return true for the {@code https} scheme, in any case
     */
    public static boolean isHttps(URI uri) {
        Objects.requireNonNull(uri, "uri");
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * @param uri a {@code mailto:} URI
     * @return the domain after the last {@code @} of its address (before any {@code ?} header fields), decoded;
     *         empty for another scheme, an address literal, or a domain that is not a valid name
     */
    public static Optional<DomainName> mailtoDomain(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (!isMailto(uri) || uri.getRawSchemeSpecificPart() == null) {
            return Optional.empty();
        }
        String address = uri.getRawSchemeSpecificPart();
        int query = address.indexOf('?');
        if (query >= 0) {
            address = address.substring(0, query);
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        return name(address.substring(at + 1));
    }

    /**
     * @param uri an {@code https:} URI
     * @return its host (the authority without user information and port), decoded; empty for another scheme, an
     *         address literal, or a host that is not a valid name
     */
    public static Optional<DomainName> httpsHost(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String authority = uri.getRawAuthority();
        if (!isHttps(uri) || authority == null) {
            return Optional.empty();
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && !host.startsWith("[")) {
            host = host.substring(0, colon);
        }
        return name(host);
    }

    /**
     * @param uri an {@code https:} URI
     * @return the request target to send: its raw path ({@code /} when it has none) and raw query, as written
     */
    public static String httpsTarget(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** @return the name, percent-decoded, unless it is empty, an address literal or not a valid name */
    private static Optional<DomainName> name(String raw) {
        String decoded = decode(raw);
        if (decoded.isEmpty() || decoded.startsWith("[") || isIpv4(decoded)) {
            return Optional.empty();
        }
        return DomainName.tryParse(decoded.toLowerCase(Locale.ROOT));
    }

    private static boolean isIpv4(String text) {
        return text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}\\.?");
    }

    /** Decodes {@code %XX} escapes as UTF-8; a broken escape stays as written (and the name is then invalid). */
    private static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (c == '%' && lo >= 0) {
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                return raw;   // a URI of the record is ASCII; anything else is left for the name check to refuse
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
