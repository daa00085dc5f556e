package dev.mtasts.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.probe.MxProbeSettings;
import dev.mtasts.probe.MxTlsProbeFactory;
import dev.mtasts.testkit.TestCertificateAuthority;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every route to the defaults gives the same probe, and the builder refuses what it cannot use. */
class StartTlsProbeDefaultsTest {

    private static final TestCertificateAuthority CA = TestCertificateAuthority.create();

    @Test
    void theFactoryWithDefaultSettingsEqualsTheDefaultBuilder() {
        StartTlsProbe built = StartTlsProbe.builder().build();
        StartTlsProbe created = new StartTlsProbeFactory().create(MxProbeSettings.defaults());

        assertThat(created).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
        assertThat(built).hasToString("StartTlsProbe[port=25, ehloName=mta-sts-probe.invalid, connectTimeout=PT10S,"
                + " replyTimeout=PT30S, maxReplyBytes=65536, trust=the JDK's trust store,"
                + " callbackExecutor=the shared mta-sts-smtp-callback-N pool]");
    }

    @Test
    void factorySettingsMeanWhatTheBuilderOptionsOfTheSameNameMean() {
        X509Certificate root = CA.rootCertificate();
        StartTlsProbe created = new StartTlsProbeFactory().create(MxProbeSettings.defaults()
                .withTrustedCertificates(List.of(root)).withPort(2525));

        assertThat(created).isEqualTo(StartTlsProbe.builder().trustedCertificates(List.of(root)).port(2525).build())
                .isNotEqualTo(StartTlsProbe.builder().trustOnly(List.of(root)).port(2525).build())
                .isNotEqualTo(StartTlsProbe.builder().trustedCertificates(List.of(root)).build());
    }

    @Test
    void differentOptionsGiveDifferentProbes() {
        StartTlsProbe defaults = StartTlsProbe.builder().build();

        assertThat(StartTlsProbe.builder().ehloName("probe.example.net").build()).isNotEqualTo(defaults)
                .hasToString(defaults.toString().replace("mta-sts-probe.invalid", "probe.example.net"));
        assertThat(StartTlsProbe.builder().replyTimeout(Duration.ofSeconds(5)).build()).isNotEqualTo(defaults);
        assertThat(StartTlsProbe.builder().connectTimeout(Duration.ofSeconds(5)).build()).isNotEqualTo(defaults);
        assertThat(StartTlsProbe.builder().maxReplyBytes(1024).build()).isNotEqualTo(defaults);
        assertThat(StartTlsProbe.builder().trustManager(CA.trustManager()).build())
                .isNotEqualTo(StartTlsProbe.builder().trustManager(CA.trustManager()).build());
        assertThat(StartTlsProbe.builder().callbackExecutor(Runnable::run).build().toString())
                .doesNotContain("mta-sts-smtp-callback");
    }

    @Test
    void serviceLoaderFindsTheStartTlsProbeFactory() {
        assertThat(MxTlsProbeFactory.fromServiceLoader()).containsInstanceOf(StartTlsProbeFactory.class);
        assertThat(MxTlsProbeFactory.fromServiceLoader().orElseThrow().create(MxProbeSettings.defaults()))
                .isEqualTo(StartTlsProbe.builder().build());
    }

    @Test
    void builderRejectsBadValuesNullsAndASecondTrustOption() {
        X509Certificate root = CA.rootCertificate();
        assertThatThrownBy(() -> StartTlsProbe.builder().port(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port 0");
        assertThatThrownBy(() -> StartTlsProbe.builder().port(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StartTlsProbe.builder().connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> StartTlsProbe.builder().replyTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replyTimeout");
        assertThatThrownBy(() -> StartTlsProbe.builder().maxReplyBytes(511))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512");
        assertThatThrownBy(() -> StartTlsProbe.builder().ehloName("two words"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'two words'");
        assertThatThrownBy(() -> StartTlsProbe.builder().ehloName("a\r\nRCPT TO:<x@y>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\\u000d\\u000a");
        assertThat(StartTlsProbe.builder().ehloName("[192.0.2.1]").build().toString()).contains("ehloName=[192.0.2.1]");
        assertThat(StartTlsProbe.builder().ehloName("[IPv6:2001:db8::1]").build().toString())
                .contains("ehloName=[IPv6:2001:db8::1]");
        assertThatThrownBy(() -> StartTlsProbe.builder().trustedCertificates(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StartTlsProbe.builder().trustOnly(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StartTlsProbe.builder().trustOnly(List.of(root)).trustedCertificates(List.of(root)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trustOnly");
        assertThatThrownBy(() -> StartTlsProbe.builder().trustManager(CA.trustManager()).trustOnly(List.of(root)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trustManager");
        assertThatThrownBy(() -> StartTlsProbe.builder().ehloName(null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> StartTlsProbe.builder().build().probe(null))
                .isInstanceOf(NullPointerException.class).hasMessage("request");
        assertThatThrownBy(() -> new StartTlsProbeFactory().create(null))
                .isInstanceOf(NullPointerException.class).hasMessage("settings");
    }
}
