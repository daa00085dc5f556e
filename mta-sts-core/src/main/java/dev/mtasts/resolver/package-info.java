/**
 * The DNS service provider interface: {@link dev.mtasts.resolver.DnsResolver} and the answers it gives.
 *
 * <p>Every look-up is asynchronous and ends in a value, never in an exception: the
 * {@link dev.mtasts.resolver.DnsOutcome} of an answer says whether the name has records, has none,
 * does not exist, or could not be resolved, and why. No method of this package returns or accepts
 * {@code null}; absent values are {@link java.util.Optional} or empty lists.
 *
 * <p>The default implementation, {@code dev.mtasts.dns.DnsjavaResolver}, lives in the
 * {@code mta-sts-dns} module and is found through {@link java.util.ServiceLoader}.
 *
 * @since 0.1.0
 */
package dev.mtasts.resolver;
