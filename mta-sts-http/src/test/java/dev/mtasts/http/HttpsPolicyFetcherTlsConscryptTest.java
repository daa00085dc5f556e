package dev.mtasts.http;

import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.testkit.HttpResponse;
import java.security.Provider;
import java.security.Security;
import java.util.Optional;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every TLS case of {@link HttpsPolicyFetcherTlsTest} again with Conscrypt (BoringSSL) speaking TLS: the same
 * outcomes, the same failure categories, the same RFC 6125 name checks, since only the protocol changes hands.
 */
class HttpsPolicyFetcherTlsConscryptTest extends HttpsPolicyFetcherTlsTest {

    @BeforeAll
    static void start() throws Exception {
        fixture = new FetcherFixture(Optional.of(Conscrypt.newProvider()));
        fetcher = fixture.fetcherBuilder().build();
    }

    @Test
    void theFetchIsMadeByConscryptAndSaysSo() throws Exception {
        fixture.server.respond("mta-sts.conscrypt.test", HttpResponse.ok("text/plain", POLICY));

        PolicyFetch fetch = fixture.fetch(fetcher, "mta-sts.conscrypt.test");

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(new String(fetch.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(POLICY);
        assertThat(fetcher.toString()).contains("TLS by Conscrypt");
        assertThat(Security.getProvider("Conscrypt")).as("the provider is used, not installed").isNull();
    }

    @Test
    void aProviderWithoutTlsIsRefusedAndSslContextExcludesAProvider() throws Exception {
        Provider noTls = new Provider("NoTls", "1", "no TLS here") { };
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().tlsProvider(noTls))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoTls has no SSLContext TLS");
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().tlsProvider(Conscrypt.newProvider())
                .sslContext(fixture.ca.clientSslContext()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sslContext");
    }
}
