package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.Validator;
import dev.mtasts.policy.MxMatchExplanation;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15, items 1 and 6, end to end: each MX host's match explained in the report and in the findings, and the
 * drafts' artefacts (leading-dot patterns, JSON policies, {@code mode: report}) and field typos named for what they
 * are, with what to publish instead. One sandbox deployment per case.
 */
@Timeout(30)
class MatchExplanationTest extends SandboxTest {

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().resolver(E2e.sandboxResolver(sandbox, Duration.ofMillis(400)))
                .deadline(Duration.ofSeconds(10)).build();
    }

    private static SandboxDomain domain(String name, String policyText) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name)
                .policy(policyText);
    }

    private static Finding withProblem(ValidationReport r, ProblemCode problem) {
        return r.findings().stream().filter(f -> f.problem().filter(problem::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no finding from " + problem + " in " + describe(r)));
    }

    @Test
    void aWildcardTooDeepSaysHowManyLabelsTheHostIsBelowIt() {
        domain("deep.explain.test", policy("enforce", 604800, "*.mx.deep.explain.test"))
                .mx(10, "mx1.mx.deep.explain.test").mx(20, "a.b.mx.deep.explain.test");

        ValidationReport r = validator.validate("deep.explain.test");

        Finding deep = finding(r, FindingCode.MX_WILDCARD_TOO_DEEP, Severity.ERROR, Layer.MX_COVERAGE);
        assertThat(deep.message()).isEqualTo("MX host a.b.mx.deep.explain.test is not covered because"
                + " '*.mx.deep.explain.test' covers exactly one label below mx.deep.explain.test, but"
                + " a.b.mx.deep.explain.test is two labels below it ('a.b'), and a wildcard never matches more than"
                + " one label: senders that apply the policy refuse to deliver to it now.");
        assertThat(r.mxHosts()).extracting(h -> h.match().kind()).containsExactly(MxMatchExplanation.Kind.WILDCARD,
                MxMatchExplanation.Kind.WILDCARD_TOO_DEEP);
        MxHostResult covered = r.mxHosts().get(0);
        assertThat(covered.match().label()).contains("mx1");
        assertThat(covered.match().text()).isEqualTo("'*.mx.deep.explain.test' covers mx1.mx.deep.explain.test: the"
                + " '*' stands for its one label 'mx1'");
        assertThat(r.atRisk()).isTrue();
    }

    @Test
    void anUncoveredMxSaysWhatTheClosestPatternGetsWrong() {
        domain("uncovered.explain.test", policy("testing", 86400, "mx1.uncovered.explain.test",
                "mail.uncovered.explain.test")).mx(10, "mx1.uncovered.explain.test")
                .mx(20, "mx2.mail.uncovered.explain.test");

        ValidationReport r = validator.validate("uncovered.explain.test");

        Finding f = finding(r, FindingCode.MX_NOT_COVERED, Severity.WARNING, Layer.MX_COVERAGE);
        assertThat(f.message()).isEqualTo("MX host mx2.mail.uncovered.explain.test (preference 20) matches no mx"
                + " pattern of the policy (mx1.uncovered.explain.test, mail.uncovered.explain.test):"
                + " 'mail.uncovered.explain.test' is an exact pattern and names mail.uncovered.explain.test only, not"
                + " mx2.mail.uncovered.explain.test, one label below it; in enforce mode senders would refuse it;"
                + " today they report failures.");
        assertThat(f.remediation()).startsWith("Add 'mx: mx2.mail.uncovered.explain.test' to the policy (an exact"
                + " pattern covers one name only; 'mx: *.mail.uncovered.explain.test' covers every host one label"
                + " below mail.uncovered.explain.test)");
        assertThat(finding(r, FindingCode.MX_PATTERN_UNUSED, Severity.INFO).message())
                .contains("'mail.uncovered.explain.test'");
    }

    @Test
    void aPolicyForAnotherDomainSaysNoPatternEndsInTheHostsDomain() {
        domain("elsewhere.explain.test", policy("enforce", 604800, "mx1.provider.example"))
                .mx(10, "mx1.elsewhere.explain.test");

        ValidationReport r = validator.validate("elsewhere.explain.test");

        Finding f = finding(r, FindingCode.POLICY_MX_COVERS_NO_MX, Severity.ERROR, Layer.MX_COVERAGE);
        assertThat(f.message()).endsWith("all inbound mail from senders that apply MTA-STS is refused;"
                + " mx1.elsewhere.explain.test: no pattern ends in '.elsewhere.explain.test', nor even in '.test'.");
    }

    @Test
    void aLeadingDotPatternIsNamedAsTheDraftsSuffixWithTheWildcardToWrite() {
        domain("leading-dot.explain.test", policy("enforce", 604800, ".leading-dot.explain.test"))
                .mx(10, "mx1.leading-dot.explain.test");

        ValidationReport r = validator.validate("leading-dot.explain.test");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.BROKEN);
        Finding f = finding(r, FindingCode.POLICY_MX_INVALID, Severity.ERROR, Layer.POLICY_PARSE);
        assertThat(f.problem()).contains(ProblemCode.MX_INVALID);
        assertThat(f.message()).isEqualTo("Policy line 3: mx '.leading-dot.explain.test' starts with a dot, the suffix"
                + " form of drafts before RFC 8461 (and of some mail software's domain tables) for any host under"
                + " 'leading-dot.explain.test'; RFC 8461 has no such form, so senders ignore the policy: write"
                + " 'mx: *.leading-dot.explain.test', which covers exactly one label below 'leading-dot.explain.test'"
                + " (mx1.leading-dot.explain.test, not a.b.leading-dot.explain.test), and add"
                + " 'mx: leading-dot.explain.test' too if that name is itself an MX host.");
        assertThat(f.remediation()).isEqualTo("Write 'mx: *.leading-dot.explain.test' on line 3, and a line"
                + " 'mx: leading-dot.explain.test' too if leading-dot.explain.test is itself an MX host.");
    }

    @Test
    void aDraftJsonPolicyIsRecognisedAndTheFixIsTheSamePolicyAsLines() {
        domain("json.explain.test", "{\n  \"version\": \"STSv1\",\n  \"mode\": \"report\",\n"
                + "  \"mx\": [\".json.explain.test\"],\n  \"max_age\": 604800\n}\n").mx(10, "mx1.json.explain.test");

        ValidationReport r = validator.validate("json.explain.test");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.BROKEN);
        Finding f = finding(r, FindingCode.POLICY_SYNTAX, Severity.ERROR, Layer.POLICY_PARSE);
        assertThat(f.problem()).contains(ProblemCode.POLICY_JSON);
        assertThat(f.message()).isEqualTo("Policy line 1: policy is a JSON object, the format of drafts before RFC 8461"
                + " (draft-ietf-uta-mta-sts-01 to -06, 2016-2017); RFC 8461 policies are 'name: value' lines, so"
                + " senders ignore it; publish these lines instead: 'version: STSv1', 'mode: testing',"
                + " 'mx: *.json.explain.test', 'max_age: 604800' (the drafts' mode 'report' is today's 'testing'; a"
                + " leading-dot suffix such as '.json.explain.test' is written '*.json.explain.test', which covers"
                + " exactly one label).");
        assertThat(f.remediation()).isEqualTo("Serve the policy as text/plain 'name: value' lines, one field per line,"
                + " in place of the JSON object: 'version: STSv1', 'mode: testing', 'mx: *.json.explain.test',"
                + " 'max_age: 604800'.");
        assertThat(codes(r)).as("one finding, not one per JSON line").doesNotContain(FindingCode.POLICY_VERSION_INVALID,
                FindingCode.POLICY_MODE_INVALID, FindingCode.POLICY_MAX_AGE_INVALID);
        assertThat(r.findings(FindingCode.POLICY_SYNTAX)).hasSize(1);
        assertThat(r.mxHosts()).singleElement().satisfies(h ->
                assertThat(h.match().kind()).isEqualTo(MxMatchExplanation.Kind.WILDCARD));
    }

    @Test
    void modeReportIsNamedAsTheDraftsValueAndTestingIsTheFix() {
        domain("report.explain.test", policy("report", 86400, "mx1.report.explain.test"))
                .mx(10, "mx1.report.explain.test");

        ValidationReport r = validator.validate("report.explain.test");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.BROKEN);
        Finding f = finding(r, FindingCode.POLICY_MODE_INVALID, Severity.ERROR, Layer.POLICY_PARSE);
        assertThat(f.message()).isEqualTo("Policy line 2: mode 'report' is the value of drafts before RFC 8461 (up to"
                + " draft-ietf-uta-mta-sts-11, 2017) that RFC 8461 renamed 'testing'; senders that follow the RFC treat"
                + " the whole policy as invalid: write 'mode: testing'.");
        assertThat(f.remediation()).contains("'report', from the drafts, is 'testing' today");
    }

    @Test
    void aFieldTypoIsANoteThatNamesTheFieldItResemblesAndTheLineToWrite() {
        domain("typo.explain.test", policy("testing", 86400, "mx1.typo.explain.test")
                + "nmx: mx2.typo.explain.test\r\nmax-age: 604800\r\n").mx(10, "mx1.typo.explain.test");

        ValidationReport r = validator.validate("typo.explain.test");

        assertThat(r.verdict()).as(describe(r)).isEqualTo(Verdict.TESTING);
        assertThat(r.findings(FindingCode.POLICY_NOTE)).as(describe(r)).extracting(Finding::message).containsExactly(
                "Policy line 5: unknown field 'nmx' is ignored by senders; it resembles the field 'mx': if it was"
                        + " meant as that field, write 'mx: mx2.typo.explain.test'.",
                "Policy line 6: unknown field 'max-age' is ignored by senders; it resembles the field 'max_age': if it"
                        + " was meant as that field, write 'max_age: 604800'.");
        assertThat(r.findings(FindingCode.POLICY_NOTE)).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.problem()).contains(ProblemCode.EXTENSION_UNKNOWN);
            assertThat(f.remediation()).contains("misspelling of version, mode, mx or max_age");
        });
        assertThat(withProblem(r, ProblemCode.EXTENSION_UNKNOWN).layer()).isEqualTo(Layer.POLICY_PARSE);
    }

    @Test
    void anUrlAndAPortInMxLinesGetTheHostToWrite() {
        domain("url.explain.test", "version: STSv1\r\nmode: testing\r\nmx: https://mx1.url.explain.test/\r\n"
                + "mx: mx2.url.explain.test:25\r\nmax_age: 86400\r\n").mx(10, "mx1.url.explain.test");

        ValidationReport r = validator.validate("url.explain.test");

        assertThat(r.findings(FindingCode.POLICY_MX_INVALID)).extracting(Finding::remediation).containsExactly(
                "Write 'mx: mx1.url.explain.test' on line 3.", "Write 'mx: mx2.url.explain.test' on line 4.");
        assertThat(r.findings(FindingCode.POLICY_MX_INVALID)).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("is a URL, not a host name"),
                m -> assertThat(m).contains("has a port (':25')"));
    }
}
