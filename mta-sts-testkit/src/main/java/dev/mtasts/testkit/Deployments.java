package dev.mtasts.testkit;

import dev.mtasts.Validator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalogue of ready-made deployments: each common way MTA-STS works or breaks in the real world, one domain
 * each. Used by {@code mta-sts demo} and by tests.
 *
 * <pre>{@code
 * try (MtaStsSandbox sandbox = MtaStsSandbox.start()) {
 *     Deployments.installAll(sandbox);
 *     Validator validator = sandbox.validatorBuilder().build();
 *     for (Deployment d : Deployments.all()) {
 *         System.out.println(d.title() + ": " + validator.validate(d.domain()).verdict());
 *     }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Deployments {

    /** A record id used by the deployments. */
    public static final String ID = "20261101T000000";

    private Deployments() {
    }

    private static String policy(String mode, long maxAge, String... mx) {
        StringBuilder out = new StringBuilder("version: STSv1\r\nmode: ").append(mode).append("\r\n");
        for (String host : mx) {
            out.append("mx: ").append(host).append("\r\n");
        }
        return out.append("max_age: ").append(maxAge).append("\r\n").toString();
    }

    private static SandboxDomain basics(SandboxDomain d) {
        return d.stsRecord("v=STSv1; id=" + ID)
                .mx(10, "mx1." + d.name())
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls-reports@" + d.name());
    }

    /** @return the SHA-256 of the SubjectPublicKeyInfo of a new key, one no MX host serves (for a TLSA 3 1 1) */
    private static String otherKeyDigest() {
        try {
            byte[] spki = TestCertificateAuthority.newKeyPair().getPublic().getEncoded();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** @return every deployment, good ones first */
    public static List<Deployment> all() {
        return List.of(
                new Deployment("enforce.good.test", "clean enforce",
                        "An enforce policy covering both MX hosts, served correctly, with TLS-RPT: ENFORCING, no errors.",
                        d -> basics(d).mx(20, "mx2." + d.name())
                                .policy(policy("enforce", 604800, "mx1." + d.name(), "mx2." + d.name()))),
                new Deployment("testing.good.test", "testing, ready to promote",
                        "A clean testing policy with TLS-RPT: TESTING, promotion READY.",
                        d -> basics(d).policy(policy("testing", 86400, "mx1." + d.name()))),
                new Deployment("wildcard.good.test", "wildcard policy",
                        "mx: *.wildcard.good.test covers mx1 and mx2: ENFORCING, no errors.",
                        d -> basics(d).mx(20, "mx2." + d.name()).policy(policy("enforce", 604800, "*." + d.name()))),
                new Deployment("no-tlsrpt.test", "testing without TLS-RPT",
                        "A testing policy but no _smtp._tls record: TESTING, promotion NOT_READY (TLSRPT_MISSING).",
                        d -> d.stsRecord("v=STSv1; id=" + ID).mx(10, "mx1." + d.name())
                                .policy(policy("testing", 86400, "mx1." + d.name()))),
                new Deployment("backup-mx.test", "backup MX missing from policy",
                        "An enforce policy lists mx1 but the domain also has backup MX mx2: ENFORCING, at risk"
                                + " (MX_NOT_COVERED).",
                        d -> basics(d).mx(50, "backup.mx-provider.test")
                                .policy(policy("enforce", 604800, "mx1." + d.name()))),
                new Deployment("deep-mx.test", "wildcard one label short",
                        "mx: *.deep-mx.test does not cover a.b.deep-mx.test: TESTING, MX_WILDCARD_TOO_DEEP.",
                        d -> d.stsRecord("v=STSv1; id=" + ID).mx(10, "a.b." + d.name())
                                .tlsRpt("v=TLSRPTv1; rua=mailto:tls-reports@" + d.name())
                                .policy(policy("testing", 86400, "*." + d.name()))),
                new Deployment("short-max-age.test", "short max_age",
                        "max_age 300: senders refetch every five minutes: a POLICY_MAX_AGE_SHORT warning.",
                        d -> basics(d).policy(policy("enforce", 300, "mx1." + d.name()))),
                new Deployment("redirect.test", "redirect to www",
                        "The policy URL redirects to https://www.redirect.test/: BROKEN (POLICY_REDIRECT).",
                        d -> basics(d).policyResponse(HttpResponse.redirect(301, "https://www.redirect.test/"))),
                new Deployment("expired-cert.test", "expired certificate",
                        "The policy host's certificate expired: BROKEN (POLICY_TLS_EXPIRED).",
                        d -> basics(d).policy(policy("enforce", 604800, "mx1." + d.name()))
                                .policyCertificate(CertificateSpec::expired)),
                new Deployment("wrong-cert.test", "certificate for another name",
                        "The policy host serves the certificate of www.wrong-cert.test: BROKEN"
                                + " (POLICY_TLS_HOSTNAME_MISMATCH).",
                        d -> basics(d).policy(policy("enforce", 604800, "mx1." + d.name()))
                                .policyCertificateFor(c -> c, "www." + d.name(), d.name())),
                new Deployment("mx-no-starttls.test", "MX without STARTTLS",
                        "An enforce policy, but mx1 does not offer STARTTLS: ENFORCING, at risk"
                                + " (MX_STARTTLS_MISSING).",
                        d -> basics(d).policy(policy("enforce", 604800, "mx1." + d.name()))
                                .mxBehaviour("mx1." + d.name(), SmtpBehaviour::withoutStartTls)),
                new Deployment("mx-wrong-cert.test", "MX certificate for another name",
                        "An enforce policy, but mx1 presents the certificate of mail.mx-wrong-cert.test: ENFORCING,"
                                + " at risk (MX_CERT_HOSTNAME_MISMATCH).",
                        d -> basics(d).policy(policy("enforce", 604800, "mx1." + d.name()))
                                .mxCertificateFor("mx1." + d.name(), c -> c, "mail." + d.name())),
                new Deployment("mx-expired-cert.test", "expired MX certificate",
                        "An enforce policy, but the certificate of mx1 expired: ENFORCING, at risk (MX_CERT_EXPIRED).",
                        d -> basics(d).policy(policy("enforce", 604800, "mx1." + d.name()))
                                .mxCertificate("mx1." + d.name(), CertificateSpec::expired)),
                new Deployment("dane-mismatch.test", "DANE record for another key",
                        "A signed TLSA record 3 1 1 at _25._tcp.mx1.dane-mismatch.test pins a key mx1 does not"
                                + " serve: ENFORCING, at risk (DANE_MISMATCH); DANE senders refuse mx1.",
                        d -> basics(d).policy(policy("enforce", 604800, "mx1." + d.name()))
                                .zone().tlsa("_25._tcp.mx1." + d.name(), "3 1 1 " + otherKeyDigest())
                                .signed("_25._tcp.mx1." + d.name())),
                new Deployment("html-catch-all.test", "HTML catch-all page",
                        "A catch-all web site answers every path with an HTML page: BROKEN (media type, syntax).",
                        d -> basics(d).policyResponse(HttpResponse.ok("text/html; charset=utf-8",
                                "<!doctype html>\n<html><body><h1>Welcome</h1></body></html>\n"))),
                new Deployment("http-only.test", "policy over plain HTTP only",
                        "https:// answers 404, http:// serves the policy: BROKEN (POLICY_HTTP_ONLY).",
                        d -> basics(d).policyResponse(HttpResponse.status(404))
                                .plainHttpResponse(HttpResponse.ok("text/plain", policy("enforce", 604800,
                                        "mx1." + d.name())))),
                new Deployment("two-records.test", "two STS records",
                        "Two v=STSv1 TXT records: senders see no policy: BROKEN (STS_RECORD_MULTIPLE).",
                        d -> basics(d).stsRecord("v=STSv1; id=20261102T000000")
                                .policy(policy("enforce", 604800, "mx1." + d.name()))),
                new Deployment("bad-syntax.test", "policy syntax errors",
                        "'Mode: enforce', 'max_age: 1w', 'mx: mx1.bad-syntax.test.': BROKEN (POLICY_MODE_INVALID,"
                                + " POLICY_MAX_AGE_INVALID, POLICY_MX_INVALID).",
                        d -> basics(d).policy("version: STSv1\nMode: enforce\nmx: mx1." + d.name()
                                + ".\nmax_age: 1w\n")),
                new Deployment("not-deployed.test", "no MTA-STS at all",
                        "MX records only: NOT_DEPLOYED.",
                        d -> d.mx(10, "mx1." + d.name())),
                new Deployment("orphan-policy.test", "policy without TXT record",
                        "A policy is served but no _mta-sts record announces it: NOT_DEPLOYED"
                                + " (POLICY_WITHOUT_STS_RECORD).",
                        d -> d.mx(10, "mx1." + d.name()).tlsRpt("v=TLSRPTv1; rua=mailto:tls-reports@" + d.name())
                                .policy(policy("testing", 86400, "mx1." + d.name()))),
                new Deployment("no-policy-host.test", "TXT record but no policy host",
                        "The _mta-sts record exists but mta-sts.no-policy-host.test does not: BROKEN"
                                + " (POLICY_HOST_NOT_FOUND).",
                        d -> basics(d)),
                new Deployment("huge-policy.test", "policy over 64 KiB",
                        "The policy URL serves 70 KiB: BROKEN (POLICY_TOO_LARGE).",
                        d -> basics(d).policyBytes(new byte[70 * 1024])),
                new Deployment("endless.test", "body that never ends",
                        "The policy host sends headers, then body bytes forever: BROKEN (POLICY_TOO_LARGE or"
                                + " POLICY_TIMEOUT), and the validation still ends.",
                        d -> basics(d).policyResponse(HttpResponse.ok("text/plain", policy("enforce", 604800,
                                "mx1." + d.name())).withEndlessBody())),
                new Deployment("null-mx.test", "null MX with a policy",
                        "The domain accepts no mail (MX 0 .) yet publishes a policy: MX_NULL.",
                        d -> d.stsRecord("v=STSv1; id=" + ID).nullMx()
                                .tlsRpt("v=TLSRPTv1; rua=mailto:tls-reports@example.test")
                                .policy("version: STSv1\nmode: none\nmax_age: 86400\n")));
    }

    /**
     * @param domain a deployment's domain
     * @return the deployment, if there is one with that domain
     */
    public static Optional<Deployment> byDomain(String domain) {
        Objects.requireNonNull(domain, "domain");
        return all().stream().filter(d -> d.domain().equals(domain)).findFirst();
    }

    /**
     * Installs every deployment.
     *
     * @param sandbox the sandbox
     * @return the deployments installed
     */
    public static List<Deployment> installAll(MtaStsSandbox sandbox) {
        Objects.requireNonNull(sandbox, "sandbox");
        List<Deployment> all = all();
        all.forEach(d -> d.installInto(sandbox));
        return all;
    }

}
