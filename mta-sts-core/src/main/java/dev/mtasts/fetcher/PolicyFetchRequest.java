package dev.mtasts.fetcher;

import dev.mtasts.DomainName;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * What to fetch: the policy host, the addresses to connect to, and the path.
 *
 * <p>The fetcher connects to {@link #addresses()} in the given order, sends {@link #host()} as SNI and in the
 * {@code Host} header, and verifies the certificate for {@link #host()}. It never resolves the host itself.
 *
 * <p>This type is an immutable value and safe to share between threads.
 *
 * <pre>{@code
 * PolicyFetchRequest request = PolicyFetchRequest.of(
 *         DomainName.of("mta-sts.example.com"),
 *         List.of(InetAddress.getByName("2001:db8::10"), InetAddress.getByName("192.0.2.10")));
 * request.path();                          // "/.well-known/mta-sts.txt"
 * request.withPath("/other.txt").path();   // "/other.txt"
 * }</pre>
 *
 * @param host the policy host, usually {@code mta-sts.<policy domain>}
 * @param addresses the addresses to try, in order; not empty
 * @param path the request target, an absolute path starting with {@code /}
 * @since 0.1.0
 */
public record PolicyFetchRequest(DomainName host, List<InetAddress> addresses, String path) {

    /** The well-known path of the policy file (RFC 8461 §3.3). */
    public static final String DEFAULT_PATH = "/.well-known/mta-sts.txt";

    /**
     * @throws IllegalArgumentException if {@code addresses} is empty or {@code path} is not an absolute path of
     *         printable ASCII without spaces
     * @throws NullPointerException if an argument or an address is null
     */
    public PolicyFetchRequest {
        Objects.requireNonNull(host, "host");
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
        Objects.requireNonNull(path, "path");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no addresses to fetch the policy of " + host + " from");
        }
        checkPath(path);
    }

    /**
     * A request for the well-known path {@value #DEFAULT_PATH}.
     *
     * @param host the policy host
     * @param addresses the addresses to try, in order; not empty
     * @return the request
     */
    public static PolicyFetchRequest of(DomainName host, List<InetAddress> addresses) {
        return new PolicyFetchRequest(host, addresses, DEFAULT_PATH);
    }

    /**
     * @param newPath another request target, starting with {@code /}
     * @return a copy of this request for another path
     */
    public PolicyFetchRequest withPath(String newPath) {
        return new PolicyFetchRequest(host, addresses, newPath);
    }

    private static void checkPath(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' does not start with '/'");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException("path contains a space, control or non-ASCII character at position "
                        + (i + 1) + "; percent-encode it");
            }
        }
    }
}
