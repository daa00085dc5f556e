package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.assertOutcome;
import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.AddressPolicy;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.Severity;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default address policy refuses the sandbox's own loopback policy host: a validator built without
 * {@code addressPolicy(AddressPolicy.allowAll())}, pointed at the sandbox by hand.
 */
@Timeout(30)
class AddressPolicyTest extends SandboxTest {

    /** Everything the sandbox's builder sets, except the address policy. */
    private static Validator.Builder publicOnly() {
        return MtaStsValidator.builder()
                .resolver(sandbox.resolver())
                .fetcher(sandbox.fetcher())
                .mxProbe(sandbox.mxProbe().orElseThrow())
                .deadline(Duration.ofSeconds(5));
    }

    private static SandboxDomain deployed(String name) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy("enforce", 604800, "mx1." + name));
    }

    private static long requestsFor(String host) {
        return sandbox.httpsServer().requests().stream().filter(q -> q.toString().contains(host)).count();
    }

    @Test
    void loopbackPolicyHostIsRefusedByDefaultAndNamed() {
        deployed("loop.addr.test");

        ValidationReport r = publicOnly().build().validate("loop.addr.test");

        assertOutcome(r, Verdict.BROKEN, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(finding(r, FindingCode.POLICY_HOST_ADDRESS_REFUSED, Severity.ERROR).message())
                .contains("127.0.0.1", "loopback");
        assertThat(r.observations().policyFetch()).isEmpty();
        assertThat(requestsFor("mta-sts.loop.addr.test")).as("no connection made").isZero();
    }

    @Test
    void privateAddressIsRefusedWithItsRange() {
        deployed("private.addr.test").policyHostAddress("10.20.30.40");

        ValidationReport r = publicOnly().build().validate("private.addr.test");

        assertThat(finding(r, FindingCode.POLICY_HOST_ADDRESS_REFUSED, Severity.ERROR).message())
                .contains("10.20.30.40", "RFC 1918");
    }

    @Test
    void ipv6UniqueLocalIsRefused() {
        deployed("ula.addr.test").policyHostAddress("fd12:3456::1");

        ValidationReport r = publicOnly().build().validate("ula.addr.test");

        assertThat(finding(r, FindingCode.POLICY_HOST_ADDRESS_REFUSED, Severity.ERROR).message())
                .contains("fd12:3456", "unique-local");
    }

    @Test
    void allowPrivateAddressesOptsOut() {
        deployed("allowed.addr.test");

        ValidationReport r = publicOnly().addressPolicy(AddressPolicy.allowAll()).build().validate("allowed.addr.test");

        assertOutcome(r, Verdict.ENFORCING, false, PromotionStatus.NOT_APPLICABLE);
        assertThat(r.findings()).as(describe(r)).extracting(f -> f.code())
                .containsExactly(dev.mtasts.report.FindingCode.TLSRPT_SAME_DOMAIN);   // the advice of a same-domain rua in enforce
    }

    @Test
    void customPredicateIsHonoured() {
        deployed("custom.addr.test");

        ValidationReport r = publicOnly().addressPolicy(AddressPolicy.allowing(a -> !a.isLoopbackAddress())).build()
                .validate("custom.addr.test");

        assertThat(finding(r, FindingCode.POLICY_HOST_ADDRESS_REFUSED, Severity.ERROR).message())
                .contains("127.0.0.1", "refused by the address policy");
    }

    @Test
    void refusedAddressOfAnUndeployedDomainStaysQuiet() {
        sandbox.domain("quiet.addr.test").mx(10, "mx1.quiet.addr.test")
                .policy(policy("testing", 86400, "mx1.quiet.addr.test"));

        ValidationReport r = publicOnly().build().validate("quiet.addr.test");

        assertThat(r.verdict()).isEqualTo(Verdict.NOT_DEPLOYED);
        assertThat(codes(r)).doesNotContain(FindingCode.POLICY_HOST_ADDRESS_REFUSED);
    }
}
