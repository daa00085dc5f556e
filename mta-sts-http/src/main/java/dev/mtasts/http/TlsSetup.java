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
 *
 * <p>Two set-ups are equal when they trust the same thing: the JDK's trust store, the same certificates (with or
 * without the JDK's), or the very same trust manager or context object. {@link #toString()} says which.
 */
final class TlsSetup {

    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final String JDK_ROOTS = "the JDK's trust store";

    private final SSLContext context;
    private final boolean checksHostInTrustManager;
    private final Object identity;
    private final String description;

    private TlsSetup(SSLContext context, boolean checksHostInTrustManager, Object identity, String description) {
        this.context = context;
        this.checksHostInTrustManager = checksHostInTrustManager;
        this.identity = identity;
        this.description = description;
    }

    /** @return trust in the JDK's trust store ({@code cacerts}) */
    static TlsSetup jdkRoots() {
        return categorising(jdkTrustManager(), JDK_ROOTS, JDK_ROOTS);
    }

    /** @return trust decided by the caller's manager, categorised by this module */
    static TlsSetup wrapping(X509TrustManager trustManager) {
        return categorising(trustManager, new Same(trustManager), "trustManager " + Same.name(trustManager));
    }

    /**
     * @param certificates the roots to trust
     * @param withJdkRoots true to trust them in addition to the JDK's trust store, false to trust only them
     * @return that trust
     */
    static TlsSetup certificates(Collection<X509Certificate> certificates, boolean withJdkRoots) {
        List<X509Certificate> roots = List.copyOf(certificates);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            List<X509Certificate> all = new ArrayList<>(roots);
            if (withJdkRoots) {
                all.addAll(Arrays.asList(jdkTrustManager().getAcceptedIssuers()));
            }
            int i = 0;
            for (X509Certificate certificate : all) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            String names = roots.stream().map(c -> c.getSubjectX500Principal().getName()).toList().toString();
            return categorising(x509(factory), List.of(withJdkRoots, roots),
                    withJdkRoots ? JDK_ROOTS + " and " + names : "only " + names);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot trust these certificates: " + e.getMessage(), e);
        }
    }

    /** @return the caller's context, used as it is */
    static TlsSetup custom(SSLContext context) {
        return new TlsSetup(context, false, new Same(context), "sslContext " + Same.name(context));
    }

    private static TlsSetup categorising(X509TrustManager trustManager, Object identity, String description) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new CategorisingTrustManager(trustManager)}, null);
            return new TlsSetup(context, true, identity, description);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise TLS", e);
        }
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

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsSetup && ((TlsSetup) o).identity.equals(identity);
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }

    /** @return what is trusted, for example {@code the JDK's trust store and [CN=Private Root]} */
    @Override
    public String toString() {
        return description;
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

    /** Equal only to a wrapper of the very same object: a caller's manager or context has no value equality. */
    private record Same(Object object) {

        static String name(Object object) {
            return object.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(object));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Same && ((Same) o).object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }
}
