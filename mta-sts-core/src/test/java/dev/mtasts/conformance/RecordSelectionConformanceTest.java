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

    record Case(String id, String rule, String rfc, String kind, RecordSelection.Status status, int discarded,
                Set<ProblemCode> codes, List<List<String>> answer) {
        @Override
        public String toString() {
            return id + " [" + rule + "; " + rfc + "]";
        }
    }

    static Stream<Case> cases() {
        return ConformanceTable.rows("record-selection.tsv", 8).stream().map(r -> new Case(r.get(0), r.get(1),
                r.get(2), r.get(3), RecordSelection.Status.valueOf(r.get(4)), Integer.parseInt(r.get(5)),
                ConformanceTable.codes(r.get(6)), ConformanceTable.txtRecords(r.get(7))));
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
        if (c.status() == RecordSelection.Status.NONE) {
            assertThat(selection.candidates()).as("candidates of %s", c).isEmpty();
        }
        assertThat(selection.discarded()).as("look-alikes of %s", c).hasSize(c.discarded());
        assertThat(selection.discarded()).as("a look-alike is never a candidate too")
                .filteredOn(selection.candidates()::contains).isEmpty();
        List<String> joined = c.answer().stream().map(strings -> String.join("", strings)).toList();
        assertThat(joined).as("look-alikes are records of the answer, joined").containsAll(selection.discarded());
    }
}
