package dev.mtasts.probe;

import dev.mtasts.DomainName;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The probe of one MX host: one {@link AddressProbe} per address, in the order probed. The host's
 * {@linkplain #outcome() outcome} is its worst address's, because a sender may pick any of them; an address whose
 * outcome differs from its siblings' is named by {@link #differing()} (one AAAA with a wrong certificate fails
 * only the senders that deliver over IPv6). An immutable value.
 *
 * <pre>{@code
 * MxProbe probe = report.mxHosts().get(0).probe().orElseThrow();   // a validator with a probe
 * if (probe.outcome() != ProbeOutcome.STARTTLS_OK) {
 *     probe.differing().forEach(a -> System.out.println(a.address().getHostAddress() + ": " + a.detail()));
 * }
 * }</pre>
 *
 * @param host      the MX host name
 * @param addresses the result per address; at least one
 * @since 0.1.0
 */
public record MxProbe(DomainName host, List<AddressProbe> addresses) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when there is no address
     */
    public MxProbe {
        Objects.requireNonNull(host, "host");
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("an MX probe has at least one address");
        }
    }

    /** @return the worst outcome of the addresses (see {@link ProbeOutcome} for the order) */
    public ProbeOutcome outcome() {
        return worst().outcome();
    }

    /** @return the first address with the {@linkplain #outcome() worst outcome} */
    public AddressProbe worst() {
        return addresses.stream().min(Comparator.comparingInt(a -> a.outcome().ordinal())).orElseThrow();
    }

    /**
     * @return the addresses whose outcome (or TLS failure category) is not the one most addresses share; empty
     *         when every address ended alike
     */
    public List<AddressProbe> differing() {
        if (addresses.size() < 2) {
            return List.of();
        }
        AddressProbe common = addresses.stream()
                .max(Comparator.<AddressProbe>comparingLong(a -> addresses.stream().filter(b -> sameEnd(a, b)).count())
                        .thenComparingInt(a -> a.outcome().ordinal()))   // on a tie the better end is the norm
                .orElseThrow();
        return addresses.stream().filter(a -> !sameEnd(a, common)).toList();
    }

    /** @return true when at least one address accepted a TCP connection */
    public boolean reached() {
        return addresses.stream().anyMatch(AddressProbe::connected);
    }

    private static boolean sameEnd(AddressProbe a, AddressProbe b) {
        return a.outcome() == b.outcome() && a.tlsFailure().equals(b.tlsFailure());
    }
}
