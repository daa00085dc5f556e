package dev.mtasts.testkit;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One domain of a {@link MtaStsSandbox}: its DNS records, its policy host and its faults, set fluently. Names are
 * relative to the domain's own zone ({@code _mta-sts}, {@code mta-sts}, {@code _smtp._tls} are prefixed for you).
 * Each call adds to what is there; {@link #clear()} starts the domain afresh.
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
    private final TestDnsServer dns;
    private final TestHttpsServer https;
    private final TestCertificateAuthority authority;

    SandboxDomain(String name, TestDnsServer dns, TestHttpsServer https, TestCertificateAuthority authority) {
        this.name = name;
        this.policyHost = "mta-sts." + name;
        this.dns = dns;
        this.https = https;
        this.authority = authority;
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
     * are NXDOMAIN), the faults of its names, and the policy host's responses (HTTPS and plain HTTP) and
     * certificate. For one domain what {@link MtaStsSandbox#reset()} does for all.
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
     * Adds an MX record for the domain.
     *
     * @param preference the preference
     * @param host       the exchange host
     * @return this domain
     */
    public SandboxDomain mx(int preference, String host) {
        Objects.requireNonNull(host, "host");
        zone().mx(name, preference, host);
        return this;
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
