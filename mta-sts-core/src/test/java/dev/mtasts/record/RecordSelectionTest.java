package dev.mtasts.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RecordSelectionTest {

    @Test
    void oneRecordAmongOthersIsFoundAndTheLookAlikesAreListed() {
        RecordSelection<StsRecord> s = StsRecord.select(List.of(List.of("v=spf1 -all"), List.of("v=STSv1; id=1"),
                List.of("v=STSv10; id=2"), List.of("V=STSv1; id=3")));

        assertThat(s.status()).isEqualTo(RecordSelection.Status.FOUND);
        assertThat(s.record()).contains(StsRecord.of("1"));
        assertThat(s.candidates()).containsExactly("v=STSv1; id=1");
        assertThat(s.discarded()).containsExactly("v=STSv10; id=2", "V=STSv1; id=3");
    }

    @Test
    void stringsOfOneRecordAreJoinedWithoutSpaces() {
        RecordSelection<StsRecord> s = StsRecord.select(List.of(List.of("v=STSv1; id=abc", "def")));

        assertThat(s.record().orElseThrow().id()).isEqualTo("abcdef");
    }

    @Test
    void twoRecordsMeanNoPolicyEvenWhenOneIsBroken() {
        RecordSelection<StsRecord> s = StsRecord.select(List.of(List.of("v=STSv1; id=1"), List.of("v=STSv1; id=-")));

        assertThat(s.status()).isEqualTo(RecordSelection.Status.MULTIPLE);
        assertThat(s.record()).isEmpty();
        assertThat(s.candidates()).hasSize(2);
    }

    @Test
    void oneInvalidRecordCarriesItsProblems() {
        RecordSelection<TlsRptRecord> s = TlsRptRecord.select(List.of(List.of("v=TLSRPTv1; rua=mailto:a!b@x.example")));

        assertThat(s.status()).isEqualTo(RecordSelection.Status.INVALID);
        assertThat(s.problems()).isNotEmpty();
    }

    @Test
    void spaceBeforeTheFirstSemicolonIsReadAloneButDiscardedAmongOthers() {
        assertThat(StsRecord.select(List.of(List.of("v=STSv1 ;id=x"))).status())
                .isEqualTo(RecordSelection.Status.FOUND);
        RecordSelection<StsRecord> among = StsRecord.select(List.of(List.of("v=STSv1 ;id=x"), List.of("hello")));
        assertThat(among.status()).isEqualTo(RecordSelection.Status.NONE);
        assertThat(among.discarded()).containsExactly("v=STSv1 ;id=x");
    }

    @Test
    void bareVersionIsDiscardedNotParsed() {
        RecordSelection<StsRecord> s = StsRecord.select(List.of(List.of("v=STSv1")));

        assertThat(s.status()).isEqualTo(RecordSelection.Status.NONE);
        assertThat(s.discarded()).containsExactly("v=STSv1");
    }

    @Test
    void emptyAnswerIsNone() {
        assertThat(TlsRptRecord.select(List.of()).status()).isEqualTo(RecordSelection.Status.NONE);
    }

    @Test
    void recordIsPresentExactlyWhenFound() {
        assertThatThrownBy(() -> new RecordSelection<>(RecordSelection.Status.NONE, Optional.of("x"), List.of(),
                List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 1000)
    void selectNeverThrowsForAnyAnswer(@ForAll("answers") List<List<String>> answer) {
        RecordSelection<StsRecord> sts = StsRecord.select(answer);
        RecordSelection<TlsRptRecord> rpt = TlsRptRecord.select(answer);

        assertThat(sts.record().isPresent()).isEqualTo(sts.status() == RecordSelection.Status.FOUND);
        assertThat(rpt.record().isPresent()).isEqualTo(rpt.status() == RecordSelection.Status.FOUND);
    }

    @Property(tries = 300)
    void foundRecordIsTheParseOfTheOneCandidate(@ForAll("answers") List<List<String>> answer) {
        RecordSelection<StsRecord> s = StsRecord.select(answer);
        if (s.status() == RecordSelection.Status.FOUND) {
            assertThat(s.candidates()).hasSize(1);
            assertThat(StsRecord.parse(s.candidates().get(0))).isEqualTo(s.record().orElseThrow());
        }
    }

    @Provide
    Arbitrary<List<List<String>>> answers() {
        Arbitrary<String> string = Arbitraries.oneOf(RecordGenerators.recordLike(), Arbitraries.strings().ofMaxLength(8),
                Arbitraries.of("v=STSv1; id=1", "v=TLSRPTv1; rua=mailto:a@b.example", "v=spf1 -all"));
        return string.list().ofMaxSize(3).list().ofMaxSize(4);
    }
}
