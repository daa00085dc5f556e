package dev.mtasts.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import org.junit.jupiter.api.Test;

class RecordExtensionTest {

    @Test
    void nameOfThirtyTwoCharactersIsTheLongest() {
        assertThat(new RecordExtension("a" + "b".repeat(31), "1").name()).hasSize(32);
        assertThatThrownBy(() -> new RecordExtension("a" + "b".repeat(32), "1"))
                .hasMessage("field name '" + "a" + "b".repeat(32) + "' is longer than 32 characters");
    }

    @Test
    void badNameMessageNamesTheCharacterAndTheRule() {
        assertThatThrownBy(() -> new RecordExtension("_x", "1")).hasMessage("field name '_x' has '_'; names are"
                + " letters, digits, '_', '-' and '.', starting with a letter or digit");
        assertThatThrownBy(() -> new RecordExtension("", "1")).hasMessage("field name is empty");
    }

    @Test
    void nonAsciiIsEscapedBecauseRecordsAreUsAscii() {
        assertThatThrownBy(() -> new RecordExtension("caf\u00e9", "1"))
                .hasMessageStartingWith("field name 'caf\\u00e9' has '\\u00e9';");
    }

    @Test
    void valueIsPrintableAsciiWithoutSpaceSemicolonOrEquals() {
        assertThat(new RecordExtension("x", "!:<>~").value()).isEqualTo("!:<>~");
        assertThatThrownBy(() -> new RecordExtension("x", "a b")).hasMessage("field 'x' value 'a b' has ' ';"
                + " values are printable ASCII without space, ';' and '='");
        assertThatThrownBy(() -> new RecordExtension("x", "a=b")).hasMessageContaining("has '='");
        assertThatThrownBy(() -> new RecordExtension("x", "a;b")).hasMessageContaining("has ';'");
        assertThatThrownBy(() -> new RecordExtension("x", "")).hasMessage("field 'x' has an empty value");
    }

    @Test
    void lenientParseReportsABadExtensionAtItsColumnWithTheSameReason() {
        Problem problem = StsRecord.lenient().parse("v=STSv1; id=1; _x=1").errors().get(0);

        assertThat(problem.code()).isEqualTo(ProblemCode.RECORD_EXTENSION_INVALID);
        assertThat(problem.column()).isEqualTo(16);
        assertThatThrownBy(() -> new RecordExtension("_x", "1")).hasMessage(problem.message());
    }

    @Test
    void nullNameOrValueIsRefusedByName() {
        assertThatNullPointerException().isThrownBy(() -> new RecordExtension(null, "1")).withMessage("name");
        assertThatNullPointerException().isThrownBy(() -> new RecordExtension("x", null)).withMessage("value");
    }
}
