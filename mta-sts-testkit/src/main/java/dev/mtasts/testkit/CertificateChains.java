package dev.mtasts.testkit;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Certificate chains no sane server sends, for tests of a client's limits.
 *
 * <pre>{@code
 * IssuedCertificate issued = sandbox.authority().issue("mta-sts.long-chain.test");
 * sandbox.httpsServer().certificate("mta-sts.long-chain.test", CertificateChains.padded(issued, 100));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CertificateChains {

    private CertificateChains() {
    }

    /**
     * The same leaf and key, its chain padded to {@code length} certificates by repeating its last one (the
     * intermediate, or the leaf of a chain of one): the TLS Certificate message grows to tens of kilobytes.
     *
     * @param issued a certificate with its chain
     * @param length the number of certificates to send, at least the chain's own length
     * @return the padded certificate
     * @throws IllegalArgumentException when {@code length} is shorter than the chain
     */
    public static IssuedCertificate padded(IssuedCertificate issued, int length) {
        Objects.requireNonNull(issued, "issued");
        List<X509Certificate> chain = new ArrayList<>(issued.chain());
        if (length < chain.size()) {
            throw new IllegalArgumentException("a chain of " + length + " is shorter than " + chain.size());
        }
        X509Certificate last = chain.get(chain.size() - 1);
        while (chain.size() < length) {
            chain.add(last);
        }
        return new IssuedCertificate(issued.certificate(), chain, issued.privateKey(), issued.dnsNames());
    }
}
