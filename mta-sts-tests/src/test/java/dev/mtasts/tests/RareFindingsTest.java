package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Verdict;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.SandboxDomain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The findings no named deployment shows: each produced end to end, over real sockets. */
@Timeout(30)
class RareFindingsTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().build();
    }

    private static SandboxDomain domain(String name) {
        return sandbox.domain(name).mx(10, "mx1." + name);
    }

    @Test
    void duplicateIdInTheStsRecordIsARemarkNamingItsProblem() {
        domain("dup-id.rare.test").stsRecord("v=STSv1; id=20260101; id=20260202")
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@dup-id.rare.test")
                .policy(policy("enforce", 604800, "mx1.dup-id.rare.test"));

        ValidationReport r = validator.validate("dup-id.rare.test");

        Finding note = finding(r, FindingCode.STS_RECORD_NOTE, Severity.WARNING);
        assertThat(note.problem()).contains(ProblemCode.RECORD_FIELD_DUPLICATE);
        assertThat(r.stsRecord().orElseThrow().id()).as("the first id wins").isEqualTo("20260101");
        assertThat(r.verdict()).isEqualTo(Verdict.ENFORCING);
    }

    @Test
    void unknownTlsRptFieldIsAnInformationalRemark() {
        domain("rpt-ext.rare.test").stsRecord("v=STSv1; id=" + E2e.ID)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@rpt-ext.rare.test; x-note=hello")
                .policy(policy("enforce", 604800, "mx1.rpt-ext.rare.test"));

        ValidationReport r = validator.validate("rpt-ext.rare.test");

        Finding note = finding(r, FindingCode.TLSRPT_NOTE, Severity.INFO);
        assertThat(note.problem()).contains(ProblemCode.RECORD_EXTENSION_UNKNOWN);
        assertThat(r.tlsRptRecord()).isPresent();
    }

    @Test
    void mxRecordNamingAnAddressIsAnInvalidHost() {
        SandboxDomain d = domain("addr-mx.rare.test").stsRecord("v=STSv1; id=" + E2e.ID)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@addr-mx.rare.test")
                .policy(policy("enforce", 604800, "mx1.addr-mx.rare.test"));
        d.mx(20, "192.0.2.25");

        ValidationReport r = validator.validate("addr-mx.rare.test");

        assertThat(finding(r, FindingCode.MX_HOST_INVALID, Severity.ERROR).message()).as(describe(r))
                .contains("192.0.2.25");
        assertThat(r.mxHosts()).extracting(h -> h.host().value()).containsExactly("mx1.addr-mx.rare.test");
    }

    @Test
    void connectionClosedMidBodyIsAProtocolError() {
        domain("cut.rare.test").stsRecord("v=STSv1; id=" + E2e.ID).tlsRpt("v=TLSRPTv1; rua=mailto:tls@cut.rare.test")
                .policyResponse(HttpResponse.ok("text/plain", policy("enforce", 604800, "mx1.cut.rare.test"))
                        .closingAfter(10));

        ValidationReport r = validator.validate("cut.rare.test");

        assertThat(finding(r, FindingCode.POLICY_PROTOCOL_ERROR, Severity.ERROR).message()).as(describe(r))
                .contains("mta-sts.cut.rare.test");
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
    }

    @Test
    void plainHttpWhereTlsIsExpectedIsAHandshakeFailure() {
        domain("no-tls.rare.test").stsRecord("v=STSv1; id=" + E2e.ID).tlsRpt("v=TLSRPTv1; rua=mailto:tls@no-tls.rare.test")
                .plainHttpResponse(HttpResponse.ok("text/plain", policy("enforce", 604800, "mx1.no-tls.rare.test")));
        int plainPort = sandbox.httpsServer().httpPort();
        // a server that speaks plain HTTP on the port where senders expect TLS
        Validator wrongPort = sandbox.validatorBuilder().fetcher(E2e.sandboxFetcher(sandbox, plainPort, plainPort)).build();

        ValidationReport r = wrongPort.validate("no-tls.rare.test");

        assertThat(r.findings()).as(describe(r)).extracting(Finding::code).contains(FindingCode.POLICY_TLS_HANDSHAKE);
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
    }
}
