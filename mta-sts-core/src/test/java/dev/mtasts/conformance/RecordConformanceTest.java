package dev.mtasts.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.record.RecordParseException;
import dev.mtasts.record.RecordParseResult;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code conformance/sts-record.tsv} against {@code StsRecord.lenient().parse} and {@link StsRecord#parse},
 * and of {@code conformance/tlsrpt-record.tsv} against {@code TlsRptRecord.lenient().parse} and
 * {@link TlsRptRecord#parse}: the two paths of one idiom, which must agree.
 */
class RecordConformanceTest {

    /** One record type: its table, its lenient and throwing parses, and how it writes itself. */
    record Grammar<T>(String table, Function<String, RecordParseResult<T>> lenient, Function<String, T> parse,
                      Function<T, String> toText) {
    }

    static final Grammar<StsRecord> STS = new Grammar<>("sts-record.tsv", StsRecord.lenient()::parse, StsRecord::parse,
            StsRecord::toText);
    static final Grammar<TlsRptRecord> TLSRPT = new Grammar<>("tlsrpt-record.tsv", TlsRptRecord.lenient()::parse,
            TlsRptRecord::parse, TlsRptRecord::toText);

    record Case(Grammar<?> grammar, String id, String rule, String rfc, boolean valid, Set<ProblemCode> codes,
                String record) {
        @Override
        public String toString() {
            return grammar.table() + " " + id + " [" + rule + "; " + rfc + "]";
        }
    }

    static Stream<Case> cases() {
        return Stream.of(STS, TLSRPT).flatMap(g -> ConformanceTable.rows(g.table(), 6).stream()
                .map(r -> new Case(g, r.get(0), r.get(1), r.get(2), ConformanceTable.validity(r.get(3)),
                        ConformanceTable.codes(r.get(4)), ConformanceTable.unescape(r.get(5)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lenientParseReportsExactlyTheExpectedCodes(Case c) {
        RecordParseResult<?> result = c.grammar().lenient().apply(c.record());

        Set<ProblemCode> actual = result.problems().stream().map(Problem::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).as("codes of %s, problems %s", c, result.problems()).isEqualTo(c.codes());
        assertThat(result.isValid()).as("validity of %s", c).isEqualTo(c.valid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throwingParseAcceptsExactlyTheValidRows(Case c) {
        if (c.valid()) {
            assertRoundTrip(c.grammar(), c);
        } else {
            assertThatThrownBy(() -> c.grammar().parse().apply(c.record())).as("parse of %s", c)
                    .isInstanceOfSatisfying(RecordParseException.class,
                            e -> assertThat(c.codes()).contains(e.problem().code()));
        }
    }

    private static <T> void assertRoundTrip(Grammar<T> grammar, Case c) {
        T record = grammar.parse().apply(c.record());
        assertThat(grammar.parse().apply(grammar.toText().apply(record))).as("round trip of %s", c).isEqualTo(record);
    }
}
