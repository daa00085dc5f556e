package dev.mtasts.testkit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request {@link TestHttpsServer} received. Immutable value.
 *
 * <pre>{@code
 * TestHttpsServer server = sandbox.httpsServer();
 * HttpRecordedRequest request = server.requests().get(0);
 * request.target();          // "/.well-known/mta-sts.txt"
 * request.sniHost();         // Optional["mta-sts.example.test"]
 * request.header("host");    // Optional["mta-sts.example.test"]
 * }</pre>
 *
 * @param method the method, for example {@code GET}
 * @param target the request target, for example {@code /.well-known/mta-sts.txt}
 * @param headers the header fields in order, names as sent
 * @param tls true when the request came over HTTPS
 * @param sniHost the SNI host name the client sent (HTTPS only)
 * @param local the server address and port that accepted the connection
 * @since 0.1.0
 */
public record HttpRecordedRequest(String method, String target, List<Map.Entry<String, String>> headers,
        boolean tls, Optional<String> sniHost, InetSocketAddress local) {

    /** Validates and copies. */
    public HttpRecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        headers = List.copyOf(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(sniHost, "sniHost");
        Objects.requireNonNull(local, "local");
    }

    /**
     * @param name a header name, in any case
     * @return the first value of that header, or empty
     */
    public Optional<String> header(String name) {
        Objects.requireNonNull(name, "name");
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** @return the host the request is for: the SNI name over HTTPS when sent, else the {@code Host} header without port */
    public Optional<String> host() {
        if (sniHost.isPresent()) {
            return sniHost;
        }
        return header("host").map(h -> {
            int colon = h.lastIndexOf(':');
            String name = colon > 0 && h.indexOf(']') < colon ? h.substring(0, colon) : h;
            return name.toLowerCase(Locale.ROOT);
        });
    }
}
