package dev.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile domain arguments (issue 16): anyone can type anything into a form that embeds the library, so every input
 * below is refused by {@link DomainName#of(String)} with an {@link IllegalArgumentException} whose message names the
 * problem (and by {@link DomainName#tryParse(String)} with empty), and every valid IDN is converted to A-labels and
 * checked. The validator takes its domain through {@code DomainName.of}, so {@code validate(input)} throws the same
 * exception before any look-up (its own tests cover that path).
 */
class HostileDomainInputTest {

    private static final String LABEL_63 = "a".repeat(63);

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("", "is empty"),
                refused(" ", "whitespace at position 1"),
                refused("\t", "whitespace at position 1"),
                refused(" example.com", "whitespace at position 1"),
                refused("example.com ", "whitespace at position 12"),
                refused("exam ple.com", "whitespace at position 5"),
                refused("example.com\n", "whitespace at position 12"),
                refused("example\u00a0.com", "whitespace at position 8"),
                refused("example\u3000com", "whitespace at position 8"),
                refused(String.join(".", LABEL_63, LABEL_63, LABEL_63, "a".repeat(62)), "254 characters long; the limit is 253"),
                refused("a.".repeat(200) + "com", "characters long; the limit is 253"),
                refused("a".repeat(100_000) + ".com", "100004 characters long; the limit is 253"),
                refused("a".repeat(64) + ".example.com", "64 characters long; the limit is 63"),
                refused("..", "empty label"),
                refused("a..example.com", "empty label"),
                refused(".example.com", "empty label"),
                refused("example.com..", "empty label"),
                refused(".", "only the root"),
                refused("192.0.2.1", "looks like an IP address"),
                refused("192.0.2.1.", "looks like an IP address"),
                refused("127.1", "looks like an IP address"),
                refused("::1", "is an IP address (IPv6)"),
                refused("2001:db8::1", "is an IP address (IPv6)"),
                refused("::ffff:192.0.2.1", "is an IP address (IPv6)"),
                refused("[2001:db8::1]", "IP address literal"),
                refused("[192.0.2.1]", "IP address literal"),
                refused("http://example.com/", "is a URL"),
                refused("https://example.com", "is a URL"),
                refused("example.com/.well-known/mta-sts.txt", "contains '/'"),
                refused("example.com:443", "has a port"),
                refused("user@example.com", "is a mail address"),
                refused("@example.com", "is a mail address"),
                refused("*.example.com", "wildcard"),
                refused("-example.com", "starts or ends with '-'"),
                refused("example-.com", "starts or ends with '-'"),
                refused("exa$mple.com", "contains '$'"),
                refused("\u2603.example", "U+2603"),                       // snowman: a symbol, not a letter
                refused("xn--zz.example", "not a valid A-label"),          // Punycode that decodes to nothing valid
                refused("xn--.example", "starts or ends with '-'"),
                refused("stra\u00dfe.example", "U+00DF"),                  // ß: IDNA2003 and IDNA2008 disagree
                refused("p\u0430ypal.com", "mixes scripts"),               // Latin with a Cyrillic 'а'
                refused("\u0440\u0430y\u0440\u0430l.com", "mixes scripts"), // Cyrillic with a Latin 'y'
                refused("example\u3002\u3002com", "empty label"),          // full-width dots: an empty label
                refused("\u3002example.com", "empty label"),
                refused("example\uff0ecom\uff0e\uff0e", "empty label"),
                refused("exa\u0000mple.com", "control character at position 4"),
                refused("example.com\u0007", "control character at position 12"),
                refused("exa\u007fmple.com", "control character at position 4"),
                refused("exa\u0085mple.com", "control character at position 4"),   // NEL, a C1 control
                refused("exa\u200bmple.com", "U+200B"),                    // zero-width space
                refused("exa\u202emple.com", "U+202E"),                    // right-to-left override
                refused("exa\ud800mple.com", "U+D800"));                   // unpaired surrogate
    }

    static Stream<Arguments> converted() {
        return Stream.of(
                Arguments.of("b\u00fccher.example", "xn--bcher-kva.example"),
                Arguments.of("B\u00fcCHER.Example.", "xn--bcher-kva.example"),
                Arguments.of("\u4f8b\u3048\u3002\u30c6\u30b9\u30c8", "xn--r8jz45g.xn--zckzah"),   // 例え。テスト
                Arguments.of("m\u00fcnchen\uff0eexample", "xn--mnchen-3ya.example"),            // full-width dot
                Arguments.of("\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444", "xn--e1afmkfd.xn--p1ai"),
                Arguments.of("\u6771\u4eac\u30bf\u30ef\u30fc.jp", "xn--5ck2eqb538s34z.jp"),
                Arguments.of("abc\u6771\u4eac.jp", "xn--abc-gm9di64i.jp"),    // Latin with Han: allowed together
                Arguments.of("xn--bcher-kva.example", "xn--bcher-kva.example"),
                Arguments.of("Example.COM.", "example.com"),
                Arguments.of(String.join(".", LABEL_63, LABEL_63, LABEL_63, "a".repeat(61)),
                        String.join(".", LABEL_63, LABEL_63, LABEL_63, "a".repeat(61))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithAMessageThatNamesTheProblem(String input, String problem) {
        assertThatIllegalArgumentException().isThrownBy(() -> DomainName.of(input))
                .withMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600)); // quoted, not echoed whole
        assertThat(DomainName.tryParse(input)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converted")
    void validNamesAreConvertedToALabelsAndChecked(String input, String ascii) {
        DomainName name = DomainName.of(input);

        assertThat(name.value()).isEqualTo(ascii);
        assertThat(DomainName.of(name.value())).as("the A-label form is itself valid").isEqualTo(name);
        assertThat(DomainName.tryParse(input)).contains(name);
    }

    private static Arguments refused(String input, String problem) {
        return Arguments.of(input, problem);
    }
}
