package dev.mtasts.resolver;

import dev.mtasts.DomainName;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a TLSA look-up ({@code _25._tcp.<mx host>}, RFC 7672 §2.2), with the DNSSEC status that decides
 * whether DANE senders use it: {@link DnsResult#authenticated()} is the AD bit of the resolver's reply.
 *
 * <p>The AD bit is only as trustworthy as the path to the resolver that set it: a validating resolver on the same
 * host (or reached over a protected channel) is the setup RFC 7672 §2.1 assumes; an AD bit from a far resolver
 * over plain UDP can be forged by anyone on the path. An immutable value.
 *
 * <pre>{@code
 * TlsaAnswer answer = resolver.tlsa(DomainName.of("_25._tcp.mx1.example.com")).toCompletableFuture().join();
 * answer.outcome();   // NXDOMAIN in the sandbox: no TLSA record published there
 * if (answer.isFound() && answer.result().authenticated()) {
 *     answer.records().forEach(System.out::println);   // 3 1 1 0c72ac70...
 * }
 * }</pre>
 *
 * @param result  the outcome and facts of the look-up
 * @param records the TLSA records, in the order the server gave them
 * @since 0.1.0
 */
public record TlsaAnswer(DnsResult result, List<TlsaRecord> records) implements DnsAnswer {

    /**
     * @throws NullPointerException if a component is null
     */
    public TlsaAnswer {
        Objects.requireNonNull(result, "result");
        records = List.copyOf(Objects.requireNonNull(records, "records"));
    }

    /**
     * An answer without records, for any outcome other than {@code FOUND}.
     *
     * @param result the outcome and facts
     * @return the answer
     */
    public static TlsaAnswer empty(DnsResult result) {
        return new TlsaAnswer(result, List.of());
    }

    /**
     * A {@code FOUND} answer of records in presentation form, as a fake resolver gives it.
     *
     * <pre>{@code
     * TlsaAnswer answer = TlsaAnswer.found(DomainName.of("_25._tcp.mx1.example.com"), true,
     *         "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6");
     * }</pre>
     *
     * @param name          the name asked for
     * @param authenticated whether the answer is DNSSEC-authenticated (the AD bit)
     * @param records       the records, {@code "<usage> <selector> <matching type> <hex>"}; at least one
     * @return the answer
     * @throws IllegalArgumentException when there is no record or one is malformed
     */
    public static TlsaAnswer found(DomainName name, boolean authenticated, String... records) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(records, "records");
        List<TlsaRecord> parsed = FakeAnswers.nonEmpty(Arrays.asList(records), "records").stream()
                .map(TlsaRecord::parse).toList();
        return new TlsaAnswer(DnsResult.of(name, DnsOutcome.FOUND).withAuthenticated(authenticated), parsed);
    }

    /**
     * @param name          the name asked for
     * @param authenticated whether the denial is DNSSEC-authenticated
     * @return the answer for a name that does not exist
     */
    public static TlsaAnswer nxdomain(DomainName name, boolean authenticated) {
        Objects.requireNonNull(name, "name");
        return empty(DnsResult.of(name, DnsOutcome.NXDOMAIN).withAuthenticated(authenticated));
    }

    /**
     * @param name          the name asked for
     * @param authenticated whether the denial is DNSSEC-authenticated
     * @return the answer for a name without TLSA records
     */
    public static TlsaAnswer nodata(DomainName name, boolean authenticated) {
        Objects.requireNonNull(name, "name");
        return empty(DnsResult.of(name, DnsOutcome.NODATA).withAuthenticated(authenticated));
    }

    /**
     * @param name    the name asked for
     * @param outcome the failure: an outcome for which {@link DnsOutcome#isFailure()} is true
     * @param detail  why, for people
     * @return the answer of a look-up that failed
     */
    public static TlsaAnswer failure(DomainName name, DnsOutcome outcome, String detail) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        return empty(DnsResult.failure(name, FakeAnswers.failureOutcome(outcome), detail));
    }
}
