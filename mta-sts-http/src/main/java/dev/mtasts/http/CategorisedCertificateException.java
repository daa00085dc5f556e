package dev.mtasts.http;

import dev.mtasts.fetcher.TlsFailureCategory;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/** Thrown by {@link CategorisingTrustManager}; travels as the cause of the handshake failure. */
final class CategorisedCertificateException extends CertificateException {

    private static final long serialVersionUID = 1L;

    private final TlsFailureCategory category;
    private final transient List<X509Certificate> chain;

    CategorisedCertificateException(TlsFailureCategory category, String message, List<X509Certificate> chain,
            Throwable cause) {
        super(message, cause);
        this.category = category;
        this.chain = List.copyOf(chain);
    }

    TlsFailureCategory category() {
        return category;
    }

    List<X509Certificate> chain() {
        return chain == null ? List.of() : chain;
    }
}
