package dev.mtasts.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class StsRecordTest {

    @Test
    void parseReadsIdAndExtensions() {
        StsRecord record = StsRecord.parse("v=STSv1; id=20160831085700Z; x-note=a.b");

        assertThat(record.version()).isEqualTo("STSv1");
        assertThat(record.id()).isEqualTo("20160831085700Z");
        assertThat(record.extensions()).containsExactly(new RecordExtension("x-note", "a.b"));
    }

    @Test
    void toTextWritesTheCanonicalForm() {
        assertThat(StsRecord.of("20261129T120000").toText()).isEqualTo("v=STSv1; id=20261129T120000");
        assertThat(StsRecord.parse("v=STSv1;id=a;x=1;").toText()).isEqualTo("v=STSv1; id=a; x=1");
    }

    @Test
    void idIsComparedAsAnExactCaseSensitiveString() {
        assertThat(StsRecord.parse("v=STSv1; id=abc")).isNotEqualTo(StsRecord.parse("v=STSv1; id=ABC"));
    }

    @Test
    void idWithDashesIsRejectedWithColumnAndValue() {
        assertThatThrownBy(() -> StsRecord.parse("v=STSv1; id=2026-01-01"))
                .isInstanceOfSatisfying(RecordParseException.class, e -> {
                    assertThat(e.problem().code()).isEqualTo(ProblemCode.STS_ID_INVALID);
                    assertThat(e.column()).isEqualTo(13);
                    assertThat(e.getMessage()).startsWith("column 13: ").contains("'2026-01-01'").contains("'-'");
                });
    }

    @Test
    void idOfThirtyThreeCharactersIsRejectedNamingTheLimit() {
        assertThatThrownBy(() -> StsRecord.parse("v=STSv1; id=" + "a".repeat(33)))
                .hasMessageContaining("33 characters").hasMessageContaining("32");
    }

    @Test
    void firstIdWins() {
        RecordParseResult<StsRecord> result = StsRecord.lenient().parse("v=STSv1; id=abc; id=def");

        assertThat(result.record().orElseThrow().id()).isEqualTo("abc");
        assertThat(result.problems()).extracting(Problem::code).containsExactly(ProblemCode.RECORD_FIELD_DUPLICATE);
    }

    @Test
    void wrongCaseVersionMessageSaysItIsCaseSensitive() {
        assertThatThrownBy(() -> StsRecord.parse("V=STSv1; id=1")).hasMessageContaining("case-sensitive");
    }

    @Test
    void stsV10IsNotVersionOne() {
        assertThatThrownBy(() -> StsRecord.parse("v=STSv10; id=1")).hasMessageContaining("'v=STSv10'");
    }

    @Test
    void upperCaseIdFieldGetsAHint() {
        RecordParseResult<StsRecord> result = StsRecord.lenient().parse("v=STSv1; ID=abc");

        assertThat(result.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("lower case"));
    }

    @Test
    void constructorRejectsReservedOrRepeatedExtensionNames() {
        assertThatThrownBy(() -> new StsRecord("STSv1", "a", List.of(new RecordExtension("id", "b"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StsRecord("STSv1", "a",
                List.of(new RecordExtension("x", "1"), new RecordExtension("x", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
    }

    @Test
    void constructorRejectsABadId() {
        assertThatThrownBy(() -> StsRecord.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StsRecord.of("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyRecordHasNoVersionAndNullIsRefused() {
        assertThat(StsRecord.lenient().parse("").problems()).extracting(Problem::code)
                .containsExactly(ProblemCode.RECORD_VERSION_INVALID);
        assertThatNullPointerException().isThrownBy(() -> StsRecord.lenient().parse(null)).withMessage("text");
        assertThatNullPointerException().isThrownBy(() -> StsRecord.parse(null)).withMessage("text");
        assertThatNullPointerException().isThrownBy(() -> StsRecord.select(null)).withMessage("txtRecords");
    }

    @Test
    void lenientParserIsOneSharedValueAndAgreesWithTheThrowingParse() {
        assertThat(StsRecord.lenient()).isSameAs(StsRecord.lenient());
        assertThat(StsRecord.lenient().parse("v=STSv1; id=abc").record()).contains(StsRecord.parse("v=STSv1; id=abc"));
        assertThatThrownBy(() -> StsRecord.parse("v=STSv1; id=a_b")).isInstanceOfSatisfying(RecordParseException.class,
                e -> assertThat(e.problems()).isEqualTo(StsRecord.lenient().parse("v=STSv1; id=a_b").problems()));
    }

    @Property(tries = 500)
    void parseOfToTextGivesAnEqualRecord(@ForAll("records") StsRecord record) {
        assertThat(StsRecord.parse(record.toText())).isEqualTo(record);
    }

    @Property(tries = 1000)
    void lenientParseNeverThrows(@ForAll("recordLike") String text) {
        RecordParseResult<StsRecord> result = StsRecord.lenient().parse(text);
        assertThat(result.isValid()).isEqualTo(result.errors().isEmpty());
        result.record().ifPresent(r -> assertThat(StsRecord.parse(r.toText())).isEqualTo(r));
    }

    @Property(tries = 500)
    void lenientParseNeverThrowsForAnyString(@ForAll String text) {
        RecordParseResult<StsRecord> result = StsRecord.lenient().parse(text);
        assertThat(result.isValid()).isEqualTo(result.errors().isEmpty());
    }

    @Property(tries = 300)
    void throwingParseThrowsExactlyWhenLenientHasAnError(@ForAll("recordLike") String text) {
        RecordParseResult<StsRecord> lenient = StsRecord.lenient().parse(text);
        if (lenient.isValid()) {
            assertThat(StsRecord.parse(text)).isEqualTo(lenient.record().orElseThrow());
        } else {
            assertThatThrownBy(() -> StsRecord.parse(text)).isInstanceOf(RecordParseException.class);
        }
    }

    @Provide
    Arbitrary<StsRecord> records() {
        return RecordGenerators.stsRecord();
    }

    @Provide
    Arbitrary<String> recordLike() {
        return RecordGenerators.recordLike();
    }
}
