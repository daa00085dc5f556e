package dev.mtasts.report;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An address of the policy host that the validator did not connect to, because its
 * {@link dev.mtasts.AddressPolicy} refused it, with the reason the policy gave.
 *
 * <p>An immutable value.
 *
 * <pre>{@code
 * for (RefusedAddress r : report.observations().refusedAddresses()) {
 *     System.out.println(r.address().getHostAddress() + ": " + r.reason());   // 10.0.0.5: private (RFC 1918)
 * }
 * }</pre>
 *
 * @param address the refused address
 * @param reason  why it was refused, in words
 * @since 0.1.0
 */
public record RefusedAddress(InetAddress address, String reason) {

    /** Validates the components. */
    public RefusedAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reason, "reason");
    }
}
