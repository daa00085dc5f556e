package dev.mtasts.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.policy.PolicyParseResult;
import dev.mtasts.policy.PolicyParser;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code conformance/policy.cases} against {@link PolicyParser#lenient()} and {@link MtaStsPolicy#parse}:
 * the two paths of one idiom, which must agree.
 */
class PolicyConformanceTest {

    record Case(String id, String rule, String rfc, boolean valid, Set<ProblemCode> codes, String body) {
        @Override
        public String toString() {
            return id + " [" + rule + "; " + rfc + "]";
        }
    }

    static Stream<Case> cases() {
        return ConformanceTable.blocks("policy.cases").stream().map(b -> new Case(b.id(), b.key("rule"), b.key("rfc"),
                ConformanceTable.validity(b.key("expect")), ConformanceTable.codes(b.key("codes")), b.body()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lenientParserReportsExactlyTheExpectedCodes(Case c) {
        PolicyParseResult result = PolicyParser.lenient().parse(c.body());

        Set<ProblemCode> actual = result.problems().stream().map(Problem::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).as("problem codes of %s, problems %s", c, result.problems()).isEqualTo(c.codes());
        assertThat(result.isValid()).as("validity of %s, problems %s", c, result.problems()).isEqualTo(c.valid());
        assertThat(result.errors().isEmpty()).as("valid exactly when there is no ERROR").isEqualTo(c.valid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throwingParseAcceptsExactlyTheValidCases(Case c) {
        if (c.valid()) {
            MtaStsPolicy policy = MtaStsPolicy.parse(c.body());
            assertThat(MtaStsPolicy.parse(policy.toText())).as("round trip of %s", c).isEqualTo(policy);
        } else {
            assertThatThrownBy(() -> MtaStsPolicy.parse(c.body()))
                    .as("parse of %s", c)
                    .isInstanceOfSatisfying(PolicyParseException.class, e -> {
                        assertThat(e.problem().severity()).isEqualTo(Severity.ERROR);
                        assertThat(c.codes()).contains(e.problem().code());
                        assertThat(e.getMessage()).startsWith("line " + e.line() + ", column " + e.column() + ": ");
                    });
        }
    }
}
