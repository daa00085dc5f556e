package dev.mtasts.tests.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.report.FindingCode;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.CertificateSpec;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.MtaStsSandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MtaStsSandboxExtension.class)   // one sandbox for the class, emptied before each test
class GoodDomainTest {

    private static final String POLICY = "version: STSv1\nmode: enforce\nmx: mx1.good.test\nmax_age: 604800\n";

    @BeforeEach
    void deploy(MtaStsSandbox sandbox) {      // runs after the reset: every test starts from this
        sandbox.domain("good.test")
                .stsRecord("v=STSv1; id=20260101T000000")
                .mx(10, "mx1.good.test")
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@good.test")
                .policy(POLICY);
    }

    @Test
    void aCleanEnforcePolicyIsEnforcing(MtaStsSandbox sandbox) {
        ValidationReport report = sandbox.validatorBuilder().build().validate("good.test");

        assertThat(report.verdict()).isEqualTo(Verdict.ENFORCING);
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void anExpiredCertificateBreaksIt(MtaStsSandbox sandbox) {
        sandbox.domain("good.test").policyCertificate(CertificateSpec::expired);

        ValidationReport report = sandbox.validatorBuilder().build().validate("good.test");

        assertThat(report.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(report.has(FindingCode.POLICY_TLS_EXPIRED)).isTrue();
    }

    @Test
    void aSecondRecordBreaksIt(MtaStsSandbox sandbox) {
        sandbox.domain("good.test").stsRecord("v=STSv1; id=20260102T000000");   // two records, in this test only

        ValidationReport report = sandbox.validatorBuilder().build().validate("good.test");

        assertThat(report.has(FindingCode.STS_RECORD_MULTIPLE)).isTrue();
    }
}
