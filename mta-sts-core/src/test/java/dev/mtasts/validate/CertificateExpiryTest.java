package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.policy.MtaStsPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The expiry horizon: 14 days, or the max_age of the policy senders apply when longer. */
class CertificateExpiryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static MtaStsPolicy policy(String mode, long maxAge) {
        return MtaStsPolicy.parse("version: STSv1\nmode: " + mode + "\n" + ("none".equals(mode) ? ""
                : "mx: mx.example.com\n") + "max_age: " + maxAge + "\n");
    }

    private static CertificateFacts until(Instant notAfter) {
        return new CertificateFacts("CN=mx.example.com", "CN=CA", List.of("mx.example.com"),
                notAfter.minus(Duration.ofDays(90)), notAfter, "1", "ab");
    }

    @Test
    void theHorizonIsTheLongerOfTheMinimumAndMaxAge() {
        Duration fourteen = Duration.ofDays(14);
        assertThat(CertificateExpiry.of(fourteen, Optional.empty()).horizon()).isEqualTo(fourteen);
        assertThat(CertificateExpiry.of(fourteen, Optional.of(policy("enforce", 604800))).byMaxAge()).isFalse();
        CertificateExpiry month = CertificateExpiry.of(fourteen, Optional.of(policy("testing", 2592000)));
        assertThat(month.horizon()).isEqualTo(Duration.ofDays(30));
        assertThat(month.byMaxAge()).isTrue();
        assertThat(CertificateExpiry.of(fourteen, Optional.of(policy("none", 2592000))).horizon()).isEqualTo(fourteen);
        assertThat(CertificateExpiry.of(Duration.ofDays(40), Optional.of(policy("enforce", 2592000))).horizon())
                .isEqualTo(Duration.ofDays(40));
        assertThatThrownBy(() -> CertificateExpiry.of(Duration.ZERO, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void soonMeansValidNowButNotUntilTheHorizon() {
        CertificateExpiry expiry = CertificateExpiry.of(Duration.ofDays(14), Optional.empty());
        assertThat(expiry.expiresSoon(until(NOW.plus(Duration.ofDays(10))), NOW)).isTrue();
        assertThat(expiry.expiresSoon(until(NOW.plus(Duration.ofDays(14))), NOW)).isFalse();
        assertThat(expiry.expiresSoon(until(NOW.minus(Duration.ofDays(1))), NOW)).as("expired: other codes")
                .isFalse();
    }

    @Test
    void theWordsNameTheDateInUtcAndTheDaysLeft() {
        assertThat(CertificateExpiry.when(until(Instant.parse("2026-12-11T23:30:00Z")), NOW))
                .isEqualTo("on 2026-12-11 (UTC), in 10 days");
        assertThat(CertificateExpiry.when(until(NOW.plus(Duration.ofHours(30))), NOW)).endsWith("in 1 day");
        assertThat(CertificateExpiry.of(Duration.ofDays(14), Optional.of(policy("enforce", 2592000))).tooSoon(NOW))
                .isEqualTo("within the policy's max_age of 2592000 seconds (30 days): a policy cached now is kept"
                        + " until 2026-12-31");
        assertThat(CertificateExpiry.of(Duration.ofDays(14), Optional.empty()).tooSoon(NOW))
                .isEqualTo("within 14 days");
    }
}
