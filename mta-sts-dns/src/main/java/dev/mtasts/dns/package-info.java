/**
 * The default {@code DnsResolver}, built on dnsjava: {@link dev.mtasts.dns.DnsjavaResolver}.
 *
 * <p>{@link dev.mtasts.dns.DnsjavaResolverFactory} is registered with {@link java.util.ServiceLoader}, so a
 * validator built without {@code resolver(...)} uses {@code DnsjavaResolver.builder().build()} when this module is
 * on the class path. No dnsjava type appears in this package's public API.
 *
 * <pre>{@code
 * Validator validator = MtaStsValidator.builder()
 *         .resolver(DnsjavaResolver.builder().nameserver("9.9.9.9").timeout(Duration.ofSeconds(2)).build())
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
package dev.mtasts.dns;
