package dev.mtasts.internal.tls;

import dev.mtasts.fetcher.TlsFailureCategory;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Explains a refused chain: it looks for a signature path from the leaf to a trusted root while ignoring
 * dates. No such path: {@code UNTRUSTED}. A path with a certificate out of its validity period: {@code EXPIRED}
 * or {@code NOT_YET_VALID}. A path that is current: {@code UNTRUSTED} with the trust manager's reason (for
 * example a weak algorithm).
 *
 * <p>Immutable and thread-safe. Not API: exported only to the library's network modules; may change in any release.
 */
public final class TrustPath {

    private static final int MAX_DEPTH = 10;

    private final Map<X500Principal, List<X509Certificate>> anchorsBySubject = new HashMap<>();

    /** @param anchors the trusted roots */
    public TrustPath(List<X509Certificate> anchors) {
        for (X509Certificate anchor : anchors) {
            anchorsBySubject.computeIfAbsent(anchor.getSubjectX500Principal(), s -> new ArrayList<>()).add(anchor);
        }
    }

    /**
     * @param chain   the chain the trust manager refused, leaf first
     * @param failure what it refused the chain with
     * @return the failure, categorised and explained
     */
    public CategorisedCertificateException explain(List<X509Certificate> chain, CertificateException failure) {
        if (chain.isEmpty()) {
            return new CategorisedCertificateException(TlsFailureCategory.UNTRUSTED, "the server sent no certificate",
                    chain, failure);
        }
        List<X509Certificate> path = new ArrayList<>();
        Optional<String> gap = pathToAnchor(chain, path);
        if (gap.isPresent()) {
            return new CategorisedCertificateException(TlsFailureCategory.UNTRUSTED, gap.get(), chain, failure);
        }
        Instant now = Instant.now();
        for (X509Certificate certificate : path) {
            String subject = certificate.getSubjectX500Principal().getName();
            if (now.isAfter(certificate.getNotAfter().toInstant())) {
                return new CategorisedCertificateException(TlsFailureCategory.EXPIRED, "the certificate '" + subject
                        + "' expired on " + certificate.getNotAfter().toInstant(), chain, failure);
            }
            if (now.isBefore(certificate.getNotBefore().toInstant())) {
                return new CategorisedCertificateException(TlsFailureCategory.NOT_YET_VALID, "the certificate '"
                        + subject + "' is not valid before " + certificate.getNotBefore().toInstant(), chain, failure);
            }
        }
        return new CategorisedCertificateException(TlsFailureCategory.UNTRUSTED,
                "the chain was refused: " + failure.getMessage(), chain, failure);
    }

    /** Fills {@code path} from the leaf up to (not including) a trusted root; returns why not when there is none. */
    private Optional<String> pathToAnchor(List<X509Certificate> chain, List<X509Certificate> path) {
        X509Certificate current = chain.get(0);
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            path.add(current);
            if (isAnchor(current) || signedByAnchor(current)) {
                return Optional.empty();
            }
            X509Certificate next = null;
            for (X509Certificate candidate : chain) {
                if (candidate != current && !path.contains(candidate)
                        && candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && verifies(current, candidate)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                String subject = current.getSubjectX500Principal().getName();
                if (current.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    return Optional.of("the certificate '" + subject + "' is self-signed and not trusted");
                }
                return Optional.of("the issuer '" + current.getIssuerX500Principal().getName() + "' of '" + subject
                        + "' is neither a trusted root nor sent by the server (an incomplete chain or an unknown CA)");
            }
            current = next;
        }
        return Optional.of("the chain is longer than " + MAX_DEPTH + " certificates");
    }

    private boolean isAnchor(X509Certificate certificate) {
        return anchorsBySubject.getOrDefault(certificate.getSubjectX500Principal(), List.of()).contains(certificate);
    }

    private boolean signedByAnchor(X509Certificate certificate) {
        for (X509Certificate anchor : anchorsBySubject.getOrDefault(certificate.getIssuerX500Principal(), List.of())) {
            if (verifies(certificate, anchor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean verifies(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
