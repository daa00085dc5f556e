package dev.mtasts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MtaStsPolicyTest {

    private static final String ENFORCE = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: *.mx.example.net\n"
            + "max_age: 604800\n";

    @Test
    void parseReadsEveryFieldInOrder() {
        MtaStsPolicy policy = MtaStsPolicy.parse(ENFORCE + "note: hello world\n");

        assertThat(policy.version()).isEqualTo("STSv1");
        assertThat(policy.mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(policy.mx()).extracting(MxPattern::text).containsExactly("mx1.example.com", "*.mx.example.net");
        assertThat(policy.maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(policy.maxAgeSeconds()).isEqualTo(604_800L);
        assertThat(policy.extensions()).containsExactly(new PolicyExtension("note", "hello world"));
    }

    @Test
    void toTextWritesCanonicalCrlfFormWithFieldsInFixedOrder() {
        MtaStsPolicy policy = MtaStsPolicy.parse("max_age: 0086400\nmx: MX1.Example.com\nnote: x\nmode: testing\n"
                + "version: STSv1");

        assertThat(policy.toText()).isEqualTo("version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\n"
                + "max_age: 86400\r\nnote: x\r\n");
    }

    @Test
    void matchesUsesEveryPattern() {
        MtaStsPolicy policy = MtaStsPolicy.parse(ENFORCE);

        assertThat(policy.matches("mx1.example.com")).isTrue();
        assertThat(policy.matches("a.mx.example.net.")).isTrue();
        assertThat(policy.matches(DomainName.of("b.mx.example.net"))).isTrue();
        assertThat(policy.matches("mx2.example.com")).isFalse();
        assertThat(policy.matches("a.b.mx.example.net")).isFalse();
        assertThat(policy.matches("192.0.2.1")).isFalse();
        assertThat(policy.matches("")).isFalse();
    }

    @Test
    void nullHostIsRefusedNotTreatedAsNoMatch() {
        MtaStsPolicy policy = MtaStsPolicy.parse(ENFORCE);

        assertThatNullPointerException().isThrownBy(() -> policy.matches((String) null)).withMessage("host");
        assertThatNullPointerException().isThrownBy(() -> policy.matches((DomainName) null)).withMessage("host");
    }

    @Test
    void modeNoneWithoutMxIsAValidPolicyThatMatchesNothing() {
        MtaStsPolicy none = MtaStsPolicy.builder().mode(PolicyMode.NONE).build();

        assertThat(none.mx()).isEmpty();
        assertThat(none.matches("mx1.example.com")).isFalse();
        assertThat(MtaStsPolicy.parse(none.toText())).isEqualTo(none);
    }

    @Test
    void builderDefaultsToTestingAndOneDay() {
        MtaStsPolicy policy = MtaStsPolicy.builder().mx("mx1.example.com").build();

        assertThat(policy.mode()).isEqualTo(PolicyMode.TESTING);
        assertThat(policy.maxAge()).isEqualTo(Duration.ofSeconds(86_400));
    }

    @Test
    void enforceWithoutMxIsRejectedByTheConstructor() {
        assertThatThrownBy(() -> MtaStsPolicy.builder().mode(PolicyMode.ENFORCE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mx");
    }

    @Test
    void maxAgeOverTheLimitIsRejectedByTheConstructor() {
        assertThatThrownBy(() -> MtaStsPolicy.builder().mx("mx.example.com").maxAge(Duration.ofSeconds(31_557_601))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31557600");
    }

    @Test
    void negativeOrFractionalMaxAgeIsRejectedByTheConstructor() {
        assertThatThrownBy(() -> MtaStsPolicy.builder().mx("mx.example.com").maxAge(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MtaStsPolicy.builder().mx("mx.example.com").maxAge(Duration.ofMillis(1500)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionOtherThanStsv1IsRejectedByTheConstructor() {
        assertThatThrownBy(() -> new MtaStsPolicy("STSv2", PolicyMode.NONE, List.of(), Duration.ZERO, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STSv2");
    }

    @Test
    void repeatedExtensionNameIsRejectedByTheConstructorBecauseParsingWouldDropTheSecond() {
        assertThatThrownBy(() -> MtaStsPolicy.builder().mx("mx.example.com").extension("note", "a")
                .extension("note", "b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("note");
    }

    @Test
    void repeatedMxPatternSurvivesTheRoundTrip() {
        MtaStsPolicy policy = MtaStsPolicy.builder().mx("mx.example.com").mx("MX.example.com").build();

        assertThat(MtaStsPolicy.parse(policy.toText())).isEqualTo(policy);
    }

    @Test
    void componentsAreImmutableCopies() {
        java.util.ArrayList<MxPattern> mx = new java.util.ArrayList<>(List.of(MxPattern.of("mx.example.com")));
        MtaStsPolicy policy = new MtaStsPolicy("STSv1", PolicyMode.ENFORCE, mx, Duration.ZERO, List.of());
        mx.clear();

        assertThat(policy.mx()).hasSize(1);
        assertThatThrownBy(() -> policy.mx().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withModeAndWithMaxAgeCopy() {
        MtaStsPolicy policy = MtaStsPolicy.parse(ENFORCE);

        assertThat(policy.withMode(PolicyMode.TESTING).mode()).isEqualTo(PolicyMode.TESTING);
        assertThat(policy.withMaxAge(Duration.ofDays(1)).maxAgeSeconds()).isEqualTo(86_400);
        assertThat(policy.mode()).isEqualTo(PolicyMode.ENFORCE);
    }

    @Property(tries = 500)
    void parseOfToTextGivesAnEqualPolicy(@ForAll("policies") MtaStsPolicy policy) {
        assertThat(MtaStsPolicy.parse(policy.toText())).isEqualTo(policy);
        assertThat(PolicyParser.lenient().parse(policy.toText()).policy()).contains(policy);
    }

    @Property(tries = 200)
    void lfOnlyFormParsesToTheSamePolicy(@ForAll("policies") MtaStsPolicy policy) {
        assertThat(MtaStsPolicy.parse(policy.toText().replace("\r\n", "\n"))).isEqualTo(policy);
    }

    @Provide
    Arbitrary<MtaStsPolicy> policies() {
        return PolicyGenerators.policy();
    }
}
