package dev.mtasts.examples.cli;

import dev.mtasts.tlsrpt.BadReport;
import dev.mtasts.tlsrpt.TlsRptReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The TLS-RPT reports named on the command line ({@code mta-sts reports DIR|FILE...}, {@code --reports}), read with
 * {@link TlsRptReports#read(Path...)}: a bad file is listed, never fatal; a path that does not exist is an input
 * error, as a missing file is for every other command.
 */
final class ReportInputs {

    private ReportInputs() {
    }

    /**
     * @param what  how the paths were given, for the error ({@code "cannot read"}, {@code "--reports: cannot read"})
     * @param paths files and directories
     * @return the reports read, with the bad files
     * @throws InputException when a path does not exist
     */
    static TlsRptReports read(String what, List<Path> paths) {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new InputException(what + " " + path + ": no such file or directory");
            }
        }
        return TlsRptReports.read(paths.toArray(Path[]::new));
    }

    /** @return true when files were found but not one of them could be read as a report */
    static boolean noneReadable(TlsRptReports reports) {
        return reports.reports().isEmpty() && !reports.bad().isEmpty();
    }

    /**
     * @param reports reports of which none could be read ({@link #noneReadable})
     * @return one line: how many files, and the first one's reason
     */
    static String noneReadableMessage(TlsRptReports reports) {
        List<BadReport> bad = reports.bad();
        BadReport first = bad.get(0);
        return "no TLS-RPT report could be read: " + bad.size() + " bad file" + (bad.size() == 1 ? "" : "s")
                + " (" + Printable.of(first.path() + ": " + first.reason()) + (bad.size() > 1 ? "; ..." : "") + ")";
    }
}
