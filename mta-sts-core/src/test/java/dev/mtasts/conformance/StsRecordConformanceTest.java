package dev.mtasts.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.record.RecordParseException;
import dev.mtasts.record.RecordParseResult;
import dev.mtasts.record.StsRecord;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of {@code conformance/sts-record.tsv} against {@link StsRecord#parseLenient} and {@link StsRecord#parse}. */
class StsRecordConformanceTest {

    record Case(String id, String rule, String rfc, boolean valid, Set<ProblemCode> codes, String record) {
        @Override
        public String toString() {
            return id + " [" + rule + "; " + rfc + "]";
        }
    }

    static Stream<Case> cases() {
        return ConformanceTable.rows("sts-record.tsv", 6).stream().map(r -> new Case(r.get(0), r.get(1), r.get(2),
                ConformanceTable.validity(r.get(3)), ConformanceTable.codes(r.get(4)),
                ConformanceTable.unescape(r.get(5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lenientParseReportsExactlyTheExpectedCodes(Case c) {
        RecordParseResult<StsRecord> result = StsRecord.parseLenient(c.record());

        Set<ProblemCode> actual = result.problems().stream().map(Problem::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).as("codes of %s, problems %s", c, result.problems()).isEqualTo(c.codes());
        assertThat(result.isValid()).as("validity of %s", c).isEqualTo(c.valid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void strictParseAcceptsExactlyTheValidRows(Case c) {
        if (c.valid()) {
            StsRecord record = StsRecord.parse(c.record());
            assertThat(StsRecord.parse(record.toText())).as("round trip of %s", c).isEqualTo(record);
        } else {
            assertThatThrownBy(() -> StsRecord.parse(c.record())).as("strict parse of %s", c)
                    .isInstanceOfSatisfying(RecordParseException.class,
                            e -> assertThat(c.codes()).contains(e.problem().code()));
        }
    }
}
