package dev.mtasts.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.DnsResolverFactory;
import dev.mtasts.resolver.DnsResolverSettings;
import dev.mtasts.testkit.TestDnsServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DnsjavaResolverFactoryTest {

    @Test
    void serviceLoaderFindsTheFactory() {
        assertThat(DnsResolverFactory.fromServiceLoader()).get().isInstanceOf(DnsjavaResolverFactory.class);
    }

    @Test
    void settingsChooseTheNameserversAndTimeout() {
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.zone("example.com").txt("_mta-sts.example.com", "v=STSv1; id=1");
            DnsResolver resolver = new DnsjavaResolverFactory().create(DnsResolverSettings.defaults()
                    .withNameservers(List.of(dns.address())).withTimeout(Duration.ofMillis(700)));
            assertThat(resolver).isInstanceOfSatisfying(DnsjavaResolver.class, r -> {
                assertThat(r.nameservers()).containsExactly(dns.address());
                assertThat(r.timeout()).isEqualTo(Duration.ofMillis(700));
            });
            assertThat(DnsjavaResolverTest.await(resolver.txt(DomainName.of("_mta-sts.example.com"))).outcome())
                    .isEqualTo(DnsOutcome.FOUND);
        }
    }

    @Test
    void defaultSettingsKeepTheBuilderDefaults() {
        DnsjavaResolver resolver = (DnsjavaResolver) new DnsjavaResolverFactory().create(DnsResolverSettings.defaults());
        assertThat(resolver.nameservers()).as("empty: the system's, read on first look-up").isEmpty();
        assertThat(resolver.timeout()).isEqualTo(DnsjavaResolver.DEFAULT_TIMEOUT);
    }
}
