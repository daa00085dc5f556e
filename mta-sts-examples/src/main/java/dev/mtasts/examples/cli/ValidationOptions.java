package dev.mtasts.examples.cli;

import dev.mtasts.AddressPolicy;
import dev.mtasts.DomainName;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.ValidationRequest;
import dev.mtasts.Validator;
import dev.mtasts.dns.DnsjavaResolver;
import dev.mtasts.http.HttpsPolicyFetcher;
import dev.mtasts.probe.MxProbeSettings;
import dev.mtasts.probe.MxTlsProbe;
import dev.mtasts.probe.MxTlsProbeFactory;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.smtp.StartTlsProbe;
import dev.mtasts.tlsrpt.BadReport;
import dev.mtasts.tlsrpt.TlsRptReports;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that shape a validation, shared by {@code check} and {@code scan}, and the validator they build.
 * This is the place to read to see how the library is configured from outside.
 */
final class ValidationOptions {

    /** The per-query DNS timeout when {@code --timeout} does not call for a shorter one. */
    static final Duration DNS_QUERY_TIMEOUT = Duration.ofSeconds(3);

    @Option(names = "--nameserver", paramLabel = "HOST[:PORT]", converter = NameserverConverter.class,
            description = "Ask this name server: an IP address, IPv4[:PORT] or [IPv6]:PORT (repeatable; port 53"
                    + " unless given; a name is refused, never looked up). Default: the system's.")
    List<InetSocketAddress> nameservers = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Deadline of one domain's whole validation, with its unit: 5s, 500ms, 2m, 1h or PT5S (a"
                    + " bare number is refused). Default: 75s (a slow policy host gets the minute RFC 8461 allows)."
                    + " Each DNS query waits at most a third of it (3s at most).")
    Duration timeout;

    @Option(names = "--ca", paramLabel = "PEM_FILE",
            description = "Trust the certificates in this PEM file too, besides the JDK's, for the policy host and"
                    + " the MX hosts alike (private test setups).")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--tls-provider", paramLabel = "auto|jdk|conscrypt", defaultValue = "auto",
            converter = TlsProviderChoice.Converter.class,
            description = "Who speaks TLS to the policy hosts and MX hosts: conscrypt (native BoringSSL, a fraction"
                    + " of the CPU per handshake), jdk (the JDK's own), or auto: conscrypt where its native library"
                    + " loads, else jdk. Trust, failure categories and name checks are the same with either."
                    + " Default: ${DEFAULT-VALUE}.")
    TlsProviderChoice tlsProvider = TlsProviderChoice.AUTO;

    @Option(names = "--allow-private-addresses",
            description = "Fetch policies from, and probe MX hosts at, loopback and private addresses too (refused"
                    + " by default).")
    boolean allowPrivateAddresses;

    @Option(names = "--probe-mx", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Probe each address of each MX host as an MTA-STS sender delivers: SMTP on port 25,"
                    + " STARTTLS, the certificate (trusted, current, valid for the host name), and DANE (the"
                    + " host's TLSA records against the certificate it presents). Default: on; --no-probe-mx"
                    + " checks the MX hosts' names and addresses only. Outbound port 25 is blocked on many"
                    + " laptops and clouds: a host that cannot be reached is reported as not probed from here,"
                    + " never as broken.")
    boolean probeMx = true;

    @Option(names = "--cert-expiry-days", paramLabel = "DAYS",
            description = "Warn when a certificate of the policy host or of a probed MX host expires within this"
                    + " many days (1-400), or within the policy's max_age when that is longer (a policy cached"
                    + " now binds senders that long). Default: 14.")
    Integer certExpiryDays;

    @Option(names = "--policy-addresses", paramLabel = "N",
            description = "Fetch and compare the policy at up to N addresses of the policy host (1-8; CDN edges"
                    + " that serve different policies are POLICY_ADDRESSES_DIFFER). Each address past the first"
                    + " costs one more HTTPS request; 1 makes one fetch per domain, for fast scans. Default: 8.")
    Integer policyAddresses;

    @Option(names = "--previous", paramLabel = "SNAPSHOT_FILE",
            description = "Snapshots of an earlier run (see --save): flags a policy that changed while its id"
                    + " did not. A missing file counts as empty.")
    Path previous;

    @Option(names = "--reports", paramLabel = "DIR|FILE",
            description = "TLS-RPT aggregate reports to judge promotion readiness with (repeatable; JSON, .json.gz"
                    + " or .eml files, or directories of them; see 'mta-sts reports'): READY needs 14 consecutive"
                    + " clean sts days up to a recent report, and each failure they show becomes a blocker naming"
                    + " its receiving MX host. Bad files are noted on stderr and skipped.")
    List<Path> reportPaths = new ArrayList<>();

    @Option(names = "--save", paramLabel = "SNAPSHOT_FILE",
            description = "Write one policy snapshot per domain to this file, for --previous next time.")
    Path save;

    @Option(names = {"-v", "--verbose"}, description = "DEBUG logs to stderr.")
    boolean verbose;

    @Option(names = "--https-port", hidden = true, description = "Port of the policy HTTPS servers (tests only).")
    Integer httpsPort;

    @Option(names = "--http-port", hidden = true, description = "Port of the plain HTTP diagnostic (tests only).")
    Integer httpPort;

    @Option(names = "--smtp-port", hidden = true, description = "Port of the MX hosts' SMTP servers (tests only).")
    Integer smtpPort;

    /**
     * Builds the validator these options describe.
     *
     * @throws InputException when a {@code --ca} file cannot be read
     */
    Validator validator() {
        Validator.Builder builder = MtaStsValidator.builder();
        DnsjavaResolver.Builder dns = DnsjavaResolver.builder();
        nameservers.forEach(dns::nameserver);
        if (timeout != null) {
            builder.deadline(timeout);
            Duration perQuery = timeout.dividedBy(3);
            dns.timeout(perQuery.compareTo(DNS_QUERY_TIMEOUT) < 0 && !perQuery.isZero() ? perQuery : DNS_QUERY_TIMEOUT);
        }
        builder.resolver(dns.build());
        HttpsPolicyFetcher.Builder http = HttpsPolicyFetcher.builder();
        List<X509Certificate> roots = new ArrayList<>();
        for (Path file : caFiles) {
            roots.addAll(readCertificates(file));
        }
        if (!roots.isEmpty()) {
            http.trustedCertificates(roots);
        }
        if (httpsPort != null) {
            http.httpsPort(httpsPort);
        }
        if (httpPort != null) {
            http.httpPort(httpPort);
        }
        Optional<Provider> tls = tlsProvider.provider();
        tls.ifPresent(http::tlsProvider);
        builder.fetcher(http.build());
        if (allowPrivateAddresses) {
            builder.addressPolicy(AddressPolicy.allowAll());
        }
        if (policyAddresses != null) {
            if (policyAddresses < 1 || policyAddresses > Validator.DEFAULT_POLICY_ADDRESSES_COMPARED) {
                throw new InputException("--policy-addresses must be 1-8, not " + policyAddresses);
            }
            builder.policyAddressesCompared(policyAddresses);
        }
        if (certExpiryDays != null) {
            if (certExpiryDays < 1 || certExpiryDays > 400) {
                throw new InputException("--cert-expiry-days must be 1-400, not " + certExpiryDays);
            }
            builder.certificateExpiryWarning(Duration.ofDays(certExpiryDays));
        }
        Optional<MxTlsProbe> probe = probeMx ? mxProbe(roots, tls) : Optional.empty();
        probe.ifPresentOrElse(builder::mxProbe, builder::noMxProbe);
        return builder.build();
    }

    /**
     * The default MX probe ({@code mta-sts-smtp}'s, found through {@link MxTlsProbeFactory}) trusting the
     * {@code --ca} roots as the fetcher does, on {@code --smtp-port} when given; with another TLS provider,
     * {@code mta-sts-smtp}'s {@code StartTlsProbe} with that provider.
     *
     * @return the probe; empty when no probe module is on the class path
     */
    private Optional<MxTlsProbe> mxProbe(List<X509Certificate> roots, Optional<Provider> tls) {
        if (tls.isPresent()) {
            StartTlsProbe.Builder smtp = StartTlsProbe.builder().tlsProvider(tls.get());
            if (!roots.isEmpty()) {
                smtp.trustedCertificates(roots);
            }
            if (smtpPort != null) {
                smtp.port(smtpPort);
            }
            return Optional.of(smtp.build());
        }
        MxProbeSettings settings = MxProbeSettings.defaults().withTrustedCertificates(roots);
        if (smtpPort != null) {
            settings = settings.withPort(smtpPort);
        }
        MxProbeSettings chosen = settings;
        return MxTlsProbeFactory.fromServiceLoader().map(factory -> factory.create(chosen));
    }

    /**
     * Says on {@code err} that MX hosts will not be probed although {@code --probe-mx} asks for it, when no probe
     * module is on the class path (a build of the command line without {@code mta-sts-smtp}).
     */
    void noteMissingProbe(PrintWriter err) {
        if (probeMx && MxTlsProbeFactory.fromServiceLoader().isEmpty()) {
            err.println("mta-sts: note: MX hosts are not probed: no MX probe module (mta-sts-smtp) is on the"
                    + " class path.");
        }
    }

    /**
     * Reads {@code --reports}; notes each bad file on {@code err}.
     *
     * @return the reports, or empty without {@code --reports}
     * @throws InputException when a path does not exist, or not one file could be read as a report
     */
    Optional<TlsRptReports> reports(PrintWriter err, String command) {
        if (reportPaths.isEmpty()) {
            return Optional.empty();
        }
        TlsRptReports reports = ReportInputs.read("--reports: cannot read", reportPaths);
        if (ReportInputs.noneReadable(reports)) {
            throw new InputException("--reports: " + ReportInputs.noneReadableMessage(reports));
        }
        for (BadReport bad : reports.bad()) {
            err.println(command + ": note: skipped " + Printable.of(bad.path() + ": " + bad.reason()));
        }
        err.flush();
        return Optional.of(reports);
    }

    /**
     * The request for one domain: its {@code --previous} snapshot, and the evidence of {@code --reports} for it.
     *
     * @param domain     the domain
     * @param before     its snapshot from {@code --previous}
     * @param reports    the reports of {@code --reports}
     * @param onlyNamed  give evidence only when a report is about the domain ({@code scan}: reports for some of
     *                   many domains); otherwise a domain no report is about gets evidence of no report, and the
     *                   validation says so ({@code check}: the user asked for that domain's reports)
     * @return the request
     */
    static ValidationRequest request(DomainName domain, Optional<PolicySnapshot> before,
                                     Optional<TlsRptReports> reports, boolean onlyNamed) {
        ValidationRequest request = ValidationRequest.of(domain);
        if (before.isPresent()) {
            request = request.withPrevious(before.get());
        }
        if (reports.isPresent() && (!onlyNamed || reports.get().domains().contains(domain))) {
            request = request.withEvidence(reports.get().evidenceFor(domain));
        }
        return request;
    }

    /** @return the snapshots of {@code --previous}, or none */
    Snapshots previousSnapshots() {
        return previous == null ? Snapshots.none() : Snapshots.read(previous);
    }

    /**
     * The snapshot line to save for a domain: the new one, or else the previous one carried forward, so a
     * failed fetch does not lose the history.
     */
    static Optional<String> snapshotLine(ValidationReport report, Optional<PolicySnapshot> previous) {
        return report.snapshot().or(() -> previous).map(PolicySnapshot::toLine);
    }

    private static List<X509Certificate> readCertificates(Path file) {
        FileErrors.requireNotDirectory("--ca: cannot read", file);
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new InputException("--ca " + file + ": no certificate in the file");
            }
            return out;
        } catch (IOException e) {
            throw FileErrors.of("--ca: cannot read", file, e);
        } catch (CertificateException e) {
            throw new InputException("--ca " + file + ": not PEM certificates: " + e.getMessage(), e);
        }
    }
}
