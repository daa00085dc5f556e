package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.Validator;
import dev.mtasts.plan.ChangePlan;
import dev.mtasts.plan.ChangePlanner;
import dev.mtasts.plan.ChangeRequest;
import dev.mtasts.plan.HostRisk;
import dev.mtasts.plan.PlanBlocker;
import dev.mtasts.plan.PlanStatus;
import dev.mtasts.plan.PlanStep;
import dev.mtasts.plan.SenderAction;
import dev.mtasts.plan.StepKind;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.testkit.SandboxDomain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The change planner against live deployments in the sandbox, with a fixed clock: the dates of each step, the texts
 * to publish, and, published step by step, a move from mx1 to mx2 that keeps the domain enforcing and covered.
 */
@Timeout(60)
class ChangePlanTest extends SandboxTest {

    /** Ten o'clock today (UTC), near the real time so that the sandbox's certificates are valid at it. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Duration RECORD_TTL = Duration.ofHours(1);
    private static final Duration MX_TTL = Duration.ofMinutes(5);

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    /** A deployment whose _mta-sts record has a TTL of an hour and whose MX records one of five minutes. */
    private static SandboxDomain deployed(String name, String mode, long maxAge, String... patterns) {
        SandboxDomain d = sandbox.domain(name);
        d.zone().ttl(RECORD_TTL);
        d.stsRecord("v=STSv1; id=" + E2e.ID).tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name);
        d.zone().ttl(MX_TTL);
        d.mx(10, "mx1." + name).policy(policy(mode, maxAge, patterns));
        return d;
    }

    private static ChangeRequest moveTo(String host) {
        return ChangeRequest.builder().newMx(host).build();
    }

    /** Publishes what a step says: the policy first, then the record in place of the old one. */
    private static void publish(SandboxDomain d, PlanStep step) {
        d.policy(step.policyText().orElseThrow());
        d.zone().remove("_mta-sts." + d.name(), "TXT");
        d.stsRecord(step.stsRecordText().orElseThrow());
    }

    private static List<String> patterns(String policyText) {
        return MtaStsPolicy.parse(policyText).mx().stream().map(MxPattern::text).toList();
    }

    @Test
    void enforceMoveToAnUnlistedHostIsPlannedInOrderWithDatesFromTheClockMaxAgeAndTtls() {
        deployed("move.plan.test", "enforce", 604800, "mx1.move.plan.test");

        ChangePlan plan = validator.plan("move.plan.test", moveTo("mx2.move.plan.test")).join();

        Instant moveAt = NOW.plus(Duration.ofSeconds(604800)).plus(RECORD_TTL);
        Instant tightenAt = moveAt.plus(MX_TTL);
        assertThat(plan.status()).as(plan.summary()).isEqualTo(PlanStatus.STAGED);
        assertThat(plan.plannedAt()).isEqualTo(NOW);
        assertThat(plan.currentId()).contains(E2e.ID);
        assertThat(plan.currentMx()).containsExactly(DomainName.of("mx1.move.plan.test"));
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.PUBLISH_POLICY, StepKind.WAIT,
                StepKind.MOVE_MX, StepKind.WAIT, StepKind.TIGHTEN_POLICY);
        assertThat(plan.steps()).extracting(PlanStep::earliest).containsExactly(NOW, NOW, moveAt, moveAt, tightenAt);
        assertThat(plan.steps()).extracting(PlanStep::until).containsExactly(Optional.empty(), Optional.of(moveAt),
                Optional.empty(), Optional.of(tightenAt), Optional.empty());

        PlanStep transition = plan.steps().get(0);
        assertThat(transition.policyText()).contains(policy("enforce", 604800, "mx1.move.plan.test",
                "mx2.move.plan.test"));
        assertThat(StsRecord.parse(transition.stsRecordText().orElseThrow()).id()).isEqualTo(ID.format(NOW));
        assertThat(plan.steps().get(1).reason()).contains("604800 s (7 days)", "3600 s (1 hour)");
        assertThat(plan.steps().get(2).mx()).containsExactly(DomainName.of("mx2.move.plan.test"));
        assertThat(plan.steps().get(3).reason()).contains("300 s (5 minutes)");
        PlanStep tighten = plan.steps().get(4);
        assertThat(patterns(tighten.policyText().orElseThrow())).containsExactly("mx2.move.plan.test");
        assertThat(StsRecord.parse(tighten.stsRecordText().orElseThrow()).id()).isEqualTo(ID.format(tightenAt));

        assertThat(plan.risk().refusesMail()).isTrue();
        assertThat(plan.risk().hosts()).containsExactly(new HostRisk(DomainName.of("mx2.move.plan.test"),
                SenderAction.REFUSE, HostRisk.Cause.CACHED_POLICY_MISSES_NEW_MX, Optional.of(moveAt)));
    }

    @Test
    void theStepsPublishedInTurnKeepTheDomainEnforcingAndCovered() {
        SandboxDomain d = deployed("steps.plan.test", "enforce", 604800, "mx1.steps.plan.test");
        ChangePlan plan = validator.plan("steps.plan.test", moveTo("mx2.steps.plan.test")).join();

        publish(d, plan.steps().get(0));
        ValidationReport afterTransition = validator.validate("steps.plan.test");
        assertThat(afterTransition.verdict()).as(describe(afterTransition)).isEqualTo(Verdict.ENFORCING);
        assertThat(afterTransition.hasErrors()).as(describe(afterTransition)).isFalse();
        assertThat(afterTransition.stsRecord().orElseThrow().id()).isEqualTo(ID.format(NOW));
        // with the transition policy out, the move is safe now: a second plan says so
        ChangePlan again = validator.plan("steps.plan.test", moveTo("mx2.steps.plan.test")).join();
        assertThat(again.status()).as(again.summary()).isEqualTo(PlanStatus.SAFE_NOW);

        d.zone().remove("steps.plan.test", "MX");
        d.mx(10, "mx2.steps.plan.test");
        ValidationReport afterMove = validator.validate("steps.plan.test");
        assertThat(afterMove.verdict()).as(describe(afterMove)).isEqualTo(Verdict.ENFORCING);
        assertThat(afterMove.atRisk()).as(describe(afterMove)).isFalse();
        assertThat(afterMove.has(FindingCode.MX_NOT_COVERED)).isFalse();

        publish(d, plan.steps().get(4));
        ValidationReport afterTightening = validator.validate("steps.plan.test");
        assertThat(afterTightening.verdict()).as(describe(afterTightening)).isEqualTo(Verdict.ENFORCING);
        assertThat(afterTightening.hasErrors()).as(describe(afterTightening)).isFalse();
        assertThat(afterTightening.policy().orElseThrow().mx()).extracting(MxPattern::text)
                .containsExactly("mx2.steps.plan.test");
    }

    @Test
    void aTestingDeploymentReportsRatherThanRefusesAndWaitsItsOwnMaxAge() {
        deployed("testing.plan.test", "testing", 86400, "mx1.testing.plan.test");

        ChangePlan plan = validator.plan("testing.plan.test", moveTo("mx2.testing.plan.test")).join();

        assertThat(plan.status()).isEqualTo(PlanStatus.STAGED);
        assertThat(plan.risk().refusesMail()).isFalse();
        assertThat(plan.risk().hosts()).extracting(HostRisk::action).containsExactly(SenderAction.REPORT);
        assertThat(plan.steps().get(2).kind()).isEqualTo(StepKind.MOVE_MX);
        assertThat(plan.steps().get(2).earliest()).isEqualTo(NOW.plus(Duration.ofDays(1)).plus(RECORD_TTL));
    }

    @Test
    void aDomainWithoutMtaStsCanMoveNowAndPublishesTheNewPolicyOnceTheOldMxRecordsExpire() {
        SandboxDomain d = sandbox.domain("new.plan.test");
        d.zone().ttl(MX_TTL);
        d.mx(10, "mx1.new.plan.test");

        ChangePlan plan = validator.plan("new.plan.test", ChangeRequest.builder().newMx("mx2.new.plan.test")
                .newPolicy(policy("testing", 86400, "mx2.new.plan.test")).build()).join();

        assertThat(plan.status()).isEqualTo(PlanStatus.SAFE_NOW);
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.MOVE_MX, StepKind.WAIT,
                StepKind.PUBLISH_POLICY);
        assertThat(plan.steps().get(2).earliest()).isEqualTo(NOW.plus(MX_TTL));
        assertThat(StsRecord.parse(plan.steps().get(2).stsRecordText().orElseThrow()).id())
                .isEqualTo(ID.format(NOW.plus(MX_TTL)));
    }

    @Test
    void aNewPolicyThatMissesTheNewHostIsBlockedAndThePureFormAgrees() {
        deployed("blocked.plan.test", "enforce", 604800, "mx1.blocked.plan.test");
        ChangeRequest change = ChangeRequest.builder().newMx("mx2.blocked.plan.test")
                .newPolicy(policy("enforce", 604800, "mx1.blocked.plan.test")).build();

        ChangePlan plan = validator.plan("blocked.plan.test", change).join();
        ChangePlan pure = ChangePlanner.plan(validator.validate("blocked.plan.test"), change,
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(plan.status()).isEqualTo(PlanStatus.BLOCKED);
        assertThat(plan.blockers()).extracting(PlanBlocker::code)
                .containsExactly(PlanBlocker.Code.NEW_POLICY_MISSES_NEW_MX);
        assertThat(plan.steps()).isEmpty();
        assertThat(pure).isEqualTo(plan);
    }
}
