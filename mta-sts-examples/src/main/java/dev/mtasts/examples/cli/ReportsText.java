package dev.mtasts.examples.cli;

import dev.mtasts.DomainName;
import dev.mtasts.tlsrpt.BadReport;
import dev.mtasts.tlsrpt.DaySummary;
import dev.mtasts.tlsrpt.TlsRptEvidence;
import dev.mtasts.tlsrpt.TlsRptReports;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code mta-sts reports} as a person reads it: a line on what was read, then per domain the table of days, the
 * failures and the clean run, then the bad files. Every string taken from a report goes through {@link Printable}.
 */
final class ReportsText {

    private static final String INDENT = "  ";

    private final Style style;

    ReportsText(Style style) {
        this.style = style;
    }

    void print(TlsRptReports reports, PrintWriter out) {
        out.println(style.bold("TLS-RPT reports") + ": " + count(reports.reports().size(), "report") + " about "
                + count(reports.domains().size(), "domain") + ", " + count(reports.duplicates(), "duplicate")
                + " counted once, " + count(reports.bad().size(), "bad file"));
        for (DomainName domain : reports.domains()) {
            out.println();
            domain(domain, reports.summary(domain), reports.evidenceFor(domain), out);
        }
        if (!reports.bad().isEmpty()) {
            out.println();
            out.println(style.bold("Bad files") + " (not read; the others were)");
            for (BadReport bad : reports.bad()) {
                out.println(INDENT + style.red("x") + " " + Printable.of(bad.path().toString()) + ": "
                        + Printable.of(bad.reason()));
            }
        }
    }

    private void domain(DomainName domain, List<DaySummary> rows, TlsRptEvidence evidence, PrintWriter out) {
        out.println(style.bold(domain.value()) + "  " + cleanRun(evidence));
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"Day", "Reporter", "Policy", "Reports", "Successful", "Failed", "Failures"});
        for (DaySummary row : rows) {
            table.add(new String[] {row.day().toString(), Printable.of(row.reporter()),
                    Printable.of(row.policyTypeName()), Integer.toString(row.reports()),
                    Long.toString(row.successfulSessions()), Long.toString(row.failedSessions()),
                    byType(row.failuresByResultType())});
        }
        int[] width = new int[7];
        for (String[] cells : table) {
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        for (int r = 0; r < table.size(); r++) {
            String[] c = table.get(r);
            String line = INDENT + pad(c[0], width[0]) + "  " + pad(c[1], width[1]) + "  " + pad(c[2], width[2])
                    + "  " + left(c[3], width[3]) + "  " + left(c[4], width[4]) + "  " + left(c[5], width[5])
                    + (c[6].isEmpty() ? "" : "  " + c[6]);
            out.println(r == 0 ? style.dim(line.stripTrailing()) : failed(rows.get(r - 1)) ? style.yellow(line)
                    : line.stripTrailing());
        }
        List<FailureGroup> failures = FailureGroup.of(evidence);
        if (!failures.isEmpty()) {
            out.println(INDENT + style.bold("Failures") + " by result type and receiving MX host");
            for (FailureGroup g : failures) {
                String days = g.days().size() == 1 ? "on " + g.days().get(0) : g.days().size() + " days, "
                        + g.days().get(0) + " to " + g.days().get(g.days().size() - 1);
                out.println(INDENT + style.yellow("!") + " " + Printable.of(g.resultType()) + " at "
                        + Printable.of(g.receivingMxHost().orElse("(no MX host named)")) + ": "
                        + count(g.failedSessions(), "failed session") + " (" + Printable.of(g.policyType())
                        + " policy) " + days + ", reported by " + Printable.of(String.join(", ", g.reporters())));
            }
        }
    }

    private String cleanRun(TlsRptEvidence e) {
        int run = e.consecutiveCleanStsDays();
        String days = count(e.daysCovered(), "day") + " covered" + e.firstDay().map(d -> " from " + d).orElse("")
                + e.lastDay().map(d -> " to " + d).orElse("");
        String sessions = count(e.totalStsSessions(), "sts session") + ", " + e.failedStsSessions() + " failed";
        String clean = run + " consecutive clean sts day" + (run == 1 ? "" : "s")
                + e.lastDay().map(d -> " up to " + d).orElse("");
        String coloured = run >= dev.mtasts.Validator.DEFAULT_MINIMUM_CLEAN_DAYS ? style.green(clean)
                : style.yellow(clean);
        return coloured + " (" + days + "; " + sessions + "; reporters "
                + Printable.of(String.join(", ", e.reporters())) + ")";
    }

    private static boolean failed(DaySummary row) {
        return row.failedSessions() > 0;
    }

    private static String byType(Map<String, Long> byType) {
        return byType.entrySet().stream().map(e -> Printable.of(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String left(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
