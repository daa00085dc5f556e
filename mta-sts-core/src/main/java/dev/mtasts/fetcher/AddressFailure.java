package dev.mtasts.fetcher;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * An address the fetcher tried and could not connect to before it reached one that answered
 * (or before it gave up), for example an IPv6 address that is unreachable from the validator.
 *
 * <p>This type is an immutable value and safe to share between threads.
 *
 * <pre>{@code
 * for (AddressFailure failure : fetch.failedAddresses()) {
 *     System.out.println(failure.address() + ": " + failure.reason());   // "/[2001:db8::10]:443: Connection refused"
 * }
 * }</pre>
 *
 * @param address the address and port
 * @param reason what went wrong, in words
 * @since 0.1.0
 */
public record AddressFailure(InetSocketAddress address, String reason) {

    /** Validates. */
    public AddressFailure {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reason, "reason");
    }
}
