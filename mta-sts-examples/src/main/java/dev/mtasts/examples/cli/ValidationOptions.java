package dev.mtasts.examples.cli;

import dev.mtasts.AddressPolicy;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.dns.DnsjavaResolver;
import dev.mtasts.http.HttpsPolicyFetcher;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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
            description = "Trust the certificates in this PEM file too, besides the JDK's (private test setups).")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--allow-private-addresses",
            description = "Fetch policies from loopback and private addresses too (refused by default).")
    boolean allowPrivateAddresses;

    @Option(names = "--probe-mx", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Probe each MX host with SMTP STARTTLS. Accepted but not done yet: there is no MX probe"
                    + " module yet, so this option has no effect.")
    boolean probeMx;

    @Option(names = "--previous", paramLabel = "SNAPSHOT_FILE",
            description = "Snapshots of an earlier run (see --save): flags a policy that changed while its id"
                    + " did not. A missing file counts as empty.")
    Path previous;

    @Option(names = "--save", paramLabel = "SNAPSHOT_FILE",
            description = "Write one policy snapshot per domain to this file, for --previous next time.")
    Path save;

    @Option(names = {"-v", "--verbose"}, description = "DEBUG logs to stderr.")
    boolean verbose;

    @Option(names = "--https-port", hidden = true, description = "Port of the policy HTTPS servers (tests only).")
    Integer httpsPort;

    @Option(names = "--http-port", hidden = true, description = "Port of the plain HTTP diagnostic (tests only).")
    Integer httpPort;

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
        builder.fetcher(http.build());
        if (allowPrivateAddresses) {
            builder.addressPolicy(AddressPolicy.allowAll());
        }
        return builder.build();
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
