package dev.mtasts.internal.tls;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.TlsFailureCategory;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Wraps the real trust decision to say precisely why a server chain was refused (see
 * {@link TlsFailureCategory} for the order), then checks the policy host (the SNI name) against the leaf's
 * DNS-IDs per RFC 6125, without the CN fallback of the JDK's own check.
 */
final class CategorisingTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager delegate;
    private final TrustPath trustPath;

    CategorisingTrustManager(X509TrustManager delegate, TrustPath trustPath) {
        this.delegate = delegate;
        this.trustPath = trustPath;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        List<X509Certificate> certificates = List.of(chain);
        try {
            if (delegate instanceof X509ExtendedTrustManager) {
                ((X509ExtendedTrustManager) delegate).checkServerTrusted(chain, AuthTypes.forJdk(authType), engine);
            } else {
                delegate.checkServerTrusted(chain, AuthTypes.forJdk(authType));
            }
        } catch (CertificateException e) {
            throw trustPath.explain(certificates, e);
        }
        Optional<DomainName> host = sniHost(engine);
        if (host.isPresent()) {
            CertificateFacts leaf = CertificateFacts.of(chain[0]);
            if (!leaf.isValidFor(host.get())) {
                throw new CategorisedCertificateException(TlsFailureCategory.HOSTNAME_MISMATCH,
                        HostCheck.mismatch(leaf, host.get()), certificates, null);
            }
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, AuthTypes.forJdk(authType));
        } catch (CertificateException e) {
            throw trustPath.explain(List.of(chain), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private static Optional<DomainName> sniHost(SSLEngine engine) {
        if (engine == null) {
            return Optional.empty();
        }
        List<SNIServerName> names = engine.getSSLParameters().getServerNames();
        if (names == null) {
            return Optional.empty();
        }
        return names.stream().filter(n -> n instanceof SNIHostName)
                .map(n -> DomainName.tryParse(((SNIHostName) n).getAsciiName()))
                .flatMap(Optional::stream).findFirst();
    }
}
