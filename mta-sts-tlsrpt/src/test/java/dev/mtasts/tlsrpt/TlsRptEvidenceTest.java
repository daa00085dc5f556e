package dev.mtasts.tlsrpt;

import static dev.mtasts.tlsrpt.Samples.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.report.EvidenceFailure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of {@link TlsRptEvidence}: covered days, the clean run, totals and failures. */
class TlsRptEvidenceTest {

    private static final DomainName DOMAIN = DomainName.of("example.com");
    private static final LocalDate DAY_1 = LocalDate.parse("2026-11-01");

    private static TlsRptReport parse(String json) {
        try {
            return TlsRptReportParser.defaults().parseJson(Samples.utf8(json), "test.json");
        } catch (TlsRptParseException e) {
            throw new AssertionError(e);
        }
    }

    /** Google and Microsoft, one clean report each per day, for {@code days} days from 2026-11-01. */
    private static List<TlsRptReport> cleanDays(int days) {
        List<TlsRptReport> reports = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            reports.add(parse(Samples.google(DAY_1.plusDays(i), 500 + i, 0)));
            reports.add(parse(Samples.microsoft(DAY_1.plusDays(i), 300, 0)));
        }
        return reports;
    }

    private static TlsRptEvidence evidence(List<TlsRptReport> reports) {
        return TlsRptReports.of(reports).evidenceFor(DOMAIN);
    }

    @Test
    void fourteenCleanDaysAreFourteen() {
        TlsRptEvidence e = evidence(cleanDays(14));

        assertThat(e.consecutiveCleanStsDays()).isEqualTo(14);
        assertThat(e.daysCovered()).isEqualTo(14);
        assertThat(e.firstDay()).contains(DAY_1);
        assertThat(e.lastDay()).contains(LocalDate.parse("2026-11-14"));
        assertThat(e.reporters()).containsExactly("Google Inc.", "Microsoft Corporation");
        assertThat(e.failedStsSessions()).isZero();
        assertThat(e.failures()).isEmpty();
        assertThat(e.totalStsSessions()).isEqualTo(14 * 800 + (13 * 14) / 2);
    }

    @Test
    void thirteenCleanDaysAreThirteen() {
        assertThat(evidence(cleanDays(13)).consecutiveCleanStsDays()).isEqualTo(13);
    }

    @Test
    void oneFailureOnDayTenLeavesTheFourDaysAfterIt() {
        List<TlsRptReport> reports = new ArrayList<>(cleanDays(14));
        LocalDate day10 = DAY_1.plusDays(9);
        reports.removeIf(r -> r.organizationName().startsWith("Microsoft") && r.dateRange().firstDay().equals(day10));
        reports.add(parse(Samples.microsoft(day10, 299, 1, failure("certificate-host-mismatch", "MX2.example.com.", 1))));

        TlsRptEvidence e = evidence(reports);

        assertThat(e.consecutiveCleanStsDays()).isEqualTo(4);
        assertThat(e.cleanStsDays()).hasSize(13).doesNotContain(day10);
        assertThat(e.failedStsSessions()).isEqualTo(1);
        assertThat(e.failuresByResultType()).containsExactly(java.util.Map.entry("certificate-host-mismatch", 1L));
        assertThat(e.failuresByReceivingMx()).containsExactly(java.util.Map.entry("mx2.example.com", 1L));
        assertThat(e.failures()).containsExactly(new EvidenceFailure(day10, "Microsoft Corporation", "sts",
                "certificate-host-mismatch", Optional.of("mx2.example.com"), 1, Optional.empty()));
    }

    @Test
    void aFailureOnTheNewestDayMeansNoCleanRun() {
        List<TlsRptReport> reports = new ArrayList<>(cleanDays(5));
        reports.add(parse(Samples.google(DAY_1.plusDays(5), 10, 2, failure("certificate-expired", "mx1.example.com", 2))));

        assertThat(evidence(reports).consecutiveCleanStsDays()).isZero();
    }

    @Test
    void aDayWithoutAnyReportBreaksTheRun() {
        List<TlsRptReport> reports = new ArrayList<>(cleanDays(20));
        LocalDate gap = DAY_1.plusDays(11);
        reports.removeIf(r -> r.dateRange().firstDay().equals(gap));

        TlsRptEvidence e = evidence(reports);

        assertThat(e.consecutiveCleanStsDays()).isEqualTo(8);
        assertThat(e.daysCovered()).isEqualTo(19);
    }

    @Test
    void noPolicyFoundDaysFromBeforeThePolicyAreNotCleanButDoNotHideTheRunAfterThem() {
        List<TlsRptReport> reports = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reports.add(parse(Samples.report("Google Inc.", "smtp-tls-reporting@google.com", "npf-" + i,
                    DAY_1.plusDays(i) + "T00:00:00Z", DAY_1.plusDays(i) + "T23:59:59Z",
                    Samples.noPolicyFound("example.com", 100, 0))));
        }
        for (int i = 5; i < 19; i++) {
            reports.add(parse(Samples.google(DAY_1.plusDays(i), 100, 0)));
        }

        TlsRptEvidence e = evidence(reports);

        assertThat(e.daysCovered()).isEqualTo(19);
        assertThat(e.consecutiveCleanStsDays()).isEqualTo(14);
        assertThat(e.totalStsSessions()).isEqualTo(14 * 100);
        assertThat(e.firstDay()).contains(DAY_1);
    }

    @Test
    void anStsDayWithoutSessionsIsNotClean() {
        List<TlsRptReport> reports = new ArrayList<>();
        reports.add(parse(Samples.google(DAY_1, 0, 0)));

        assertThat(evidence(reports).consecutiveCleanStsDays()).isZero();
        assertThat(evidence(reports).daysCovered()).isEqualTo(1);
    }

    @Test
    void aCleanMultiDayReportMakesEachOfItsDaysCleanAndCountsItsSessionsOnce() {
        List<TlsRptReport> reports = new ArrayList<>();
        reports.add(parse(Samples.report("Weekly Mail", null, "week-1", "2026-11-01T00:00:00Z",
                "2026-11-08T00:00:00Z", Samples.sts("example.com", true, 700, 0))));

        TlsRptEvidence e = evidence(reports);

        assertThat(e.daysCovered()).isEqualTo(7);
        assertThat(e.consecutiveCleanStsDays()).isEqualTo(7);
        assertThat(e.totalStsSessions()).isEqualTo(700);
        assertThat(e.lastDay()).contains(LocalDate.parse("2026-11-07"));
    }

    @Test
    void aFailureInAMultiDayReportTaintsEveryDayItCoversEvenWhereDailyReportsAreClean() {
        List<TlsRptReport> reports = new ArrayList<>(cleanDays(14));
        reports.add(parse(Samples.report("Weekly Mail", null, "week-2", "2026-11-06T00:00:00Z",
                "2026-11-09T23:59:59Z", Samples.sts("example.com", true, 70, 3,
                        failure("sts-policy-fetch-error", "mx1.example.com", 3)))));

        TlsRptEvidence e = evidence(reports);

        assertThat(e.consecutiveCleanStsDays()).isEqualTo(5); // 11-10 to 11-14
        assertThat(e.cleanStsDays()).doesNotContain(LocalDate.parse("2026-11-06"), LocalDate.parse("2026-11-09"));
        assertThat(e.failures()).singleElement().satisfies(f -> {
            assertThat(f.day()).isEqualTo(LocalDate.parse("2026-11-09")); // the last day of its report
            assertThat(f.reporter()).isEqualTo("Weekly Mail");
        });
    }

    @Test
    void overlappingRangesOfOneReporterCountBothReports() {
        List<TlsRptReport> reports = new ArrayList<>();
        reports.add(parse(Samples.report("Overlap Inc.", null, "a", "2026-11-01T00:00:00Z", "2026-11-02T12:00:00Z",
                Samples.sts("example.com", false, 10, 0))));
        reports.add(parse(Samples.report("Overlap Inc.", null, "b", "2026-11-02T12:00:00Z", "2026-11-03T23:59:59Z",
                Samples.sts("example.com", false, 20, 0))));

        TlsRptEvidence e = evidence(reports);

        assertThat(e.coveredDays()).containsExactly(DAY_1, DAY_1.plusDays(1), DAY_1.plusDays(2));
        assertThat(e.consecutiveCleanStsDays()).isEqualTo(3);
        assertThat(e.totalStsSessions()).isEqualTo(30);
    }

    @Test
    void failuresAreSummedPerDayReporterTypeAndHostAndOtherDomainsAreLeftOut() {
        String twoPolicies = Samples.report("Google Inc.", null, "mixed", "2026-11-01T00:00:00Z",
                "2026-11-01T23:59:59Z",
                Samples.sts("example.com", false, 50, 7,
                        failure("certificate-expired", "mx1.example.com", 3),
                        failure("certificate-expired", "mx1.example.com", 2),
                        failure("starttls-not-supported", "mx2.example.com", 2)),
                Samples.sts("other.example", false, 0, 9, failure("certificate-expired", "mx.other.example", 9)));
        List<TlsRptReport> reports = List.of(parse(twoPolicies));

        TlsRptEvidence e = evidence(reports);

        assertThat(e.failuresByResultType()).containsExactly(java.util.Map.entry("certificate-expired", 5L),
                java.util.Map.entry("starttls-not-supported", 2L));
        assertThat(e.failuresByReceivingMx()).containsOnlyKeys("mx1.example.com", "mx2.example.com");
        assertThat(e.failures()).extracting(EvidenceFailure::failedSessions).containsExactly(5L, 2L);
        assertThat(e.totalStsSessions()).isEqualTo(57);
        assertThat(TlsRptReports.of(reports).evidenceFor(DomainName.of("other.example")).failedStsSessions())
                .isEqualTo(9);
    }

    @Test
    void aSummaryThatCountsFailuresWithoutDetailsStillMakesTheDayNotClean() {
        TlsRptEvidence e = evidence(List.of(parse(Samples.google(DAY_1, 10, 1))));

        assertThat(e.consecutiveCleanStsDays()).isZero();
        assertThat(e.failedStsSessions()).isEqualTo(1);
        assertThat(e.failures()).isEmpty();
    }

    @Test
    void noReportForTheDomainIsEmptyEvidence() {
        TlsRptEvidence e = TlsRptReports.of(cleanDays(3)).evidenceFor(DomainName.of("unrelated.example"));

        assertThat(e.daysCovered()).isZero();
        assertThat(e.firstDay()).isEmpty();
        assertThat(e.lastDay()).isEmpty();
        assertThat(e.consecutiveCleanStsDays()).isZero();
        assertThat(e.reporters()).isEmpty();
        assertThat(e.domain()).isEqualTo(DomainName.of("unrelated.example"));
    }

    @Test
    void evidenceIsAValue() {
        assertThat(evidence(cleanDays(3))).isEqualTo(evidence(cleanDays(3))).hasSameHashCodeAs(evidence(cleanDays(3)));
        assertThat(evidence(cleanDays(3)).toString()).contains("3 clean sts days");
    }
}
