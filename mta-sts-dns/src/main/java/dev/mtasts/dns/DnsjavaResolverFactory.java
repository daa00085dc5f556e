package dev.mtasts.dns;

import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.DnsResolverFactory;
import dev.mtasts.resolver.DnsResolverSettings;
import java.util.Objects;

/**
 * Creates {@link DnsjavaResolver}s from {@link DnsResolverSettings}; registered with
 * {@link java.util.ServiceLoader}: a validator built without {@code resolver(...)} gets
 * {@code create(DnsResolverSettings.defaults())}, which equals {@code DnsjavaResolver.builder().build()}, and code
 * that cannot name this module (the test sandbox) configures the default resolver through it. Options the settings leave out keep the
 * {@link DnsjavaResolver.Builder} defaults; no name server in the settings means the system's.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * DnsResolver resolver = new DnsjavaResolverFactory().create(
 *         DnsResolverSettings.defaults().withTimeout(Duration.ofSeconds(2)));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DnsjavaResolverFactory implements DnsResolverFactory {

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public DnsjavaResolverFactory() {
    }

    @Override
    public DnsResolver create(DnsResolverSettings settings) {
        Objects.requireNonNull(settings, "settings");
        DnsjavaResolver.Builder builder = DnsjavaResolver.builder();
        settings.nameservers().forEach(builder::nameserver);
        settings.timeout().ifPresent(builder::timeout);
        return builder.build();
    }
}
