/**
 * The default {@code DnsResolver}, built on dnsjava: {@link dev.mtasts.dns.DnsjavaResolver}.
 *
 * <p>Registered with {@link java.util.ServiceLoader}, so {@code DnsResolver.fromServiceLoader()} finds it
 * when this module is on the class path. No dnsjava type appears in this package's public API.
 *
 * @since 0.1.0
 */
package dev.mtasts.dns;
