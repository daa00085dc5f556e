package dev.mtasts.testkit;

import java.util.Objects;

/**
 * A query a {@link TestDnsServer} received, as a test sees it afterwards.
 *
 * <p>This type is an immutable value.
 *
 * <pre>{@code
 * TestDnsServer dns = sandbox.dnsServer();
 * dns.fault("big.example.com", DnsFault.truncated());   // TC over UDP: the client retries over TCP
 * resolver.txt(DomainName.of("big.example.com")).toCompletableFuture().join();
 * assertThat(dns.queries()).contains(
 *         new DnsRecordedQuery("big.example.com", "TXT", DnsRecordedQuery.Transport.TCP, true));
 * }</pre>
 *
 * @param name      the name asked for, lower case, without the trailing dot
 * @param type      the record type, such as {@code "TXT"}
 * @param transport how the query came
 * @param dnssecOk  true when the query had an EDNS0 OPT record with the DO flag
 * @since 0.1.0
 */
public record DnsRecordedQuery(String name, String type, Transport transport, boolean dnssecOk) {

    /** How a query reached the server. */
    public enum Transport {
        /** A UDP datagram. */
        UDP,
        /** A TCP connection. */
        TCP
    }

    /**
     * @throws NullPointerException if a component is null
     */
    public DnsRecordedQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transport, "transport");
    }
}
