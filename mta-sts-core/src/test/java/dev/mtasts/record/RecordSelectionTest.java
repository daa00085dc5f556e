package dev.mtasts.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.ProblemCode;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    // ------------------------------------------------------------------ look-alikes: meant as the record, discarded

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"id=20260101; v=STSv1;", "v=STSv1 id=20260101", "v=stsv1; id=1", " v=STSv1; id=1",
        "v = STSv1; id=1", "v\t=\tSTSv1; id=1", "V=STSV1; id=1", "v=STSv10; id=1", "\"v=STSv1; id=1\"",
        "x=1;v=STSv1;id=1"})
    void stsLookAlikeAloneIsDiscardedAndListed(String record) {
        RecordSelection<StsRecord> s = StsRecord.select(List.of(List.of(record)));

        assertThat(s.status()).isEqualTo(RecordSelection.Status.NONE);
        assertThat(s.candidates()).isEmpty();
        assertThat(s.discarded()).containsExactly(record);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rua=mailto:tls@example.com; v=TLSRPTv1", "v=TLSRPTv1 rua=mailto:tls@example.com",
        "v=tlsrptv1; rua=mailto:tls@example.com", " v=TLSRPTv1; rua=mailto:tls@example.com",
        "v = TLSRPTv1; rua=mailto:tls@example.com", "V=TLSRPTv1; rua=mailto:tls@example.com",
        "v=TLSRPTv10; rua=mailto:tls@example.com"})
    void tlsRptLookAlikeAloneIsDiscardedAndListed(String record) {
        RecordSelection<TlsRptRecord> s = TlsRptRecord.select(List.of(List.of(record)));

        assertThat(s.status()).isEqualTo(RecordSelection.Status.NONE);
        assertThat(s.candidates()).isEmpty();
        assertThat(s.discarded()).containsExactly(record);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v=spf1 include:_spf.example.com -all", "google-site-verification=v8stsv1x",
        "v=DMARC1; p=reject", "MS=ms12345678", "dkv=STSv1; id=1", "hello world", "", "v=", "v = "})
    void unrelatedTxtRecordIsNoLookAlikeOfEither(String record) {
        RecordSelection<StsRecord> sts = StsRecord.select(List.of(List.of(record)));
        RecordSelection<TlsRptRecord> rpt = TlsRptRecord.select(List.of(List.of(record)));

        assertThat(sts.discarded()).isEmpty();
        assertThat(rpt.discarded()).isEmpty();
        assertThat(sts.status()).isEqualTo(RecordSelection.Status.NONE);
        assertThat(rpt.status()).isEqualTo(RecordSelection.Status.NONE);
    }

    @Test
    void eachRecordTypeIsNoLookAlikeOfTheOther() {
        List<List<String>> answer = List.of(List.of("v=STSv1; id=1"), List.of("v=TLSRPTv1; rua=mailto:a@b.example"));

        assertThat(StsRecord.select(answer).discarded()).isEmpty();
        assertThat(TlsRptRecord.select(answer).discarded()).isEmpty();
    }

    @Test
    void lookAlikesBesideTheRealRecordAreListedInAnswerOrderAndTheRecordIsStillFound() {
        RecordSelection<StsRecord> s = StsRecord.select(List.of(List.of("id=2; v=STSv1"), List.of("v=spf1 -all"),
                List.of("v=STSv1; id=1"), List.of("v=STSv1 ", "id=3")));

        assertThat(s.status()).isEqualTo(RecordSelection.Status.FOUND);
        assertThat(s.record()).contains(StsRecord.of("1"));
        assertThat(s.candidates()).containsExactly("v=STSv1; id=1");
        assertThat(s.discarded()).containsExactly("id=2; v=STSv1", "v=STSv1 id=3");
    }

    @Test
    void versionTokenSplitAcrossStringsIsFoundInTheJoinedRecord() {
        RecordSelection<TlsRptRecord> s = TlsRptRecord.select(List.of(List.of("rua=mailto:a@b.example; v=TLS",
                "RPTv1")));

        assertThat(s.discarded()).containsExactly("rua=mailto:a@b.example; v=TLSRPTv1");
    }

    @Test
    void loneRecordWithSpaceBeforeTheFirstSemicolonIsStillParsedNotDiscarded() {
        RecordSelection<TlsRptRecord> s = TlsRptRecord.select(List.of(List.of("v=TLSRPTv1 ;rua=mailto:a@b.example")));

        assertThat(s.status()).isEqualTo(RecordSelection.Status.FOUND);
        assertThat(s.discarded()).isEmpty();
        assertThat(s.problems()).extracting(p -> p.code())
                .containsExactly(ProblemCode.RECORD_VERSION_DELIMITER);
    }

    @Property(tries = 500)
    void noRecordIsBothACandidateAndDiscarded(@ForAll("answers") List<List<String>> answer) {
        for (RecordSelection<?> s : List.of(StsRecord.select(answer), TlsRptRecord.select(answer))) {
            assertThat(s.discarded()).filteredOn(s.candidates()::contains).isEmpty();
            assertThat(s.candidates().size() + s.discarded().size()).isLessThanOrEqualTo(answer.size());
        }
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
