package dev.mtasts.testkit;

import dev.mtasts.AddressPolicy;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.fetcher.PolicyFetcherFactory;
import dev.mtasts.fetcher.PolicyFetcherSettings;
import dev.mtasts.probe.MxProbeSettings;
import dev.mtasts.probe.MxTlsProbe;
import dev.mtasts.probe.MxTlsProbeFactory;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.DnsResolverFactory;
import dev.mtasts.resolver.DnsResolverSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A whole MTA-STS world on loopback, for tests and demos: a {@link TestDnsServer}, a {@link TestHttpsServer}, a
 * {@link TestSmtpServer} and a {@link TestCertificateAuthority}, started together. Domains are built fluently, each
 * with its DNS records, policy file, certificate, MX hosts and faults; {@link #validatorBuilder()} hands out a
 * validator builder already pointed at the sandbox (its DNS server, its CA as extra trust, its HTTPS, HTTP and SMTP
 * ports, private addresses allowed).
 *
 * <p>Every policy host resolves to {@code 127.0.0.1}, where the HTTPS server picks the certificate and response by
 * SNI. Every MX host within a sandbox domain gets a loopback address of its own ({@code 127.0.1.1},
 * {@code 127.0.1.2}, ...), where the SMTP server offers STARTTLS with a certificate for the host, until told
 * otherwise ({@link SandboxDomain#mxBehaviour}). Thread-safe: domains can be added and changed while validations
 * run. The validator builder needs {@code mta-sts-dns} and {@code mta-sts-http} on the class path (their factories
 * are found with ServiceLoader), and probes MX hosts when {@code mta-sts-smtp} is there too.
 *
 * <p>What is set stays until it is removed: a sandbox shared by several tests keeps what each set up, so the same
 * set-up run twice publishes two records. Call {@link #reset()} before each test (the JUnit 5
 * {@link MtaStsSandboxExtension} does), or {@link SandboxDomain#clear()} for one domain.
 *
 * <pre>{@code
 * try (MtaStsSandbox sandbox = MtaStsSandbox.start()) {
 *     sandbox.domain("good.test")
 *             .stsRecord("v=STSv1; id=20260101T000000")
 *             .policy("version: STSv1\nmode: enforce\nmx: mx1.good.test\nmax_age: 604800\n")
 *             .mx(10, "mx1.good.test")
 *             .tlsRpt("v=TLSRPTv1; rua=mailto:tls@good.test");
 *     ValidationReport report = sandbox.validatorBuilder().build().validate("good.test");
 *     assertThat(report.verdict()).isEqualTo(Verdict.ENFORCING);
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class MtaStsSandbox implements AutoCloseable {

    /** The address every policy host resolves to unless told otherwise. */
    public static final String SERVER_ADDRESS = "127.0.0.1";

    /** A loopback address where nothing listens: connections to it are refused. */
    public static final String DEAD_ADDRESS = "127.0.0.254";

    private final TestCertificateAuthority authority;
    private final TestDnsServer dns;
    private final TestHttpsServer https;
    private final TestSmtpServer smtp;
    private final SandboxMxHosts mxHosts;
    private final Map<String, SandboxDomain> domains = new ConcurrentHashMap<>();
    private final Optional<MxTlsProbe> mxProbe;

    private MtaStsSandbox(TestCertificateAuthority authority, TestDnsServer dns, TestHttpsServer https,
            TestSmtpServer smtp) {
        this.authority = authority;
        this.dns = dns;
        this.https = https;
        this.smtp = smtp;
        this.mxHosts = new SandboxMxHosts(smtp);
        this.mxProbe = MxTlsProbeFactory.fromServiceLoader().map(factory -> factory.create(MxProbeSettings.defaults()
                .withTrustedCertificates(List.of(authority.rootCertificate())).withPort(smtp.port())));
    }

    /**
     * Starts the DNS, HTTPS and SMTP servers with a new certificate authority.
     *
     * @return the running sandbox
     * @throws UncheckedIOException when a loopback port cannot be bound
     */
    public static MtaStsSandbox start() {
        TestCertificateAuthority authority = TestCertificateAuthority.create("mta-sts sandbox");
        TestDnsServer dns = TestDnsServer.start();
        TestHttpsServer https = null;
        TestSmtpServer smtp = null;
        try {
            https = TestHttpsServer.start(authority);
            smtp = TestSmtpServer.start(authority);
            return new MtaStsSandbox(authority, dns, https, smtp);
        } catch (IOException e) {
            dns.close();
            throw new UncheckedIOException("cannot start the sandbox HTTPS server", e);
        } catch (RuntimeException | Error e) {
            if (smtp != null) {
                smtp.close();
            }
            if (https != null) {
                https.close();
            }
            dns.close();
            throw e;
        }
    }

    /**
     * Returns the domain with this name, creating it (with an empty DNS zone) the first time.
     *
     * @param name the domain, such as {@code good.test}
     * @return the domain, to configure
     */
    public SandboxDomain domain(String name) {
        Objects.requireNonNull(name, "name");
        return domains.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT),
                n -> new SandboxDomain(n, this));
    }

    /**
     * Removes every domain, zone, DNS fault, HTTPS and plain-HTTP response, policy certificate and SMTP listener,
     * and forgets the recorded queries, requests and SMTP sessions: the sandbox is as just started, with the same
     * ports and certificate authority (so validators built before keep working). MX hosts added afterwards get new
     * addresses: an address is never given out twice by one sandbox. {@link SandboxDomain} objects from before stay usable and start
     * empty. Meant for between tests, not while a validation runs.
     *
     * <pre>{@code
     * sandbox.domain("example.com").stsRecord("v=STSv1; id=1");
     * sandbox.reset();
     * sandbox.domain("example.com").stsRecord("v=STSv1; id=2");   // the only record of example.com now
     * }</pre>
     *
     * @return this sandbox
     */
    public MtaStsSandbox reset() {
        domains.clear();
        dns.reset();
        https.reset();
        smtp.reset();
        mxHosts.reset();
        return this;
    }

    /** @return the names of the domains configured so far */
    public List<String> domainNames() {
        return List.copyOf(domains.keySet());
    }

    /**
     * A validator builder pointed at this sandbox: its DNS server (1 second per query), its CA trusted in addition
     * to the JDK's roots, its ports, private addresses allowed ({@link AddressPolicy#allowAll()}), a 10-second
     * deadline, and the {@linkplain #mxProbe() MX probe} on the SMTP server's port when {@code mta-sts-smtp} is on
     * the class path ({@code noMxProbe()} when it is not). Change anything else before {@code build()}.
     *
     * <p>Each setting stands alone, so one can be replaced and the others stay pointed at the sandbox: a resolver of
     * your own (one that wraps {@link #resolver()}, say) still gets its policy fetched through the sandbox's trust
     * and ports, and a fetcher of your own still gets the addresses the sandbox's DNS server gives.
     *
     * <pre>{@code
     * DnsResolver mine = resolver;   // a DnsResolver of your own, here the sandbox's
     * Validator custom = sandbox.validatorBuilder().resolver(mine).build();
     * }</pre>
     *
     * @return the builder
     * @throws IllegalStateException when {@code mta-sts-dns} or {@code mta-sts-http} is not on the class path
     */
    public Validator.Builder validatorBuilder() {
        Validator.Builder builder = MtaStsValidator.builder()
                .resolver(resolver())
                .fetcher(fetcher())
                .addressPolicy(AddressPolicy.allowAll())
                .deadline(Duration.ofSeconds(10));
        return mxProbe.isPresent() ? builder.mxProbe(mxProbe.get()) : builder.noMxProbe();
    }

    /**
     * The MX probe {@link #validatorBuilder()} sets: the default one ({@code mta-sts-smtp}'s, found through
     * {@link MxTlsProbeFactory#fromServiceLoader()}) trusting this sandbox's CA in addition to the JDK's roots, on
     * the SMTP server's port. One probe for the sandbox's life.
     *
     * <pre>{@code
     * Optional<MxTlsProbe> probe = sandbox.mxProbe();
     * System.out.println(probe.isPresent() ? "MX hosts are probed on port " + sandbox.smtpServer().port()
     *         : "mta-sts-smtp is not on the class path: MX hosts are not probed");
     * }</pre>
     *
     * @return the probe; empty when no probe module is on the class path
     */
    public Optional<MxTlsProbe> mxProbe() {
        return mxProbe;
    }

    /**
     * @return the default resolver ({@code mta-sts-dns}) pointed at this sandbox's DNS server, 1 second per query
     * @throws IllegalStateException when {@code mta-sts-dns} is not on the class path
     */
    public DnsResolver resolver() {
        return DnsResolverFactory.fromServiceLoader()
                .orElseThrow(() -> new IllegalStateException("the sandbox's resolver needs dev.mtasts:mta-sts-dns"
                        + " on the class path"))
                .create(DnsResolverSettings.defaults().withNameservers(List.of(dns.address()))
                        .withTimeout(Duration.ofSeconds(1)));
    }

    /**
     * @return the default fetcher ({@code mta-sts-http}) trusting this sandbox's CA, on its ports
     * @throws IllegalStateException when {@code mta-sts-http} is not on the class path
     */
    public PolicyFetcher fetcher() {
        return PolicyFetcherFactory.fromServiceLoader()
                .orElseThrow(() -> new IllegalStateException("the sandbox's fetcher needs dev.mtasts:mta-sts-http"
                        + " on the class path"))
                .create(PolicyFetcherSettings.defaults()
                        .withTrustedCertificates(List.of(authority.rootCertificate()))
                        .withPorts(https.httpsPort(), https.httpPort()));
    }

    /** @return the DNS server */
    public TestDnsServer dnsServer() {
        return dns;
    }

    /** @return the HTTPS (and plain HTTP) server */
    public TestHttpsServer httpsServer() {
        return https;
    }

    /** @return the SMTP server of the MX hosts: one port, an address per host */
    public TestSmtpServer smtpServer() {
        return smtp;
    }

    /** @return the certificate authority the validator trusts */
    public TestCertificateAuthority authority() {
        return authority;
    }

    SandboxMxHosts mxHosts() {
        return mxHosts;
    }

    /**
     * @param host an MX host name, lower case, without the trailing dot
     * @return the sandbox domain whose zone holds the host (the longest one, when domains nest)
     */
    Optional<String> domainOf(String host) {
        return domains.keySet().stream().filter(d -> host.equals(d) || host.endsWith("." + d))
                .max(java.util.Comparator.comparingInt(String::length));
    }

    /** Stops the servers (and the MX probe, when it holds resources of its own). */
    @Override
    public void close() {
        try {
            mxProbe.filter(AutoCloseable.class::isInstance).ifPresent(p -> {
                try {
                    ((AutoCloseable) p).close();
                } catch (Exception e) {
                    // closing anyway
                }
            });
            smtp.close();
        } finally {
            try {
                https.close();
            } finally {
                dns.close();
            }
        }
    }
}
