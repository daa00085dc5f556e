package dev.mtasts.examples.cli;

import dev.mtasts.DomainName;
import dev.mtasts.Problem;
import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mta-sts policy}: writes what a domain publishes to deploy MTA-STS: the policy file, the {@code _mta-sts}
 * TXT record with a fresh id, and the {@code _smtp._tls} record. Each is built with the library's types and read
 * back with its strict parsers before it is printed, so what is printed is what a validator accepts.
 */
@Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = MtaStsCli.Version.class,
        sortOptions = false,
        description = "Write the policy file, the _mta-sts TXT record (with a fresh id) and the _smtp._tls TXT"
                + " record for a domain, checked by the library's own parsers; what the policy parser warns about"
                + " (such as a short max_age or an mx pattern covering a whole top-level domain) goes to stderr"
                + " as a warning.")
final class PolicyCommand implements Callable<Integer> {

    /** Ids are the UTC time of writing: they only grow, as RFC 8461 §3.1 wants for a changed policy. */
    /** The {@code max_age} for testing and none: one day, as the validator's remediation suggests. */
    static final Duration TESTING_MAX_AGE = Duration.ofDays(1);
    /** The {@code max_age} for enforce: one week, as the validator's remediation suggests. */
    static final Duration ENFORCE_MAX_AGE = Duration.ofDays(7);
    private static final String WILDCARD = "*.";

    static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "The mail domain.")
    String domain;

    @Option(names = "--mx", arity = "1..*", paramLabel = "HOST",
            description = "The MX hosts senders may deliver to, or patterns such as *.example.com (repeatable;"
                    + " Unicode names become A-labels, case and a trailing dot are dropped). Required unless"
                    + " --mode is none.")
    List<String> mx = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "testing",
            description = "testing, enforce or none. Default: ${DEFAULT-VALUE}: start with testing and read the"
                    + " TLS-RPT reports before moving to enforce.")
    String mode;

    @Option(names = "--max-age", paramLabel = "SECONDS",
            description = "How long senders cache the policy, in seconds, at most " + MtaStsPolicy.MAX_AGE_LIMIT_SECONDS
                    + ". Default: 86400 (a day) for testing and none, so a mistake is short-lived; 604800 (a week)"
                    + " for enforce.")
    Long maxAge;

    @Option(names = "--rua", paramLabel = "URI",
            description = "Where TLS-RPT reports go: mailto: or https: (repeatable)."
                    + " Default: mailto:tls-reports@DOMAIN.")
    List<URI> rua;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        DomainName name = parse("--domain", () -> DomainArgument.parse(domain));
        if (name.value().startsWith("_")) {
            throw new ParameterException(spec.commandLine(), "--domain '" + domain + "': give the mail domain, not"
                    + " the record name (the _mta-sts and _smtp._tls records are named after the mail domain)");
        }
        PolicyMode policyMode = PolicyMode.fromToken(mode).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--mode must be testing, enforce or none, not '" + mode + "'"));
        if (mx.isEmpty() && policyMode != PolicyMode.NONE) {
            throw new ParameterException(spec.commandLine(), "--mx is required for mode " + policyMode.token()
                    + ": name every MX host of " + name.value() + " (or a *. pattern covering them)");
        }
        MtaStsPolicy.Builder builder = MtaStsPolicy.builder().mode(policyMode);
        Set<MxPattern> patterns = new LinkedHashSet<>();
        for (String host : mx) {
            patterns.add(mxPattern(host));
        }
        patterns.forEach(builder::mx);
        long seconds = maxAge != null ? maxAge : defaultMaxAge(policyMode).getSeconds();
        if (seconds < 0 || seconds > MtaStsPolicy.MAX_AGE_LIMIT_SECONDS) {
            throw new ParameterException(spec.commandLine(), "--max-age must be 0 to "
                    + MtaStsPolicy.MAX_AGE_LIMIT_SECONDS + " seconds (about a year, RFC 8461 §3.2), not " + seconds);
        }
        MtaStsPolicy policy = parse("--max-age", () -> builder.maxAge(Duration.ofSeconds(seconds)).build());
        StsRecord sts = StsRecord.of(ID_FORMAT.format(clock.instant()));
        List<URI> destinations = rua == null || rua.isEmpty() ? List.of(defaultRua(name)) : rua;
        for (URI uri : destinations) {
            if (!TlsRptRecord.isUsable(uri)) {
                throw new ParameterException(spec.commandLine(), "--rua " + uri + ": use a mailto: or https: URI");
            }
        }
        TlsRptRecord rpt = parse("--rua", () -> TlsRptRecord.of(destinations.toArray(URI[]::new)));

        // read back with the strict parsers: what is printed must be what a validator accepts
        String policyText = policy.toText();
        requireRoundTrip(MtaStsPolicy.parse(policyText).equals(policy), "policy");
        requireRoundTrip(StsRecord.parse(sts.toText()).equals(sts), "_mta-sts record");
        requireRoundTrip(TlsRptRecord.parse(rpt.toText()).equals(rpt), "_smtp._tls record");
        // valid is not wise: what the library's parser remarks on (as check would report it) is said too
        List<Problem> remarks = PolicyParser.lenient().parse(policyText).problems().stream()
                .filter(p -> p.severity() != Severity.ERROR).toList();

        PrintWriter out = spec.commandLine().getOut();
        out.println("# 1. The policy file: serve it at https://mta-sts." + name.value()
                + "/.well-known/mta-sts.txt");
        out.println("#    with Content-Type: text/plain, over HTTPS with a certificate valid for mta-sts."
                + name.value());
        for (String line : policyText.split("\r\n")) {
            out.println(line);
        }
        out.println();
        out.println("# 2. The _mta-sts TXT record (publish a new id whenever the policy changes)");
        out.println("_mta-sts." + name.value() + ". 3600 IN TXT \"" + sts.toText() + "\"");
        out.println();
        out.println("# 3. The TLS-RPT TXT record (where senders report TLS failures)");
        out.println("_smtp._tls." + name.value() + ". 3600 IN TXT \"" + rpt.toText() + "\"");
        if (policyMode == PolicyMode.NONE) {
            out.println();
            out.println("# Mode none: senders that cached an earlier policy drop it. Keep this published, with the"
                    + " new id,");
            out.println("# for at least the old policy's max_age before removing MTA-STS altogether.");
        }
        if (policyMode == PolicyMode.ENFORCE) {
            out.println();
            out.println("# Mode enforce: senders refuse MX hosts outside the list above. Check first:"
                    + " mta-sts check " + name.value());
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (Problem remark : remarks) {
            err.println("warning: " + remark.code() + ": " + remark.message() + " (" + remark.code().reference()
                    + ")");
        }
        err.flush();
        return ExitCodes.OK;
    }

    /**
     * The {@code max_age} that {@code check} suggests for the mode: a day while testing (and for none, so that a
     * withdrawal is picked up soon and a mistake does not last), a week once enforcing.
     */
    static Duration defaultMaxAge(PolicyMode mode) {
        return mode == PolicyMode.ENFORCE ? ENFORCE_MAX_AGE : TESTING_MAX_AGE;
    }

    /**
     * An {@code --mx} value as a policy pattern: the name (or the part after {@code *.}) read with
     * {@link DomainName#of}, so {@code MX.Bücher.example.} becomes {@code mx.xn--bcher-kva.example}.
     */
    private MxPattern mxPattern(String value) {
        boolean wildcard = value.startsWith(WILDCARD);
        String host = wildcard ? value.substring(WILDCARD.length()) : value;
        if (wildcard && host.isEmpty()) {
            throw mxError(value, "a wildcard needs a domain after '*.', as in *.example.com");
        }
        if (host.indexOf('*') >= 0) {
            throw mxError(value, "'*' may only be the whole leftmost label, as in *.example.com");
        }
        DomainName name;
        try {
            name = DomainName.of(host);
        } catch (IllegalArgumentException e) {
            throw mxError(value, e.getMessage());
        }
        try {
            return MxPattern.of(wildcard ? WILDCARD + name.value() : name.value());
        } catch (IllegalArgumentException e) {
            throw mxError(value, e.getMessage());
        }
    }

    private ParameterException mxError(String value, String reason) {
        return new ParameterException(spec.commandLine(), "--mx '" + value + "': " + reason);
    }

    private static URI defaultRua(DomainName name) {
        try {
            return new URI("mailto:tls-reports@" + name.value());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T parse(String option, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    private static void requireRoundTrip(boolean same, String what) {
        if (!same) {
            throw new IllegalStateException("the " + what + " does not read back as written");
        }
    }
}
