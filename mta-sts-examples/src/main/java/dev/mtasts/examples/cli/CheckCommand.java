package dev.mtasts.examples.cli;

import dev.mtasts.DomainName;
import dev.mtasts.OfflineMaterial;
import dev.mtasts.OfflineValidator;
import dev.mtasts.ValidationRequest;
import dev.mtasts.Validator;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.tlsrpt.TlsRptReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mta-sts check DOMAIN...}: one report per domain, for people or ({@code --json}) for programs. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = MtaStsCli.Version.class,
        sortOptions = false,
        description = "Validate each domain and print its report: verdict and promotion readiness, each layer"
                + " with its mark (under MX coverage, each MX host's STARTTLS probe per address and its DANE"
                + " status), the findings with their fix, and the exact records and policy to publish. With"
                + " --reports, readiness is judged with what senders' TLS-RPT reports show. With --txt,"
                + " --policy-file, --mx or --tlsrpt, that material is checked in place of the live deployment"
                + " (a change before it is published) with the findings a live run of it gives: the rest is"
                + " looked up live, or, with --offline, nothing is and what is not supplied is checked as"
                + " absent.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no ERROR finding",
                "1:ERROR findings (or verdict BROKEN, or mail at risk)",
                "2:usage or input error",
                "3:the check could not run: no DNS look-up got an answer, or the policy fetch ran out of --timeout"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ValidationOptions options;

    @Mixin
    OfflineOptions material;

    @Option(names = "--json", description = "Print the report as JSON (an array for several domains).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "DOMAIN", description = "The domains to check, such as example.com.")
    List<String> domains;

    @Override
    public Integer call() {
        List<DomainName> names = new ArrayList<>();
        for (String d : domains) {
            try {
                names.add(DomainArgument.parse(d));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        material.check(spec, names.size(), options);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<OfflineMaterial> supplied = material.material();
        if (!material.offline) {
            options.noteMissingProbe(err);
        }
        Snapshots previous = options.previousSnapshots();
        Optional<TlsRptReports> evidence = options.reports(err, spec.qualifiedName());
        Function<ValidationRequest, CompletableFuture<ValidationReport>> validate;
        if (supplied.isPresent()) {
            OfflineValidator offline = material.validator(options::validator);
            validate = request -> offline.validateAsync(request, supplied.get());
        } else {
            Validator validator = options.validator();
            validate = validator::validateAsync;
        }
        supplied.ifPresent(m -> {
            material.noteLongPolicy(m, err, spec.qualifiedName());
            material.describe(names.get(0), m, json ? err : out, json ? spec.qualifiedName() + ": note: " : "");
            if (!json) {
                out.println();
            }
        });

        List<CompletableFuture<CheckResult>> futures = new ArrayList<>();
        for (DomainName name : names) {
            Optional<PolicySnapshot> before = previous.get(name.value());
            CompletableFuture<ValidationReport> future;
            try {
                ValidationRequest request = ValidationOptions.request(name, before, evidence, false);
                future = validate.apply(request);
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            futures.add(future.handle((report, failure) -> failure == null ? CheckResult.of(report)
                    : CheckResult.failed(name.value(), failure)));
        }
        List<CheckResult> results = futures.stream().map(CompletableFuture::join).toList();
        List<ValidationReport> reports = results.stream().flatMap(r -> r.report().stream()).toList();

        if (json) {
            out.println(ReportJson.pretty(results));
        } else {
            ReportText text = new ReportText(Style.forTerminal());
            for (CheckResult r : results) {
                r.report().ifPresentOrElse(report -> text.print(report, out),
                        () -> out.println(r.input() + "  " + r.error().orElse("")));
            }
        }
        out.flush();
        save(reports, previous);
        return results.stream().mapToInt(CheckResult::exitCode).max().orElse(ExitCodes.OK);
    }

    private void save(List<ValidationReport> reports, Snapshots previous) {
        if (options.save == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (ValidationReport r : reports) {
            ValidationOptions.snapshotLine(r, previous.get(r.domain().value())).ifPresent(lines::add);
        }
        try {
            Files.write(options.save, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FileErrors.of("cannot write snapshot file", options.save, e);
        }
    }
}
