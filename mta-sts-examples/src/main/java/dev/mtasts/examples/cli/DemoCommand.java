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
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Offline: start a sandbox (DNS, HTTPS and a throw-away CA on loopback) with named"
                + " deployments, good and broken as in the real world, and print the report of each.")
final class DemoCommand implements Callable<Integer> {

    /** Short, so the deployment whose body never ends does not hold the demo for long. */
    static final Duration DEADLINE = Duration.ofSeconds(4);

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

    private static void printText(List<Deployment> deployments, List<ValidationReport> reports, PrintWriter out) {
        Style style = Style.forTerminal();
        ReportText text = new ReportText(style);
        out.println(style.bold("mta-sts demo") + ": " + deployments.size() + " deployments in a sandbox on loopback"
                + " (DNS, HTTPS, a throw-away CA); nothing leaves this machine.");
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
            out.printf("  %-22s %-13s %s%n", r.domain().value(), r.verdict() + (r.atRisk() ? "!" : ""), codes);
        }
        out.println();
        out.println("Check your own domain: mta-sts check example.com    (mta-sts check --help for the options)");
    }
}
