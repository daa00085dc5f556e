package dev.mtasts.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mapping from findings to the classes of real senders they concern, and the findings that carry them. */
class SenderClassTest {

    @Test
    void everyClassIsDescribedAndNamesAtLeastOneFindingCode() {
        for (SenderClass c : SenderClass.values()) {
            assertThat(List.of(c.title(), c.behaviour(), c.reference(), c.rule(), c.kinds())).as(c.name())
                    .allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(c.title()).as(c.name()).startsWith("senders that ");
            assertThat(c.reference()).as(c.name()).startsWith("RFC 8461 §");
            assertThat(c.findingCodes()).as(c.name()).isNotEmpty();
        }
    }

    @Test
    void aClassThatHidesTheProblemNeverRaisesAnInteropRisk() {
        Arrays.stream(SenderClass.values()).filter(c -> c.effect() != SenderClass.Effect.REJECTS)
                .forEach(c -> assertThat(c.raisesInteropRisk()).as(c.name()).isFalse());
    }

    @Test
    void theContentTypeFindingConcernsBothContentTypeClasses() {
        assertThat(SenderClass.of(FindingCode.POLICY_CONTENT_TYPE, Optional.empty(), Severity.ERROR))
                .containsExactly(SenderClass.REQUIRES_TEXT_PLAIN, SenderClass.EXACT_CONTENT_TYPE);
        assertThat(SenderClass.of(FindingCode.POLICY_CONTENT_TYPE, Optional.empty(), Severity.WARNING))
                .as("repeated headers that all say text/plain: the first one is text/plain")
                .containsExactly(SenderClass.EXACT_CONTENT_TYPE);
        assertThat(SenderClass.REQUIRES_TEXT_PLAIN.severityFor(FindingCode.POLICY_CONTENT_TYPE))
                .contains(Severity.ERROR);
        assertThat(SenderClass.EXACT_CONTENT_TYPE.severityFor(FindingCode.POLICY_CONTENT_TYPE)).isEmpty();
    }

    @Test
    void aProblemSpecificClassNeedsThatProblem() {
        assertThat(SenderClass.of(FindingCode.POLICY_SYNTAX, Optional.of(ProblemCode.POLICY_BLANK_LINE),
                Severity.ERROR))
                .containsExactly(SenderClass.REJECTS_BLANK_LINE);
        assertThat(SenderClass.of(FindingCode.POLICY_SYNTAX, Optional.of(ProblemCode.POLICY_BARE_CR),
                Severity.ERROR)).isEmpty();
        assertThat(SenderClass.of(FindingCode.POLICY_SYNTAX, Optional.empty(), Severity.ERROR)).isEmpty();
        assertThat(SenderClass.REJECTS_BLANK_LINE.problemFor(FindingCode.POLICY_SYNTAX))
                .contains(ProblemCode.POLICY_BLANK_LINE);
        assertThat(SenderClass.SHORT_TIMEOUT.problemFor(FindingCode.POLICY_SLOW)).isEmpty();
    }

    @Test
    void interopRiskFindingsNameTheirClassesOneByOne() {
        assertThat(SenderClass.of(FindingCode.INTEROP_RISK, Optional.empty(), Severity.WARNING)).isEmpty();
        assertThat(SenderClass.SHORT_TIMEOUT.findingCodes())
                .containsExactly(FindingCode.POLICY_TIMEOUT, FindingCode.POLICY_SLOW, FindingCode.INTEROP_RISK);
    }

    @Test
    void codesThatConcernNoSenderClassMapToNone() {
        assertThat(SenderClass.of(FindingCode.MX_NOT_COVERED, Optional.empty(), Severity.ERROR)).isEmpty();
        assertThat(SenderClass.of(FindingCode.TLSRPT_MISSING, Optional.empty(), Severity.WARNING)).isEmpty();
    }

    @Test
    void aFindingKeepsItsClassesInEnumOrderWithoutRepeatsAndItsTextAsBefore() {
        Finding plain = Finding.of(FindingCode.POLICY_CONTENT_TYPE, Severity.ERROR, "m", "r");
        Finding named = plain.concerning(List.of(SenderClass.EXACT_CONTENT_TYPE, SenderClass.REQUIRES_TEXT_PLAIN,
                SenderClass.EXACT_CONTENT_TYPE));

        assertThat(plain.senderClasses()).isEmpty();
        assertThat(named.senderClasses())
                .containsExactly(SenderClass.REQUIRES_TEXT_PLAIN, SenderClass.EXACT_CONTENT_TYPE);
        assertThat(named.about("x").because(ProblemCode.POLICY_EMPTY).senderClasses())
                .isEqualTo(named.senderClasses());
        assertThat(named).hasToString(plain.toString()).hasToString("ERROR POLICY_CONTENT_TYPE: m");
        assertThat(named).isNotEqualTo(plain);
        assertThat(new Finding(FindingCode.POLICY_SLOW, Severity.WARNING, Layer.POLICY_FETCH, "m", "r",
                Optional.empty(), Optional.empty()).senderClasses()).isEmpty();
        assertThatThrownBy(() -> named.senderClasses().add(SenderClass.BODY_CAP))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
