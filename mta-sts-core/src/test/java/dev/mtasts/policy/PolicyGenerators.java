package dev.mtasts.policy;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators of valid policies and of their parts, shared by the policy tests. */
final class PolicyGenerators {

    private PolicyGenerators() {
    }

    /** An LDH label: letters (either case) and digits, with inner hyphens, 1 to 63 characters. */
    static Arbitrary<String> ldhLabel() {
        Arbitrary<String> edge = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').ofLength(1);
        Arbitrary<String> inner = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-')
                .ofMaxLength(61);
        return Arbitraries.oneOf(
                Arbitraries.of("mx", "mx1", "mail", "example", "com", "net", "xn--bcher-kva", "a", "b"),
                Combinators.combine(edge, inner, edge).as((a, b, c) -> a + b + c),
                edge);
    }

    static Arbitrary<MxPattern> mxPattern() {
        Arbitrary<String> name = ldhLabel().list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l))
                .filter(n -> n.length() <= 253);
        return Combinators.combine(Arbitraries.of("", "*."), name).as((w, n) -> MxPattern.of(w + n));
    }

    /**
     * A valid pattern that may end in an all-digit label ({@code mail.123}, {@code *.1.2.3.4}, {@code 192.0.2.1}),
     * short enough that a host one label below a wildcard is still a valid name.
     */
    static Arbitrary<String> mxPatternTextWithDigits() {
        Arbitrary<String> label = Arbitraries.oneOf(ldhLabel(), Arbitraries.of("0", "1", "123", "999", "192", "2"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4));
        Arbitrary<String> name = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l))
                .filter(n -> n.length() <= 200);
        return Combinators.combine(Arbitraries.of("", "*."), name).as(String::concat)
                .filter(p -> MxPattern.syntaxProblem(p).isEmpty()); // such as a random label that starts with 'xn--'
    }

    /**
     * Any {@code mx} value a person, a copy and paste or a fuzzer might write: pieces of names mixed with whitespace
     * of every kind, separators, wildcards, non-ASCII letters, unpaired surrogates, controls, and long runs.
     */
    static Arbitrary<String> mxValue() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                ldhLabel(),
                Arbitraries.of(".", "..", "*", "*.", "-", "_", ",", ", ", ":", ":25", ";", "[", "]", "#", "xn--",
                        "xn--bcher-kva", "xn--zz", "123", "0", "192.0.2.1", "mail.123", "example.com"),
                Arbitraries.of(" ", "\t", "\n", "\r", "\r\n", "\u000b", "\f", "\u00a0", "\u2003", "\u202f",
                        "\u3000", "\u2028", "\u001c", "\u0085", "\ufeff", "\u200b"),
                Arbitraries.of("\u00fc", "\u00df", "\u0130", "\u0131", "\u212a", "\ud83d\udce7", "\ud800", "\udc00",
                        "\u0000", "\u007f", "\uff0e", "\u3002"),
                Arbitraries.strings().ofMaxLength(4));
        Arbitrary<String> built = piece.list().ofMaxSize(10).map(l -> String.join("", l));
        Arbitrary<String> longRuns = Arbitraries.of("a".repeat(64), "a.".repeat(130) + "com", ".".repeat(5000),
                "a" + ".".repeat(60_000), "*.".repeat(2000) + "com", " ".repeat(3000) + "mx.example.com",
                "mx.example.com" + "\t".repeat(3000), "1.".repeat(2000) + "1");
        return Arbitraries.frequencyOf(Tuple.of(8, built), Tuple.of(3, Arbitraries.strings().ofMaxLength(30)),
                Tuple.of(1, longRuns));
    }

    static Arbitrary<String> extensionName() {
        Arbitrary<String> first = Arbitraries.strings().alpha().numeric().ofLength(1);
        Arbitrary<String> rest = Arbitraries.strings().alpha().numeric().withChars('_', '-', '.').ofMaxLength(31);
        return Arbitraries.oneOf(Arbitraries.of("note", "report-uri", "Mode", "MX", "x"),
                        Combinators.combine(first, rest).as(String::concat))
                .filter(n -> !PolicyField.isKnown(n));
    }

    /** vchar [*(SP / vchar) vchar], vchar = %x21-7E / UTF-8 (C12), without controls. */
    static Arbitrary<String> extensionValue() {
        Arbitrary<String> vchars = Arbitraries.strings().withCharRange('!', '~')
                .withChars('\u00e9', '\u00fc', '\u20ac', '\u2013', '\ufeff', '\u4e2d').ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> middle = Arbitraries.strings().withCharRange('!', '~').withChars(' ', '\u00e9')
                .ofMaxLength(20);
        Arbitrary<String> emoji = Arbitraries.of("", "\ud83d\udce7", "\ud83d\ude00");
        return Arbitraries.oneOf(vchars,
                Combinators.combine(vchars, middle, emoji, vchars).as((a, b, c, d) -> a + b + c + d));
    }

    static Arbitrary<PolicyExtension> extension() {
        return Combinators.combine(extensionName(), extensionValue()).as(PolicyExtension::new);
    }

    /** Every valid policy shape: any mode, 0-5 patterns (at least one unless mode none), any legal max_age. */
    static Arbitrary<MtaStsPolicy> policy() {
        Arbitrary<PolicyMode> mode = Arbitraries.of(PolicyMode.class);
        Arbitrary<List<MxPattern>> mx = mxPattern().list().ofMaxSize(5);
        Arbitrary<Long> maxAge = Arbitraries.oneOf(Arbitraries.longs().between(0, MtaStsPolicy.MAX_AGE_LIMIT_SECONDS),
                Arbitraries.of(0L, 86_399L, 86_400L, 604_800L, 604_801L, MtaStsPolicy.MAX_AGE_LIMIT_SECONDS));
        Arbitrary<List<PolicyExtension>> extensions = extension().list().ofMaxSize(4)
                .uniqueElements(PolicyExtension::name);
        return Combinators.combine(mode, mx, maxAge, extensions)
                .filter((m, x, a, e) -> m == PolicyMode.NONE || !x.isEmpty())
                .as((m, x, a, e) -> new MtaStsPolicy(MtaStsPolicy.VERSION_STSV1, m, x, Duration.ofSeconds(a), e));
    }
}
