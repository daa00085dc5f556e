package dev.mtasts.probe;

import java.util.concurrent.CompletionStage;

/**
 * Probes one MX host the way an MTA-STS sender delivers to it: for each of its addresses, connect to the SMTP port,
 * read the greeting, {@code EHLO}, {@code STARTTLS} with SNI set to the host name, check the certificate chain
 * (trusted, current, valid for the host name by RFC 8461 §4.2 and RFC 6125), {@code QUIT}.
 *
 * <p>Every network outcome, a time-out included, completes the stage normally with an {@link AddressProbe} per
 * address; a stage completes exceptionally only for a bug. Implementations must be thread-safe, bound every step
 * by the request's {@linkplain MxProbeRequest#deadline() deadline}, cap the bytes they read, and should not hold a
 * thread per probe in flight. They connect only to the addresses given: the validator resolves the host through its
 * {@code DnsResolver} and vets each address with its {@code AddressPolicy} first. When the validator stops waiting
 * (its deadline passed), it cancels the returned stage ({@code toCompletableFuture().cancel(true)}): an
 * implementation should then close its connections at once, so that none outlives the report.
 *
 * <pre>{@code
 * // not run: it would connect to port 25 of a documentation address (192.0.2.25)
 * MxTlsProbe probe = MxTlsProbeFactory.fromServiceLoader().orElseThrow().create(MxProbeSettings.defaults());
 * MxProbe result = probe.probe(MxProbeRequest.of(DomainName.of("mx1.example.com"),
 *         List.of(InetAddress.getByName("192.0.2.25")))).toCompletableFuture().join();
 * result.addresses().forEach(a -> System.out.println(a.address().getHostAddress() + " " + a.outcome()));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MxTlsProbe {

    /**
     * @param request the host, its vetted addresses and the deadline
     * @return a stage that completes with one result per address, in the order of the request
     */
    CompletionStage<MxProbe> probe(MxProbeRequest request);
}
