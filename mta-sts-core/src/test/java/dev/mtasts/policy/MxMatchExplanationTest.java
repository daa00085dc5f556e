package dev.mtasts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MxMatchExplanation.Kind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Which pattern matches an MX host, or why none does, in words (RFC 8461 §4.1, D3 to D8). */
class MxMatchExplanationTest {

    private static MxMatchExplanation explain(String host, String... patterns) {
        return MxMatchExplanation.of(DomainName.of(host), Stream.of(patterns).map(MxPattern::of).toList());
    }

    @Test
    void anExactPatternNamesTheHost() {
        MxMatchExplanation why = explain("MX1.Example.COM.", "mx9.example.com", "mx1.example.com");

        assertThat(why.kind()).isEqualTo(Kind.EXACT);
        assertThat(why.matches()).isTrue();
        assertThat(why.matchedBy()).contains(MxPattern.of("mx1.example.com"));
        assertThat(why.label()).isEmpty();
        assertThat(why.text()).isEqualTo("'mx1.example.com' names mx1.example.com exactly");
    }

    @Test
    void aWildcardNamesTheOneLabelItStandsFor() {
        MxMatchExplanation why = explain("mx1.mx.example.net", "*.mx.example.net");

        assertThat(why.kind()).isEqualTo(Kind.WILDCARD);
        assertThat(why.label()).contains("mx1");
        assertThat(why.text()).isEqualTo("'*.mx.example.net' covers mx1.mx.example.net: the '*' stands for its one"
                + " label 'mx1'");
    }

    @Test
    void theFirstMatchingPatternIsNamedAsSendersTryThemInOrder() {
        MxMatchExplanation why = explain("mx1.example.com", "*.example.com", "mx1.example.com");

        assertThat(why.kind()).isEqualTo(Kind.WILDCARD);
        assertThat(why.pattern()).contains(MxPattern.of("*.example.com"));
    }

    @Test
    void aWildcardTwoLabelsAboveTheHostCoversExactlyOneAndSaysHowManyItIsShort() {
        MxMatchExplanation why = explain("a.b.mx.example.net", "*.mx.example.net");

        assertThat(why.kind()).isEqualTo(Kind.WILDCARD_TOO_DEEP);
        assertThat(why.matches()).isFalse();
        assertThat(why.matchedBy()).isEmpty();
        assertThat(why.pattern()).contains(MxPattern.of("*.mx.example.net"));
        assertThat(why.label()).contains("a.b");
        assertThat(why.text()).isEqualTo("'*.mx.example.net' covers exactly one label below mx.example.net, but"
                + " a.b.mx.example.net is two labels below it ('a.b')");
    }

    @Test
    void theClosestWildcardIsTheOneNearestTheHost() {
        MxMatchExplanation why = explain("a.b.c.example.net", "*.example.net", "*.c.example.net");

        assertThat(why.pattern()).contains(MxPattern.of("*.c.example.net"));
        assertThat(why.text()).contains("two labels below it ('a.b')");
        assertThat(explain("a.b.c.d.example.net", "*.example.net").text()).contains("four labels below it");
    }

    @Test
    void aWildcardDoesNotCoverItsOwnDomain() {
        MxMatchExplanation why = explain("example.com", "*.example.com");

        assertThat(why.kind()).isEqualTo(Kind.WILDCARD_NOT_ITSELF);
        assertThat(why.text()).isEqualTo("'*.example.com' covers the names exactly one label below example.com, not"
                + " example.com itself");
    }

    @Test
    void anExactPatternForTheParentCoversOnlyThatName() {
        MxMatchExplanation why = explain("mx.example.com", "example.com");

        assertThat(why.kind()).isEqualTo(Kind.EXACT_ABOVE_HOST);
        assertThat(why.label()).contains("mx");
        assertThat(why.text()).isEqualTo("'example.com' is an exact pattern and names example.com only, not"
                + " mx.example.com, one label below it");
        assertThat(explain("a.b.example.com", "example.com").text()).endsWith("two labels below it");
    }

    @Test
    void aPatternThatDiffersInOneLabelIsNamedWithBothSpellings() {
        MxMatchExplanation typo = explain("mx1.example.com", "mx1.exmaple.com");

        assertThat(typo.kind()).isEqualTo(Kind.ONE_LABEL_DIFFERS);
        assertThat(typo.label()).contains("example");
        assertThat(typo.text()).isEqualTo("the closest pattern, 'mx1.exmaple.com', differs from mx1.example.com in one"
                + " label: 'exmaple' where the host has 'example'");

        MxMatchExplanation sibling = explain("mx2.example.com", "mx1.example.com");
        assertThat(sibling.kind()).isEqualTo(Kind.ONE_LABEL_DIFFERS);
        assertThat(sibling.text()).contains("'mx1' where the host has 'mx2'");

        MxMatchExplanation wildcard = explain("mx.exmaple.com", "*.example.com");
        assertThat(wildcard.kind()).isEqualTo(Kind.ONE_LABEL_DIFFERS);
        assertThat(wildcard.text()).contains("'example' where the host has 'exmaple'");
    }

    @Test
    void aPatternBelowTheHostNamesAnotherHost() {
        MxMatchExplanation why = explain("example.com", "mx.example.com");

        assertThat(why.kind()).isEqualTo(Kind.PATTERN_BELOW_HOST);
        assertThat(why.text()).isEqualTo("the closest pattern, 'mx.example.com', names a host below example.com, not"
                + " example.com itself");
    }

    @Test
    void noPatternInTheHostsDomainSaysWhichSuffixIsMissingAndWhatTheClosestShares() {
        MxMatchExplanation none = explain("mx.example.org", "mx.other.net");
        assertThat(none.kind()).isEqualTo(Kind.NO_MATCH);
        assertThat(none.pattern()).isEmpty();
        assertThat(none.text()).isEqualTo("no pattern ends in '.example.org', nor even in '.org'");

        MxMatchExplanation shared = explain("mx.example.org", "smtp.other.org");
        assertThat(shared.pattern()).contains(MxPattern.of("smtp.other.org"));
        assertThat(shared.text()).isEqualTo("no pattern ends in '.example.org'; the closest, 'smtp.other.org', shares"
                + " only '.org' with it");

        MxMatchExplanation sameParent = explain("mx.example.org", "a.b.example.org");
        assertThat(sameParent.text()).isEqualTo("no pattern names mx.example.org: the closest, 'a.b.example.org', is"
                + " also under example.org but names another host");
        assertThat(explain("mx.example.org", "*.b.example.org").text())
                .endsWith("covers only the names one label below b.example.org");
    }

    @Test
    void aMissIsNeverCalledAMatchAndASuffixIsComparedByWholeLabels() {
        // D8: '*.example.com' must not match x.evilexample.com; nor does it share the label 'example.com' with it
        MxMatchExplanation why = explain("x.evilexample.com", "*.example.com");

        assertThat(why.matches()).isFalse();
        assertThat(why.kind()).isEqualTo(Kind.ONE_LABEL_DIFFERS);
        assertThat(why.text()).contains("'example' where the host has 'evilexample'");
    }

    @Test
    void aPolicyWithoutPatternsSaysSo() {
        assertThat(explain("mx.example.com").kind()).isEqualTo(Kind.NO_PATTERNS);
        assertThat(explain("mx.example.com").text()).isEqualTo("the policy lists no mx pattern");
    }

    @Test
    void fromMatchAloneIsAMatchOrUnexplained() {
        DomainName host = DomainName.of("mx1.example.com");
        assertThat(MxMatchExplanation.fromMatch(host, Optional.of(MxPattern.of("*.example.com"))).label())
                .contains("mx1");
        MxMatchExplanation unknown = MxMatchExplanation.fromMatch(host, Optional.empty());
        assertThat(unknown.kind()).isEqualTo(Kind.UNEXPLAINED);
        assertThat(unknown.matches()).isFalse();
    }

    @Test
    void thePolicyExplainsWithItsOwnPatterns() {
        MtaStsPolicy policy = MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 86400\n");

        assertThat(policy.explain(DomainName.of("a.b.example.com")).kind()).isEqualTo(Kind.WILDCARD_TOO_DEEP);
        assertThat(policy.explain(DomainName.of("mx.example.com")).matches()).isTrue();
    }

    @Test
    void explanationsAreValues() {
        assertThat(explain("a.b.example.com", "*.example.com")).isEqualTo(explain("a.b.example.com", "*.example.com"))
                .hasSameHashCodeAs(explain("a.b.example.com", "*.example.com"))
                .isNotEqualTo(explain("a.c.example.com", "*.example.com"));
        assertThat(explain("a.b.example.com", "*.example.com")).hasToString(
                explain("a.b.example.com", "*.example.com").text());
    }

    @Test
    void thousandsOfPatternsAgainstADeepHostStayFast() {
        List<MxPattern> patterns = java.util.stream.IntStream.range(0, 5000)
                .mapToObj(i -> MxPattern.of("*.p" + i + ".example.org")).toList();
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            MxMatchExplanation.of(DomainName.of("a.b.c" + i + ".example.org"), patterns);
        }
        assertThat(System.nanoTime() - start).as("a million pattern comparisons").isLessThan(5_000_000_000L);
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 3000)
    void theExplanationAgreesWithMatchingAndNamesAPatternWhereItsKindHasOne(@ForAll("hosts") String host,
                                                                             @ForAll("patternLists") List<String> texts) {
        DomainName name = DomainName.of(host);
        List<MxPattern> patterns = texts.stream().map(MxPattern::of).toList();
        MxMatchExplanation why = MxMatchExplanation.of(name, patterns);

        Optional<MxPattern> first = patterns.stream().filter(p -> p.matches(name)).findFirst();
        assertThat(why.matches()).isEqualTo(first.isPresent());
        assertThat(why.matchedBy()).isEqualTo(first);
        assertThat(why.host()).isEqualTo(name);
        assertThat(why.text()).isNotBlank().doesNotContain("null");
        switch (why.kind()) {
            case NO_PATTERNS -> assertThat(patterns).isEmpty();
            case NO_MATCH -> assertThat(why.label()).isEmpty();
            case WILDCARD, WILDCARD_TOO_DEEP, EXACT_ABOVE_HOST, ONE_LABEL_DIFFERS -> {
                assertThat(why.pattern()).isPresent();
                assertThat(why.label()).isPresent();
                assertThat(host.toLowerCase()).contains(why.label().get());
            }
            default -> assertThat(why.pattern()).isPresent();
        }
        if (why.kind() == Kind.WILDCARD_TOO_DEEP) {
            assertThat(why.pattern().get().isWildcard()).isTrue();
            assertThat(name.value()).isEqualTo(why.label().get() + "." + why.pattern().get().baseName());
        }
    }

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> label = Arbitraries.of("a", "b", "mx", "mx1", "Mx1", "example", "exmaple");
        Arbitrary<String> tld = Arbitraries.of("com", "org", "net");
        return Combinators.combine(label.list().ofMinSize(0).ofMaxSize(4), tld)
                .as((labels, top) -> String.join("", labels.stream().map(l -> l + ".").toList()) + top);
    }

    @Provide
    Arbitrary<List<String>> patternLists() {
        Arbitrary<String> pattern = Combinators.combine(Arbitraries.of("", "*."), hosts()).as(String::concat);
        return pattern.list().ofMaxSize(4);
    }
}
