package dev.mtasts.examples.cli;

import dev.mtasts.DomainName;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.OfflineMaterial;
import dev.mtasts.OfflineMaterial.Part;
import dev.mtasts.OfflineValidator;
import dev.mtasts.Validator;
import dev.mtasts.fetcher.FetchOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of {@code check} that supply material in place of the live deployment (a pending DNS or policy
 * change, checked before it is published) and the {@link OfflineValidator} they call for: without
 * {@code --offline}, the rest is looked up live with the validator of the other options; with it, nothing is.
 */
final class OfflineOptions {

    private static final String MATERIAL_OPTIONS = "--txt, --policy-file, --policy-status, --mx or --tlsrpt";

    @Option(names = "--txt", paramLabel = "STRING",
            description = "Check this TXT record at _mta-sts.DOMAIN instead of looking it up (repeatable: one"
                    + " record each, such as 'v=STSv1; id=20260101'; a record of several strings as a zone file"
                    + " writes it: '\"v=STSv1; \" \"id=20260101\"').")
    List<String> txt = new ArrayList<>();

    @Option(names = "--policy-file", paramLabel = "FILE",
            description = "Check this policy file instead of fetching it, served with --policy-status and"
                    + " --policy-header. At most 64 KiB and a byte are read: a longer file is reported"
                    + " POLICY_TOO_LARGE, as senders would see it.")
    Path policyFile;

    @Option(names = "--policy-status", paramLabel = "N",
            description = "The HTTP status the supplied policy is served with: 101 or 200 to 999 (a 3xx with a"
                    + " Location header is a redirect). Default: 200. Without --policy-file: an empty body, such"
                    + " as a 404.")
    Integer policyStatus;

    @Option(names = "--policy-header", paramLabel = "'NAME: VALUE'",
            description = "A header of the supplied policy's response (repeatable). Default: 'Content-Type:"
                    + " text/plain'; once one is given, the headers are exactly those given.")
    List<String> policyHeaders = new ArrayList<>();

    @Option(names = "--mx", paramLabel = "HOST[:PREF]",
            description = "Check this MX record instead of looking up the domain's MX (repeatable): HOST,"
                    + " HOST:PREF or 'PREF HOST'; the preference is 10 when left out; '.' is the null MX.")
    List<String> mx = new ArrayList<>();

    @Option(names = "--tlsrpt", paramLabel = "STRING",
            description = "Check this TXT record at _smtp._tls.DOMAIN instead of looking it up (repeatable, written"
                    + " as for --txt).")
    List<String> tlsRpt = new ArrayList<>();

    @Option(names = "--offline",
            description = "Look nothing up: no DNS query, no connection, no name server needed. What is not"
                    + " supplied is checked as absent, as for a domain that publishes none of it (no --tlsrpt:"
                    + " TLSRPT_MISSING); MX hosts are taken to resolve and are not probed. Without --offline, what"
                    + " is not supplied is looked up live.")
    boolean offline;

    /** @return true when any material is given */
    boolean anySupplied() {
        return !txt.isEmpty() || policyFile != null || policyStatus != null || !policyHeaders.isEmpty()
                || !mx.isEmpty() || !tlsRpt.isEmpty();
    }

    /**
     * Refuses combinations that cannot mean what they say.
     *
     * @param spec    the command, for the usage error
     * @param domains how many domains were named
     * @param options the validation options beside these
     * @throws ParameterException for a combination that makes no sense
     */
    void check(CommandSpec spec, int domains, ValidationOptions options) {
        if (!anySupplied()) {
            if (offline) {
                throw new ParameterException(spec.commandLine(), "--offline checks supplied material: give at"
                        + " least one of " + MATERIAL_OPTIONS);
            }
            return;
        }
        if (domains > 1) {
            throw new ParameterException(spec.commandLine(), MATERIAL_OPTIONS.replace(" or ", " and ")
                    + " describe one domain: check one domain at a time");
        }
        if (!policyHeaders.isEmpty() && policyFile == null && policyStatus == null) {
            throw new ParameterException(spec.commandLine(), "--policy-header needs --policy-file or"
                    + " --policy-status");
        }
        boolean nameservers = !options.nameservers.isEmpty();
        if (offline && nameservers) {
            throw new ParameterException(spec.commandLine(), "--offline looks nothing up: drop --nameserver, or"
                    + " drop --offline to look up what is not supplied");
        }
        if (offline && options.probeMx && spec.commandLine().getParseResult().hasMatchedOption("--probe-mx")) {
            throw new ParameterException(spec.commandLine(), "--offline probes no MX host: drop --probe-mx, or"
                    + " drop --offline to probe the MX hosts live");
        }
        for (String unused : List.of("--cert-expiry-days", "--policy-addresses")) {
            if (offline && spec.commandLine().getParseResult().hasMatchedOption(unused)) {
                throw new ParameterException(spec.commandLine(), "--offline fetches nothing: drop " + unused
                        + ", or drop --offline to fetch what is not supplied live");
            }
        }
        boolean everything = !txt.isEmpty() && (policyFile != null || policyStatus != null) && !mx.isEmpty()
                && !tlsRpt.isEmpty();
        if (everything && !offline && !nameservers) {
            throw new ParameterException(spec.commandLine(), "every part is supplied, so only the MX hosts'"
                    + " addresses and the diagnostics would be looked up, through the system's name servers: add"
                    + " --offline to look nothing up, or --nameserver to name the name server to ask");
        }
    }

    /**
     * @return the material the options supply, when any
     * @throws InputException when a value cannot be material (the message says which option and why)
     */
    Optional<OfflineMaterial> material() {
        if (!anySupplied()) {
            return Optional.empty();
        }
        OfflineMaterial.Builder b = OfflineMaterial.builder();
        for (String record : txt) {
            supply("--txt '" + Printable.of(record) + "'", () -> b.stsRecord(TxtArgument.parse("--txt", record)));
        }
        for (String record : tlsRpt) {
            supply("--tlsrpt '" + Printable.of(record) + "'", () -> b.tlsRptRecord(TxtArgument.parse("--tlsrpt",
                    record)));
        }
        for (String value : mx) {
            MxArgument record = MxArgument.parse(value);
            supply("--mx '" + Printable.of(value) + "'", () -> b.mx(record.preference(), record.host()));
        }
        if (policyFile != null || policyStatus != null) {
            byte[] body = policyFile == null ? new byte[0] : PolicyFile.read(policyFile);
            int status = policyStatus == null ? 200 : policyStatus;
            Map<String, List<String>> headers = headers();
            supply("--policy-status " + status, () -> b.policyResponse(status, headers, body));
        }
        return Optional.of(b.build());
    }

    /**
     * @param live the validator of the other options, for the rest; asked for only without {@code --offline}
     * @return the validator of the material
     */
    OfflineValidator validator(Supplier<Validator> live) {
        return offline ? MtaStsValidator.offline().build()
                : MtaStsValidator.offline().lookUpTheRestWith(live.get()).build();
    }

    /**
     * Says what was supplied and what the rest was: looked up live, or checked as absent.
     *
     * @param domain   the domain
     * @param material the material
     * @param out      where to say it
     * @param prefix   the start of each line ({@code ""} before a report, {@code "mta-sts check: note: "} on
     *                 stderr)
     */
    void describe(DomainName domain, OfflineMaterial material, PrintWriter out, String prefix) {
        String supplied = where(domain, material.supplied());
        if (offline) {
            out.println(prefix + "Offline: nothing was looked up and no MX host probed; supplied: " + supplied + ".");
            Set<Part> absent = material.notSupplied();
            if (!absent.isEmpty()) {
                out.println(prefix + "Not supplied, so checked as absent: " + where(domain, absent) + ".");
            }
        } else {
            out.println(prefix + "Supplied in place of the live deployment: " + supplied + "; the rest was looked"
                    + " up live.");
        }
        out.flush();
    }

    /** Says on {@code err} when {@code --policy-file} is longer than senders read. */
    void noteLongPolicy(OfflineMaterial material, PrintWriter err, String command) {
        material.policyFetch().filter(f -> f.outcome() == FetchOutcome.TOO_LARGE)
                .ifPresent(f -> err.println(command + ": note: --policy-file " + policyFile + " is longer than 64"
                        + " KiB: only its first " + PolicyFile.READ_LIMIT + " bytes were read, and senders read no"
                        + " further either."));
        err.flush();
    }

    private static String where(DomainName domain, Set<Part> parts) {
        return parts.stream().map(p -> p.where(domain)).collect(Collectors.joining(", "));
    }

    private Map<String, List<String>> headers() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (policyHeaders.isEmpty()) {
            out.put("Content-Type", List.of("text/plain"));
            return out;
        }
        for (String header : policyHeaders) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new InputException("--policy-header '" + Printable.of(header) + "': write 'Name: value',"
                        + " such as 'Content-Type: text/plain'");
            }
            String name = header.substring(0, colon);
            String value = header.substring(colon + 1);
            supply("--policy-header '" + Printable.of(header) + "'", () -> OfflineMaterial.builder()
                    .policyResponse(200, Map.of(name, List.of(value)), new byte[0]));   // the same checks, named
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /** Runs a step of the builder; its refusal becomes an input error naming the option. */
    private static void supply(String option, Runnable step) {
        try {
            step.run();
        } catch (IllegalArgumentException e) {
            throw new InputException(option + ": " + e.getMessage(), e);
        }
    }
}
