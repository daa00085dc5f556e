package dev.mtasts.report;

import dev.mtasts.DomainName;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.TlsaAnswer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a validation saw of one MX host on the network, as it was: its A/AAAA answer, the addresses the address
 * policy refused, the STARTTLS probe of the others and the TLSA answer for {@code _25._tcp.<host>}. An immutable
 * value; {@link MxHostResult} is what the report makes of it.
 *
 * <pre>{@code
 * for (MxHostObservation seen : report.observations().mxHosts()) {
 *     seen.addresses().ifPresent(a -> System.out.println(seen.host() + " " + a.outcome() + " " + a.addresses()));
 *     seen.probe().ifPresent(p -> System.out.println("  " + p.outcome()));
 * }
 * }</pre>
 *
 * @param host      the MX host (the domain itself for an implicit MX)
 * @param addresses the A/AAAA answer; empty when the host was not looked up (beyond the cap on MX hosts)
 * @param refused   the addresses the address policy refused, in the order of the answer
 * @param probe     the probe of the allowed addresses; empty when no probe is configured or none was allowed
 * @param tlsa      the TLSA answer; empty when no probe ran
 * @since 0.1.0
 */
public record MxHostObservation(DomainName host, Optional<AddressAnswer> addresses, List<RefusedAddress> refused,
                                Optional<MxProbe> probe, Optional<TlsaAnswer> tlsa) {

    /** Validates and copies the components. */
    public MxHostObservation {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(addresses, "addresses");
        refused = List.copyOf(Objects.requireNonNull(refused, "refused"));
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(tlsa, "tlsa");
    }
}
