package dev.mtasts.fetcher;

import dev.mtasts.DomainName;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to fetch: the policy host, the addresses to connect to, the path, and the time the whole fetch may take.
 *
 * <p>The fetcher connects to {@link #addresses()} in the given order, sends {@link #host()} as SNI and in the
 * {@code Host} header, and verifies the certificate for {@link #host()}. It never resolves the host itself. It
 * completes within {@link #deadline()}, whatever the servers do; a fetcher that runs diagnostics after a failed
 * HTTPS fetch (the plain-HTTP one of {@code HttpsPolicyFetcher}) keeps them within the same budget.
 *
 * <p>The validator sets the deadline from what is left of its own deadline, capped at
 * {@link #DEFAULT_DEADLINE}: one minute for the HTTPS response, as RFC 8461 §3.3 suggests senders wait, and five
 * seconds for diagnostics.
 *
 * <p>This type is an immutable value and safe to share between threads.
 *
 * <pre>{@code
 * PolicyFetchRequest request = PolicyFetchRequest.of(
 *         DomainName.of("mta-sts.example.com"),
 *         List.of(InetAddress.getByName("2001:db8::10"), InetAddress.getByName("192.0.2.10")));
 * request.path();                                          // "/.well-known/mta-sts.txt"
 * request.deadline();                                       // PT1M5S
 * request.withDeadline(Duration.ofSeconds(10)).deadline(); // PT10S
 * }</pre>
 *
 * @param host      the policy host, usually {@code mta-sts.<policy domain>}
 * @param addresses the addresses to try, in order; not empty
 * @param path      the request target, an absolute path starting with {@code /}
 * @param deadline  the most the whole fetch may take, diagnostics included; positive
 * @since 0.1.0
 */
public record PolicyFetchRequest(DomainName host, List<InetAddress> addresses, String path, Duration deadline) {

    /** The well-known path of the policy file (RFC 8461 §3.3). */
    public static final String DEFAULT_PATH = "/.well-known/mta-sts.txt";

    /** How long RFC 8461 §3.3 suggests senders wait for the policy: one minute. */
    public static final Duration RESPONSE_LIMIT = Duration.ofMinutes(1);

    /** The default budget of a fetch: {@link #RESPONSE_LIMIT one minute} for HTTPS plus five seconds for diagnostics. */
    public static final Duration DEFAULT_DEADLINE = RESPONSE_LIMIT.plusSeconds(5);

    /**
     * @throws IllegalArgumentException if {@code addresses} is empty, {@code path} is not an absolute path of
     *         printable ASCII without spaces, or {@code deadline} is not positive
     * @throws NullPointerException if an argument or an address is null
     */
    public PolicyFetchRequest {
        Objects.requireNonNull(host, "host");
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(deadline, "deadline");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no addresses to fetch the policy of " + host + " from");
        }
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must be positive, not " + deadline);
        }
        checkPath(path);
    }

    /**
     * A request for the well-known path {@value #DEFAULT_PATH} with the {@link #DEFAULT_DEADLINE default deadline}.
     *
     * @param host      the policy host
     * @param addresses the addresses to try, in order; not empty
     * @return the request
     */
    public static PolicyFetchRequest of(DomainName host, List<InetAddress> addresses) {
        return new PolicyFetchRequest(host, addresses, DEFAULT_PATH, DEFAULT_DEADLINE);
    }

    /**
     * @param path another request target, starting with {@code /}
     * @return a copy of this request for another path
     */
    public PolicyFetchRequest withPath(String path) {
        return new PolicyFetchRequest(host, addresses, path, deadline);
    }

    /**
     * @param deadline the most the whole fetch may take; positive
     * @return a copy of this request with that budget
     */
    public PolicyFetchRequest withDeadline(Duration deadline) {
        return new PolicyFetchRequest(host, addresses, path, deadline);
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
