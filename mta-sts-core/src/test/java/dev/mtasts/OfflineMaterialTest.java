package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.OfflineMaterial.Part;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.resolver.TxtRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfflineMaterialTest {

    private static final String POLICY = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n";

    @Test
    void emptyMaterialSuppliesNothing() {
        OfflineMaterial material = OfflineMaterial.builder().build();

        assertThat(material.supplied()).isEmpty();
        assertThat(material.notSupplied()).containsExactly(Part.values());
        assertThat(material.stsRecords()).isEmpty();
        assertThat(material.policyFetch()).isEmpty();
        assertThat(material.mx()).isEmpty();
        assertThat(material.tlsRptRecords()).isEmpty();
    }

    @Test
    void eachRecordCallIsOneRecordWithItsStringsInOrder() {
        OfflineMaterial material = OfflineMaterial.builder()
                .stsRecord("v=STSv1; ", "id=20260101T000000")
                .stsRecord("v=spf1 -all")
                .tlsRptRecord("")
                .build();

        assertThat(material.stsRecords()).contains(List.of(TxtRecord.of("v=STSv1; ", "id=20260101T000000"),
                TxtRecord.of("v=spf1 -all")));
        assertThat(material.tlsRptRecords()).contains(List.of(TxtRecord.of("")));
        assertThat(material.supplied()).containsExactly(Part.STS_RECORD, Part.TLSRPT_RECORD);
        assertThat(material.notSupplied()).containsExactly(Part.POLICY, Part.MX);
    }

    @Test
    void aStringOver255BytesIsRefusedSayingToSplitIt() {
        String twoHundredFiftySixBytes = "\u00e9".repeat(128);   // two bytes each in UTF-8

        assertThatThrownBy(() -> OfflineMaterial.builder().stsRecord("v=STSv1; ", twoHundredFiftySixBytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TXT character-string 2 is 256 bytes; DNS holds at most 255 in one: split it into several"
                        + " strings of the same record (they are joined without space)");
        assertThat(OfflineMaterial.builder().tlsRptRecord("x".repeat(255)).build().tlsRptRecords()).isPresent();
    }

    @Test
    void aRecordWithoutStringsIsRefusedAndANullStringIsNamed() {
        assertThatThrownBy(() -> OfflineMaterial.builder().stsRecord())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a TXT record has at least one character-string");
        assertThatThrownBy(() -> OfflineMaterial.builder().tlsRptRecord("v=TLSRPTv1;", null))
                .isInstanceOf(NullPointerException.class).hasMessage("strings[1]");
    }

    @Test
    void policyTextIsServedWithStatus200AsTextPlain() {
        PolicyFetch fetch = OfflineMaterial.builder().policy(POLICY).build().policyFetch().orElseThrow();

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.OK);
        assertThat(fetch.statusCode()).hasValue(200);
        assertThat(fetch.headers()).isEqualTo(Map.of("content-type", List.of("text/plain")));
        assertThat(fetch.bodyText()).isEqualTo(POLICY);
        assertThat(fetch.address()).isEmpty();
        assertThat(fetch.certificates()).isEmpty();
    }

    @Test
    void theBodyIsCopied() {
        byte[] body = POLICY.getBytes(StandardCharsets.US_ASCII);
        OfflineMaterial material = OfflineMaterial.builder().policy(body).build();
        body[0] = 'X';

        assertThat(material.policyFetch().orElseThrow().bodyText()).isEqualTo(POLICY);
    }

    @Test
    void aSecondPolicyIsAnIllegalState() {
        OfflineMaterial.Builder builder = OfflineMaterial.builder().policy(POLICY);

        assertThatThrownBy(() -> builder.policyResponse(404, Map.of(), new byte[0]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a policy was supplied already; material holds one response");
    }

    @Test
    void aBodyOver64KiBIsTooLargeAndOnlyTheCapIsKept() {
        PolicyFetch fetch = OfflineMaterial.builder().policy(new byte[10 * 1024 * 1024]).build().policyFetch()
                .orElseThrow();

        assertThat(fetch.outcome()).isEqualTo(FetchOutcome.TOO_LARGE);
        assertThat(fetch.bodySize()).isEqualTo(64 * 1024);
        assertThat(fetch.detail()).isEqualTo("the body is larger than 65536 bytes");
        assertThat(OfflineMaterial.builder().policy(new byte[64 * 1024]).build().policyFetch().orElseThrow()
                .outcome()).isEqualTo(FetchOutcome.OK);
    }

    @Test
    void statusesBecomeTheOutcomesAFetcherReports() {
        assertThat(fetch(404, Map.of("Content-Type", List.of("text/html")), "not found"))
                .satisfies(f -> assertThat(f.outcome()).isEqualTo(FetchOutcome.HTTP_STATUS))
                .satisfies(f -> assertThat(f.bodySize()).as("a fetcher reads no body but a 200's").isZero())
                .satisfies(f -> assertThat(f.statusCode()).hasValue(404));
        assertThat(fetch(301, Map.of("Location", List.of("https://www.example.com/")), "").outcome())
                .isEqualTo(FetchOutcome.REDIRECT);
        assertThat(fetch(301, Map.of(), "").outcome()).as("a 3xx without Location").isEqualTo(FetchOutcome.HTTP_STATUS);
        assertThat(fetch(304, Map.of("Location", List.of("/")), "").outcome()).isEqualTo(FetchOutcome.HTTP_STATUS);
        assertThat(fetch(101, Map.of(), "").outcome()).isEqualTo(FetchOutcome.HTTP_STATUS);
        assertThat(fetch(200, Map.of("Content-Encoding", List.of("identity")), POLICY).outcome())
                .isEqualTo(FetchOutcome.OK);
        PolicyFetch gzip = fetch(200, Map.of("Content-Type", List.of("text/plain"), "Content-Encoding",
                List.of("gzip")), POLICY);
        assertThat(gzip.outcome()).isEqualTo(FetchOutcome.PROTOCOL_ERROR);
        assertThat(gzip.detail()).contains("Content-Encoding: gzip");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 99, 100, 102, 199, 1000})
    void aStatusThatIsNoFinalResponseIsRefused(int status) {
        assertThatThrownBy(() -> OfflineMaterial.builder().policyResponse(status, Map.of(), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HTTP status " + status + " is not the status of a final response: give 101 or 200 to"
                        + " 999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Content Type", "Content-Type:", "X\u00e9"})
    void aHeaderNameThatIsNoTokenIsRefused(String name) {
        assertThatThrownBy(() -> OfflineMaterial.builder().policyResponse(200, Map.of(name, List.of("x")),
                new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HTTP header name '" + name + "' is not a token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain\r\nX-Injected: 1", "text/plain\n", "text\u0000plain"})
    void aHeaderValueThatNoHeaderLineCanHoldIsRefused(String value) {
        assertThatThrownBy(() -> OfflineMaterial.builder().policyResponse(200, Map.of("Content-Type",
                List.of(value)), new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the value of HTTP header 'Content-Type' holds CR, LF or NUL, which no header line can");
    }

    @Test
    void headerNamesLoseTheirCaseAndValuesTheirSurroundingSpaceAsAParserReadsThem() {
        PolicyFetch fetch = fetch(200, Map.of("CONTENT-TYPE", List.of("  text/plain ", "text/plain")), POLICY);

        assertThat(fetch.headers()).isEqualTo(Map.of("content-type", List.of("text/plain", "text/plain")));
    }

    @Test
    void mxHostsWithoutPreferenceAreTenEachInTheOrderGiven() {
        OfflineMaterial material = OfflineMaterial.builder().mx("mx1.example.com", "mx2.example.com.")
                .mx(0, ".").mx(20, "192.0.2.25").build();

        assertThat(material.mx()).contains(List.of("10 mx1.example.com", "10 mx2.example.com.", "0 .",
                "20 192.0.2.25"));
        assertThat(material.supplied()).containsExactly(Part.MX);
    }

    @Test
    void anMxRecordNoZoneCouldHoldIsRefused() {
        assertThatThrownBy(() -> OfflineMaterial.builder().mx(65536, "mx1.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("MX preference 65536 is outside 0..65535");
        assertThatThrownBy(() -> OfflineMaterial.builder().mx(-1, "mx1.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("MX preference -1 is outside 0..65535");
        assertThatThrownBy(() -> OfflineMaterial.builder().mx(10, "mx1 .example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an MX exchange is one DNS name without spaces, not 'mx1 .example.com'");
        assertThatThrownBy(() -> OfflineMaterial.builder().mx(10, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfflineMaterial.builder().mx(10, "mx1..example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MX record '10 mx1..example.com' has an exchange that is not a DNS name:"
                        + " 'mx1..example.com'");
        assertThatThrownBy(() -> OfflineMaterial.builder().mx())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("give at least one MX host");
        assertThatThrownBy(() -> OfflineMaterial.builder().mx("mx1.example.com", null))
                .isInstanceOf(NullPointerException.class).hasMessage("hosts[1]");
    }

    @Test
    void materialIsAValue() {
        OfflineMaterial a = OfflineMaterial.builder().stsRecord("v=STSv1; id=1").policy(POLICY).mx("mx1.example.com")
                .build();
        OfflineMaterial b = OfflineMaterial.builder().stsRecord("v=STSv1; id=1").policy(POLICY).mx("mx1.example.com")
                .build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b)
                .isNotEqualTo(OfflineMaterial.builder().stsRecord("v=STSv1; id=2").policy(POLICY).build());
        assertThat(a.toString()).contains("stsRecords=1", "policy=OK 200", "mx=[10 mx1.example.com]");
    }

    @Test
    void eachPartSaysWhereItLives() {
        DomainName domain = DomainName.of("example.com");

        assertThat(Part.STS_RECORD.where(domain)).isEqualTo("_mta-sts.example.com TXT");
        assertThat(Part.POLICY.where(domain)).isEqualTo("https://mta-sts.example.com/.well-known/mta-sts.txt");
        assertThat(Part.MX.where(domain)).isEqualTo("example.com MX");
        assertThat(Part.TLSRPT_RECORD.where(domain)).isEqualTo("_smtp._tls.example.com TXT");
    }

    private static PolicyFetch fetch(int status, Map<String, List<String>> headers, String body) {
        return OfflineMaterial.builder().policyResponse(status, headers, body.getBytes(StandardCharsets.UTF_8))
                .build().policyFetch().orElseThrow();
    }
}
