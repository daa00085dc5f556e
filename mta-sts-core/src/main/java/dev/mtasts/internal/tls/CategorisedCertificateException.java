package dev.mtasts.internal.tls;

import dev.mtasts.fetcher.TlsFailureCategory;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A refused certificate chain with the reason in one {@link TlsFailureCategory}: thrown by the categorising trust
 * manager (it travels as the cause of the handshake failure) or recorded by a probe's.
 *
 * <p>Not API: exported only to the library's network modules; may change in any release.
 */
public final class CategorisedCertificateException extends CertificateException {

    private static final long serialVersionUID = 1L;

    private final TlsFailureCategory category;
    private final transient List<X509Certificate> chain;

    /**
     * @param category why the chain was refused
     * @param message  the reason in words
     * @param chain    the chain presented, leaf first
     * @param cause    the trust manager's own exception, if any
     */
    public CategorisedCertificateException(TlsFailureCategory category, String message, List<X509Certificate> chain,
            Throwable cause) {
        super(message, cause);
        this.category = category;
        this.chain = List.copyOf(chain);
    }

    /** @return why the chain was refused */
    public TlsFailureCategory category() {
        return category;
    }

    /** @return the chain presented, leaf first; empty after deserialisation */
    public List<X509Certificate> chain() {
        return chain == null ? List.of() : chain;
    }
}
