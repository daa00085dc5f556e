package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Severity;
import dev.mtasts.policy.MxMatchExplanation;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MX coverage findings say why a host is outside the policy, and the report keeps the reason per host. */
class MxCoverageExplanationTest {

    private static Finding only(ValidationReport r, FindingCode code) {
        List<Finding> found = r.findings(code);
        assertThat(found).as(r.findings().toString()).hasSize(1);
        return found.get(0);
    }

    @Test
    void everyHostCarriesItsExplanation() {
        ValidationReport r = Seen.testing().mx("mx1.example.com", "a.b.example.com")
                .ok(Seen.policy("testing", 86400, "*.example.com"), "text/plain").assemble();

        assertThat(r.mxHosts()).extracting(h -> h.match().kind()).containsExactly(MxMatchExplanation.Kind.WILDCARD,
                MxMatchExplanation.Kind.WILDCARD_TOO_DEEP);
        assertThat(r.mxHosts().get(0).match().label()).contains("mx1");
        Finding deep = only(r, FindingCode.MX_WILDCARD_TOO_DEEP);
        assertThat(deep.severity()).isEqualTo(Severity.WARNING);
        assertThat(deep.message()).isEqualTo("MX host a.b.example.com is not covered because '*.example.com' covers"
                + " exactly one label below example.com, but a.b.example.com is two labels below it ('a.b'), and a"
                + " wildcard never matches more than one label: in enforce mode senders would refuse it; today they"
                + " report failures.");
    }

    @Test
    void anUncoveredHostIsExplainedAndTheFixNamesThePatternThatWasProbablyMeant() {
        ValidationReport r = Seen.deployed("example.com", "enforce").mx("mx1.example.com", "mx2.exmaple.com")
                .ok(Seen.policy("enforce", 604800, "mx1.example.com", "mx2.example.com"), "text/plain").assemble();

        Finding f = only(r, FindingCode.MX_NOT_COVERED);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("MX host mx2.exmaple.com (preference 20) matches no mx pattern of the policy"
                + " (mx1.example.com, mx2.example.com): the closest pattern, 'mx2.example.com', differs from"
                + " mx2.exmaple.com in one label: 'example' where the host has 'exmaple'; senders that apply the"
                + " policy refuse to deliver to it now.");
        assertThat(f.remediation()).isEqualTo("Add 'mx: mx2.exmaple.com' to the policy, or correct"
                + " 'mx: mx2.example.com' if it was meant for this host, with a new id.");
        Finding unused = only(r, FindingCode.MX_PATTERN_UNUSED);
        assertThat(unused.message()).contains("'mx2.example.com'", "(mx1.example.com, mx2.exmaple.com)");
    }

    @Test
    void anExactParentPatternIsExplainedWithTheWildcardThatWouldCoverTheHost() {
        ValidationReport r = Seen.deployed("example.com", "testing").mx("mx1.example.com", "mx.mail.example.com")
                .ok(Seen.policy("testing", 86400, "mx1.example.com", "mail.example.com"), "text/plain").assemble();

        Finding f = only(r, FindingCode.MX_NOT_COVERED);
        assertThat(f.message()).contains("'mail.example.com' is an exact pattern and names mail.example.com only, not"
                + " mx.mail.example.com, one label below it");
        assertThat(f.remediation()).contains("'mx: *.mail.example.com' covers every host one label below"
                + " mail.example.com");
    }

    @Test
    void aPolicyThatCoversNoHostSaysWhyForEachOfTheFirstFew() {
        ValidationReport r = Seen.deployed("example.com", "enforce")
                .mx("mx1.example.org", "mx2.example.org", "mx3.example.org", "mx4.example.org")
                .ok(Seen.policy("enforce", 604800, "mx1.example.net"), "text/plain").assemble();

        Finding f = only(r, FindingCode.POLICY_MX_COVERS_NO_MX);
        assertThat(f.message()).contains("all inbound mail from senders that apply MTA-STS is refused;"
                + " mx1.example.org: the closest pattern, 'mx1.example.net', differs from mx1.example.org in one"
                + " label: 'net' where the host has 'org'; mx2.example.org: no pattern ends in '.example.org'",
                "; and 1 more hosts.");
        assertThat(r.findings(FindingCode.MX_NOT_COVERED)).isEmpty();
    }

    @Test
    void anInvalidPolicysHostsAreStillExplainedAgainstItsBestReading() {
        ValidationReport r = Seen.testing().mx("a.b.example.com")
                .ok("version: STSv1\nmode: report\nmx: *.example.com\nmax_age: 86400\n", "text/plain").assemble();

        MxHostResult host = r.mxHosts().get(0);
        assertThat(host.match().kind()).isEqualTo(MxMatchExplanation.Kind.WILDCARD_TOO_DEEP);
        assertThat(r.findings(FindingCode.MX_WILDCARD_TOO_DEEP)).as("no coverage finding for an invalid policy")
                .isEmpty();
    }

    @Test
    void theFixOfAnMxLineNamesThePatternToWriteOnThatLine() {
        ValidationReport r = Seen.testing()
                .ok("version: STSv1\nmode: testing\nmx: .mail.example.net\nmax_age: 86400\n", "text/plain").assemble();

        Finding f = only(r, FindingCode.POLICY_MX_INVALID);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).startsWith("Policy line 3: mx '.mail.example.net' starts with a dot");
        assertThat(f.remediation()).isEqualTo("Write 'mx: *.mail.example.net' on line 3, and a line"
                + " 'mx: mail.example.net' too if mail.example.net is itself an MX host.");

        ValidationReport url = Seen.testing()
                .ok("version: STSv1\r\nmode: testing\r\nmx: https://mx1.mail.example.net/  \r\nmax_age: 86400\r\n",
                        "text/plain").assemble();
        assertThat(only(url, FindingCode.POLICY_MX_INVALID).remediation())
                .isEqualTo("Write 'mx: mx1.mail.example.net' on line 3.");
    }

    @Test
    void theFixOfADraftJsonPolicyIsTheSamePolicyAsLines() {
        ValidationReport r = Seen.testing().ok("{\"version\": \"STSv1\", \"mode\": \"report\", \"mx\":"
                + " [\".mail.example.net\"], \"max_age\": 86400}", "text/plain").assemble();

        Finding f = only(r, FindingCode.POLICY_SYNTAX);
        assertThat(f.problem()).contains(dev.mtasts.ProblemCode.POLICY_JSON);
        assertThat(f.remediation()).isEqualTo("Serve the policy as text/plain 'name: value' lines, one field per line,"
                + " in place of the JSON object: 'version: STSv1', 'mode: testing', 'mx: *.mail.example.net',"
                + " 'max_age: 86400'.");
        assertThat(r.mxHosts()).singleElement().satisfies(h -> assertThat(h.match().kind())
                .isEqualTo(MxMatchExplanation.Kind.WILDCARD));
        assertThat(r.remediation().policy()).hasValueSatisfying(p -> assertThat(p).contains("mode: testing",
                "mx: *.mail.example.net"));
    }
}
