package dev.mtasts.resolver;

import dev.mtasts.DomainName;
import java.util.concurrent.CompletionStage;

/**
 * Looks up the DNS records MTA-STS validation needs, asynchronously.
 *
 * <p>Every DNS outcome, a time-out or a network error included, completes the returned stage
 * normally with an answer whose {@link DnsAnswer#outcome()} says what happened; a stage completes
 * exceptionally only for a bug in the implementation. Implementations must be thread-safe: one
 * resolver serves any number of look-ups at once, from any thread, and should not hold a thread
 * per look-up in flight.
 *
 * <p>The first three methods are abstract because each is a capability every resolver must have. Look-ups
 * needed only by optional checks arrive as default methods ({@link #tlsa(DomainName)} for DANE), so that
 * implementations written without them keep compiling.
 *
 * <p>The default implementation is {@code DnsjavaResolver} in the {@code mta-sts-dns} module; with
 * that module on the class path, the validator finds it through its {@link DnsResolverFactory}.
 *
 * <pre>{@code
 * DnsResolver resolver = DnsResolverFactory.fromServiceLoader().orElseThrow()
 *         .create(DnsResolverSettings.defaults());
 * resolver.txt(DomainName.of("_mta-sts.example.com"))
 *         .thenAccept(answer -> System.out.println(answer.outcome() + " " + answer.joined()));
 * }</pre>
 *
 * @since 0.1.0
 */
public interface DnsResolver {

    /**
     * Looks up the TXT records of a name, following CNAMEs.
     *
     * @param name the name, such as {@code _mta-sts.example.com}
     * @return a stage that completes with the answer, whatever the outcome
     */
    CompletionStage<TxtAnswer> txt(DomainName name);

    /**
     * Looks up the MX records of a domain, following CNAMEs.
     *
     * @param domain the domain
     * @return a stage that completes with the answer, whatever the outcome
     */
    CompletionStage<MxAnswer> mx(DomainName domain);

    /**
     * Looks up the A and AAAA records of a host, following CNAMEs.
     *
     * @param host the host name
     * @return a stage that completes with the answer, whatever the outcome
     */
    CompletionStage<AddressAnswer> addresses(DomainName host);

    /**
     * Looks up the TLSA records of a name ({@code _25._tcp.<mx host>} for DANE, RFC 7672 §2.2), following CNAMEs,
     * and says in {@link DnsResult#authenticated()} whether the reply was DNSSEC-authenticated (the AD bit of the
     * configured resolver: trust it only when the path to that resolver is trusted, a validating resolver on
     * the same host being the setup RFC 7672 §2.1 assumes).
     *
     * <p>The default answers {@code REFUSED} with a detail saying that this resolver does not look up TLSA, so a
     * resolver written before DANE checks existed makes the DANE check say "not checked", never "no DANE".
     *
     * @param name the name, such as {@code _25._tcp.mx1.example.com}
     * @return a stage that completes with the answer, whatever the outcome
     * @since 0.1.0
     */
    default CompletionStage<TlsaAnswer> tlsa(DomainName name) {
        java.util.Objects.requireNonNull(name, "name");
        return java.util.concurrent.CompletableFuture.completedFuture(TlsaAnswer.failure(name, DnsOutcome.REFUSED,
                getClass().getName() + " does not look up TLSA records"));
    }
}
