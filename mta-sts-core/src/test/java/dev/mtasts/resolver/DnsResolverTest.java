package dev.mtasts.resolver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DnsResolverTest {

    @Test
    void serviceLoaderFindsNothingWhenNoProviderIsOnTheClassPath() {
        assertThat(DnsResolverFactory.fromServiceLoader()).isEmpty();
    }
}
