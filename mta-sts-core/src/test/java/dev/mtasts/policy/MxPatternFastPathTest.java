package dev.mtasts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free check of the usual {@code mx} value never disagrees with every check in turn: whatever it
 * accepts, they accept, so the parser's answer (and message) is the same with or without it.
 */
class MxPatternFastPathTest {

    @Property(tries = 20_000)
    void whatTheFastPathAcceptsEveryCheckAccepts(@ForAll("mxLike") String value) {
        if (MxPattern.isPlainValid(value)) {
            assertThat(MxPattern.everyCheck(value)).as(value).isEmpty();
        }
        assertThat(MxPattern.defect(value).isEmpty()).isEqualTo(MxPattern.everyCheck(value).isEmpty());
    }

    @Property(tries = 10_000)
    void arbitraryTextGetsTheSameAnswerBothWays(@ForAll String value) {
        assertThat(MxPattern.defect(value)).isEqualTo(MxPattern.everyCheck(value));
    }

    @Test
    void theUsualValuesTakeTheFastPathAndTheRestTheLongWay() {
        assertThat(MxPattern.isPlainValid("mx1.example.com")).isTrue();
        assertThat(MxPattern.isPlainValid("*.mail.Example.NET")).isTrue();
        assertThat(MxPattern.isPlainValid("a".repeat(63) + ".com")).isTrue();
        // left to every check: valid or not, they decide and explain
        assertThat(MxPattern.isPlainValid("xn--bcher-kva.example")).isFalse();
        assertThat(MxPattern.isPlainValid("a".repeat(64) + ".com")).isFalse();
        assertThat(MxPattern.isPlainValid("mx.example.com.")).isFalse();
        assertThat(MxPattern.isPlainValid("-mx.example.com")).isFalse();
        assertThat(MxPattern.isPlainValid("*.")).isFalse();
        assertThat(MxPattern.isPlainValid("")).isFalse();
        assertThat(MxPattern.isPlainValid("*.*.example.com")).isFalse();
        assertThat(MxPattern.isPlainValid("mx..example.com")).isFalse();
    }

    @Provide
    Arbitrary<String> mxLike() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcXYZ019-*_.")
                .ofMinLength(0).ofMaxLength(70);
        Arbitrary<String> special = Arbitraries.of("xn--", "XN--", "-", ".", "*.", "xn--bcher-kva");
        Arbitrary<String> part = Arbitraries.oneOf(label, special);
        return Combinators.combine(Arbitraries.of("", "*.", "*"), part.list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.of("", ".", "-"))
                .as((prefix, parts, suffix) -> prefix + String.join(".", parts) + suffix);
    }
}
