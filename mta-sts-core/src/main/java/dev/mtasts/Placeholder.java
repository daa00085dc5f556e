package dev.mtasts;

import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The address an offline validation gives a host it must treat as reachable without looking it up: the policy
 * host when the policy is supplied (so that the validation goes on to the supplied response), and, when nothing is
 * looked up live, each MX host (so that no finding says it has no address). It is {@code 192.0.2.1}, from the block
 * RFC 5737 reserves for documentation, which no sender ever reaches; the validator never connects to it either:
 * the policy comes from the material, and no MX host is probed at it. The one instance is told apart by identity,
 * so that an address a live resolver answers is never mistaken for it.
 */
final class Placeholder {

    /** The placeholder address. */
    static final InetAddress ADDRESS = address();

    private Placeholder() {
    }

    /**
     * @param host the host
     * @param what what the host is, for the answer's detail ("the supplied policy")
     * @return a {@code FOUND} answer of the placeholder, whose detail says it was not looked up
     */
    static AddressAnswer answer(DomainName host, String what) {
        return new AddressAnswer(DnsResult.of(host, DnsOutcome.FOUND).withDetail("not looked up: a placeholder"
                + " address (" + ADDRESS.getHostAddress() + ") for " + what + " of an offline check"), List.of(ADDRESS));
    }

    /**
     * @param live the address policy of the live part of the validation
     * @return a policy that allows the placeholder and asks {@code live} about every other address
     */
    static AddressPolicy allowedBeside(AddressPolicy live) {
        Objects.requireNonNull(live, "live");
        return address -> address == ADDRESS ? Optional.empty() : live.refusal(address);
    }

    private static InetAddress address() {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
