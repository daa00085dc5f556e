package dev.mtasts.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyMode;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of {@code conformance/mx-matching.tsv}, through {@link MxPattern}, a policy and {@link DomainName}. */
class MxMatchingConformanceTest {

    enum Expect { MATCH, NO_MATCH, INVALID_PATTERN }

    record Case(String id, String rule, String rfc, Expect expect, String pattern, String host) {
        @Override
        public String toString() {
            return id + " [" + rule + "; " + rfc + "] " + pattern + " ~ '" + host + "'";
        }
    }

    static Stream<Case> cases() {
        return ConformanceTable.rows("mx-matching.tsv", 6).stream().map(r -> new Case(r.get(0), r.get(1), r.get(2),
                Expect.valueOf(r.get(3).toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                ConformanceTable.unescape(r.get(4)), ConformanceTable.unescape(r.get(5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void patternMatchesExactlyAsTheTableSays(Case c) {
        if (c.expect() == Expect.INVALID_PATTERN) {
            assertThatThrownBy(() -> MxPattern.of(c.pattern())).as("pattern of %s", c)
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        boolean expected = c.expect() == Expect.MATCH;
        MxPattern pattern = MxPattern.of(c.pattern());
        assertThat(pattern.matches(c.host())).as("MxPattern.matches(String) for %s", c).isEqualTo(expected);

        MtaStsPolicy policy = MtaStsPolicy.builder().mode(PolicyMode.ENFORCE).mx(pattern).build();
        assertThat(policy.matches(c.host())).as("policy.matches(String) for %s", c).isEqualTo(expected);
        assertThat(MtaStsPolicy.parse(policy.toText()).matches(c.host())).as("parsed policy for %s", c)
                .isEqualTo(expected);

        Optional<DomainName> host = DomainName.tryParse(c.host());
        if (host.isPresent()) {
            assertThat(pattern.matches(host.get())).as("MxPattern.matches(DomainName) for %s", c).isEqualTo(expected);
            assertThat(policy.matches(host.get())).as("policy.matches(DomainName) for %s", c).isEqualTo(expected);
        } else {
            assertThat(expected).as("a host DomainName rejects never matches: %s", c).isFalse();
        }
    }
}
