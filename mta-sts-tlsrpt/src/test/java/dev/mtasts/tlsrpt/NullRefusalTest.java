package dev.mtasts.tlsrpt;

import dev.mtasts.DomainName;
import dev.mtasts.conformance.NullRefusalCheck;
import dev.mtasts.conformance.NullRefusalTestCase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every public constructor and method of {@code dev.mtasts.tlsrpt} refuses {@code null} in each reference parameter
 * with a {@link NullPointerException} whose message is that parameter's name (the {@link NullRefusalCheck} of
 * mta-sts-core's test-jar). Exempt is {@code equals(Object)}, whose contract is to answer {@code false}.
 */
class NullRefusalTest extends NullRefusalTestCase {

    private static final TlsRptReport REPORT = new TlsRptReport("Google Inc.",
            DateRange.of(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-20T23:59:59Z")),
            Optional.empty(), "r1", List.of());

    private static final NullRefusalCheck CHECK = NullRefusalCheck.builder()
            .packages(List.of("dev.mtasts.tlsrpt"))
            .expectedTypes(List.of(TlsRptReportParser.class, TlsRptReportParser.Builder.class, TlsRptReports.class,
                    TlsRptReport.class, PolicyReport.class, FailureDetail.class, DateRange.class, DaySummary.class,
                    BadReport.class, TlsRptEvidence.class, TlsRptParseException.class, PolicyType.class,
                    ResultType.class))
            .samples(Map.<Class<?>, Supplier<Object>>ofEntries(
                    Map.entry(String.class, () -> "sts"),
                    Map.entry(int.class, () -> 1),
                    Map.entry(long.class, () -> 1L),
                    Map.entry(byte[].class, () -> Samples.utf8("{}")),
                    Map.entry(Path.class, () -> Path.of("reports")),
                    Map.entry(Path[].class, () -> new Path[0]),
                    Map.entry(InputStream.class, () -> new ByteArrayInputStream(new byte[0])),
                    Map.entry(Collection.class, List::of),
                    Map.entry(List.class, List::of),
                    Map.entry(Map.class, Map::of),
                    Map.entry(Optional.class, Optional::empty),
                    Map.entry(Instant.class, () -> Instant.parse("2026-11-20T00:00:00Z")),
                    Map.entry(LocalDate.class, () -> LocalDate.parse("2026-11-20")),
                    Map.entry(DomainName.class, () -> DomainName.of("example.com")),
                    Map.entry(DateRange.class, () -> REPORT.dateRange()),
                    Map.entry(TlsRptReportParser.class, TlsRptReportParser::defaults),
                    Map.entry(TlsRptReports.class, () -> TlsRptReports.of(List.of()))))
            .receivers(Map.<Class<?>, Supplier<List<?>>>ofEntries(
                    Map.entry(TlsRptReportParser.class, () -> List.of(TlsRptReportParser.defaults())),
                    Map.entry(TlsRptReportParser.Builder.class, () -> List.of(TlsRptReportParser.builder())),
                    Map.entry(TlsRptReports.class, () -> List.of(TlsRptReports.of(List.of(REPORT)))),
                    Map.entry(TlsRptReport.class, () -> List.of(REPORT))))
            .callbacks(Set.of())
            .implementedElsewhere(Set.of())
            .pinned(Set.of())
            .build();

    @Override
    protected NullRefusalCheck check() {
        return CHECK;
    }
}
