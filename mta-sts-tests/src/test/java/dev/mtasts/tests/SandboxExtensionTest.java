package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.assertOutcome;
import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.report.FindingCode;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.MtaStsSandbox;
import dev.mtasts.testkit.MtaStsSandboxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests that share one sandbox through {@link MtaStsSandboxExtension} and set up the same domain: each sees one
 * record, and the verdict the set-up deserves, never {@code STS_RECORD_MULTIPLE} from the test before.
 */
@Timeout(30)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxExtensionTest {

    @RegisterExtension
    static final MtaStsSandboxExtension SANDBOX = MtaStsSandboxExtension.perClass();

    private static final String DOMAIN = "shared.extension.test";
    private static final List<MtaStsSandbox> SEEN = new ArrayList<>();

    private static ValidationReport deployAndValidate(MtaStsSandbox sandbox, String mode) {
        SEEN.add(sandbox);
        sandbox.domain(DOMAIN)
                .stsRecord("v=STSv1; id=" + E2e.ID)
                .mx(10, "mx1." + DOMAIN)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + DOMAIN)
                .policy(policy(mode, 604800, "mx1." + DOMAIN));
        return sandbox.validatorBuilder().build().validate(DOMAIN);
    }

    @Test
    @Order(1)
    void theFirstTestSeesItsOneRecord(MtaStsSandbox sandbox) {
        ValidationReport r = deployAndValidate(sandbox, "enforce");

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(r.observations().stsTxt().orElseThrow().records()).hasSize(1);
    }

    @Test
    @Order(2)
    void theSecondTestSettingUpTheSameDomainAlsoSeesOneRecord(MtaStsSandbox sandbox) {
        ValidationReport r = deployAndValidate(sandbox, "testing");

        assertOutcome(r, Verdict.TESTING, false, PromotionStatus.READY);
        assertThat(r.observations().stsTxt().orElseThrow().records()).hasSize(1);
        assertThat(codes(r)).doesNotContain(FindingCode.STS_RECORD_MULTIPLE);
        assertThat(SEEN).as("one sandbox for the class").hasSize(2).containsOnly(SANDBOX.sandbox());
    }

    @Test
    @Order(3)
    void aTestThatSetsUpNothingFindsNothing() {
        ValidationReport r = SANDBOX.sandbox().validatorBuilder().build().validate(DOMAIN);

        assertThat(SANDBOX.sandbox().domainNames()).isEmpty();
        assertThat(r.verdict()).as(E2e.describe(r)).isEqualTo(Verdict.UNKNOWN);   // no zone: REFUSED
    }
}
