package dev.mtasts.tlsrpt;

import static dev.mtasts.tlsrpt.Samples.gzip;
import static dev.mtasts.tlsrpt.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsRptReportsTest {

    private static final DomainName DOMAIN = DomainName.of("example.com");
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");

    @Test
    void aDirectoryWithGoodAndBadReportsYieldsTheGoodOnesAndNamesTheBad(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("google.json"), utf8(Samples.google(DAY, 10, 0)));
        Files.write(dir.resolve("microsoft.json.gz"), gzip(utf8(Samples.microsoft(DAY, 20, 0))));
        Path sub = Files.createDirectories(dir.resolve("inbox"));
        Files.write(sub.resolve("mail.eml"), Samples.email("application/tlsrpt+gzip", "r.json.gz",
                gzip(utf8(Samples.google(DAY.plusDays(1), 5, 0)))));
        Files.write(dir.resolve("broken.json"), utf8("{\"organization-name\": "));
        Files.write(dir.resolve("wrong.json"), utf8(Samples.google(DAY, 1, 0).replace("\"sts\"", "7")));
        Files.write(dir.resolve("bomb.gz"), gzip(new byte[20 * 1024 * 1024]));
        Files.write(dir.resolve("README.txt"), utf8("not read: not a report's name"));

        TlsRptReports reports = TlsRptReports.read(dir);

        assertThat(reports.reports()).hasSize(3);
        assertThat(reports.bad()).extracting(BadReport::path).containsExactlyInAnyOrder(dir.resolve("broken.json"),
                dir.resolve("wrong.json"), dir.resolve("bomb.gz"));
        assertThat(reports.bad()).filteredOn(b -> b.path().endsWith("wrong.json")).singleElement()
                .satisfies(b -> assertThat(b.reason()).isEqualTo("(report-id 2026-11-20T00:00:00Z_example.com):"
                        + " $.policies[0].policy.policy-type: expected a string, found the number 7"));
        assertThat(reports.bad()).filteredOn(b -> b.path().endsWith("bomb.gz")).singleElement()
                .satisfies(b -> assertThat(b.reason()).contains("limit of 16 MiB"));
        assertThat(reports.domains()).containsExactly(DOMAIN);
    }

    @Test
    void aFileNamedExplicitlyIsReadWhateverItsNameAndAMissingOneIsBad(@TempDir Path dir) throws Exception {
        Path odd = Files.write(dir.resolve("report.txt"), utf8(Samples.google(DAY, 10, 0)));
        Path missing = dir.resolve("nope.json");

        TlsRptReports reports = TlsRptReports.read(odd, missing);

        assertThat(reports.reports()).hasSize(1);
        assertThat(reports.bad()).containsExactly(new BadReport(missing, "no such file"));
    }

    @Test
    void theSameReportDeliveredTwiceCountsOnce(@TempDir Path dir) throws Exception {
        String json = Samples.microsoft(DAY, 20, 0);
        Files.write(dir.resolve("a.json"), utf8(json));
        Files.write(dir.resolve("b.json.gz"), gzip(utf8(json)));
        Files.write(dir.resolve("c.eml"), Samples.email("application/tlsrpt+json", "c.json", utf8(json)));

        TlsRptReports reports = TlsRptReports.read(dir);

        assertThat(reports.reports()).hasSize(1);
        assertThat(reports.duplicates()).isEqualTo(2);
        assertThat(reports.evidenceFor(DOMAIN).totalStsSessions()).isEqualTo(20);
        assertThat(reports.plus(reports).duplicates()).isEqualTo(5);
    }

    @Test
    void theSameIdFromAnotherOrganisationIsAnotherReport() throws Exception {
        TlsRptReport a = TlsRptReportParser.defaults().parseJson(utf8(Samples.report("A", null, "same", "2026-11-20T00:00:00Z",
                "2026-11-20T23:59:59Z", Samples.sts("example.com", false, 1, 0))), "a");
        TlsRptReport b = TlsRptReportParser.defaults().parseJson(utf8(Samples.report("B", null, "same", "2026-11-20T00:00:00Z",
                "2026-11-20T23:59:59Z", Samples.sts("example.com", false, 1, 0))), "b");

        assertThat(TlsRptReports.of(List.of(a, b)).reports()).hasSize(2);
    }

    @Test
    void theSummaryHasARowPerDayReporterAndPolicyType() throws Exception {
        TlsRptReportParser parser = TlsRptReportParser.defaults();
        TlsRptReports reports = TlsRptReports.of(List.of(
                parser.parseJson(utf8(Samples.google(DAY, 90, 10,
                        Samples.failure("certificate-expired", "mx1.example.com", 6),
                        Samples.failure("starttls-not-supported", "mx2.example.com", 4))), "g1"),
                parser.parseJson(utf8(Samples.microsoft(DAY, 50, 0)), "m1"),
                parser.parseJson(utf8(Samples.report("Google Inc.", null, "npf", DAY + "T00:00:00Z",
                        DAY + "T23:59:59Z", Samples.noPolicyFound("example.com", 3, 0))), "g2"),
                parser.parseJson(utf8(Samples.report("Weekly", null, "w", "2026-11-19T00:00:00Z",
                        "2026-11-21T00:00:00Z", Samples.sts("example.com", false, 8, 0))), "w")));

        List<DaySummary> rows = reports.summary(DOMAIN);

        assertThat(rows).extracting(DaySummary::day, DaySummary::reporter, DaySummary::policyTypeName,
                DaySummary::successfulSessions, DaySummary::failedSessions).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DAY.minusDays(1), "Weekly", "sts", 0L, 0L),
                org.assertj.core.groups.Tuple.tuple(DAY, "Google Inc.", "no-policy-found", 3L, 0L),
                org.assertj.core.groups.Tuple.tuple(DAY, "Google Inc.", "sts", 90L, 10L),
                org.assertj.core.groups.Tuple.tuple(DAY, "Microsoft Corporation", "sts", 50L, 0L),
                org.assertj.core.groups.Tuple.tuple(DAY, "Weekly", "sts", 8L, 0L));
        assertThat(rows.get(2).failuresByResultType()).containsExactly(Map.entry("certificate-expired", 6L),
                Map.entry("starttls-not-supported", 4L));
        assertThat(rows.get(0).reports()).isEqualTo(1);
        assertThat(reports.summary()).isEqualTo(rows);
        assertThat(reports.summary(DomainName.of("other.example"))).isEmpty();
    }

    @Test
    void reportsAreOrderedByDateRangeThenOrganisation() throws Exception {
        TlsRptReportParser parser = TlsRptReportParser.defaults();
        TlsRptReports reports = TlsRptReports.of(List.of(
                parser.parseJson(utf8(Samples.microsoft(DAY.plusDays(1), 1, 0)), "m"),
                parser.parseJson(utf8(Samples.microsoft(DAY, 1, 0)), "m"),
                parser.parseJson(utf8(Samples.google(DAY, 1, 0)), "g")));

        assertThat(reports.reports()).extracting(r -> r.dateRange().firstDay() + " " + r.organizationName())
                .containsExactly(DAY + " Google Inc.", DAY + " Microsoft Corporation",
                        DAY.plusDays(1) + " Microsoft Corporation");
        assertThat(reports).hasToString("TlsRptReports[3 reports, 0 bad, 0 duplicates]");
    }
}
