package dev.mtasts.tlsrpt;

import dev.mtasts.DomainName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set of TLS-RPT aggregate reports: read from files and directories (the bad ones listed, never failing the
 * rest), without duplicates, summarised per day, reporter and policy type, and turned into the
 * {@link TlsRptEvidence} for a domain. An immutable value; thread-safe.
 *
 * <p><b>Reading.</b> {@link #read(Path...)} reads each file named, whatever its name (the content tells JSON,
 * gzip and e-mail apart), and in each directory named, and its subdirectories up to 8 deep, the regular files
 * named {@code *.json}, {@code *.json.gz}, {@code *.gz} or {@code *.eml} (any case), in the order of their paths.
 * A file that is not readable or not a report becomes a {@link BadReport}; an e-mail with several reports yields
 * them all.
 *
 * <p><b>Duplicates.</b> A report delivered twice (by mail and by HTTPS, or saved twice) has the same
 * {@code organization-name} and {@code report-id}: it counts once, the first one read, and
 * {@link #duplicates()} counts the others.
 *
 * <pre>{@code
 * // not run: needs a directory of TLS-RPT reports
 * TlsRptReports reports = TlsRptReports.read(Path.of("reports"), Path.of("inbox/tlsrpt.eml"));
 * reports.bad().forEach(bad -> System.out.println("skipped " + bad));
 * for (DaySummary row : reports.summary(domain)) {
 *     System.out.println(row.day() + " " + row.reporter() + " " + row.policyTypeName() + " "
 *             + row.successfulSessions() + " ok, " + row.failedSessions() + " failed " + row.failuresByResultType());
 * }
 * TlsRptEvidence evidence = reports.evidenceFor(domain);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TlsRptReports {

    private static final Logger LOG = LoggerFactory.getLogger(TlsRptReports.class);

    /** How deep {@link #read(Path...)} descends into a directory. */
    static final int MAX_DIRECTORY_DEPTH = 8;

    private static final Comparator<TlsRptReport> ORDER = Comparator
            .comparing((TlsRptReport r) -> r.dateRange().start())
            .thenComparing(r -> r.dateRange().end())
            .thenComparing(TlsRptReport::organizationName)
            .thenComparing(TlsRptReport::reportId);

    private final List<TlsRptReport> reports;
    private final List<BadReport> bad;
    private final int duplicates;

    private TlsRptReports(List<TlsRptReport> read, List<BadReport> bad, int earlierDuplicates) {
        Set<List<String>> seen = new HashSet<>();
        List<TlsRptReport> unique = new ArrayList<>();
        for (TlsRptReport report : read) {
            if (seen.add(List.of(report.organizationName(), report.reportId()))) {
                unique.add(report);
            } else {
                LOG.debug("report {} of {} read again: counted once", report.reportId(), report.organizationName());
            }
        }
        unique.sort(ORDER);
        this.reports = List.copyOf(unique);
        this.bad = List.copyOf(bad);
        this.duplicates = earlierDuplicates + read.size() - unique.size();
    }

    /**
     * Reads reports from files and directories with {@link TlsRptReportParser#defaults()}; never fails on a bad
     * file, which is listed in {@link #bad()} instead.
     *
     * @param paths files and directories
     * @return the reports read
     */
    public static TlsRptReports read(Path... paths) {
        Objects.requireNonNull(paths, "paths");
        return read(TlsRptReportParser.defaults(), Arrays.asList(paths));
    }

    /**
     * Reads reports from files and directories with the given parser; never fails on a bad file, which is listed in
     * {@link #bad()} instead.
     *
     * @param parser the parser, with its limits
     * @param paths  files and directories
     * @return the reports read
     */
    public static TlsRptReports read(TlsRptReportParser parser, Collection<Path> paths) {
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(paths, "paths");
        List<Path> files = new ArrayList<>();
        List<BadReport> bad = new ArrayList<>();
        for (Path path : paths) {
            Objects.requireNonNull(path, "paths");
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path, MAX_DIRECTORY_DEPTH)) {
                    walk.filter(Files::isRegularFile).filter(TlsRptReports::looksLikeReport).sorted()
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    bad.add(new BadReport(path, "the directory could not be read: " + e.getMessage()));
                }
            } else {
                files.add(path);
            }
        }
        List<TlsRptReport> read = new ArrayList<>();
        for (Path file : files) {
            try {
                read.addAll(parser.read(file));
            } catch (TlsRptParseException e) {
                LOG.debug("not a usable report: {}", e.getMessage());
                bad.add(new BadReport(file, reason(e, file)));
            }
        }
        return new TlsRptReports(read, bad, 0);
    }

    /**
     * @param reports reports read some other way (duplicates are counted once)
     * @return the set
     */
    public static TlsRptReports of(Collection<TlsRptReport> reports) {
        Objects.requireNonNull(reports, "reports");
        return new TlsRptReports(List.copyOf(reports), List.of(), 0);
    }

    /**
     * @param other another set
     * @return the reports and bad files of both, duplicates counted once
     */
    public TlsRptReports plus(TlsRptReports other) {
        Objects.requireNonNull(other, "other");
        List<TlsRptReport> all = new ArrayList<>(reports);
        all.addAll(other.reports);
        List<BadReport> allBad = new ArrayList<>(bad);
        allBad.addAll(other.bad);
        return new TlsRptReports(all, allBad, duplicates + other.duplicates);
    }

    private static boolean looksLikeReport(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".gz") || name.endsWith(".eml");
    }

    /** @return the parser's message without the file's name, which {@link BadReport#path()} has */
    private static String reason(TlsRptParseException e, Path file) {
        String message = e.getMessage();
        String name = file.toString();
        if (message.startsWith(name)) {
            String rest = message.substring(name.length());
            if (rest.startsWith(": ")) {
                return rest.substring(2);
            }
            if (rest.startsWith(" > ")) {
                return rest.substring(3);
            }
            return rest.strip();
        }
        return message;
    }

    /** @return the reports, each once, by start and end of their date range, organisation and report id */
    public List<TlsRptReport> reports() {
        return reports;
    }

    /** @return the files that could not be used, and why, in the order they were read */
    public List<BadReport> bad() {
        return bad;
    }

    /** @return how many reports were left out as the same delivery as one already read */
    public int duplicates() {
        return duplicates;
    }

    /** @return the policy domains the reports are about, sorted */
    public List<DomainName> domains() {
        Set<DomainName> domains = new TreeSet<>();
        reports.forEach(r -> r.policies().forEach(p -> domains.add(p.policyDomain())));
        return List.copyOf(domains);
    }

    /**
     * The summary of every domain: one row per day, policy domain, reporter and policy type, in that order (see
     * {@link DaySummary} for how a report spanning several days counts).
     *
     * @return the rows
     */
    public List<DaySummary> summary() {
        return summarise(reports, null);
    }

    /**
     * @param domain a policy domain
     * @return the rows of {@link #summary()} for that domain
     */
    public List<DaySummary> summary(DomainName domain) {
        Objects.requireNonNull(domain, "domain");
        return summarise(reports, domain);
    }

    /**
     * @param domain a policy domain
     * @return what the reports say about that domain, by the rules of {@link TlsRptEvidence}; no days and no
     *         clean run when no report is about it
     */
    public TlsRptEvidence evidenceFor(DomainName domain) {
        Objects.requireNonNull(domain, "domain");
        return TlsRptEvidence.of(domain, reports);
    }

    private static List<DaySummary> summarise(List<TlsRptReport> reports, DomainName only) {
        record Key(LocalDate day, DomainName domain, String reporter, String type) { }
        final class Row {
            final Set<List<String>> reportIds = new HashSet<>();
            long successful;
            long failed;
            final Map<String, Long> byType = new TreeMap<>();
        }
        Comparator<Key> order = Comparator.comparing(Key::day).thenComparing(Key::domain)
                .thenComparing(Key::reporter).thenComparing(Key::type);
        Map<Key, Row> rows = new TreeMap<>(order);
        for (TlsRptReport report : reports) {
            LocalDate countDay = report.dateRange().lastDay();
            for (PolicyReport policy : report.policies()) {
                if (only != null && !policy.policyDomain().equals(only)) {
                    continue;
                }
                String type = policy.policyTypeName().toLowerCase(Locale.ROOT);
                for (LocalDate day : report.dateRange().days()) {
                    Row row = rows.computeIfAbsent(new Key(day, policy.policyDomain(), report.organizationName(),
                            type), k -> new Row());
                    row.reportIds.add(List.of(report.organizationName(), report.reportId()));
                    if (day.equals(countDay)) {
                        row.successful = TlsRptEvidence.saturatedAdd(row.successful,
                                policy.totalSuccessfulSessionCount());
                        row.failed = TlsRptEvidence.saturatedAdd(row.failed, policy.totalFailureSessionCount());
                        for (FailureDetail detail : policy.failureDetails()) {
                            row.byType.merge(detail.resultTypeName().toLowerCase(Locale.ROOT),
                                    detail.failedSessionCount(), TlsRptEvidence::saturatedAdd);
                        }
                    }
                }
            }
        }
        List<DaySummary> summary = new ArrayList<>();
        rows.forEach((k, row) -> summary.add(new DaySummary(k.day, k.domain, k.reporter, k.type,
                row.reportIds.size(), row.successful, row.failed, row.byType)));
        return List.copyOf(summary);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsRptReports other && reports.equals(other.reports) && bad.equals(other.bad)
                && duplicates == other.duplicates;
    }

    @Override
    public int hashCode() {
        return Objects.hash(reports, bad, duplicates);
    }

    /** @return the counts of reports, bad files and duplicates */
    @Override
    public String toString() {
        return "TlsRptReports[" + reports.size() + " reports, " + bad.size() + " bad, " + duplicates
                + " duplicates]";
    }
}
