package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNameTest {

    @Test
    void nameIsLowerCasedAndLosesOneTrailingDot() {
        assertThat(DomainName.of("MX1.Example.COM.").value()).isEqualTo("mx1.example.com");
        assertThat(DomainName.of("Example.COM")).isEqualTo(DomainName.of("example.com."));
    }

    @Test
    void uLabelsBecomeALabels() {
        DomainName name = DomainName.of("B\u00fccher.Example");

        assertThat(name.value()).isEqualTo("xn--bcher-kva.example");
        assertThat(name.unicode()).isEqualTo("b\u00fccher.example");
    }

    @Test
    void ideographicFullStopSeparatesLabels() {
        assertThat(DomainName.of("b\u00fccher\u3002example").value()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void underscoreLabelsAreAcceptedForServiceNames() {
        assertThat(DomainName.of("example.com").prefixedWith("_smtp._tls").value())
                .isEqualTo("_smtp._tls.example.com");
    }

    @ParameterizedTest(name = "''{0}'' is rejected mentioning ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "''            | empty",
        ".             | root",
        "a..b          | empty label",
        ".a            | empty label",
        "a.b..         | empty label",
        "a b.example   | whitespace",
        "a.exa\tmple   | whitespace",
        "a\u00a0b.example | whitespace",
        "192.0.2.1     | IP address",
        "[::1]         | IP address",
        "2001:db8::1   | IP address",
        "mx.example:25 | port",
        "*.example.com | wildcard",
        "-a.example    | '-'",
        "a-.example    | '-'",
        "a!.example    | '!'",
        "example.123   | all digits"})
    void invalidNameIsRejectedNamingTheProblem(String input, String mention) {
        assertThatThrownBy(() -> DomainName.of(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(mention);
    }

    @Test
    void labelOf64IsRejectedNamingTheLabelAndTheLimit() {
        assertThatThrownBy(() -> DomainName.of("a".repeat(64) + ".example"))
                .hasMessageContaining("64 characters").hasMessageContaining("63");
    }

    @Test
    void nameOf254IsRejectedNamingTheLimit() {
        String name = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(62));

        assertThat(name).hasSize(254);
        assertThatThrownBy(() -> DomainName.of(name)).hasMessageContaining("254").hasMessageContaining("253");
        assertThat(DomainName.of(name.substring(1)).value()).hasSize(253);
        assertThat(DomainName.of(name.substring(1) + ".").value()).hasSize(253);
    }

    @Test
    void controlCharactersAreEscapedInTheMessage() {
        assertThatThrownBy(() -> DomainName.of("a\u0000b.example")).hasMessageContaining("\\u0000");
    }

    @Test
    void nullIsRefusedByNameAndTryParseIsEmptyForABadName() {
        assertThatThrownBy(() -> DomainName.of(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> DomainName.tryParse(null)).isInstanceOf(NullPointerException.class);
        assertThat(DomainName.tryParse("a..b")).isEmpty();
    }

    @Test
    void labelsParentAndWithin() {
        DomainName name = DomainName.of("mx1.example.com");

        assertThat(name.labels()).containsExactly("mx1", "example", "com");
        assertThat(name.labelCount()).isEqualTo(3);
        assertThat(name.parent()).contains(DomainName.of("example.com"));
        assertThat(DomainName.of("com").parent()).isEmpty();
        assertThat(name.isWithin(DomainName.of("example.com"))).isTrue();
        assertThat(name.isWithin(name)).isTrue();
        assertThat(DomainName.of("x.evilexample.com").isWithin(DomainName.of("example.com"))).isFalse();
    }

    // ------------------------------------------------------------------ accepts exactly what the rules allow

    /** The reference, written from RFC 1035 §2.3.4 and the class contract, for ASCII input. */
    static boolean referenceAccepts(String input) {
        String name = input.endsWith(".") ? input.substring(0, input.length() - 1) : input;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        List<String> labels = List.of(name.split("\\.", -1));
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (char c : label.toCharArray()) {
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                        || c == '_';
                if (!ok) {
                    return false;
                }
            }
        }
        return !labels.get(labels.size() - 1).chars().allMatch(Character::isDigit);
    }

    @Property(tries = 3000)
    void acceptsExactlyWhatTheLengthAndCharacterRulesAllow(@ForAll("names") String input) {
        boolean expected = referenceAccepts(input);

        assertThat(DomainName.tryParse(input).isPresent()).as("'%s' (%d chars)", input, input.length())
                .isEqualTo(expected);
        if (expected) {
            String value = DomainName.of(input).value();
            assertThat(value).isEqualTo((input.endsWith(".") ? input.substring(0, input.length() - 1) : input)
                    .toLowerCase(Locale.ROOT));
            assertThat(DomainName.of(value)).isEqualTo(DomainName.of(input));
        }
    }

    @Property(tries = 1000)
    void neverThrowsAnythingButIllegalArgumentException(@ForAll String input) {
        try {
            DomainName name = DomainName.of(input);
            assertThat(name.value().length()).isBetween(1, 253);
            assertThat(DomainName.of(name.value())).isEqualTo(name);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> allowed = Arbitraries.strings().withChars("abcxyzABCXYZ0189-_").ofMinLength(1)
                .ofMaxLength(3);
        Arbitrary<Integer> length = Arbitraries.of(0, 1, 2, 3, 30, 61, 62, 63, 64);
        Arbitrary<String> goodLabel = Combinators.combine(length, Arbitraries.of('a', 'Z', '7', '_', '-'), allowed)
                .as((n, fill, edge) -> n == 0 ? "" : (edge + String.valueOf(fill).repeat(64)).substring(0, n));
        Arbitrary<String> badLabel = Combinators.combine(allowed, Arbitraries.of(" ", "*", ":", "[", "!", "/", "\t",
                "@", "\u0000"), allowed).as((a, b, c) -> a + b + c);
        Arbitrary<String> label = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, goodLabel), net.jqwik.api.Tuple.of(1, badLabel),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("123", "0", "com", "-", "a-", "-a", "xn--bcher-kva")));
        return Combinators.combine(label.list().ofMinSize(1).ofMaxSize(6), Arbitraries.of("", "", ".", ".."))
                .as((l, dot) -> String.join(".", l) + dot);
    }
}
