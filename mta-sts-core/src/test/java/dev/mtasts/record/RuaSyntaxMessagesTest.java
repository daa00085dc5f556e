package dev.mtasts.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import org.junit.jupiter.api.Test;

/** What the TLS-RPT parser says about a malformed rua: what was written and what to write instead. */
class RuaSyntaxMessagesTest {

    private static Problem first(String record) {
        return TlsRptRecord.lenient().parse(record).problems().get(0);
    }

    @Test
    void anAddressWithoutSchemeIsToldToAddMailto() {
        Problem p = first("v=TLSRPTv1; rua=tls@example.com");
        assertThat(p.code()).isEqualTo(ProblemCode.TLSRPT_RUA_INVALID);
        assertThat(p.message()).contains("'tls@example.com' has no scheme; write 'mailto:tls@example.com'");
    }

    @Test
    void aHostWithoutSchemeIsToldToAddHttps() {
        assertThat(first("v=TLSRPTv1; rua=reports.example.com/tls").message())
                .contains("write 'https://reports.example.com/tls' for a web endpoint");
    }

    @Test
    void aCommaInsideAUriIsToldToBecomePercent2C() {
        Problem p = first("v=TLSRPTv1; rua=https://r.example.com/report?a=1,2");
        assertThat(p.code()).isEqualTo(ProblemCode.TLSRPT_RUA_INVALID);
        assertThat(p.message()).contains("rua entry '2' has no scheme", "write that ',' as %2C",
                "'https://r.example.com/report?a=1%2C2'");
    }

    @Test
    void aSecondAddressAfterACommaIsToldToGetItsOwnMailto() {
        assertThat(first("v=TLSRPTv1; rua=mailto:a@example.com,b@example.com").message())
                .contains("write 'mailto:b@example.com'");
    }

    @Test
    void aBangShowsTheEncodedUri() {
        Problem p = first("v=TLSRPTv1; rua=mailto:a!b@example.com");
        assertThat(p.code()).isEqualTo(ProblemCode.TLSRPT_RUA_UNENCODED);
        assertThat(p.message()).contains("write it as %21 ('mailto:a%21b@example.com')");
    }
}
