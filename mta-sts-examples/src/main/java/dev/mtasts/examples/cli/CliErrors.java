package dev.mtasts.examples.cli;

import dev.mtasts.DomainName;
import java.io.PrintWriter;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How {@code mta-sts} reports what went wrong: a usage or input error is its message and one line pointing to the
 * command's {@code --help} (exit {@value ExitCodes#USAGE}), never the whole usage text; anything else means the
 * check could not run (exit {@value ExitCodes#COULD_NOT_RUN}).
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        Optional<String> dashed = dashedDomain(cli.getCommandSpec(), args);
        Optional<UnmatchedArgumentException> unmatched = dashed.isPresent() ? Optional.empty()
                : Optional.of(e).filter(UnmatchedArgumentException.class::isInstance)
                        .map(UnmatchedArgumentException.class::cast);
        err.println(prefix(cli) + dashed.or(() -> unmatched.flatMap(CliErrors::unknownCommand))
                .orElse(e.getMessage()));
        unmatched.flatMap(CliErrors::didYouMean).ifPresent(err::println);
        err.println(hint(cli));
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InputException || e instanceof IllegalArgumentException) {
            err.println(prefix(cli) + e.getMessage());
            err.println(hint(cli));
            err.flush();
            return ExitCodes.USAGE;
        }
        LoggerFactory.getLogger(MtaStsCli.class).debug("the check could not run", e);
        err.println(prefix(cli) + "the check could not run: " + e);
        err.flush();
        return ExitCodes.COULD_NOT_RUN;
    }

    /**
     * A word where a command was expected: picocli says "Unmatched argument at index 0"; say which commands there
     * are.
     */
    private static Optional<String> unknownCommand(UnmatchedArgumentException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (spec.subcommands().isEmpty() || e.getUnmatched().isEmpty() || e.getUnmatched().get(0).startsWith("-")) {
            return Optional.empty();
        }
        return Optional.of("unknown command '" + e.getUnmatched().get(0) + "': the commands are "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** For a mistyped option only ({@code --jsn}): {@code Did you mean --json?}; a word is no mistyped command. */
    private static Optional<String> didYouMean(UnmatchedArgumentException e) {
        if (e.getUnmatched().isEmpty() || !e.getUnmatched().get(0).startsWith("-") || e.getSuggestions().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Did you mean " + String.join(" or ", e.getSuggestions()) + "?");
    }

    /** @return {@code "Try 'mta-sts check --help' for more information."} for the command that failed */
    static String hint(CommandLine cli) {
        return "Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.";
    }

    private static String prefix(CommandLine cli) {
        return cli.getCommandSpec().qualifiedName() + ": ";
    }

    /**
     * A domain that starts with {@code -}, such as {@code -bad.com}, reads as an unknown option, and picocli then
     * says an option is unknown or the domain is missing. For a command that takes domains, say what is wrong with
     * the domain instead.
     *
     * @return the message about the first such argument, if any
     */
    static Optional<String> dashedDomain(CommandSpec spec, String[] args) {
        boolean takesDomains = spec.positionalParameters().stream().anyMatch(p -> "DOMAIN".equals(p.paramLabel()));
        if (!takesDomains) {
            return Optional.empty();
        }
        int start = 0;
        while (start < args.length && !args[start].equals(spec.name())) {
            start++;
        }
        for (int i = start + 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (!arg.startsWith("-") || spec.findOption(arg.split("=", 2)[0]) != null || isValueOfPrevious(spec,
                    args[i - 1])) {
                continue;
            }
            String name = arg.replaceFirst("^-+", "");
            if (name.indexOf('.') > 0 && DomainName.tryParse(name).isPresent()) {
                return DomainArgument.mistake(arg);
            }
        }
        return Optional.empty();
    }

    /** @return whether {@code previous} is an option, without {@code =value}, that takes the next argument */
    private static boolean isValueOfPrevious(CommandSpec spec, String previous) {
        if (!previous.startsWith("-") || previous.contains("=")) {
            return false;
        }
        OptionSpec option = spec.findOption(previous);
        return option != null && option.arity().max() > 0;
    }
}
