package dev.mtasts.examples.cli;

import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;

/**
 * The exit codes of {@code mta-sts}, and how a report maps to one.
 *
 * <ul>
 *   <li>{@value #OK}: no report has an {@code ERROR} finding;</li>
 *   <li>{@value #FINDINGS}: a report has an {@code ERROR} finding, a {@code BROKEN} verdict or mail at risk;</li>
 *   <li>{@value #USAGE}: a usage or input error (unknown option, bad domain argument, unreadable file);</li>
 *   <li>{@value #COULD_NOT_RUN}: the check could not run: the verdict is {@code UNKNOWN}, because no DNS
 *       look-up got an answer, or the policy fetch ran out of the check's deadline before the minute senders wait. A report that is only
 *       {@link ValidationReport#inconclusive() inconclusive} (say, a SERVFAIL for the {@code _mta-sts} record from a
 *       resolver that did answer) exits {@value #FINDINGS}: its failed look-up is an {@code ERROR} finding, as it is
 *       for the senders that meet it.</li>
 * </ul>
 * Over several domains the exit code is the highest one.
 */
public final class ExitCodes {

    /** No report has an {@code ERROR} finding. */
    public static final int OK = 0;
    /** At least one report has an {@code ERROR} finding, a {@code BROKEN} verdict, or mail at risk. */
    public static final int FINDINGS = 1;
    /** Usage or input error. */
    public static final int USAGE = 2;
    /** The check could not run (verdict {@code UNKNOWN}): no DNS look-up got an answer, or the fetch ran out of time. */
    public static final int COULD_NOT_RUN = 3;

    private ExitCodes() {
    }

    /**
     * @param report a report
     * @return the exit code this report alone calls for
     */
    public static int of(ValidationReport report) {
        if (couldNotRun(report)) {
            return COULD_NOT_RUN;
        }
        return hasFindings(report) ? FINDINGS : OK;
    }

    /**
     * @param report a report
     * @return true when it has an {@code ERROR} finding, a {@code BROKEN} verdict or mail at risk (whether or not
     *         it is inconclusive)
     */
    public static boolean hasFindings(ValidationReport report) {
        return report.hasErrors() || report.verdict() == Verdict.BROKEN || report.atRisk();
    }

    /**
     * True when the check could not run: the verdict is {@link Verdict#UNKNOWN}, because no DNS look-up got an
     * answer, or because the fetch of an announced policy ran out of this check's deadline before the minute
     * senders wait. The report then says nothing about what senders do; check again.
     *
     * @param report a report
     * @return whether the check could not run
     */
    public static boolean couldNotRun(ValidationReport report) {
        return report.verdict() == Verdict.UNKNOWN;
    }
}
