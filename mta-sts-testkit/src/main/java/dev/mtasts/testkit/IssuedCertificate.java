package dev.mtasts.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * A certificate issued by a {@link TestCertificateAuthority}, with the chain a server sends and the private key.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * IssuedCertificate cert = sandbox.authority().issue("mta-sts.example.test");
 * sandbox.httpsServer().certificate("mta-sts.example.test", cert);
 * Path dir = Files.createTempDirectory("nginx");
 * cert.writePem(dir.resolve("chain.pem"), dir.resolve("key.pem"));   // for nginx
 * }</pre>
 *
 * @since 0.1.0
 */
public final class IssuedCertificate {

    private final X509Certificate certificate;
    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;
    private final List<String> dnsNames;

    IssuedCertificate(X509Certificate certificate, List<X509Certificate> chain, PrivateKey privateKey,
            List<String> dnsNames) {
        this.certificate = certificate;
        this.chain = List.copyOf(chain);
        this.privateKey = privateKey;
        this.dnsNames = List.copyOf(dnsNames);
    }

    /** @return the leaf certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the chain a server presents, leaf first (without the root; only the leaf when incomplete) */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** @return the leaf's private key */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return the DNS names the certificate was issued for */
    public List<String> dnsNames() {
        return dnsNames;
    }

    /**
     * @param alias the key entry's alias
     * @param password the key store and key password
     * @return a PKCS#12 key store holding the key and chain
     */
    public KeyStore keyStore(String alias, char[] password) {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(password, "password");
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, privateKey, password, chain.toArray(new Certificate[0]));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a key store", e);
        }
    }

    /** @return a key manager that always presents this certificate */
    public X509KeyManager keyManager() {
        try {
            char[] password = "testkit".toCharArray();
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore("server", password), password);
            return (X509KeyManager) factory.getKeyManagers()[0];
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a key manager", e);
        }
    }

    /** @return the chain in PEM form, leaf first */
    public String chainPem() {
        return CertPem.certificates(chain);
    }

    /** @return the private key in PKCS#8 PEM form */
    public String privateKeyPem() {
        return CertPem.privateKey(privateKey);
    }

    /**
     * Writes the chain and the key as PEM files, as web servers such as nginx read them.
     *
     * @param chainFile where to write the chain (leaf first)
     * @param keyFile where to write the private key
     * @throws IOException if writing fails
     */
    public void writePem(Path chainFile, Path keyFile) throws IOException {
        Objects.requireNonNull(chainFile, "chainFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Files.writeString(chainFile, chainPem(), StandardCharsets.US_ASCII);
        Files.writeString(keyFile, privateKeyPem(), StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + ", names=" + dnsNames
                + ", notAfter=" + certificate.getNotAfter().toInstant() + ", chain=" + chain.size() + "]";
    }
}
