package dev.mtasts.examples.cli;

import dev.mtasts.tlsrpt.TlsRptReports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mta-sts reports DIR|FILE...}: what a set of TLS-RPT aggregate reports (RFC 8460 §4) says, per domain: a
 * table per day, reporter and policy type, the failures by result type and receiving MX host, the run of clean days
 * that promotion to enforce needs ({@code check --reports} judges it), the duplicates left out and the files that
 * could not be read. Nothing is validated and nothing goes on the network.
 */
@Command(name = "reports", mixinStandardHelpOptions = true, versionProvider = MtaStsCli.Version.class,
        sortOptions = false,
        description = "Read TLS-RPT aggregate reports (JSON, .json.gz, or saved e-mails .eml with the reports"
                + " attached; a directory is read with its subdirectories) and print, per domain: sessions and"
                + " failures per day, reporter and policy type; the failures grouped by result type and receiving"
                + " MX host; the run of consecutive clean sts days up to the newest report (promotion to enforce"
                + " needs 14: give the reports to 'mta-sts check DOMAIN --reports DIR'). A report delivered twice"
                + " counts once; a file that is not a usable report is listed with the reason, and the others are"
                + " still read.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the reports were read (bad files, if any, are listed)",
                "2:usage or input error: a path does not exist, or not one file could be read as a report"})
final class ReportsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the summary as JSON (its shape is in the README).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "Report files and directories of them.")
    List<Path> paths;

    @Override
    public Integer call() {
        TlsRptReports reports = ReportInputs.read("cannot read", paths);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ReportsJson.of(reports));
        } else {
            new ReportsText(Style.forTerminal()).print(reports, out);
        }
        out.flush();
        if (ReportInputs.noneReadable(reports)) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": " + ReportInputs.noneReadableMessage(reports));
            err.flush();
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }
}
