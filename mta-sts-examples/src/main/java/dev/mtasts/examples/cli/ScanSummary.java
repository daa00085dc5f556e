package dev.mtasts.examples.cli;

import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts of a scan: per verdict, per finding code (each domain counted once per code), and the most common errors
 * with one example domain each. Its size does not grow with the number of domains. Thread-safe.
 */
final class ScanSummary {

    private static final int TOP_ERRORS = 10;

    private final Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
    private final Map<FindingCode, Long> codes = new EnumMap<>(FindingCode.class);
    private final Map<FindingCode, Long> errorCodes = new EnumMap<>(FindingCode.class);
    private final Map<FindingCode, String> errorExample = new EnumMap<>(FindingCode.class);
    private long checked;
    private long withErrors;
    private long atRisk;
    private long couldNotRun;
    private long inconclusive;
    private long inputErrors;
    private long failures;

    synchronized void add(ValidationReport report) {
        checked++;
        verdicts.merge(report.verdict(), 1L, Long::sum);
        if (ExitCodes.couldNotRun(report)) {
            couldNotRun++;
        }
        if (report.inconclusive()) {
            inconclusive++;
        }
        if (ExitCodes.hasFindings(report)) {
            withErrors++;
        }
        if (report.atRisk()) {
            atRisk++;
        }
        Set<FindingCode> seen = EnumSet.noneOf(FindingCode.class);
        Set<FindingCode> seenErrors = EnumSet.noneOf(FindingCode.class);
        for (Finding f : report.findings()) {
            if (seen.add(f.code())) {
                codes.merge(f.code(), 1L, Long::sum);
            }
            if (f.severity() == Severity.ERROR && seenErrors.add(f.code())) {
                errorCodes.merge(f.code(), 1L, Long::sum);
                errorExample.putIfAbsent(f.code(), report.domain().value());
            }
        }
    }

    synchronized void inputError() {
        inputErrors++;
    }

    synchronized void failure() {
        failures++;
    }

    synchronized long checked() {
        return checked;
    }

    synchronized long done() {
        return checked + inputErrors + failures;
    }

    /** @return the exit code of the whole scan */
    synchronized int exitCode() {
        if (checked > 0 && couldNotRun == checked) {
            return ExitCodes.COULD_NOT_RUN;
        }
        return withErrors > 0 || failures > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    synchronized void print(PrintWriter err, long elapsedMillis) {
        err.printf("%nScan: %d domain%s checked, %d input line%s not a domain, %d failed, in %.1f s%n", checked,
                checked == 1 ? "" : "s", inputErrors, inputErrors == 1 ? "" : "s", failures,
                elapsedMillis / 1000.0);
        err.printf("  with ERROR findings: %d   mail at risk: %d   inconclusive: %d   could not run (no DNS answer):"
                + " %d%n", withErrors, atRisk, inconclusive, couldNotRun);
        err.println();
        err.printf("  %-14s %8s%n", "verdict", "domains");
        for (Verdict v : Verdict.values()) {
            err.printf("  %-14s %8d%n", v.name(), verdicts.getOrDefault(v, 0L));
        }
        if (!codes.isEmpty()) {
            err.println();
            String row = "  %-32s %-" + LayerTitles.WIDTH + "s %8s%n";
            err.printf(row, "finding code", "layer", "domains");
            codes.entrySet().stream()
                    .sorted(Map.Entry.<FindingCode, Long>comparingByValue(Comparator.reverseOrder()))
                    .forEach(e -> err.printf(row, e.getKey().name(), LayerTitles.of(e.getKey().layer()),
                            e.getValue()));
        }
        if (!errorCodes.isEmpty()) {
            err.println();
            err.println("  top errors");
            errorCodes.entrySet().stream()
                    .sorted(Map.Entry.<FindingCode, Long>comparingByValue(Comparator.reverseOrder()))
                    .limit(TOP_ERRORS)
                    .forEach(e -> err.printf("  %8d  %-32s %s (e.g. %s)%n", e.getValue(), e.getKey().name(),
                            e.getKey().summary(), errorExample.get(e.getKey())));
        }
        err.flush();
    }
}
