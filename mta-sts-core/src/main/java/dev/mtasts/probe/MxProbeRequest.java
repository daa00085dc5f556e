package dev.mtasts.probe;

import dev.mtasts.DomainName;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to probe: an MX host, the addresses to connect to (already resolved and allowed by the validator's address
 * policy) and the time the whole probe may take, every address included. An immutable value.
 *
 * <pre>{@code
 * MxProbeRequest request = MxProbeRequest.of(DomainName.of("mx1.example.com"),
 *                 List.of(InetAddress.getByName("192.0.2.25")))
 *         .withDeadline(Duration.ofSeconds(20));
 * }</pre>
 *
 * @param host      the MX host name: the SNI name and the name the certificate must be valid for
 * @param addresses the addresses to probe, each once, in this order; at least one
 * @param deadline  the time the probe may take from its start; positive
 * @since 0.1.0
 */
public record MxProbeRequest(DomainName host, List<InetAddress> addresses, Duration deadline) {

    /**
     * The deadline of a request made with {@link #of(DomainName, List)}: 60 seconds, within which real senders
     * give up on a greeting or a handshake much sooner.
     */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when there is no address or the deadline is not positive
     */
    public MxProbeRequest {
        Objects.requireNonNull(host, "host");
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
        Objects.requireNonNull(deadline, "deadline");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("an MX probe needs at least one address of " + host);
        }
        if (deadline.isZero() || deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must be positive, not " + deadline);
        }
    }

    /**
     * @param host      the MX host
     * @param addresses its addresses
     * @return a request with the {@link #DEFAULT_DEADLINE}
     */
    public static MxProbeRequest of(DomainName host, List<InetAddress> addresses) {
        return new MxProbeRequest(host, addresses, DEFAULT_DEADLINE);
    }

    /**
     * @param deadline the time the probe may take
     * @return a copy with that deadline
     */
    public MxProbeRequest withDeadline(Duration deadline) {
        return new MxProbeRequest(host, addresses, deadline);
    }
}
