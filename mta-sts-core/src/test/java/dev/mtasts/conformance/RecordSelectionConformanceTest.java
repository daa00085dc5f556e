package dev.mtasts.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.record.RecordSelection;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of {@code conformance/record-selection.tsv} against {@link StsRecord#select} / {@link TlsRptRecord#select}. */
class RecordSelectionConformanceTest {

    record Case(String id, String rule, String rfc, String kind, RecordSelection.Status status,
                Set<ProblemCode> codes, List<List<String>> answer) {
        @Override
        public String toString() {
            return id + " [" + rule + "; " + rfc + "]";
        }
    }

    static Stream<Case> cases() {
        return ConformanceTable.rows("record-selection.tsv", 7).stream().map(r -> new Case(r.get(0), r.get(1),
                r.get(2), r.get(3), RecordSelection.Status.valueOf(r.get(4)), ConformanceTable.codes(r.get(5)),
                ConformanceTable.txtRecords(r.get(6))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void selectionFindsWhatTheTableSays(Case c) {
        RecordSelection<?> selection = switch (c.kind()) {
            case "sts" -> StsRecord.select(c.answer());
            case "tlsrpt" -> TlsRptRecord.select(c.answer());
            default -> throw new IllegalStateException("kind is sts or tlsrpt, not " + c.kind());
        };

        assertThat(selection.status()).as("status of %s: %s", c, selection).isEqualTo(c.status());
        Set<ProblemCode> actual = selection.problems().stream().map(Problem::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).as("codes of %s", c).isEqualTo(c.codes());
        assertThat(selection.record().isPresent()).isEqualTo(c.status() == RecordSelection.Status.FOUND);
        if (c.status() == RecordSelection.Status.FOUND) {
            assertThat(selection.candidates()).hasSize(1);
        }
        if (c.status() == RecordSelection.Status.MULTIPLE) {
            assertThat(selection.candidates()).hasSizeGreaterThan(1);
        }
    }
}
