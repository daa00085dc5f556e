package dev.mtasts.testkit;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;

/**
 * One domain of a {@link MtaStsSandbox}: its DNS records, its policy host, its MX hosts and its faults, set
 * fluently. Names are relative to the domain's own zone ({@code _mta-sts}, {@code mta-sts}, {@code _smtp._tls} are
 * prefixed for you). Each call adds to what is there; {@link #clear()} starts the domain afresh.
 *
 * <p>An MX host within a sandbox domain ({@code mx1.<domain>}, or a name in another domain of the sandbox) gets an
 * address of its own and a healthy SMTP server there (see {@link #mx(int, String)}); the {@code mx...} methods
 * change how that server behaves. Hosts outside every sandbox domain get nothing: their names do not resolve.
 *
 * <p>The object holds nothing but its name: what it sets lives in the sandbox's servers. So it stays usable after
 * {@link MtaStsSandbox#reset()}, and two objects for one name configure the same domain. Thread-safe.
 *
 * <pre>{@code
 * sandbox.domain("broken.test")
 *         .stsRecord("v=STSv1; id=1")
 *         .policyResponse(HttpResponse.redirect(301, "https://www.broken.test/"))
 *         .mx(10, "mx.broken.test");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SandboxDomain {

    private final String name;
    private final String policyHost;
    private final MtaStsSandbox sandbox;
    private final TestDnsServer dns;
    private final TestHttpsServer https;
    private final TestCertificateAuthority authority;

    SandboxDomain(String name, MtaStsSandbox sandbox) {
        this.name = name;
        this.policyHost = "mta-sts." + name;
        this.sandbox = sandbox;
        this.dns = sandbox.dnsServer();
        this.https = sandbox.httpsServer();
        this.authority = sandbox.authority();
        dns.zone(name);   // the zone exists from now on: its names are NXDOMAIN, not REFUSED
    }

    /** @return the domain name */
    public String name() {
        return name;
    }

    /** @return {@code mta-sts.<domain>} */
    public String policyHost() {
        return policyHost;
    }

    /** @return the domain's DNS zone, for records this class has no method for */
    public DnsZone zone() {
        return dns.zone(name);
    }

    /**
     * Removes everything set on this domain so far: the records of its zone (the zone stays, empty, so its names
     * are NXDOMAIN), the faults of its names, the policy host's responses (HTTPS and plain HTTP) and certificate,
     * and the SMTP listeners of its MX hosts. For one domain what {@link MtaStsSandbox#reset()} does for all.
     *
     * <pre>{@code
     * SandboxDomain d = sandbox.domain("example.com").clear();   // whatever an earlier test left there is gone
     * d.stsRecord("v=STSv1; id=20260102T000000");                // now the only record
     * }</pre>
     *
     * @return this domain, empty
     */
    public SandboxDomain clear() {
        zone().clear();
        dns.clearFaultsAtAndBelow(name);
        https.forget(policyHost);
        sandbox.mxHosts().forget(name);
        return this;
    }

    /**
     * Adds a TXT record at {@code _mta-sts.<domain>}; call again for a second record.
     *
     * @param strings the record's character-strings
     * @return this domain
     */
    public SandboxDomain stsRecord(String... strings) {
        Objects.requireNonNull(strings, "strings");
        zone().txt("_mta-sts." + name, strings);
        return this;
    }

    /**
     * Adds a TXT record at {@code _smtp._tls.<domain>}.
     *
     * @param strings the record's character-strings
     * @return this domain
     */
    public SandboxDomain tlsRpt(String... strings) {
        Objects.requireNonNull(strings, "strings");
        zone().txt("_smtp._tls." + name, strings);
        return this;
    }

    /**
     * Adds an MX record for the domain. When the host lies within a sandbox domain (this one, or another the
     * sandbox holds already) and has no address yet, it gets one of its own: an A record for the next free address
     * of {@code 127.0.1.0/24} and up ({@code 127.0.1.1}, {@code 127.0.1.2}, ...: never the same twice in one
     * sandbox), where the sandbox's {@link TestSmtpServer} serves {@link SmtpBehaviour#healthy()} for the host, with
     * a certificate for the host from the sandbox's CA. So a domain with MX hosts passes an MX probe as it is;
     * {@link #mxBehaviour}, {@link #mxCertificate} and the other {@code mx...} methods break it on purpose.
     *
     * <pre>{@code
     * SandboxDomain d = sandbox.domain("mx.example.test").mx(10, "mx1.mx.example.test");
     * System.out.println(d.mxAddresses("mx1.mx.example.test"));   // such as [127.0.1.1]
     * }</pre>
     *
     * @param preference the preference
     * @param host       the exchange host
     * @return this domain
     */
    public SandboxDomain mx(int preference, String host) {
        Objects.requireNonNull(host, "host");
        zone().mx(name, preference, host);
        String h = normalize(host);
        if (h.matches("[a-z0-9_-]+(\\.[a-z0-9_-]+)*")) {
            sandbox.domainOf(h).ifPresent(domain -> {
                SandboxMxHosts hosts = sandbox.mxHosts();
                synchronized (hosts) {
                    DnsZone zone = dns.zone(domain);
                    if (!zone.hasAddressOrAlias(h)) {
                        String address = hosts.allocate();
                        zone.a(h, address);
                        hosts.listen(domain, address, healthy(h));
                    }
                }
            });
        }
        return this;
    }

    /**
     * Changes how the SMTP server answers on every address of an MX host: the change is applied to each address's
     * current behaviour. An address where nothing listens yet (one set with {@code zone().a(...)}) starts listening
     * with the change applied to the healthy behaviour of the host; addresses beyond loopback are left alone.
     *
     * <pre>{@code
     * SandboxDomain d = sandbox.domain("mx-broken.example.test");
     * String mx = "mx1.mx-broken.example.test";
     * d.mx(10, mx).mxBehaviour(mx, SmtpBehaviour::withoutStartTls);                  // no STARTTLS offered
     * d.mxBehaviour(mx, b -> b.withGreeting(554, "5.7.1 no SMTP service here"));  // rejected in the greeting
     * d.mxBehaviour(mx, b -> b.withGreetingDelay(Duration.ofSeconds(30)));        // and a slow one
     * }</pre>
     *
     * @param host   an MX host within a sandbox domain, with an address (see {@link #mx(int, String)})
     * @param change makes the new behaviour from the current one
     * @return this domain
     * @throws IllegalArgumentException when the host lies in no sandbox domain
     * @throws IllegalStateException    when the host has no address
     */
    public SandboxDomain mxBehaviour(String host, UnaryOperator<SmtpBehaviour> change) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(change, "change");
        String h = normalize(host);
        String domain = domainOf(h);
        List<InetAddress> addresses = addressesOf(domain, h);
        if (addresses.isEmpty()) {
            throw new IllegalStateException(h + " has no address in the sandbox: add it with mx(preference, host)"
                    + " or mxAddress(host, address, ...) first");
        }
        TestSmtpServer smtp = sandbox.smtpServer();
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                String literal = Loopback.text(address);
                SmtpBehaviour next = change.apply(smtp.behaviour(literal).orElseGet(() -> healthy(h)));
                sandbox.mxHosts().listen(domain, literal, Objects.requireNonNull(next,
                        "the behaviour change returned null"));
            }
        }
        return this;
    }

    /**
     * Gives an MX host one more address, with a behaviour of its own there: an A record for an IPv4 address, an
     * AAAA record for {@code ::1}. For a dual-stack host whose IPv6 side differs (only {@code ::1} is an IPv6
     * loopback address, so one host per sandbox can have an IPv6 behaviour of its own).
     *
     * <pre>{@code
     * SandboxDomain d = sandbox.domain("dual.example.test");
     * String mx = "mx1.dual.example.test";
     * d.mx(10, mx).mxAddress(mx, "::1", SmtpBehaviour.healthy().withHostName(mx)
     *         .withCertificate(sandbox.authority().issue("other.example.test")));   // IPv6 senders fail
     * }</pre>
     *
     * @param host      an MX host within a sandbox domain
     * @param address   a loopback literal: an address of {@code 127.0.0.0/8}, or {@code ::1}
     * @param behaviour how the SMTP server answers there
     * @return this domain
     * @throws IllegalArgumentException when the host lies in no sandbox domain, or the address is not loopback
     */
    public SandboxDomain mxAddress(String host, String address, SmtpBehaviour behaviour) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(behaviour, "behaviour");
        String h = normalize(host);
        String domain = domainOf(h);
        InetAddress bind = Loopback.parse(address);
        String literal = Loopback.text(bind);
        DnsZone zone = dns.zone(domain);
        if (bind.getAddress().length == 16) {
            zone.aaaa(h, literal);
        } else {
            zone.a(h, literal);
        }
        sandbox.mxHosts().listen(domain, literal, behaviour);
        return this;
    }

    /**
     * Gives an MX host one more address, with the host's healthy behaviour changed there.
     *
     * <pre>{@code
     * SandboxDomain d = sandbox.domain("dual2.example.test");
     * String mx = "mx1.dual2.example.test";
     * d.mx(10, mx).mxAddress(mx, "::1", SmtpBehaviour::withoutStartTls);   // no STARTTLS over IPv6
     * }</pre>
     *
     * @param host    an MX host within a sandbox domain
     * @param address a loopback literal
     * @param change  makes the behaviour there from {@link SmtpBehaviour#healthy()} for the host
     * @return this domain
     * @throws IllegalArgumentException when the host lies in no sandbox domain, or the address is not loopback
     */
    public SandboxDomain mxAddress(String host, String address, UnaryOperator<SmtpBehaviour> change) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(change, "change");
        SmtpBehaviour behaviour = change.apply(healthy(normalize(host)));
        return mxAddress(host, address, Objects.requireNonNull(behaviour, "the behaviour change returned null"));
    }

    /**
     * Serves an MX host, on all its addresses, with a certificate for the host built from the sandbox CA.
     *
     * <pre>{@code
     * SandboxDomain d = sandbox.domain("mx-cert.example.test");
     * String mx = "mx1.mx-cert.example.test";
     * d.mx(10, mx).mxCertificate(mx, CertificateSpec::expired);
     * }</pre>
     *
     * @param host an MX host within a sandbox domain, with an address
     * @param spec refines the certificate, such as {@code c -> c.expired()}; it starts as a certificate for the host
     * @return this domain
     */
    public SandboxDomain mxCertificate(String host, UnaryOperator<CertificateSpec> spec) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(spec, "spec");
        return mxCertificateFor(host, spec, normalize(host));
    }

    /**
     * Serves an MX host, on all its addresses, with a certificate for other names (a wildcard, another host...).
     *
     * <pre>{@code
     * SandboxDomain d = sandbox.domain("mx-names.example.test");
     * d.mx(10, "mx1.mx-names.example.test")
     *         .mxCertificateFor("mx1.mx-names.example.test", c -> c, "*.mx-names.example.test");   // valid
     * }</pre>
     *
     * @param host     an MX host within a sandbox domain, with an address
     * @param spec     refines the certificate
     * @param dnsNames the names on the certificate
     * @return this domain
     */
    public SandboxDomain mxCertificateFor(String host, UnaryOperator<CertificateSpec> spec, String... dnsNames) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(dnsNames, "dnsNames");
        domainOf(normalize(host)); // fails before a certificate is made for nothing
        IssuedCertificate certificate = spec.apply(authority.certificate(dnsNames)).issue();
        return mxBehaviour(host, b -> b.withCertificate(certificate));
    }

    /**
     * Removes the A and AAAA records of an MX host: its name stops resolving to an address (mail to it cannot be
     * delivered at all). What listened at its addresses keeps listening, until {@link #clear()} or a reset.
     *
     * <pre>{@code
     * sandbox.domain("gone.example.test").mx(10, "mx1.gone.example.test").mxNoAddress("mx1.gone.example.test");
     * }</pre>
     *
     * @param host an MX host within a sandbox domain
     * @return this domain
     * @throws IllegalArgumentException when the host lies in no sandbox domain
     */
    public SandboxDomain mxNoAddress(String host) {
        Objects.requireNonNull(host, "host");
        String h = normalize(host);
        dns.zone(domainOf(h)).remove(h, "A").remove(h, "AAAA");
        return this;
    }

    /**
     * @param host an MX host within a sandbox domain
     * @return the addresses its A and AAAA records hold, such as {@code [127.0.1.3, ::1]}; empty when it has none
     * @throws IllegalArgumentException when the host lies in no sandbox domain
     */
    public List<String> mxAddresses(String host) {
        Objects.requireNonNull(host, "host");
        String h = normalize(host);
        return addressesOf(domainOf(h), h).stream().map(Loopback::text).toList();
    }

    /** @return this domain, with the null MX of RFC 7505 */
    public SandboxDomain nullMx() {
        zone().nullMx(name);
        return this;
    }

    /**
     * Serves a policy over HTTPS: status 200, {@code text/plain}.
     *
     * @param text the policy file
     * @return this domain
     */
    public SandboxDomain policy(String text) {
        Objects.requireNonNull(text, "text");
        return policyResponse(HttpResponse.ok("text/plain", text));
    }

    /**
     * Serves any HTTPS response at the policy host (status, type, redirect, slow or endless body...).
     *
     * @param response the response
     * @return this domain
     */
    public SandboxDomain policyResponse(HttpResponse response) {
        Objects.requireNonNull(response, "response");
        addressPolicyHost();
        https.respond(policyHost, response);
        if (!https.hasPlainHttpResponse(policyHost)) {
            https.respondPlainHttp(policyHost, HttpResponse.status(404));
        }
        return this;
    }

    /**
     * Serves a response over plain HTTP at the policy host; until this is called, plain HTTP answers 404.
     *
     * @param response the response
     * @return this domain
     */
    public SandboxDomain plainHttpResponse(HttpResponse response) {
        Objects.requireNonNull(response, "response");
        addressPolicyHost();
        https.respondPlainHttp(policyHost, response);
        return this;
    }

    /**
     * Serves the policy host with a certificate built from the sandbox CA.
     *
     * @param spec refines the certificate, such as {@code c -> c.expired()}; it starts as a certificate for the policy host
     * @return this domain
     */
    public SandboxDomain policyCertificate(UnaryOperator<CertificateSpec> spec) {
        Objects.requireNonNull(spec, "spec");
        return policyCertificateFor(spec, policyHost);
    }

    /**
     * Serves the policy host with a certificate for other names.
     *
     * @param spec     refines the certificate
     * @param dnsNames the names on the certificate
     * @return this domain
     */
    public SandboxDomain policyCertificateFor(UnaryOperator<CertificateSpec> spec, String... dnsNames) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(dnsNames, "dnsNames");
        addressPolicyHost();
        https.certificate(policyHost, spec.apply(authority.certificate(dnsNames)).issue());
        return this;
    }

    /**
     * Points the policy host at another address, such as {@link MtaStsSandbox#DEAD_ADDRESS} (connection refused)
     * or a private address the default address policy refuses.
     *
     * @param address an IPv4 or IPv6 literal
     * @return this domain
     */
    public SandboxDomain policyHostAddress(String address) {
        Objects.requireNonNull(address, "address");
        DnsZone zone = zone();
        zone.remove(policyHost);
        if (address.indexOf(':') >= 0) {
            zone.aaaa(policyHost, address);
        } else {
            zone.a(policyHost, address);
        }
        return this;
    }

    /**
     * Gives the policy host one more address, as a CDN or an anycast set-up does: an A record (an AAAA record for
     * {@code ::1}) after those it has, and the sandbox's HTTPS server listening there at the same ports. The new
     * address serves what the policy host serves everywhere ({@link #policy}, {@link #policyCertificate}) until
     * {@link #policyAt}, {@link #policyResponseAt} or {@link #policyCertificateAt} makes it differ. A policy host
     * without an address yet gets {@link MtaStsSandbox#SERVER_ADDRESS} first, so that it has two.
     *
     * <pre>{@code
     * SandboxDomain d = sandbox.domain("cdn.example.test")
     *         .stsRecord("v=STSv1; id=20260101T000000")
     *         .policy("version: STSv1\nmode: enforce\nmx: mx1.cdn.example.test\nmax_age: 604800\n")
     *         .policyHostAlsoAt("127.0.0.2")     // the same answer at both addresses
     *         .policyHostAlsoAt("127.0.0.3");    // and at a third
     * }</pre>
     *
     * @param address a loopback literal: an address of {@code 127.0.0.0/8} other than the ones in use, or
     *                {@code ::1}
     * @return this domain
     * @throws IllegalArgumentException when the address is not a loopback literal
     * @throws java.io.UncheckedIOException when the sandbox's HTTPS ports are taken at that address
     */
    public SandboxDomain policyHostAlsoAt(String address) {
        Objects.requireNonNull(address, "address");
        InetAddress bind = Loopback.parse(address);
        String literal = Loopback.text(bind);
        https.listenAlsoOn(literal);
        addressPolicyHost();
        DnsZone zone = zone();
        if (!addressesOf(name, policyHost).contains(bind)) {
            if (bind.getAddress().length == 16) {
                zone.aaaa(policyHost, literal);
            } else {
                zone.a(policyHost, literal);
            }
        }
        return this;
    }

    /**
     * Serves a policy over HTTPS (status 200, {@code text/plain}) at one address of the policy host only, giving
     * the host that address first when it lacks it ({@link #policyHostAlsoAt(String)}); its other addresses keep
     * what they serve.
     *
     * <pre>{@code
     * SandboxDomain d = sandbox.domain("split.example.test")
     *         .policy("version: STSv1\nmode: enforce\nmx: mx1.split.example.test\nmax_age: 604800\n")
     *         .policyAt("127.0.0.2", "version: STSv1\nmode: testing\nmx: mx1.split.example.test\nmax_age: 86400\n");
     * }</pre>
     *
     * @param address a loopback literal
     * @param text    the policy file served there
     * @return this domain
     * @throws IllegalArgumentException when the address is not a loopback literal
     */
    public SandboxDomain policyAt(String address, String text) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(text, "text");
        return policyResponseAt(address, HttpResponse.ok("text/plain", text));
    }

    /**
     * Serves any HTTPS response at one address of the policy host only (a 404 of a stale CDN edge, say), giving the
     * host that address first when it lacks it.
     *
     * <pre>{@code
     * sandbox.domain("stale-edge.example.test").policyResponseAt("127.0.0.3", HttpResponse.status(404));
     * }</pre>
     *
     * @param address  a loopback literal
     * @param response what that address answers
     * @return this domain
     * @throws IllegalArgumentException when the address is not a loopback literal
     */
    public SandboxDomain policyResponseAt(String address, HttpResponse response) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(response, "response");
        policyHostAlsoAt(address);
        https.respondAt(address, policyHost, response);
        return this;
    }

    /**
     * Presents a certificate built from the sandbox CA at one address of the policy host only, giving the host
     * that address first when it lacks it; its other addresses keep their certificate.
     *
     * <pre>{@code
     * sandbox.domain("two-certs.example.test").policyCertificateAt("127.0.0.2", c -> c);   // another valid one
     * }</pre>
     *
     * @param address a loopback literal
     * @param spec    refines the certificate; it starts as a certificate for the policy host
     * @return this domain
     * @throws IllegalArgumentException when the address is not a loopback literal
     */
    public SandboxDomain policyCertificateAt(String address, UnaryOperator<CertificateSpec> spec) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(spec, "spec");
        IssuedCertificate certificate = spec.apply(authority.certificate(policyHost)).issue();
        policyHostAlsoAt(address);
        https.certificateAt(address, policyHost, certificate);
        return this;
    }

    /**
     * Makes a DNS name of this domain misbehave.
     *
     * @param relativeName a name relative to the domain ({@code "_mta-sts"}, {@code "mta-sts"}, {@code ""} for the
     *                     domain itself)
     * @param fault        what the server does
     * @return this domain
     */
    public SandboxDomain dnsFault(String relativeName, DnsFault fault) {
        Objects.requireNonNull(relativeName, "relativeName");
        Objects.requireNonNull(fault, "fault");
        dns.fault(relativeName.isEmpty() ? name : relativeName + "." + name, fault);
        return this;
    }

    /**
     * Serves a policy body of raw bytes over HTTPS (status 200, {@code text/plain}).
     *
     * @param body the bytes
     * @return this domain
     */
    public SandboxDomain policyBytes(byte[] body) {
        Objects.requireNonNull(body, "body");
        return policyResponse(HttpResponse.ok("text/plain", body));
    }

    private static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static SmtpBehaviour healthy(String host) {
        return SmtpBehaviour.healthy().withHostName(host);
    }

    /** @return the sandbox domain whose zone holds the host */
    private String domainOf(String host) {
        return sandbox.domainOf(host).orElseThrow(() -> new IllegalArgumentException(host + " lies in no domain of"
                + " the sandbox (its domains: " + sandbox.domainNames() + "); MX hosts elsewhere have no SMTP server"));
    }

    /** @return the addresses of the A and AAAA records at the host, in the zone of the domain */
    private List<InetAddress> addressesOf(String domain, String host) {
        return dns.zone(domain).at(DnsZone.absolute(host)).stream()
                .map(r -> r instanceof ARecord ? ((ARecord) r).getAddress()
                        : r instanceof AAAARecord ? ((AAAARecord) r).getAddress() : null)
                .filter(Objects::nonNull).toList();
    }

    /** Points the policy host at the sandbox's HTTPS server, unless it has an address or a CNAME already. */
    private void addressPolicyHost() {
        DnsZone zone = zone();
        if (!zone.hasAddressOrAlias(policyHost)) {
            zone.a(policyHost, MtaStsSandbox.SERVER_ADDRESS);
        }
    }

    @Override
    public String toString() {
        return "SandboxDomain[" + name + "]";
    }
}
