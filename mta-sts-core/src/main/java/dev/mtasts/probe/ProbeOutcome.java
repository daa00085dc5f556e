package dev.mtasts.probe;

/**
 * How the probe of one MX address ended, in the terms of what a sender experiences. Listed from the worst for
 * mail to the best: a host's outcome is the {@linkplain MxProbe#outcome() worst} of its addresses', and
 * {@link #isWorseThan(ProbeOutcome)} follows this order.
 *
 * <pre>{@code
 * AddressProbe address = report.mxHosts().get(0).probe().orElseThrow().addresses().get(0);
 * switch (address.outcome()) {
 *     case STARTTLS_OK -> System.out.println("MTA-STS senders deliver here");
 *     case TLS_FAILED -> System.out.println(address.tlsFailure().orElseThrow() + ": " + address.detail());
 *     default -> System.out.println(address.outcome() + ": " + address.detail());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public enum ProbeOutcome {
    /**
     * STARTTLS was offered and the handshake ran, but the certificate fails RFC 8461 §4.2 (untrusted, expired, not
     * yet valid, not valid for the host name), or the handshake itself failed: see
     * {@link AddressProbe#tlsFailure()}. MTA-STS senders in enforce mode refuse this host.
     */
    TLS_FAILED,
    /** The server greets and answers {@code EHLO} but does not offer {@code STARTTLS}, or refuses it. */
    NO_STARTTLS,
    /**
     * The greeting was a 4xx or 5xx reply (RFC 5321 §3.1, a {@code 421} or {@code 554}); possibly only towards the
     * address the check ran from (a block list, a rate limit).
     */
    GREETING_REJECTED,
    /** The connection was made but the server did not answer within the deadline (greeting, a reply, the handshake). */
    TIMEOUT,
    /** No connection could be made: refused, unreachable, or no answer to the connection attempt (port 25 blocked). */
    CONNECT_FAILED,
    /** STARTTLS worked and the certificate is valid for the host under RFC 8461 §4.2. */
    STARTTLS_OK;

    /**
     * @param other another outcome
     * @return true when this outcome is worse for mail than the other
     */
    public boolean isWorseThan(ProbeOutcome other) {
        java.util.Objects.requireNonNull(other, "other");
        return ordinal() < other.ordinal();
    }

    /**
     * @return true when the outcome is a fact about the server that senders meet too ({@code TLS_FAILED},
     *         {@code NO_STARTTLS}), false when it may only say something about where the probe ran from
     */
    public boolean isServerFault() {
        return this == TLS_FAILED || this == NO_STARTTLS;
    }
}
