package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.ValidationRequest;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.report.EvidenceFailure;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.MxHostObservation;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.PromotionEvidence;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Promotion readiness read from TLS-RPT evidence, and enforce without a testing period. */
class EvidenceCheckTest {

    private static final LocalDate YESTERDAY = LocalDate.parse("2026-11-28");   // Seen.NOW is 2026-11-29

    /** Evidence as a report store would give it: a run of days ending yesterday, and failures. */
    private record Evidence(DomainName domain, int days, int cleanDays, List<EvidenceFailure> failures)
            implements PromotionEvidence {
        @Override
        public Optional<LocalDate> firstDay() {
            return days == 0 ? Optional.empty() : Optional.of(YESTERDAY.minusDays(days - 1L));
        }

        @Override
        public Optional<LocalDate> lastDay() {
            return days == 0 ? Optional.empty() : Optional.of(YESTERDAY);
        }

        @Override
        public int daysCovered() {
            return days;
        }

        @Override
        public int consecutiveCleanStsDays() {
            return cleanDays;
        }

        @Override
        public long totalStsSessions() {
            return days * 100L;
        }

        @Override
        public long failedStsSessions() {
            return failures.stream().mapToLong(EvidenceFailure::failedSessions).sum();
        }

        @Override
        public List<String> reporters() {
            return List.of("Google Inc.", "Microsoft Corporation");
        }

        @Override
        public Map<String, Long> failuresByResultType() {
            return Map.of();
        }

        @Override
        public Map<String, Long> failuresByReceivingMx() {
            return Map.of();
        }
    }

    private static final DomainName DOMAIN = DomainName.of("example.com");

    private static EvidenceFailure mismatch(LocalDate day, long sessions) {
        return new EvidenceFailure(day, "Google Inc.", "sts", "certificate-host-mismatch", Optional.of(Seen.MX),
                sessions, Optional.empty());
    }

    @Test
    void fourteenCleanDaysMakeATestingPolicyReadyAndTheAdviceNamesReportersAndDays() {
        ValidationReport r = Seen.testing().assemble(Optional.empty(), new Evidence(DOMAIN, 20, 14, List.of()));

        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.READY);
        assertThat(r.promotion().advice()).contains("Google Inc.", "Microsoft Corporation", "14 consecutive clean days",
                "2026-11-09", "2026-11-28");
        assertThat(r.promotion().evidence()).isPresent();
    }

    @Test
    void thirteenCleanDaysAreNotEnough() {
        ValidationReport r = Seen.testing().assemble(Optional.empty(), new Evidence(DOMAIN, 20, 13, List.of()));

        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_READY);
        Finding f = r.findings(FindingCode.TLSRPT_EVIDENCE_SHORT).get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("13 consecutive clean days", "needs 14");
    }

    @Test
    void aFailureOnDayTenBlocksNamingTheHostTheResultTypeAndWhatTheLiveCheckSays() {
        LocalDate day10 = YESTERDAY.minusDays(10);
        MxHostObservation probed = new MxHostObservation(DomainName.of(Seen.MX),
                Optional.of(AddressAnswer.found(DomainName.of(Seen.MX), "192.0.2.25")), List.of(),
                Optional.of(new MxProbe(DomainName.of(Seen.MX), List.of(AddressProbe.builder(
                        Seen.address("192.0.2.25"), ProbeOutcome.TLS_FAILED)
                        .tlsFailure(TlsFailureCategory.HOSTNAME_MISMATCH).detail("for other names").build()))),
                Optional.empty());

        ValidationReport r = Seen.testing().mxHosts(probed)
                .assemble(Optional.empty(), new Evidence(DOMAIN, 20, 9, List.of(mismatch(day10, 12))));

        Finding f = r.findings(FindingCode.TLSRPT_REPORTED_FAILURES).get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("12 failed sessions", "certificate-host-mismatch", Seen.MX, day10.toString());
        assertThat(f.remediation()).contains("'" + Seen.MX + "'", "MX_CERT_HOSTNAME_MISMATCH");
        assertThat(r.promotion().blockers()).extracting(Finding::code)
                .contains(FindingCode.TLSRPT_REPORTED_FAILURES, FindingCode.TLSRPT_EVIDENCE_SHORT);
    }

    @Test
    void failuresBeforeTheWindowAreInfoAndDoNotBlock() {
        ValidationReport r = Seen.testing().assemble(Optional.empty(),
                new Evidence(DOMAIN, 30, 20, List.of(mismatch(YESTERDAY.minusDays(25), 3))));

        assertThat(r.findings(FindingCode.TLSRPT_REPORTED_FAILURES)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.READY);
    }

    @Test
    void oldEvidenceIsStale() {
        PromotionEvidence old = new PromotionEvidenceShifted(new Evidence(DOMAIN, 20, 20, List.of()), 10);

        ValidationReport r = Seen.testing().assemble(Optional.empty(), old);

        assertThat(r.findings(FindingCode.TLSRPT_EVIDENCE_STALE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("11 days before"));
        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_READY);
    }

    @Test
    void enforceStraightFromNoneIsAWarningAndTheLayerSaysSo() {
        PolicySnapshot before = new PolicySnapshot("example.com", "1", "0".repeat(64),
                Instant.parse("2026-11-01T00:00:00Z"), "none");

        ValidationReport r = Seen.deployed("example.com", "enforce").assemble(Optional.of(before));

        assertThat(r.findings(FindingCode.ENFORCE_WITHOUT_TESTING)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("mode none", "without a testing period"));
        assertThat(r.layer(dev.mtasts.report.Layer.PROMOTION).status()).isEqualTo(LayerStatus.WARN);
    }

    @Test
    void enforceWithoutTlsRptOrEvidenceIsAWarningButWithTlsRptItIsNot() {
        ValidationReport unseen = Seen.deployed("example.com", "enforce").rptOutcome(DnsOutcome.NXDOMAIN).assemble();
        ValidationReport seen = Seen.deployed("example.com", "enforce").assemble();

        assertThat(unseen.has(FindingCode.ENFORCE_WITHOUT_TESTING)).isTrue();
        assertThat(seen.has(FindingCode.ENFORCE_WITHOUT_TESTING)).isFalse();
    }

    @Test
    void evidenceAboutAnotherDomainIsRefused() {
        assertThatThrownBy(() -> ValidationRequest.of("example.org")
                .withEvidence(new Evidence(DOMAIN, 1, 1, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("example.com");
    }

    @Test
    void aSnapshotKeepsItsModeOnItsLineAndOldLinesStillRead() {
        PolicySnapshot s = new PolicySnapshot("example.com", "1", "a".repeat(64), Seen.NOW, "testing");

        assertThat(PolicySnapshot.parseLine(s.toLine())).isEqualTo(s);
        assertThat(PolicySnapshot.parseLine("example.com 1 " + "a".repeat(64) + " " + Seen.NOW).policyMode())
                .isEmpty();
        assertThatThrownBy(() -> new PolicySnapshot("example.com", "1", "a".repeat(64), Seen.NOW, "ENFORCE"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The same evidence, every day moved back. */
    private record PromotionEvidenceShifted(PromotionEvidence inner, int days) implements PromotionEvidence {
        @Override
        public DomainName domain() {
            return inner.domain();
        }

        @Override
        public Optional<LocalDate> firstDay() {
            return inner.firstDay().map(d -> d.minusDays(days));
        }

        @Override
        public Optional<LocalDate> lastDay() {
            return inner.lastDay().map(d -> d.minusDays(days));
        }

        @Override
        public int daysCovered() {
            return inner.daysCovered();
        }

        @Override
        public int consecutiveCleanStsDays() {
            return inner.consecutiveCleanStsDays();
        }

        @Override
        public long totalStsSessions() {
            return inner.totalStsSessions();
        }

        @Override
        public long failedStsSessions() {
            return inner.failedStsSessions();
        }

        @Override
        public List<String> reporters() {
            return inner.reporters();
        }

        @Override
        public Map<String, Long> failuresByResultType() {
            return inner.failuresByResultType();
        }

        @Override
        public Map<String, Long> failuresByReceivingMx() {
            return inner.failuresByReceivingMx();
        }

        @Override
        public List<EvidenceFailure> failures() {
            return inner.failures();
        }
    }
}
