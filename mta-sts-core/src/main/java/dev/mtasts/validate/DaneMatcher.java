package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.resolver.TlsaRecord;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Whether a TLSA record matches a presented chain, as an RFC 7672 client decides it:
 * <ul>
 *   <li>DANE-EE (usage 3) matches the server's own certificate or public key; names and dates are ignored
 *       (RFC 7672 §3.1.1).</li>
 *   <li>DANE-TA (usage 2) matches a certificate the server sent above its own, which then acts as the trust
 *       anchor: the chain from the leaf up to it must verify, be current, and the leaf must be valid for the MX
 *       host name (RFC 7672 §3.1.2, §3.2.2).</li>
 * </ul>
 * Pure; never throws for any chain or record.
 */
final class DaneMatcher {

    private DaneMatcher() {
    }

    /**
     * @param record a usable TLSA record ({@link TlsaRecord#isUsableForSmtp()})
     * @param chain  the certificates presented, leaf first
     * @param host   the MX host name, for DANE-TA's name check
     * @param now    the time for DANE-TA's date check
     * @return true when the record authenticates the chain
     */
    static boolean matches(TlsaRecord record, List<X509Certificate> chain, DomainName host, Instant now) {
        if (chain.isEmpty() || !record.isUsableForSmtp()) {
            return false;
        }
        if (record.usage() == TlsaRecord.DANE_EE) {
            return matchesCertificate(record, chain.get(0));
        }
        for (int i = 1; i < chain.size(); i++) {
            if (matchesCertificate(record, chain.get(i))) {
                return chainsUpTo(chain, i, now) && CertificateFacts.of(chain.get(0)).isValidFor(host);
            }
        }
        return false;
    }

    /** @return the DANE-EE record ({@code 3 1 1}) for the server's current key */
    static Optional<TlsaRecord> eeRecordFor(X509Certificate leaf) {
        return digest("SHA-256", leaf.getPublicKey().getEncoded())
                .map(hash -> TlsaRecord.of(TlsaRecord.DANE_EE, TlsaRecord.SPKI, TlsaRecord.SHA2_256, hash));
    }

    private static boolean matchesCertificate(TlsaRecord record, X509Certificate certificate) {
        byte[] selected;
        try {
            selected = record.selector() == TlsaRecord.CERT ? certificate.getEncoded()
                    : certificate.getPublicKey().getEncoded();
        } catch (CertificateEncodingException | RuntimeException e) {
            return false;
        }
        Optional<byte[]> content = switch (record.matchingType()) {
            case TlsaRecord.FULL -> Optional.of(selected);
            case TlsaRecord.SHA2_256 -> digest("SHA-256", selected);
            case TlsaRecord.SHA2_512 -> digest("SHA-512", selected);
            default -> Optional.empty();
        };
        return content.isPresent() && MessageDigest.isEqual(content.get(), record.dataBytes());
    }

    /** @return true when each certificate below {@code anchor} is signed by the next and current at {@code now} */
    private static boolean chainsUpTo(List<X509Certificate> chain, int anchor, Instant now) {
        for (int i = 0; i < anchor; i++) {
            X509Certificate certificate = chain.get(i);
            try {
                certificate.verify(chain.get(i + 1).getPublicKey());
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
            if (!CertificateFacts.of(certificate).isCurrentAt(now)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<byte[]> digest(String algorithm, byte[] data) {
        try {
            return Optional.of(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** @return the bytes as hex, for messages */
    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(Arrays.copyOf(bytes, bytes.length));
    }
}
