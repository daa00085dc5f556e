package dev.mtasts.http;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS side of a fetcher: an {@link SSLContext} whose trust manager categorises failures (unless the caller
 * brought their own context) and the engine settings: TLS 1.2 or newer, SNI, no session resumption.
 */
final class TlsSetup {

    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SSLContext context;
    private final boolean checksHostInTrustManager;

    private TlsSetup(SSLContext context, boolean checksHostInTrustManager) {
        this.context = context;
        this.checksHostInTrustManager = checksHostInTrustManager;
    }

    static TlsSetup jdkRoots() {
        return wrapping(jdkTrustManager());
    }

    static TlsSetup wrapping(X509TrustManager trustManager) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new CategorisingTrustManager(trustManager)}, null);
            return new TlsSetup(context, true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise TLS", e);
        }
    }

    static TlsSetup certificates(Collection<X509Certificate> certificates, boolean withJdkRoots) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            List<X509Certificate> all = new ArrayList<>(certificates);
            if (withJdkRoots) {
                all.addAll(Arrays.asList(jdkTrustManager().getAcceptedIssuers()));
            }
            int i = 0;
            for (X509Certificate certificate : all) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            return wrapping(x509(factory));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot trust these certificates: " + e.getMessage(), e);
        }
    }

    static TlsSetup custom(SSLContext context) {
        return new TlsSetup(context, false);
    }

    /** @return true when the host name is checked after the handshake (a caller's own SSLContext) */
    boolean checksHostAfterHandshake() {
        return !checksHostInTrustManager;
    }

    SSLEngine newEngine(String host) {
        // no peer host and port given: the JDK then never resumes a cached session, so every fetch sees
        // (and checks) the certificate the server presents now
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        List<String> supported = Arrays.asList(engine.getSupportedProtocols());
        parameters.setProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
        parameters.setServerNames(List.of(new SNIHostName(host)));
        parameters.setEndpointIdentificationAlgorithm(null); // RFC 6125 DNS-ID check of our own, no CN fallback
        engine.setSSLParameters(parameters);
        return engine;
    }

    private static X509TrustManager jdkTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return x509(factory);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JDK trust store", e);
        }
    }

    private static X509TrustManager x509(TrustManagerFactory factory) {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager) {
                return (X509TrustManager) manager;
            }
        }
        throw new IllegalStateException("no X509TrustManager from " + factory.getAlgorithm());
    }
}
