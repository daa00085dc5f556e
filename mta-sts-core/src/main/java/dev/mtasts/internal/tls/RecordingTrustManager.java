package dev.mtasts.internal.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The trust manager of one probe connection: it never refuses a server chain, so the handshake runs to its end
 * and the probe sees the live session, but it asks the configured trust manager about the chain and records the
 * chain and the answer (a refusal explained by {@link TrustPath}). Written on the I/O thread during the handshake,
 * read after it.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager delegate;
    private final TrustPath trustPath;
    private volatile List<X509Certificate> chain = List.of();
    private volatile Optional<CategorisedCertificateException> refusal = Optional.empty();
    private volatile boolean checked;

    RecordingTrustManager(X509TrustManager delegate, TrustPath trustPath) {
        this.delegate = delegate;
        this.trustPath = trustPath;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, SSLEngine engine) {
        record(presented, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType, Socket socket) {
        record(presented, authType, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] presented, String authType) {
        record(presented, authType, null);
    }

    private void record(X509Certificate[] presented, String authType, SSLEngine engine) {
        List<X509Certificate> certificates = presented == null ? List.of() : List.of(presented);
        chain = certificates;
        try {
            if (certificates.isEmpty()) {
                throw new CertificateException("the server sent no certificate");
            }
            if (engine != null && delegate instanceof X509ExtendedTrustManager) {
                ((X509ExtendedTrustManager) delegate).checkServerTrusted(presented, AuthTypes.forJdk(authType), engine);
            } else {
                delegate.checkServerTrusted(presented, AuthTypes.forJdk(authType));
            }
        } catch (CertificateException | RuntimeException e) {
            CertificateException failure = e instanceof CertificateException ? (CertificateException) e
                    : new CertificateException(e.getMessage(), e);
            refusal = Optional.of(trustPath.explain(certificates, failure));
        }
        checked = true;
    }

    /** @return the chain the server presented, leaf first; empty before the server's certificate came */
    List<X509Certificate> chain() {
        return chain;
    }

    /** @return true once the server's chain was checked */
    boolean checked() {
        return checked;
    }

    /** @return why the configured trust manager refused the chain; empty when it trusted it */
    Optional<CategorisedCertificateException> refusal() {
        return refusal;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] presented, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
