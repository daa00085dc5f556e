package dev.mtasts.examples.cli;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
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
import java.util.List;
import java.util.Locale;
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
@Command(name = "policy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the policy file, the _mta-sts TXT record (with a fresh id) and the _smtp._tls TXT"
                + " record for a domain, checked by the library's own parsers.")
final class PolicyCommand implements Callable<Integer> {

    /** Ids are the UTC time of writing: they only grow, as RFC 8461 §3.1 wants for a changed policy. */
    static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "The mail domain.")
    String domain;

    @Option(names = "--mx", required = true, arity = "1..*", paramLabel = "HOST",
            description = "The MX hosts senders may deliver to, or patterns such as *.example.com (repeatable).")
    List<String> mx;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "testing",
            description = "testing, enforce or none. Default: ${DEFAULT-VALUE}: start with testing and read the"
                    + " TLS-RPT reports before moving to enforce.")
    String mode;

    @Option(names = "--max-age", paramLabel = "SECONDS", defaultValue = "604800",
            description = "How long senders cache the policy, in seconds. Default: ${DEFAULT-VALUE} (one week).")
    long maxAge;

    @Option(names = "--rua", paramLabel = "URI",
            description = "Where TLS-RPT reports go: mailto: or https: (repeatable)."
                    + " Default: mailto:tls-reports@DOMAIN.")
    List<URI> rua;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        DomainName name = parse("--domain", () -> DomainName.of(domain));
        PolicyMode policyMode = PolicyMode.fromToken(mode).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "--mode must be testing, enforce or none, not '" + mode + "'"));
        MtaStsPolicy.Builder builder = MtaStsPolicy.builder().mode(policyMode);
        for (String host : mx) {
            parse("--mx", () -> builder.mx(host));
        }
        MtaStsPolicy policy = parse("--max-age", () -> builder.maxAge(Duration.ofSeconds(maxAge)).build());
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
        if (policyMode == PolicyMode.ENFORCE) {
            out.println();
            out.println("# Mode enforce: senders refuse MX hosts outside the list above. Check first:"
                    + " mta-sts check " + name.value());
        }
        out.flush();
        return ExitCodes.OK;
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
