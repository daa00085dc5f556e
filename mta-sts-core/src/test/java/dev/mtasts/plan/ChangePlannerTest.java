package dev.mtasts.plan;

import static dev.mtasts.plan.Deployed.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner against hand-built reports and a fixed clock (2026-12-01T10:00:00Z): every case, exact dates. */
class ChangePlannerTest {

    private static final Instant NOW = Deployed.NOW;
    private static final DomainName MX1 = DomainName.of("mx1.example.com");
    private static final DomainName MX2 = DomainName.of("mx2.example.com");

    private static ChangeRequest moveTo(String... hosts) {
        return ChangeRequest.builder().newMx(hosts).build();
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static List<String> patterns(MtaStsPolicy p) {
        return p.mx().stream().map(MxPattern::text).toList();
    }

    /** Every policy and record a step publishes reads back, with the strict parsers, as what the step holds. */
    private static ChangePlan parsed(ChangePlan plan) {
        for (PlanStep step : plan.steps()) {
            step.policyText().ifPresent(t -> assertThat(MtaStsPolicy.parse(t)).isEqualTo(step.policy().orElseThrow()));
            step.stsRecordText().ifPresent(t -> assertThat(StsRecord.parse(t))
                    .isEqualTo(step.stsRecord().orElseThrow()));
        }
        return plan;
    }

    @Test
    void enforceMoveToAnUnlistedHostWaitsTheCurrentMaxAgeFromTheClock() {
        ChangePlan plan = parsed(Deployed.policy("enforce", 604800, "mx1.example.com").plan(moveTo("mx2.example.com")));

        assertThat(plan.status()).isEqualTo(PlanStatus.STAGED);
        assertThat(plan.plannedAt()).isEqualTo(NOW);
        assertThat(plan.currentMx()).containsExactly(MX1);
        assertThat(plan.newMx()).containsExactly(MX2);
        assertThat(plan.currentId()).contains(Deployed.ID);
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.PUBLISH_POLICY, StepKind.WAIT,
                StepKind.MOVE_MX, StepKind.TIGHTEN_POLICY);

        PlanStep publish = plan.steps().get(0);
        assertThat(publish.earliest()).isEqualTo(at("2026-12-01T10:00:00Z"));
        assertThat(publish.policyText()).contains("version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\n"
                + "mx: mx2.example.com\r\nmax_age: 604800\r\n");
        assertThat(publish.stsRecordText()).contains("v=STSv1; id=20261201T100000");
        assertThat(publish.instruction()).contains("https://mta-sts.example.com/.well-known/mta-sts.txt",
                "then publish the _mta-sts.example.com TXT record below with its new id");
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("Serve each policy before you publish its TXT record"));

        PlanStep wait = plan.steps().get(1);
        assertThat(wait.earliest()).isEqualTo(at("2026-12-01T10:00:00Z"));
        assertThat(wait.until()).contains(at("2026-12-08T10:00:00Z"));
        assertThat(wait.reason()).contains("max_age, 604800 s (7 days): the current policy's");

        PlanStep move = plan.steps().get(2);
        assertThat(move.earliest()).isEqualTo(at("2026-12-08T10:00:00Z"));
        assertThat(move.mx()).containsExactly(MX2);

        PlanStep tighten = plan.steps().get(3);
        assertThat(tighten.earliest()).isEqualTo(at("2026-12-08T10:00:00Z"));
        assertThat(tighten.policyText()).contains("version: STSv1\r\nmode: enforce\r\nmx: mx2.example.com\r\n"
                + "max_age: 604800\r\n");
        assertThat(tighten.stsRecordText()).contains("v=STSv1; id=20261208T100000");
        assertThat(tighten.reason()).contains("still accept mx1.example.com until 2026-12-15T10:00:00Z");
        assertThat(plan.completesAt()).contains(at("2026-12-08T10:00:00Z"));

        assertThat(plan.risk().refusesMail()).isTrue();
        assertThat(plan.refusesMailIfDoneAtOnce()).isTrue();
        assertThat(plan.risk().cachedMode()).contains(PolicyMode.ENFORCE);
        assertThat(plan.risk().cachedUntil()).contains(at("2026-12-08T10:00:00Z"));
        assertThat(plan.risk().hosts()).containsExactly(new HostRisk(MX2, SenderAction.REFUSE,
                HostRisk.Cause.CACHED_POLICY_MISSES_NEW_MX, Optional.of(at("2026-12-08T10:00:00Z"))));
        assertThat(plan.risk().summary()).contains("would refuse mail to mx2.example.com",
                "until 2026-12-08T10:00:00Z");
        assertThat(plan.summary()).contains("change the MX records on or after 2026-12-08T10:00:00Z");
        assertThat(plan.blockers()).isEmpty();
    }

    @Test
    void theTtlsOfTheRecordAndOfTheMxRecordsLengthenTheWaits() {
        ChangePlan plan = parsed(Deployed.policy("enforce", 604800, "mx1.example.com")
                .ttls(Duration.ofHours(1), Duration.ofMinutes(5)).plan(moveTo("mx2.example.com")));

        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.PUBLISH_POLICY, StepKind.WAIT,
                StepKind.MOVE_MX, StepKind.WAIT, StepKind.TIGHTEN_POLICY);
        assertThat(plan.steps().get(1).until()).contains(at("2026-12-08T11:00:00Z"));
        assertThat(plan.steps().get(1).reason()).contains("604800 s (7 days)", "plus the TTL of the _mta-sts TXT"
                + " record, 3600 s (1 hour)");
        assertThat(plan.steps().get(2).earliest()).isEqualTo(at("2026-12-08T11:00:00Z"));
        assertThat(plan.steps().get(3).earliest()).isEqualTo(at("2026-12-08T11:00:00Z"));
        assertThat(plan.steps().get(3).until()).contains(at("2026-12-08T11:05:00Z"));
        assertThat(plan.steps().get(3).reason()).contains("300 s (5 minutes)", "mx1.example.com may still receive");
        assertThat(plan.steps().get(4).earliest()).isEqualTo(at("2026-12-08T11:05:00Z"));
        assertThat(plan.steps().get(4).stsRecordText()).contains("v=STSv1; id=20261208T110500");
        assertThat(plan.risk().cachedUntil()).contains(at("2026-12-08T11:00:00Z"));
        assertThat(plan.notes()).anyMatch(n -> n.contains("_mta-sts.example.com TXT: 3600 s (1 hour)")
                && n.contains("example.com MX: 300 s (5 minutes)"));
    }

    @Test
    void testingMoveIsStagedButReportsRatherThanRefuses() {
        ChangePlan plan = parsed(Deployed.policy("testing", 86400, "mx1.example.com").plan(moveTo("mx2.example.com")));

        assertThat(plan.status()).isEqualTo(PlanStatus.STAGED);
        assertThat(plan.risk().refusesMail()).isFalse();
        assertThat(plan.risk().hosts()).extracting(HostRisk::action).containsExactly(SenderAction.REPORT);
        assertThat(plan.risk().summary()).contains("would still deliver to mx2.example.com", "TLS-RPT",
                "until 2026-12-02T10:00:00Z");
        assertThat(plan.steps().get(0).policy().orElseThrow().mode()).isEqualTo(PolicyMode.TESTING);
        assertThat(plan.steps().get(2).kind()).isEqualTo(StepKind.MOVE_MX);
        assertThat(plan.steps().get(2).earliest()).isEqualTo(at("2026-12-02T10:00:00Z"));
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("Mode testing: senders deliver"));
    }

    @Test
    void aNewHostTheCurrentPolicyListsIsSafeNowAndTheTighteningWaitsForTheMxRecords() {
        ChangePlan plan = parsed(Deployed.policy("enforce", 604800, "mx1.example.com", "mx2.example.com")
                .ttls(Duration.ofMinutes(5), Duration.ofMinutes(5)).plan(moveTo("mx2.example.com")));

        assertThat(plan.status()).isEqualTo(PlanStatus.SAFE_NOW);
        assertThat(plan.summary()).startsWith("The change is safe now, since the current policy already lists"
                + " mx2.example.com");
        assertThat(plan.risk().hosts()).isEmpty();
        assertThat(plan.risk().refusesMail()).isFalse();
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.MOVE_MX, StepKind.WAIT,
                StepKind.TIGHTEN_POLICY);
        assertThat(plan.steps().get(0).earliest()).isEqualTo(NOW);
        assertThat(plan.steps().get(1).until()).contains(at("2026-12-01T10:05:00Z"));
        assertThat(patterns(plan.steps().get(2).policy().orElseThrow())).containsExactly("mx2.example.com");
        assertThat(plan.steps().get(2).stsRecordText()).contains("v=STSv1; id=20261201T100500");
    }

    @Test
    void aWildcardThatCoversTheNewHostLeavesNothingButTheMove() {
        ChangePlan plan = parsed(Deployed.policy("enforce", 604800, "*.example.com").plan(moveTo("mx2.example.com")));

        assertThat(plan.status()).isEqualTo(PlanStatus.SAFE_NOW);
        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.kind()).isEqualTo(StepKind.MOVE_MX);
            assertThat(step.earliest()).isEqualTo(NOW);
            assertThat(step.reason()).contains("already lists mx2.example.com");
        });
        assertThat(plan.risk().summary()).contains("already lists every new MX host");
    }

    @Test
    void modeNoneLetsTheMxRecordsChangeNow() {
        ChangePlan plan = parsed(Deployed.policy("none", 86400, "mx1.example.com").plan(moveTo("mx2.example.com")));

        assertThat(plan.status()).isEqualTo(PlanStatus.SAFE_NOW);
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.MOVE_MX);
        assertThat(plan.risk().hosts()).isEmpty();
        assertThat(plan.risk().summary()).contains("mode none");
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("Mode none: senders neither enforce nor report"));
    }

    @Test
    void withoutAPolicyTheMxRecordsMoveAndTheNewPolicyFollowsTheirTtl() {
        ChangePlan plan = parsed(Deployed.nothing().ttls(Duration.ZERO, Duration.ofMinutes(5))
                .plan(ChangeRequest.builder().newMx("mx2.example.com")
                        .newPolicy(text("testing", 86400, "mx2.example.com")).build()));

        assertThat(plan.status()).isEqualTo(PlanStatus.SAFE_NOW);
        assertThat(plan.currentPolicy()).isEmpty();
        assertThat(plan.currentId()).isEmpty();
        assertThat(plan.summary()).startsWith("No MTA-STS policy is published, so the change is safe now");
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.MOVE_MX, StepKind.WAIT,
                StepKind.PUBLISH_POLICY);
        assertThat(plan.steps().get(2).earliest()).isEqualTo(at("2026-12-01T10:05:00Z"));
        assertThat(plan.steps().get(2).policyText()).contains(text("testing", 86400, "mx2.example.com"));
        assertThat(plan.steps().get(2).stsRecordText()).contains("v=STSv1; id=20261201T100500");
        assertThat(plan.risk().hosts()).extracting(HostRisk::cause)
                .containsExactly(HostRisk.Cause.NEW_POLICY_DROPS_LIVE_MX);
        assertThat(plan.risk().refusesMail()).isFalse();
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("No _mta-sts record is published"));
    }

    @Test
    void withoutAPolicyAndWithoutANewOneOnlyTheMxRecordsChange() {
        ChangePlan plan = Deployed.nothing().plan(moveTo("mx2.example.com"));

        assertThat(plan.status()).isEqualTo(PlanStatus.SAFE_NOW);
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.MOVE_MX);
        assertThat(plan.risk().summary()).startsWith("No MTA-STS policy is published");
    }

    @Test
    void aNewEnforcePolicyWithoutATestingPeriodIsNoted() {
        ChangePlan plan = Deployed.nothing().plan(ChangeRequest.builder()
                .newPolicy(text("enforce", 604800, "mx1.example.com")).build());

        assertThat(plan.status()).isEqualTo(PlanStatus.SAFE_NOW);
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.PUBLISH_POLICY);
        assertThat(plan.notes()).anyMatch(n -> n.contains("without a testing period"));
    }

    @Test
    void aNewPolicyThatDoesNotListANewHostIsBlocked() {
        ChangePlan plan = Deployed.policy("enforce", 604800, "mx1.example.com").plan(ChangeRequest.builder()
                .newMx("mx2.example.com", "mx3.example.com")
                .newPolicy(text("enforce", 604800, "mx3.example.com")).build());

        assertThat(plan.status()).isEqualTo(PlanStatus.BLOCKED);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blockers()).singleElement().satisfies(b -> {
            assertThat(b.code()).isEqualTo(PlanBlocker.Code.NEW_POLICY_MISSES_NEW_MX);
            assertThat(b.message()).isEqualTo("The new policy (mode enforce) lists no pattern for mx2.example.com,"
                    + " of the new MX set.");
            assertThat(b.fix()).startsWith("Add 'mx: mx2.example.com' to the new policy");
        });
        assertThat(plan.summary()).startsWith("The change cannot be planned safely as asked:");
        assertThat(plan.risk().hosts(HostRisk.Cause.NEW_POLICY_MISSES_NEW_MX)).extracting(HostRisk::host)
                .containsExactly(MX2);
        assertThat(plan.risk().refusesMail()).isTrue();
    }

    @Test
    void aShorterNewMaxAgeDoesNotShortenTheWaitForThePolicySendersCached() {
        ChangePlan plan = parsed(Deployed.policy("enforce", 604800, "mx1.example.com").plan(ChangeRequest.builder()
                .newMx("mx2.example.com").newPolicy(text("enforce", 86400, "mx2.example.com")).build()));

        assertThat(plan.status()).isEqualTo(PlanStatus.STAGED);
        assertThat(plan.steps().get(1).until()).contains(at("2026-12-08T10:00:00Z"));
        assertThat(plan.steps().get(1).reason()).contains("(the new policy's 86400 s (1 day) does not change this"
                + " wait)");
        assertThat(plan.steps().get(0).policy().orElseThrow().maxAge()).isEqualTo(Duration.ofDays(1));
        assertThat(plan.steps().get(3).reason()).contains("until 2026-12-09T10:00:00Z (its max_age, 86400 s (1 day))");
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("The new policy's max_age, 86400 s (1 day), is shorter"));
    }

    @Test
    void aLongerNewMaxAgeIsKeptOutOfTheTransitionPolicy() {
        ChangePlan plan = parsed(Deployed.policy("enforce", 604800, "mx1.example.com").plan(ChangeRequest.builder()
                .newMx("mx2.example.com").newPolicy(text("enforce", 31557600, "mx2.example.com")).build()));

        assertThat(plan.steps().get(0).policy().orElseThrow().maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(plan.steps().get(1).until()).contains(at("2026-12-08T10:00:00Z"));
        assertThat(plan.steps().get(3).policy().orElseThrow().maxAge()).isEqualTo(Duration.ofSeconds(31557600));
        assertThat(plan.notes()).anyMatch(n -> n.contains("is longer than the current one")
                && n.contains("the transition policy keeps the shorter one"));
    }

    @Test
    void aNewPolicyListingBothHostsIsPublishedFirstAndNeedsNoTightening() {
        ChangePlan plan = parsed(Deployed.policy("enforce", 604800, "mx1.example.com").plan(ChangeRequest.builder()
                .newMx("mx2.example.com")
                .newPolicy(text("enforce", 604800, "mx1.example.com", "mx2.example.com")).build()));

        assertThat(plan.status()).isEqualTo(PlanStatus.STAGED);
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.PUBLISH_POLICY, StepKind.WAIT,
                StepKind.MOVE_MX);
        assertThat(plan.steps().get(0).policyText()).contains(text("enforce", 604800, "mx1.example.com",
                "mx2.example.com"));
        assertThat(plan.completesAt()).contains(at("2026-12-08T10:00:00Z"));
    }

    @Test
    void aStricterNewModeWaitsForTheLastStep() {
        ChangePlan plan = parsed(Deployed.policy("testing", 86400, "mx1.example.com").plan(ChangeRequest.builder()
                .newMx("mx2.example.com").newPolicy(text("enforce", 604800, "mx2.example.com")).build()));

        assertThat(plan.steps().get(0).policy().orElseThrow().mode()).isEqualTo(PolicyMode.TESTING);
        assertThat(plan.steps().get(0).policy().orElseThrow().maxAge()).isEqualTo(Duration.ofDays(1));
        assertThat(plan.steps().get(3).policy().orElseThrow().mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("The transition policy keeps mode testing"));
    }

    @Test
    void theTransitionPolicyAlsoCoversACurrentHostTheCurrentPolicyMisses() {
        ChangePlan plan = parsed(Deployed.policy("enforce", 604800, "mx1.example.com")
                .mx("mx1.example.com", "mx3.example.com").plan(moveTo("mx2.example.com")));

        assertThat(patterns(plan.steps().get(0).policy().orElseThrow()))
                .containsExactly("mx1.example.com", "mx2.example.com", "mx3.example.com");
        assertThat(patterns(plan.steps().get(3).policy().orElseThrow())).containsExactly("mx2.example.com");
        assertThat(plan.notes())
                .anyMatch(n -> n.contains("also lists mx3.example.com") && n.contains("MX_NOT_COVERED"));
    }

    @Test
    void onlyHostsLeavingIsSafeNowAndTheirPatternsGoAfterTheMxRecords() {
        ChangePlan plan = parsed(Deployed.policy("enforce", 604800, "mx1.example.com", "mx2.example.com")
                .mx("mx1.example.com", "mx2.example.com").plan(moveTo("mx1.example.com")));

        assertThat(plan.status()).isEqualTo(PlanStatus.SAFE_NOW);
        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.MOVE_MX,
                StepKind.TIGHTEN_POLICY);
        assertThat(plan.steps().get(0).reason()).startsWith("Only hosts leave the MX set");
        assertThat(patterns(plan.steps().get(1).policy().orElseThrow())).containsExactly("mx1.example.com");
    }

    @Test
    void aPolicyOnlyChangeThatListsEveryHostIsOneStepNow() {
        ChangePlan plan = parsed(Deployed.policy("testing", 86400, "mx1.example.com").plan(ChangeRequest.builder()
                .newPolicy(text("enforce", 604800, "mx1.example.com")).build()));

        assertThat(plan.status()).isEqualTo(PlanStatus.SAFE_NOW);
        assertThat(plan.newMx()).containsExactly(MX1);
        assertThat(plan.steps()).singleElement().satisfies(step -> {
            assertThat(step.kind()).isEqualTo(StepKind.PUBLISH_POLICY);
            assertThat(step.earliest()).isEqualTo(NOW);
            assertThat(step.stsRecordText()).contains("v=STSv1; id=20261201T100000");
        });
        assertThat(plan.notes()).noneMatch(n -> n.contains("The dates assume"));
    }

    @Test
    void theSameMxHostsAndNoPolicyChangeNothing() {
        ChangePlan plan = Deployed.policy("enforce", 604800, "mx1.example.com").plan(moveTo("MX1.Example.COM."));

        assertThat(plan.status()).isEqualTo(PlanStatus.SAFE_NOW);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.summary()).startsWith("Nothing changes");
        assertThat(plan.completesAt()).isEmpty();
    }

    @Test
    void aBrokenDeploymentIsBlockedBecauseWhatSendersCachedIsUnknown() {
        ChangePlan plan = Deployed.policy("enforce", 604800, "mx1.example.com").status(404)
                .plan(moveTo("mx2.example.com"));

        assertThat(plan.status()).isEqualTo(PlanStatus.BLOCKED);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blockers()).singleElement().satisfies(b -> {
            assertThat(b.code()).isEqualTo(PlanBlocker.Code.CURRENT_POLICY_UNREADABLE);
            assertThat(b.message()).contains("is BROKEN (", "cannot read");
            assertThat(b.fix()).contains("mta-sts check example.com");
        });
        assertThat(plan.risk().summary()).contains("unknown");
    }

    @Test
    void aValidationThatCouldNotRunGivesAnUnknownPlan() {
        Deployed unreachable = Deployed.policy("enforce", 604800, "mx1.example.com").unreachable();
        assertThat(unreachable.report().verdict()).isEqualTo(Verdict.UNKNOWN);

        ChangePlan plan = unreachable.plan(moveTo("mx2.example.com"));

        assertThat(plan.status()).isEqualTo(PlanStatus.UNKNOWN);
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.blockers()).extracting(PlanBlocker::code)
                .containsExactly(PlanBlocker.Code.CURRENT_STATE_UNKNOWN);
        assertThat(plan.summary()).contains("could not be checked");
    }

    @Test
    void aFailedMxLookUpIsNotedAndEveryNewHostCountsAsNew() {
        ChangePlan plan = parsed(Deployed.policy("enforce", 604800, "mx1.example.com").mxFails()
                .plan(moveTo("mx1.example.com", "mx2.example.com")));

        assertThat(plan.currentMx()).isEmpty();
        assertThat(plan.status()).isEqualTo(PlanStatus.STAGED);
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("The MX look-up of example.com failed"));
    }

    @Test
    void idsDifferFromTheCurrentOneAndFromEachOther() {
        ChangePlan plan = parsed(Deployed.policy("enforce", 0, "mx1.example.com").record("v=STSv1; id=20261201T100000")
                .plan(moveTo("mx2.example.com")));

        assertThat(plan.steps()).extracting(PlanStep::kind).containsExactly(StepKind.PUBLISH_POLICY,
                StepKind.MOVE_MX, StepKind.TIGHTEN_POLICY);
        assertThat(plan.steps()).extracting(PlanStep::earliest).containsOnly(NOW);
        assertThat(plan.steps().get(0).stsRecordText()).contains("v=STSv1; id=20261201T100001");
        assertThat(plan.steps().get(2).stsRecordText()).contains("v=STSv1; id=20261201T100002");
    }

    @Test
    void theCurrentRecordsExtensionsAreKept() {
        ChangePlan plan = Deployed.policy("enforce", 604800, "mx1.example.com")
                .record("v=STSv1; id=" + Deployed.ID + "; note=kept").plan(moveTo("mx2.example.com"));

        assertThat(plan.steps().get(0).stsRecordText()).contains("v=STSv1; id=20261201T100000; note=kept");
    }

    @Test
    void theClockIsReadToTheSecond() {
        ChangePlan plan = ChangePlanner.plan(Deployed.policy("enforce", 604800, "mx1.example.com").report(),
                moveTo("mx2.example.com"), Clock.fixed(NOW.plusMillis(999), ZoneOffset.UTC));

        assertThat(plan.plannedAt()).isEqualTo(NOW);
        assertThat(plan.steps().get(1).until()).contains(at("2026-12-08T10:00:00Z"));
    }

    @Test
    void aChangeOfNothingIsRefused() {
        assertThatThrownBy(() -> ChangeRequest.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a change names the new MX hosts, a new policy, or both");
    }

    @Test
    void aHostNamedTwiceIsRefused() {
        assertThatThrownBy(() -> moveTo("mx2.example.com", "MX2.example.com."))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("new MX host mx2.example.com is named twice");
    }

    @Test
    void aHostThatIsNotAHostNameIsRefusedNamingIt() {
        assertThatThrownBy(() -> moveTo("*.example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("new MX host '*.example.com': ");
        assertThatThrownBy(() -> moveTo("192.0.2.25")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("new MX host '192.0.2.25': ");
        assertThatThrownBy(() -> moveTo("mail_1.example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("new MX host mail_1.example.com is not a host name a policy can list");
    }

    @Test
    void aNewPolicyThatDoesNotParseIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ChangeRequest.builder().newPolicy("version: STSv1\nmode: enforcing\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("new policy: line 2");
    }

    @Test
    void aStepIsCheckedForWhatItsKindNeeds() {
        assertThatThrownBy(() -> new PlanStep(1, StepKind.WAIT, NOW, Optional.empty(), "x", "x", Optional.empty(),
                Optional.empty(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanStep(1, StepKind.WAIT, NOW, Optional.of(NOW.minusSeconds(1)), "x", "x",
                Optional.empty(), Optional.empty(), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a wait cannot end before it starts");
        assertThatThrownBy(() -> new PlanStep(1, StepKind.MOVE_MX, NOW, Optional.empty(), "x", "x", Optional.empty(),
                Optional.empty(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostRisk(MX1, SenderAction.DELIVER, HostRisk.Cause.NEW_POLICY_MISSES_NEW_MX,
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
