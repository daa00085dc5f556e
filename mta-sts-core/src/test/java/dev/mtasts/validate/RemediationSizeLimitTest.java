package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.report.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The suggested policy never exceeds the 64 KiB that senders read (issue 16, defect 8): with thousands of MX hosts
 * the exact patterns give way to wildcards over their parent domains, every MX host stays covered, and when no policy
 * within the limit can cover them none is proposed rather than one that leaves hosts out.
 */
@Timeout(60)
class RemediationSizeLimitTest {

    @Test
    void fiveThousandMxHostsUnderOneParentBecomeOneWildcard() {
        String[] hosts = hosts(5000, i -> "mx" + i + ".mail.example.net");
        assertThat(exactPolicySize(hosts)).as("the exact list would be too large").isGreaterThan(PolicyParser.MAX_POLICY_BYTES);

        ValidationReport r = Seen.testing().mx(hosts).assemble();

        MtaStsPolicy policy = proposed(r.remediation().policy().orElseThrow());
        assertThat(policy.mx()).extracting(MxPattern::text).contains("*.mail.example.net");
        assertCoversEvery(policy, hosts);
        MtaStsPolicy enforce = proposed(r.remediation().enforcePolicy().orElseThrow());
        assertCoversEvery(enforce, hosts);
    }

    @Test
    void thousandsOfMxHostsUnderManyParentsGetAWildcardPerLargeParentUntilThePolicyFits() {
        String[] hosts = hosts(6000, i -> "mx" + i + ".pool" + (i % 40) + ".example.org");
        assertThat(exactPolicySize(hosts)).isGreaterThan(PolicyParser.MAX_POLICY_BYTES);

        ValidationReport r = Seen.testing().mx(hosts).assemble();

        MtaStsPolicy policy = proposed(r.remediation().policy().orElseThrow());
        assertThat(policy.mx()).anyMatch(MxPattern::isWildcard).noneMatch(MxPattern::isBroad);
        assertCoversEvery(policy, hosts);
    }

    @Test
    void aPolicyThatCannotFitIsNotProposedRatherThanTruncated() {
        // one host per parent: no wildcard can stand for two hosts, and 3000 exact lines are over 64 KiB
        String[] hosts = hosts(3000, i -> "mx.d" + i + ".example.org");
        assertThat(exactPolicySize(hosts)).isGreaterThan(PolicyParser.MAX_POLICY_BYTES);

        ValidationReport r = Seen.testing().mx(hosts).assemble();

        assertThat(r.remediation().policy()).isEmpty();
        assertThat(r.remediation().enforcePolicy()).isEmpty();
    }

    @Test
    void aPolicyWithinTheLimitKeepsItsExactPatterns() {
        String[] hosts = hosts(1000, i -> "mx" + i + ".mail.example.net");
        assertThat(exactPolicySize(hosts)).isLessThan(PolicyParser.MAX_POLICY_BYTES);

        MtaStsPolicy policy = proposed(Seen.testing().mx(hosts).assemble().remediation().policy().orElseThrow());

        assertThat(policy.mx()).noneMatch(MxPattern::isWildcard);
        assertCoversEvery(policy, hosts);
    }

    /** @return the policy, after checking that it is within the limit and reads back as itself */
    private static MtaStsPolicy proposed(String text) {
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(PolicyParser.MAX_POLICY_BYTES);
        MtaStsPolicy policy = MtaStsPolicy.parse(text);
        assertThat(policy.toText()).isEqualTo(text);
        return policy;
    }

    private static void assertCoversEvery(MtaStsPolicy policy, String... hosts) {
        List<String> uncovered = List.of(hosts).stream().filter(h -> !policy.matches(h)).toList();
        assertThat(uncovered).as("MX hosts the proposal leaves out").isEmpty();
    }

    private static int exactPolicySize(String... hosts) {
        return Seen.policy("testing", 86400, hosts).length() + 1;
    }

    private static String[] hosts(int n, java.util.function.IntFunction<String> name) {
        return IntStream.range(0, n).mapToObj(name).toArray(String[]::new);
    }
}
