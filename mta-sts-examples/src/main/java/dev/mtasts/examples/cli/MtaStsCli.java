package dev.mtasts.examples.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code mta-sts} command line: {@code check}, {@code scan}, {@code demo}, {@code policy}, {@code reports},
 * {@code plan} and {@code serve}.
 *
 * <p>{@link #commandLine()} gives a ready {@link CommandLine} (the tests run every command through it);
 * {@link #main(String[])} runs it and exits with its code, documented in {@link ExitCodes}. A usage or input error
 * prints its message and one line pointing to {@code --help} (see {@link CliErrors}).
 */
@Command(name = "mta-sts", mixinStandardHelpOptions = true, versionProvider = MtaStsCli.Version.class,
        description = "Validates MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) deployments, with each MX host's"
                + " STARTTLS and DANE (RFC 7672): what works, what is broken, how to fix it, and whether mode"
                + " testing can move to mode enforce.",
        subcommands = {CheckCommand.class, ScanCommand.class, DemoCommand.class, PolicyCommand.class,
                ReportsCommand.class, PlanCommand.class,
                dev.mtasts.examples.serve.ServeCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no ERROR finding",
                "1:ERROR findings (or verdict BROKEN, or mail at risk)",
                "2:usage or input error",
                "3:the check could not run: no DNS look-up got an answer, or the policy fetch ran out of --timeout"},
        footer = {"", "Start with: mta-sts demo    (offline: a sandbox of good and broken deployments)"})
public final class MtaStsCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command: check, scan, demo, policy, reports, plan"
                + " or serve.");
    }

    /** @return the command line, with its exception handling; its writers can be replaced with setOut/setErr */
    public static CommandLine commandLine() {
        CliErrors errors = new CliErrors();
        CommandLine cli = new CommandLine(new MtaStsCli());
        // no clustered short options: '-V.com' is a mistyped domain, not -V followed by '.com'
        cli.setPosixClusteredShortOptionsAllowed(false);
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        return cli;
    }

    /**
     * Runs {@code mta-sts} and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        configureLogging(args);
        System.exit(commandLine().execute(args));
    }

    /**
     * slf4j-simple reads its level once, when the first logger is made: set it before any, from {@code -v}.
     * Without {@code -v} only warnings and errors are logged, to stderr.
     */
    static void configureLogging(String[] args) {
        boolean verbose = Arrays.stream(args).takeWhile(a -> !a.equals("--"))
                .anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
        String key = "org.slf4j.simpleLogger.defaultLogLevel";
        if (verbose) {
            System.setProperty(key, "debug");
        } else if (System.getProperty(key) == null) {
            System.setProperty(key, "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MtaStsCli.class.getPackage().getImplementationVersion();
            return new String[] {"mta-sts " + (v == null ? "(development build)" : v)};
        }
    }
}
