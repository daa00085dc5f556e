package dev.mtasts.resolver;

/**
 * An answer from a {@link DnsResolver}: the shared facts in {@link #result()} plus the records of
 * one type, held by the implementing record.
 *
 * <pre>{@code
 * DnsAnswer answer = resolver.mx(domain).toCompletableFuture().join();
 * if (answer.isFound()) {
 *     System.out.println(answer.result().ttl());
 * }
 * answer.result().server();   // which server replied
 * }</pre>
 *
 * @since 0.1.0
 */
public sealed interface DnsAnswer permits TxtAnswer, MxAnswer, AddressAnswer, TlsaAnswer {

    /** @return the outcome, TTL, CNAME chain, AD flag, server and detail of the look-up */
    DnsResult result();

    /** @return the outcome, as {@code result().outcome()} */
    default DnsOutcome outcome() {
        return result().outcome();
    }

    /** @return true when the outcome is {@link DnsOutcome#FOUND} */
    default boolean isFound() {
        return outcome() == DnsOutcome.FOUND;
    }
}
