package dev.mtasts.examples;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.report.Finding;
import dev.mtasts.report.ValidationReport;
import java.io.PrintStream;

/**
 * The smallest embedding: one line validates a domain with every default (the resolver and fetcher of
 * {@code mta-sts-dns} and {@code mta-sts-http}, found on the class path with ServiceLoader).
 *
 * <pre>{@code
 * java -cp mta-sts.jar dev.mtasts.examples.OneLineCheck example.com
 * }</pre>
 */
public final class OneLineCheck {

    private OneLineCheck() {
    }

    /**
     * Validates the domain named by the first argument and prints its verdict and errors.
     *
     * @param args one domain
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: OneLineCheck DOMAIN");
            System.exit(2);
        }
        ValidationReport report = MtaStsValidator.validate(args[0]);
        print(report, System.out);
        System.exit(report.hasErrors() ? 1 : 0);
    }

    /**
     * What most programs show of a report: the verdict, whether mail is at risk, each error and its fix.
     *
     * @param report a report
     * @param out    where to print
     */
    public static void print(ValidationReport report, PrintStream out) {
        out.println(report.domain() + ": " + report.verdict() + (report.atRisk() ? " (mail at risk)" : "")
                + ", promotion " + report.promotion().status());
        for (Finding error : report.errors()) {
            out.println("  " + error.code() + ": " + error.message());
            out.println("    fix: " + error.remediation());
        }
    }
}
