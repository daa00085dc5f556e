package dev.mtasts.testkit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * A throw-away certificate authority made at run time, for tests: a root, an intermediate, and leaf
 * certificates for any names, valid or broken on request.
 *
 * <p>Keys are ECDSA P-256 and are generated when the authority is created; nothing is read from or written
 * to disk unless asked ({@link IssuedCertificate#writePem}). Leaves are issued by the intermediate and carry
 * their names as dNSName subject alternative names; {@link IssuedCertificate#chain()} is what a server sends
 * (leaf and intermediate). Clients trust only the {@link #rootCertificate() root}.
 *
 * <p>Thread-safe: issue certificates from any thread.
 *
 * <pre>{@code
 * TestCertificateAuthority ca = TestCertificateAuthority.create();
 * IssuedCertificate good = ca.issue("mta-sts.good.test");
 * IssuedCertificate expired = ca.certificate("mta-sts.expired.test").expired().issue();
 * IssuedCertificate wrongName = ca.issue("www.other.test");
 * IssuedCertificate selfSigned = ca.certificate("mta-sts.self.test").selfSigned().issue();
 * IssuedCertificate incomplete = ca.certificate("mta-sts.chain.test").incompleteChain().issue();
 * SSLContext client = ca.clientSslContext();          // trusts the root only
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TestCertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair intermediateKeys;
    private final X509Certificate intermediate;
    private final AtomicLong serials = new AtomicLong(RANDOM.nextInt(1 << 20) + 2L);

    private TestCertificateAuthority(String name) {
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofDays(1));
        Instant until = now.plus(Duration.ofDays(3650));
        this.rootKeys = newKeyPair();
        X500Name rootName = new X500Name("CN=" + name + " Root, O=mta-sts-java testkit");
        this.root = CertBuilder.caCertificate(rootName, rootKeys.getPublic(), rootName, rootKeys, BigInteger.ONE,
                from, until, 1);
        this.intermediateKeys = newKeyPair();
        X500Name intermediateName = new X500Name("CN=" + name + " Intermediate, O=mta-sts-java testkit");
        this.intermediate = CertBuilder.caCertificate(intermediateName, intermediateKeys.getPublic(), rootName,
                rootKeys, BigInteger.TWO, from, until, 0);
    }

    /** @return a new authority with a random name */
    public static TestCertificateAuthority create() {
        return create("mta-sts-java Test CA " + Long.toHexString(RANDOM.nextLong() & 0xffffffL));
    }

    /**
     * @param name a name for the authority, shown in the subject of its certificates
     * @return a new authority
     */
    public static TestCertificateAuthority create(String name) {
        Objects.requireNonNull(name, "name");
        return new TestCertificateAuthority(name);
    }

    /**
     * Starts a certificate for names; finish it with {@link CertificateSpec#issue()}.
     *
     * @param dnsNames the dNSName subject alternative names, for example {@code mta-sts.example.test} or
     *        {@code *.example.test}; may be empty together with {@link CertificateSpec#commonName(String)}
     * @return a specification to refine
     */
    public CertificateSpec certificate(String... dnsNames) {
        Objects.requireNonNull(dnsNames, "dnsNames");
        return new CertificateSpec(this, List.of(dnsNames));
    }

    /**
     * Issues a valid leaf certificate (one day old, valid for a year) for names.
     *
     * @param dnsNames the names
     * @return the certificate, its chain and key
     */
    public IssuedCertificate issue(String... dnsNames) {
        Objects.requireNonNull(dnsNames, "dnsNames");
        return certificate(dnsNames).issue();
    }

    /** @return the root certificate, the only one a client needs to trust */
    public X509Certificate rootCertificate() {
        return root;
    }

    /** @return the intermediate certificate that issues leaves */
    public X509Certificate intermediateCertificate() {
        return intermediate;
    }

    /** @return a key store with the root as the only trusted certificate entry, alias {@code root} */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("root", root);
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }

    /** @return a PKIX trust manager that trusts the root only */
    public X509TrustManager trustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(trustStore());
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager) {
                    return (X509TrustManager) manager;
                }
            }
            throw new IllegalStateException("no X509TrustManager from PKIX");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust manager", e);
        }
    }

    /** @return a client {@code SSLContext} (TLS) that trusts the root only and has no client certificate */
    public SSLContext clientSslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SSLContext", e);
        }
    }

    /** @return the root certificate in PEM form */
    public String rootPem() {
        return CertPem.certificates(List.of(root));
    }

    IssuedCertificate issue(CertificateSpec spec) {
        KeyPair leafKeys = newKeyPair();
        BigInteger serial = BigInteger.valueOf(serials.incrementAndGet());
        // built attribute by attribute, so that a CN with a comma or an equals sign stays one CN
        X500NameBuilder names = new X500NameBuilder(BCStyle.INSTANCE);
        spec.commonNameOrDefault().ifPresent(cn -> names.addRDN(BCStyle.CN, cn));
        X500Name subject = names.addRDN(BCStyle.O, "mta-sts-java testkit").build();
        if (spec.isSelfSigned()) {
            X509Certificate self = CertBuilder.leafCertificate(subject, leafKeys.getPublic(), spec.dnsNames(), subject,
                    leafKeys.getPrivate(), leafKeys.getPublic(), serial, spec.notBefore(), spec.notAfter());
            return new IssuedCertificate(self, List.of(self), leafKeys.getPrivate(), spec.dnsNames());
        }
        X500Name issuer = X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded());
        X509Certificate leaf = CertBuilder.leafCertificate(subject, leafKeys.getPublic(), spec.dnsNames(), issuer,
                intermediateKeys.getPrivate(), intermediateKeys.getPublic(), serial, spec.notBefore(),
                spec.notAfter());
        List<X509Certificate> chain = spec.isIncompleteChain() ? List.of(leaf) : List.of(leaf, intermediate);
        return new IssuedCertificate(leaf, chain, leafKeys.getPrivate(), spec.dnsNames());
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key pair", e);
        }
    }
}
