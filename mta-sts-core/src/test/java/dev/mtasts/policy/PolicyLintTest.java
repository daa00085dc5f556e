package dev.mtasts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The parser names what a mistaken value is and what to write instead: {@code mx} values that are not host names,
 * the drafts' artefacts ({@code mode: report}, leading-dot patterns, JSON bodies), and unknown fields that resemble
 * known ones. The codes stay those the conformance table pins; only the messages explain more.
 */
class PolicyLintTest {

    private static final String HEAD = "version: STSv1\nmode: enforce\n";

    private static Problem onlyProblem(String body) {
        List<Problem> problems = PolicyParser.lenient().parse(body).problems();
        assertThat(problems).as(body).hasSize(1);
        return problems.get(0);
    }

    private static Problem mxProblem(String value) {
        return onlyProblem(HEAD + "mx: " + value + "\nmax_age: 86400\n");
    }

    // ------------------------------------------------------------------ mx values

    @Test
    void aLeadingDotIsNamedAsTheDraftsSuffixFormWithTheWildcardToWrite() {
        Problem p = mxProblem(".example.com");

        assertThat(p.code()).isEqualTo(ProblemCode.MX_INVALID);
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.message()).contains("starts with a dot", "drafts before RFC 8461", "senders ignore the policy",
                "write 'mx: *.example.com'", "exactly one label below 'example.com'", "not a.b.example.com",
                "add 'mx: example.com' too");
        assertThat(MxPattern.suggestion(".example.com")).contains(MxPattern.of("*.example.com"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://mx.example.com/               | is a URL, not a host name; write the host alone: 'mx: mx.example.com'",
        "smtp://user@MX.example.com:25/x?y      | is a URL, not a host name; write the host alone: 'mx: mx.example.com'",
        "postmaster@example.com                 | is a mail address, not a host name; list the hosts that receive the mail for example.com",
        "mailto:tls@example.com                 | is a mail address",
        "mx.example.com:25                      | has a port (':25'); a pattern names a host only, and senders connect to port 25 whatever it says: write 'mx: mx.example.com'",
        "[192.0.2.1]                            | is an IP address literal; patterns match MX host names, never addresses: list the host name the MX record points to",
        "2001:db8::25                           | is an IPv6 address; patterns match MX host names, never addresses",
        "mx:mx.example.com                      | repeats the field name; write 'mx: mx.example.com'",
        "a:b                                    | has a ':'; only host names are allowed"})
    void aValueThatIsNotAHostNameIsNamedAsWhatItIs(String value, String expected) {
        Problem p = mxProblem(value);

        assertThat(p.code()).isEqualTo(ProblemCode.MX_INVALID);
        assertThat(p.message()).startsWith("mx '" + value + "' ").contains(expected);
    }

    @Test
    void anIpAddressPatternIsAWarningThatSaysToListTheHostName() {
        Problem p = mxProblem("192.0.2.25");

        assertThat(p.code()).isEqualTo(ProblemCode.MX_IP_ADDRESS);
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.message()).contains("looks like an IP address", "matches nothing",
                "list the host name the MX record points to instead");
    }

    @Test
    void aULabelGetsTheALabelsToWrite() {
        Problem p = mxProblem("mx.bücher.example");

        assertThat(p.code()).isEqualTo(ProblemCode.MX_U_LABEL);
        assertThat(p.message()).contains("Punycode A-labels", "write 'mx: mx.xn--bcher-kva.example'");
        assertThat(mxProblem("*.bücher.example").message()).contains("write 'mx: *.xn--bcher-kva.example'");
        assertThat(MxPattern.suggestion("MX.Bücher.example")).contains(MxPattern.of("mx.xn--bcher-kva.example"));
    }

    @Test
    void aTrailingDotGetsTheNameToWrite() {
        Problem p = mxProblem("mx.example.com.");

        assertThat(p.code()).isEqualTo(ProblemCode.MX_TRAILING_DOT);
        assertThat(p.message()).contains("write the name without the trailing dot: 'mx: mx.example.com'");
    }

    @Test
    void listsCommentsAndStraySpacesAreToldApart() {
        Problem list = mxProblem("mx1.example.com mx2.example.com");
        assertThat(list.code()).isEqualTo(ProblemCode.MX_MULTIPLE_VALUES);
        assertThat(list.message()).contains("lists several hosts; give each its own 'mx:' line: 'mx: mx1.example.com'"
                + " and 'mx: mx2.example.com'");

        Problem comment = mxProblem("mx1.example.com # primary");
        assertThat(comment.code()).isEqualTo(ProblemCode.MX_MULTIPLE_VALUES);
        assertThat(comment.message()).contains("has a comment", "write 'mx: mx1.example.com' alone");

        Problem space = mxProblem("mx1. example.com");
        assertThat(space.code()).isEqualTo(ProblemCode.MX_MULTIPLE_VALUES);
        assertThat(space.message()).contains("has whitespace inside the name; write 'mx: mx1.example.com'");
    }

    @Test
    void suggestionsAreGivenOnlyWhereTheValueShowsTheHost() {
        assertThat(MxPattern.suggestion("https://mx.example.com/")).contains(MxPattern.of("mx.example.com"));
        assertThat(MxPattern.suggestion("mx.example.com:25")).contains(MxPattern.of("mx.example.com"));
        assertThat(MxPattern.suggestion("mx.example.com.")).contains(MxPattern.of("mx.example.com"));
        assertThat(MxPattern.suggestion("mx.example.com # primary")).contains(MxPattern.of("mx.example.com"));
        assertThat(MxPattern.suggestion("mx.example.com\u00a0")).contains(MxPattern.of("mx.example.com"));
        assertThat(MxPattern.suggestion("mx1 .example.com")).contains(MxPattern.of("mx1.example.com"));
        assertThat(MxPattern.suggestion("postmaster@example.com")).isEmpty();
        assertThat(MxPattern.suggestion("mx1.example.com mx2.example.com")).isEmpty();
        assertThat(MxPattern.suggestion("[192.0.2.1]")).isEmpty();
        assertThat(MxPattern.suggestion("mx.example.com")).as("already valid").isEmpty();
        assertThat(MxPattern.suggestion("a".repeat(100_000) + ".")).isEmpty();
    }

    // ------------------------------------------------------------------ mode

    @Test
    void modeReportIsNamedAsTheDraftsValueForTesting() {
        Problem p = onlyProblem("version: STSv1\nmode: report\nmx: mx.example.com\nmax_age: 86400\n");

        assertThat(p.code()).isEqualTo(ProblemCode.MODE_INVALID);
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.message()).contains("'report'", "drafts before RFC 8461", "renamed 'testing'",
                "treat the whole policy as invalid", "write 'mode: testing'");
    }

    @ParameterizedTest
    @CsvSource({"enforcing,enforce", "enforced,enforce", "test,testing", "reporting,testing", "off,none",
        "disabled,none", "enfrce,enforce", "tseting,testing", "Enforce,enforce"})
    void aMistakenModeGetsTheModeItWasProbablyMeantAs(String value, String meant) {
        Problem p = onlyProblem("version: STSv1\nmode: " + value + "\nmx: mx.example.com\nmax_age: 86400\n");

        assertThat(p.code()).isEqualTo(ProblemCode.MODE_INVALID);
        assertThat(p.message()).contains("'" + meant + "'");
    }

    @Test
    void aModeUnlikeAnyGetsNoGuess() {
        Problem p = onlyProblem("version: STSv1\nmode: strict\nmx: mx.example.com\nmax_age: 86400\n");

        assertThat(p.message()).isEqualTo("mode 'strict' is not one of 'enforce', 'testing', 'none'");
    }

    // ------------------------------------------------------------------ unknown fields

    @ParameterizedTest
    @CsvSource({"nmx,mx", "mx_,mx", "mxs,mx", "mx1,mx", "max-age,max_age", "maxage,max_age", "MAX-AGE,max_age",
        "max.age,max_age", "max_aeg,max_age", "mdoe,mode", "mod,mode", "modes,mode", "verison,version",
        "vesion,version", "v,version"})
    void anUnknownFieldThatResemblesAKnownOneNamesItAndTheLineToWrite(String name, String known) {
        PolicyParseResult r = PolicyParser.lenient().parse("version: STSv1\nmode: enforce\nmx: mx.example.com\n"
                + "max_age: 86400\n" + name + ": some value\n");

        assertThat(r.problems()).extracting(Problem::code).contains(ProblemCode.EXTENSION_UNKNOWN);
        Problem p = r.problems().stream().filter(x -> x.code() == ProblemCode.EXTENSION_UNKNOWN).findFirst()
                .orElseThrow();
        assertThat(p.severity()).isEqualTo(Severity.INFO);
        assertThat(p.message()).contains("unknown field '" + name + "'", "resembles the field '" + known + "'",
                "write '" + known + ": some value'");
    }

    @Test
    void aFieldNameInTheWrongCaseStaysACaseProblem() {
        Problem p = onlyProblem("version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 86400\nMax_Age: 1\n");

        assertThat(p.code()).isEqualTo(ProblemCode.FIELD_NAME_CASE);
        assertThat(p.message()).contains("'max_age'");
    }

    @ParameterizedTest
    @CsvSource({"note", "id2x", "report-uri", "comment", "x-mode", "mxhosts"})
    void anUnknownFieldUnlikeAnyKnownOneGetsNoGuess(String name) {
        Problem p = onlyProblem("version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 86400\n" + name
                + ": x\n");

        assertThat(p.code()).isEqualTo(ProblemCode.EXTENSION_UNKNOWN);
        assertThat(p.message()).isEqualTo("unknown field '" + name + "' is ignored by senders");
    }

    @Test
    void recordFieldsInThePolicyAreNamedAsSuch() {
        assertThat(onlyProblem("version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 86400\nid: 2026\n")
                .message()).contains("belongs in the _mta-sts TXT record");
        assertThat(onlyProblem("version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 86400\n"
                + "rua: mailto:a@example.com\n").message()).contains("_smtp._tls");
    }

    // ------------------------------------------------------------------ JSON policies of the drafts

    @Test
    void aDraftJsonPolicyIsOneProblemWithTheLinesToPublish() {
        String json = "{\n  \"version\": \"STSv1\",\n  \"mode\": \"report\",\n"
                + "  \"mx\": [\".mail.example.com\", \"mx1.example.com\"],\n  \"max_age\": 123456,\n"
                + "  \"policy_id\": \"abc\"\n}\n";
        PolicyParseResult r = PolicyParser.lenient().parse(json);

        assertThat(r.isValid()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.POLICY_JSON);
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("JSON object", "drafts before RFC 8461", "senders ignore it",
                    "publish these lines instead: 'version: STSv1', 'mode: testing', 'mx: *.mail.example.com',"
                            + " 'mx: mx1.example.com', 'max_age: 123456'",
                    "'report' is today's 'testing'", "'.mail.example.com' is written '*.mail.example.com'",
                    "'policy_id' is now the id of the _mta-sts TXT record");
        });
        // the readings are what the JSON means, so a report can still match MX hosts against its patterns
        assertThat(r.mode()).contains(PolicyMode.TESTING);
        assertThat(r.mx()).containsExactly(MxPattern.of("*.mail.example.com"), MxPattern.of("mx1.example.com"));
        assertThat(r.maxAge()).contains(java.time.Duration.ofSeconds(123456));
        assertThat(r.version()).contains("STSv1");
    }

    @Test
    void aJsonPolicyWithAnUnreadableFieldSaysWhichAndTheShapeToWrite() {
        Problem p = onlyProblem("{\"version\": \"STSv1\", \"mode\": \"strict\", \"mx\": \"mx.example.com\","
                + " \"max_age\": \"86400\"}");

        assertThat(p.code()).isEqualTo(ProblemCode.POLICY_JSON);
        assertThat(p.message()).contains("rewrite it as lines 'version: STSv1'", "its mode 'strict' is not enforce,"
                + " testing or none");
    }

    @Test
    void aBodyThatOnlyStartsLikeJsonIsStillNamedSo() {
        for (String body : new String[] {"{", "{\"mx\": {\"nested\": 1}}", "{\"a\": 1} trailing", "  \n{\"a\": [1,",
            "{" + "\"mx\": [".repeat(5_000)}) {
            String shown = body.length() > 40 ? body.substring(0, 40) + "..." : body;
            List<Problem> problems = PolicyParser.lenient().parse(body).problems();

            assertThat(problems).as(shown).hasSize(1);
            assertThat(problems.get(0).code()).as(shown).isEqualTo(ProblemCode.POLICY_JSON);
            assertThat(problems.get(0).message()).as(shown).startsWith("policy starts with '{' like a JSON object");
        }
        assertThat(onlyProblem("\n\n  {}").line()).isEqualTo(3);
        assertThat(onlyProblem("\n\n  {}").column()).isEqualTo(3);
    }

    @Test
    void aLargeJsonBodyIsReadInBoundedTimeAndItemCount() {
        StringBuilder json = new StringBuilder("{\"version\": \"STSv1\", \"mode\": \"enforce\", \"max_age\": 86400,"
                + " \"mx\": [");
        for (int i = 0; i < 2000; i++) {
            json.append(i == 0 ? "" : ",").append("\"m").append(i).append(".example.com\"");
        }
        json.append("]}");
        long start = System.nanoTime();
        Problem p = onlyProblem(json.toString());

        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(p.code()).isEqualTo(ProblemCode.POLICY_JSON);
        assertThat(p.message()).as("over %d items the body is not read", DraftJsonPolicy.MAX_MEMBERS)
                .startsWith("policy starts with '{'");
        Problem small = onlyProblem("{\"mode\": \"enforce\", \"max_age\": 86400, \"mx\": [\"a.example\", \"b.example\","
                + " \"c.example\", \"d.example\", \"e.example\", \"f.example\", \"g.example\"]}");
        assertThat(small.message()).contains("'mx: e.example', 2 more mx lines, 'max_age: 86400'");
    }

    @Test
    void aStrictParseOfAJsonPolicyThrowsWithTheSameProblem() {
        String json = "{\"version\": \"STSv1\", \"mode\": \"enforce\", \"mx\": [\"mx.example.com\"], \"max_age\": 1}";

        assertThat(Optional.ofNullable(catchParse(json))).hasValueSatisfying(e ->
                assertThat(e.problem().code()).isEqualTo(ProblemCode.POLICY_JSON));
    }

    private static PolicyParseException catchParse(String text) {
        try {
            MtaStsPolicy.parse(text);
            return null;
        } catch (PolicyParseException e) {
            return e;
        }
    }
}
