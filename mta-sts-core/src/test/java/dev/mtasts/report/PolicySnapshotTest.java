package dev.mtasts.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicySnapshotTest {

    private static final String SHA = "3f1a0000000000000000000000000000000000000000000000000000000000e9";

    @Test
    void lineHasTheFiveFieldsInOrder() {
        PolicySnapshot s = new PolicySnapshot("example.com", "20261129T120000", SHA, Instant.parse("2026-11-29T12:00:00Z"));

        assertThat(s.toLine()).isEqualTo("example.com 20261129T120000 " + SHA + " 2026-11-29T12:00:00Z unknown");
        assertThat(PolicySnapshot.parseLine(s.toLine())).isEqualTo(s);
        assertThat(PolicySnapshot.parseLine("  " + s.toLine() + "\n")).isEqualTo(s);
    }

    @Provide
    Arbitrary<PolicySnapshot> snapshots() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> id = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(32);
        Arbitrary<String> sha = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        Arbitrary<Instant> at = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        return net.jqwik.api.Combinators.combine(label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l)),
                id, sha, at).as(PolicySnapshot::new);
    }

    @Property
    void parseLineReadsWhatToLineWrites(@ForAll("snapshots") PolicySnapshot s) {
        assertThat(PolicySnapshot.parseLine(s.toLine())).isEqualTo(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "example.com id " + SHA,
            "example.com id " + SHA + " 2026-11-29T12:00:00Z extra",
            "example.com id " + SHA + " yesterday",
            "example.com id ABCDEF 2026-11-29T12:00:00Z",
            "example.com  id " + SHA + " 2026-11-29T12:00:00Z"})
    void malformedLinesAreRejected(String line) {
        assertThatThrownBy(() -> PolicySnapshot.parseLine(line)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upperCaseDigestIsRejected() {
        assertThatThrownBy(() -> new PolicySnapshot("example.com", "1", SHA.toUpperCase(), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
