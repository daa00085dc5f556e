package dev.mtasts.policy;

import dev.mtasts.ParserContract;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The policy parser's contract ({@link ParserContract#policy}) over arbitrary input, 10 000 tries each (issue 16):
 * {@link MtaStsPolicy#parse(String)} throws nothing but {@link PolicyParseException}, {@link PolicyParser#lenient()}
 * throws nothing at all, for any string and for any bytes, read as the fetcher reads them
 * ({@link PolicyParser#parse(byte[])}, strict UTF-8) and decoded as UTF-8 (malformed bytes become U+FFFD) and as
 * ISO-8859-1 (every byte a character, C1 controls included). The generators stay small (a few hundred characters) so
 * the 40 000 tries take a few seconds; long inputs are {@code ParserLinearTimeTest}'s business.
 */
class PolicyParserPropertiesTest {

    @Property(tries = 10_000)
    void anyStringKeepsTheContract(@ForAll String text) {
        ParserContract.policy(text);
    }

    @Property(tries = 10_000)
    void anyPolicyShapedStringKeepsTheContract(@ForAll("policyShaped") String text) {
        ParserContract.policy(text);
    }

    @Property(tries = 10_000)
    void anyBytesKeepTheContractAsFetchedAndDecodedAsUtf8AndLatin1(@ForAll @Size(max = 400) byte[] body) {
        ParserContract.policyBytes(body);
        ParserContract.policy(new String(body, StandardCharsets.UTF_8));
        ParserContract.policy(new String(body, StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 10_000)
    void anyPolicyShapedBytesKeepTheContract(@ForAll("policyShaped") String text, @ForAll byte noise,
                                             @ForAll @IntRange(max = 400) int at) {
        // the text as UTF-8, with one byte overwritten: truncated sequences, overlongs, stray continuation bytes
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (body.length > 0) {
            body[at % body.length] = noise;
        }
        ParserContract.policyBytes(body);
        ParserContract.policy(new String(body, StandardCharsets.UTF_8));
        ParserContract.policy(new String(body, StandardCharsets.ISO_8859_1));
    }

    /**
     * Lines made of the policy's own vocabulary and its edge cases, so that the tries reach every field reader rather
     * than stopping at "no ':'": valid lines, near-miss names and values, separators, odd whitespace and line
     * endings, wildcards, dots, controls, surrogates.
     */
    @Provide
    Arbitrary<String> policyShaped() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("version: STSv1", "mode: enforce", "mode: testing", "mode: none",
                        "max_age: 86400", "max_age: 31557600", "max_age: 31557601", "max_age: 0000000001",
                        "mx: mx1.example.com", "mx: *.example.com", "mx: xn--bcher-kva.example", "x-note: hi")),
                Tuple.of(4, Arbitraries.of("version", "mode", "mx", "max_age", "Mode", "MX", "x", ":", ": ", "::",
                        "*", "*.", ".", "..", "-", "_", ",", ";", "=", "[::1]", "1.2.3.4", "xn--", "9999999999",
                        "STSv1", "enforce", "example.com", "mail.123")),
                Tuple.of(4, Arbitraries.of("\n", "\r\n", "\r", "\r\r\n", "\n\n", " ", "\t", "\u00a0", "\u3000",
                        "\ufeff", "\u0000", "\u0085", "\u007f", "\ud800", "\udc00", "\ud83d\udce7", "\u00fc",
                        "\uff0e", "\u3002", "\ufffd")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(8)));
        return token.list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
