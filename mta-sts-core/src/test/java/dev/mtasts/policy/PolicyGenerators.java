package dev.mtasts.policy;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

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
