package dev.mtasts.fetcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyFetchTest {

    @Test
    void bodyIsCopiedOnTheWayInAndOut() {
        byte[] body = "version: STSv1\n".getBytes(StandardCharsets.US_ASCII);
        PolicyFetch fetch = PolicyFetch.builder(FetchOutcome.OK).statusCode(200).body(body).build();
        body[0] = 'X';
        fetch.body()[1] = 'X';
        assertThat(fetch.bodyText()).isEqualTo("version: STSv1\n");
        assertThat(fetch.bodySize()).isEqualTo(15);
    }

    @Test
    void headersAreFoundWhateverTheCase() {
        PolicyFetch fetch = PolicyFetch.builder(FetchOutcome.OK).statusCode(200)
                .header("Content-Type", "TEXT/PLAIN; charset=UTF-8").header("X-A", "1").header("x-a", "2").build();
        assertThat(fetch.contentType()).contains("TEXT/PLAIN; charset=UTF-8");
        assertThat(fetch.mediaType().orElseThrow().isTextPlain()).isTrue();
        assertThat(fetch.headers().get("x-a")).containsExactly("1", "2");
        assertThat(fetch.header("X-a")).contains("1");
    }

    @Test
    void missingContentTypeGivesEmptyMediaType() {
        PolicyFetch fetch = PolicyFetch.builder(FetchOutcome.OK).statusCode(200).build();
        assertThat(fetch.contentType()).isEmpty();
        assertThat(fetch.mediaType()).isEmpty();
    }

    @Test
    void tlsFailureCategoryGoesOnlyWithTlsFailure() {
        assertThatThrownBy(() -> PolicyFetch.builder(FetchOutcome.TLS_FAILURE).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyFetch.builder(FetchOutcome.TIMEOUT)
                .tlsFailure(TlsFailureCategory.EXPIRED).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PolicyFetch.builder(FetchOutcome.TLS_FAILURE).tlsFailure(TlsFailureCategory.EXPIRED).build()
                .tlsFailure()).contains(TlsFailureCategory.EXPIRED);
    }

    @Test
    void redirectNeedsALocation() {
        assertThatThrownBy(() -> PolicyFetch.builder(FetchOutcome.REDIRECT).statusCode(301).build())
                .isInstanceOf(IllegalArgumentException.class);
        PolicyFetch fetch = PolicyFetch.builder(FetchOutcome.REDIRECT).statusCode(301)
                .header("Location", "https://www.example.com/").build();
        assertThat(fetch.location()).contains("https://www.example.com/");
    }

    @Test
    void okNeedsStatus200() {
        assertThatThrownBy(() -> PolicyFetch.builder(FetchOutcome.OK).statusCode(204).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalFetchesAreEqualIncludingTheBody() {
        PolicyFetch a = PolicyFetch.builder(FetchOutcome.OK).statusCode(200).body(new byte[] {1, 2}).build();
        PolicyFetch b = PolicyFetch.builder(FetchOutcome.OK).statusCode(200).body(new byte[] {1, 2}).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(PolicyFetch.builder(FetchOutcome.OK).statusCode(200).body(new byte[] {1}).build());
    }

    @Test
    void plainHttpProbeRecognisesAPolicy() {
        PolicyFetch served = PolicyFetch.builder(FetchOutcome.OK).statusCode(200)
                .body("\r\nversion: STSv1\r\nmode: enforce\r\n".getBytes(StandardCharsets.US_ASCII)).build();
        PolicyFetch html = PolicyFetch.builder(FetchOutcome.OK).statusCode(200)
                .body("<html>version: STSv1</html>".getBytes(StandardCharsets.US_ASCII)).build();
        PolicyFetch missing = PolicyFetch.builder(FetchOutcome.HTTP_STATUS).statusCode(404).build();
        assertThat(new PlainHttpProbe(served).policyServed()).isTrue();
        assertThat(new PlainHttpProbe(html).policyServed()).isFalse();
        assertThat(new PlainHttpProbe(missing).policyServed()).isFalse();
        assertThat(missing.withPlainHttp(new PlainHttpProbe(served)).plainHttp()).isPresent();
    }

    @Test
    void daysLeftRoundsDownAndGoesNegative() {
        Instant notAfter = Instant.parse("2026-01-10T00:00:00Z");
        CertificateFacts facts = new CertificateFacts("CN=a", "CN=b", List.of("a.example"),
                Instant.parse("2025-01-01T00:00:00Z"), notAfter, "1", "00");
        assertThat(facts.daysLeft(notAfter.minus(Duration.ofHours(36)))).isEqualTo(1);
        assertThat(facts.daysLeft(notAfter)).isZero();
        assertThat(facts.daysLeft(notAfter.plus(Duration.ofHours(1)))).isEqualTo(-1);
        assertThat(facts.isCurrentAt(notAfter.plusSeconds(1))).isFalse();
        assertThat(facts.isSelfIssued()).isFalse();
    }
}
