package dev.mtasts.examples.cli;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.Deployment;
import dev.mtasts.testkit.Deployments;
import dev.mtasts.testkit.MtaStsSandbox;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mta-sts demo}: starts {@link MtaStsSandbox} on loopback, installs every named deployment of
 * {@link Deployments}, validates them all at once and prints their reports. Offline; a few seconds.
 *
 * <p>Exits {@value ExitCodes#OK} once every report is printed, whatever the reports say (the broken deployments are
 * broken on purpose), {@value ExitCodes#USAGE} on a usage error, {@value ExitCodes#COULD_NOT_RUN} when the sandbox
 * cannot start.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = MtaStsCli.Version.class,
        description = "Offline: start a sandbox (DNS, HTTPS, SMTP STARTTLS servers and a throw-away CA on"
                + " loopback) with named deployments, good and broken as in the real world (MX hosts without"
                + " STARTTLS, with a wrong or expired certificate, a DANE mismatch included), and print the report"
                + " of each.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the demo ran: every deployment was validated and its report printed (the broken ones are"
                        + " broken on purpose, so their findings do not change the exit code)",
                "2:usage error (such as an unknown option)",
                "3:the demo could not run (the sandbox could not start on loopback)"})
final class DemoCommand implements Callable<Integer> {

    /**
     * Each deployment's deadline. The demo never waits for it on a machine with time to spare (the endless body
     * ends at the fetcher's size limit, within a second), but twenty validations started at once in a cold JVM can
     * take seconds on a busy one, and a demo whose good deployments time out shows nothing: long enough for that,
     * short enough that a hung deployment does not hold the demo for long.
     */
    static final Duration DEADLINE = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of {\"deployment\": {title, description},"
            + " \"report\": {...}}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (MtaStsSandbox sandbox = MtaStsSandbox.start()) {
            List<Deployment> deployments = Deployments.installAll(sandbox);
            Validator validator = sandbox.validatorBuilder().deadline(DEADLINE).build();
            List<CompletableFuture<ValidationReport>> futures = new ArrayList<>();
            for (Deployment d : deployments) {
                futures.add(validator.validateAsync(d.domain()));
            }
            List<ValidationReport> reports = futures.stream().map(CompletableFuture::join).toList();
            if (json) {
                out.println(ReportJson.demo(deployments, reports));
            } else {
                printText(deployments, reports, out);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code ENFORCING}, or {@code ENFORCING (mail at risk)} when senders would refuse mail now. */
    static String verdictInWords(ValidationReport report) {
        return report.verdict().name() + (report.atRisk() ? " (mail at risk)" : "");
    }

    private static void printText(List<Deployment> deployments, List<ValidationReport> reports, PrintWriter out) {
        Style style = Style.forTerminal();
        ReportText text = new ReportText(style);
        out.println(style.bold("mta-sts demo") + ": " + deployments.size() + " deployments in a sandbox on loopback"
                + " (DNS, HTTPS, SMTP, a throw-away CA); nothing leaves this machine.");
        out.println();
        for (int i = 0; i < reports.size(); i++) {
            Deployment d = deployments.get(i);
            out.println(style.bold("=== " + (i + 1) + ". " + d.title()));
            out.println("    " + d.description());
            out.println();
            text.print(reports.get(i), out);
        }
        out.println(style.bold("Summary"));
        for (int i = 0; i < reports.size(); i++) {
            ValidationReport r = reports.get(i);
            String codes = r.findings().stream().map(f -> f.code().name()).distinct()
                    .collect(Collectors.joining(" "));
            out.println(String.format("  %-22s %-24s %s", r.domain().value(), verdictInWords(r), codes)
                    .stripTrailing());
        }
        out.println();
        out.println("Check your own domain: mta-sts check example.com    (mta-sts check --help for the options)");
    }
}
