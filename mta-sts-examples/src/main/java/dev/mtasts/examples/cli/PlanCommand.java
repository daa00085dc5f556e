package dev.mtasts.examples.cli;

import dev.mtasts.DomainName;
import dev.mtasts.Validator;
import dev.mtasts.plan.ChangePlan;
import dev.mtasts.plan.ChangePlanner;
import dev.mtasts.plan.ChangeRequest;
import dev.mtasts.plan.PlanStatus;
import dev.mtasts.policy.PolicyParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mta-sts plan DOMAIN --new-mx HOST... [--new-policy FILE]}: validates the domain as it is, then prints the
 * safe order of the change (RFC 8461 §8.1) with the library's {@link ChangePlanner}: what the change would do to
 * mail if made at once, and each step with its earliest date (UTC) and the exact texts to publish.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = MtaStsCli.Version.class,
        sortOptions = false,
        description = "Plan an MX or policy change: which MX hosts senders holding the current cached policy (for"
                + " up to its max_age) would refuse or report if the change were made at once, and the safe order"
                + " of steps (RFC 8461 §8.1: publish a policy listing the old and the new MX hosts with a new id,"
                + " wait the current max_age, move the MX records, tighten the policy), each with its earliest"
                + " date and the policy and records to publish. The domain is validated live first, with the"
                + " options check takes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the change as asked refuses no mail, even made at once (follow the steps anyway)",
                "1:made at once, the change would make senders refuse mail, or it cannot be planned safely as"
                        + " asked (see the blockers)",
                "2:usage or input error",
                "3:the check could not run: no DNS look-up got an answer, or the policy fetch ran out of --timeout"})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain whose change to plan, such as"
            + " example.com.")
    String domain;

    @Option(names = "--new-mx", arity = "1..*", paramLabel = "HOST",
            description = "The MX hosts after the change, in preference order: the whole new set, not only the"
                    + " hosts to add (repeatable). Required unless --new-policy is given.")
    List<String> newMx = new ArrayList<>();

    @Option(names = "--new-policy", paramLabel = "FILE",
            description = "The policy file to end with (read strictly, at most 64 KiB). Default: the current"
                    + " policy, adjusted to the new MX hosts.")
    Path newPolicy;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Option(names = "--now", hidden = true, paramLabel = "INSTANT",
            description = "Plan as if it were this instant, such as 2026-12-01T10:00:00Z (tests only).")
    String now;

    @Mixin
    ValidationOptions options;

    @Override
    public Integer call() {
        DomainName name;
        try {
            name = DomainArgument.parse(domain);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        refuseCheckOnlyOptions();
        ChangeRequest change = change();
        PrintWriter err = spec.commandLine().getErr();
        options.noteMissingProbe(err);
        Validator validator = options.validator();
        Clock clock = clock(validator);
        ChangePlan plan = validator.validateAsync(name).thenApply(report -> ChangePlanner.plan(report, change, clock))
                .join();

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(PlanJson.pretty(plan));
        } else {
            new PlanText(Style.forTerminal()).print(plan, out);
        }
        out.flush();
        return exitCode(plan);
    }

    /** @return 3 when the check could not run; 1 when done at once it refuses mail, or it is blocked; else 0 */
    static int exitCode(ChangePlan plan) {
        if (plan.status() == PlanStatus.UNKNOWN) {
            return ExitCodes.COULD_NOT_RUN;
        }
        return plan.status() == PlanStatus.BLOCKED || plan.refusesMailIfDoneAtOnce() ? ExitCodes.FINDINGS
                : ExitCodes.OK;
    }

    private ChangeRequest change() {
        if (newMx.isEmpty() && newPolicy == null) {
            throw new ParameterException(spec.commandLine(), "name the new MX hosts (--new-mx HOST...), a new"
                    + " policy (--new-policy FILE), or both");
        }
        ChangeRequest.Builder builder = ChangeRequest.builder();
        try {
            builder.newMx(newMx.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--new-mx: " + e.getMessage());
        }
        if (newPolicy != null) {
            String text = readPolicy(newPolicy);
            try {
                builder.newPolicy(text);
            } catch (IllegalArgumentException e) {
                throw new InputException("--new-policy " + newPolicy + ": " + e.getMessage(), e);
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--new-mx: " + e.getMessage());
        }
    }

    /** Reads at most one byte more than senders read, so a huge file is refused without reading it whole. */
    private static String readPolicy(Path file) {
        FileErrors.requireNotDirectory("--new-policy: cannot read", file);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(PolicyParser.MAX_POLICY_BYTES + 1);
        } catch (IOException e) {
            throw FileErrors.of("--new-policy: cannot read", file, e);
        }
        if (bytes.length > PolicyParser.MAX_POLICY_BYTES) {
            throw new InputException("--new-policy " + file + ": larger than " + PolicyParser.MAX_POLICY_BYTES
                    + " bytes, which senders do not read (RFC 8461 §3.3)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException("--new-policy " + file + ": not UTF-8 text", e);
        }
    }

    /** @return the validator's clock, as {@code Validator.plan} uses it, or {@code --now} */
    private Clock clock(Validator validator) {
        if (now == null) {
            return validator.clock();
        }
        try {
            return Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--now '" + now + "': not an instant such as"
                    + " 2026-12-01T10:00:00Z");
        }
    }

    /** The options of check that keep a history or read reports have no meaning for a plan: say so, never ignore. */
    private void refuseCheckOnlyOptions() {
        List<String> given = new ArrayList<>();
        if (options.previous != null) {
            given.add("--previous");
        }
        if (options.save != null) {
            given.add("--save");
        }
        if (!options.reportPaths.isEmpty()) {
            given.add("--reports");
        }
        if (!given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(", ", given) + ": "
                    + (given.size() == 1 ? "is an option" : "are options") + " of check, not of plan");
        }
    }
}
