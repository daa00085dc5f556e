package dev.mtasts.http;

import static dev.mtasts.http.FetcherFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.fetcher.PlainHttpProbe;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetcherFactory;
import dev.mtasts.fetcher.PolicyFetcherSettings;
import dev.mtasts.testkit.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every route to the defaults gives the same fetcher, and every option means one thing on every route. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsPolicyFetcherDefaultsTest {

    private static FetcherFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new FetcherFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void builderAndFactoryGiveTheSameDefaultConfiguration() {
        HttpsPolicyFetcher built = HttpsPolicyFetcher.builder().build();
        HttpsPolicyFetcher created = new HttpsPolicyFetcherFactory().create(PolicyFetcherSettings.defaults());

        assertThat(created.settings()).isEqualTo(built.settings());
        assertThat(created).hasToString(built.toString());
        assertThat(built).hasToString("HttpsPolicyFetcher[connectTimeout=PT10S, maxBodySize=65536, httpsPort=443,"
                + " httpPort=80, plainHttpDiagnostic=true, userAgent=" + HttpsPolicyFetcher.DEFAULT_USER_AGENT
                + ", trust=the JDK's trust store, callbackExecutor=the shared mta-sts-http-callback-N pool]");
    }

    @Test
    void factorySettingsMeanWhatTheBuilderOptionsOfTheSameNameMean() {
        X509Certificate root = fixture.ca.rootCertificate();
        HttpsPolicyFetcher created = new HttpsPolicyFetcherFactory().create(PolicyFetcherSettings.defaults()
                .withTrustedCertificates(List.of(root)).withPorts(8443, 8080));
        HttpsPolicyFetcher built = HttpsPolicyFetcher.builder().trustedCertificates(List.of(root))
                .httpsPort(8443).httpPort(8080).build();

        assertThat(created.settings()).isEqualTo(built.settings());
        assertThat(created).hasToString(built.toString());
        assertThat(created.settings())
                .isNotEqualTo(HttpsPolicyFetcher.builder().trustOnly(List.of(root)).httpsPort(8443).httpPort(8080)
                        .build().settings());
    }

    @Test
    void differentOptionsGiveDifferentConfigurations() {
        HttpsPolicyFetcher defaults = HttpsPolicyFetcher.builder().build();

        assertThat(HttpsPolicyFetcher.builder().plainHttpDiagnostic(false).build().settings())
                .isNotEqualTo(defaults.settings());
        assertThat(HttpsPolicyFetcher.builder().connectTimeout(Duration.ofSeconds(3)).build().toString())
                .contains("connectTimeout=PT3S").isNotEqualTo(defaults.toString());
        assertThat(HttpsPolicyFetcher.builder().trustManager(fixture.ca.trustManager()).build().settings())
                .isNotEqualTo(HttpsPolicyFetcher.builder().trustManager(fixture.ca.trustManager()).build().settings());
        assertThat(HttpsPolicyFetcher.builder().callbackExecutor(Runnable::run).build().toString())
                .doesNotContain("mta-sts-http-callback");
    }

    @Test
    void builderAndFactoryGiveTheSameFetchFromTheSameServers() throws Exception {
        fixture.server.respond("mta-sts.routeok.test", HttpResponse.ok("text/plain", POLICY))
                .respond("mta-sts.route404.test", HttpResponse.status(404))
                .respondPlainHttp("mta-sts.route404.test", HttpResponse.ok("text/plain", POLICY))
                .respond("mta-sts.routetls.test", HttpResponse.ok("text/plain", POLICY))
                .certificate("mta-sts.routetls.test",
                        fixture.ca.certificate("mta-sts.routetls.test").expired().issue());
        X509Certificate root = fixture.ca.rootCertificate();
        HttpsPolicyFetcher built = HttpsPolicyFetcher.builder().trustedCertificates(List.of(root))
                .httpsPort(fixture.server.httpsPort()).httpPort(fixture.server.httpPort()).build();
        HttpsPolicyFetcher created = new HttpsPolicyFetcherFactory().create(PolicyFetcherSettings.defaults()
                .withTrustedCertificates(List.of(root))
                .withPorts(fixture.server.httpsPort(), fixture.server.httpPort()));

        for (String host : List.of("mta-sts.routeok.test", "mta-sts.route404.test", "mta-sts.routetls.test")) {
            assertThat(summary(fixture.fetch(created, host))).as(host).isEqualTo(summary(fixture.fetch(built, host)));
        }
        PolicyFetch failing = fixture.fetch(created, "mta-sts.route404.test");
        assertThat(failing.statusCode()).hasValue(404);
        assertThat(failing.plainHttp().map(PlainHttpProbe::policyServed)).hasValue(true);
        assertThat(fixture.fetch(created, "mta-sts.routeok.test").plainHttp()).isEmpty();
    }

    /** What a report reads from a fetch; timing and addresses aside. */
    private static List<Object> summary(PolicyFetch fetch) {
        List<Object> out = new ArrayList<>(Arrays.asList(fetch.outcome(), fetch.tlsFailure(), fetch.statusCode(),
                fetch.contentType(), fetch.bodyText(), fetch.certificates(), fetch.plainHttp().isPresent()));
        fetch.plainHttp().ifPresent(p -> out.addAll(List.of(p.fetch().outcome(), p.fetch().statusCode(),
                p.fetch().bodyText(), p.policyServed())));
        return out;
    }

    @Test
    void serviceLoaderFindsTheHttpsFetcherFactory() {
        assertThat(PolicyFetcherFactory.fromServiceLoader()).containsInstanceOf(HttpsPolicyFetcherFactory.class);
        assertThat(PolicyFetcherFactory.fromServiceLoader().orElseThrow().create(PolicyFetcherSettings.defaults()))
                .hasToString(HttpsPolicyFetcher.builder().build().toString());
    }

    @Test
    void builderRejectsBadValuesNullsAndASecondTrustOption() {
        X509Certificate root = fixture.ca.rootCertificate();
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().connectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().maxBodySize(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().httpsPort(70000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().userAgent("a\r\nb"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().trustedCertificates(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().trustOnly(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().trustedCertificates(List.of(root))
                .sslContext(fixture.ca.clientSslContext()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trustedCertificates");
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().trustOnly(List.of(root))
                .trustedCertificates(List.of(root)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trustOnly");
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().trustManager(fixture.ca.trustManager())
                .trustOnly(List.of(root)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trustManager");
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().connectTimeout(null))
                .isInstanceOf(NullPointerException.class).hasMessage("timeout");
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().trustedCertificates(null))
                .isInstanceOf(NullPointerException.class).hasMessage("roots");
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().trustManager(null))
                .isInstanceOf(NullPointerException.class).hasMessage("trustManager");
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().sslContext(null))
                .isInstanceOf(NullPointerException.class).hasMessage("context");
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().callbackExecutor(null))
                .isInstanceOf(NullPointerException.class).hasMessage("executor");
        assertThatThrownBy(() -> HttpsPolicyFetcher.builder().build().fetch(null))
                .isInstanceOf(NullPointerException.class).hasMessage("request");
        assertThatThrownBy(() -> new HttpsPolicyFetcherFactory().create(null))
                .isInstanceOf(NullPointerException.class).hasMessage("settings");
    }

    @Test
    void aRefusedSecondTrustOptionLeavesTheFirstInPlace() {
        HttpsPolicyFetcher.Builder builder = HttpsPolicyFetcher.builder()
                .trustOnly(List.of(fixture.ca.rootCertificate()));
        assertThatThrownBy(() -> builder.trustManager(fixture.ca.trustManager()))
                .isInstanceOf(IllegalStateException.class);

        assertThat(builder.build().toString()).contains("trust=only [");
    }
}
