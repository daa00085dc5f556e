package dev.mtasts.internal.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS side of a network client: what is trusted, and client engines with the library's settings: TLS 1.2 or
 * newer, SNI, no session resumption (every connection sees the certificate served now), and no endpoint
 * identification by the JDK (the library checks DNS-IDs itself, per RFC 6125, without the CN fallback).
 *
 * <p>Two kinds of engine: {@link #newEngine(String)} refuses a bad chain in the handshake, with the reason
 * categorised ({@link CategorisedCertificateException} as the cause of the failure), as a policy fetch must;
 * {@link #observingEngine(String)} completes the handshake whatever the chain and records what the trust manager
 * said of it, as a probe that reports on a server must.
 *
 * <p>Two set-ups are equal when they trust the same thing: the JDK's trust store, the same certificates (with or
 * without the JDK's), or the very same trust manager or context object. {@link #toString()} says which.
 * Immutable and thread-safe.
 *
 * <p>Not API: exported only to the library's network modules; may change in any release.
 */
public final class TlsSetup {

    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final String JDK_ROOTS = "the JDK's trust store";

    private final SSLContext context;
    private final Optional<Trust> trust; // empty for a caller's own context
    private final Optional<Provider> provider; // empty for the JDK's default TLS provider
    private final Object identity;
    private final String description;

    private TlsSetup(SSLContext context, Optional<Trust> trust, Optional<Provider> provider, Object identity,
                     String description) {
        this.context = context;
        this.trust = trust;
        this.provider = provider;
        this.identity = identity;
        this.description = description;
    }

    /** @return trust in the JDK's trust store ({@code cacerts}) */
    public static TlsSetup jdkRoots() {
        return categorising(jdkTrustManager(), JDK_ROOTS, JDK_ROOTS);
    }

    /**
     * @param trustManager the caller's trust decision
     * @return trust decided by the caller's manager, categorised by the library
     */
    public static TlsSetup wrapping(X509TrustManager trustManager) {
        return categorising(trustManager, new Same(trustManager), "trustManager " + Same.name(trustManager));
    }

    /**
     * @param certificates the roots to trust
     * @param withJdkRoots true to trust them in addition to the JDK's trust store, false to trust only them
     * @return that trust
     * @throws IllegalArgumentException when the certificates cannot be used as trust anchors
     */
    public static TlsSetup certificates(Collection<X509Certificate> certificates, boolean withJdkRoots) {
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

    /**
     * @param context a caller's initialised context
     * @return the caller's context, used as it is (it cannot make {@linkplain #observingEngine observing engines})
     */
    public static TlsSetup custom(SSLContext context) {
        return new TlsSetup(context, Optional.empty(), Optional.empty(), new Same(context),
                "sslContext " + Same.name(context));
    }

    /**
     * The same trust with the TLS protocol of another provider (a native one such as Conscrypt, for speed): the
     * trust decision, its categories and the RFC 6125 name check stay the library's.
     *
     * @param tlsProvider a JCA provider of {@code SSLContext} {@code TLS}
     * @return this set-up with engines from that provider
     * @throws IllegalArgumentException when the provider has no {@code TLS} context
     * @throws IllegalStateException    for a caller's own {@code SSLContext}, which has its provider already
     */
    public TlsSetup withProvider(Provider tlsProvider) {
        Trust t = trust.orElseThrow(() -> new IllegalStateException(
                "a caller's own SSLContext has its provider already; choose one or the other"));
        Optional<Provider> chosen = Optional.of(tlsProvider);
        SSLContext withProvider;
        try {
            withProvider = context(new CategorisingTrustManager(t.manager(), t.path()), chosen);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("the provider " + tlsProvider.getName() + " cannot make a TLS context: "
                    + e.getCause().getMessage(), e);
        }
        return new TlsSetup(withProvider, trust, chosen, List.of(identity, tlsProvider.getName()),
                description + " (TLS by " + tlsProvider.getName() + ")");
    }

    /**
     * What a builder's trust and provider options come to: the chosen trust (the JDK's trust store when none was
     * chosen), speaking TLS through the provider when one was given.
     *
     * @param trust       the trust option's set-up, empty for the default
     * @param tlsProvider the provider option, empty for the JDK's
     * @return the set-up
     * @throws IllegalStateException when a provider is combined with a caller's own {@code SSLContext}
     */
    public static TlsSetup chosen(Optional<TlsSetup> trust, Optional<Provider> tlsProvider) {
        TlsSetup setup = trust.orElseGet(TlsSetup::jdkRoots);
        if (tlsProvider.isEmpty()) {
            return setup;
        }
        if (setup.checksHostAfterHandshake()) {
            throw new IllegalStateException("tlsProvider cannot be combined with sslContext, which has its"
                    + " provider already");
        }
        return setup.withProvider(tlsProvider.get());
    }

    /**
     * @param tlsProvider a candidate for a builder's {@code tlsProvider} option
     * @return the provider
     * @throws IllegalArgumentException when it has no {@code SSLContext} {@code TLS}
     */
    public static Provider requireTls(Provider tlsProvider) {
        if (tlsProvider.getService("SSLContext", "TLS") == null) {
            throw new IllegalArgumentException("the provider " + tlsProvider.getName() + " has no SSLContext TLS");
        }
        return tlsProvider;
    }

    /** @return the provider of the TLS protocol, empty for the JDK's default */
    public Optional<Provider> provider() {
        return provider;
    }

    private static TlsSetup categorising(X509TrustManager trustManager, Object identity, String description) {
        Trust trust = new Trust(trustManager, new TrustPath(Arrays.asList(trustManager.getAcceptedIssuers())));
        return new TlsSetup(context(new CategorisingTrustManager(trustManager, trust.path()), Optional.empty()),
                Optional.of(trust), Optional.empty(), identity, description);
    }

    private static SSLContext context(TrustManager trustManager, Optional<Provider> provider) {
        try {
            SSLContext context = provider.isPresent() ? SSLContext.getInstance("TLS", provider.get())
                    : SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise TLS", e);
        }
    }

    /** @return true when the host name is checked after the handshake (a caller's own SSLContext) */
    public boolean checksHostAfterHandshake() {
        return trust.isEmpty();
    }

    /**
     * @param host the server name to send (SNI) and to check the certificate against
     * @return a client engine that refuses a chain not trusted or not valid for the host, categorised
     * @throws IllegalArgumentException when the host cannot be sent as a server name (RFC 6066)
     */
    public SSLEngine newEngine(String host) {
        if (provider.isPresent()) {
            // Another provider may resume a session by server name alone (Conscrypt keys its cache on the SNI
            // name), and a resumed session skips the trust check: a context of its own per connection has an
            // empty cache, so every connection sees, and checks, the certificate served now.
            Trust t = trust.orElseThrow();
            return configure(context(new CategorisingTrustManager(t.manager(), t.path()), provider)
                    .createSSLEngine(), host);
        }
        return configure(context.createSSLEngine(), host);
    }

    /**
     * A client engine for a probe: its handshake completes whatever chain the server presents, and the result
     * records the chain and what the configured trust manager said of it (the host name is the caller's to
     * check). Each call has a context of its own, so no session is ever resumed.
     *
     * @param host the server name to send (SNI)
     * @return the engine and what its trust manager records
     * @throws IllegalArgumentException when the host cannot be sent as a server name (RFC 6066)
     * @throws IllegalStateException    for a caller's own {@code SSLContext}, whose trust cannot be observed
     */
    public ObservedHandshake observingEngine(String host) {
        Trust t = trust.orElseThrow(() -> new IllegalStateException("a caller's own SSLContext cannot be observed"));
        RecordingTrustManager recorder = new RecordingTrustManager(t.manager(), t.path());
        return new ObservedHandshake(configure(context(recorder, provider).createSSLEngine(), host), recorder);
    }

    private static SSLEngine configure(SSLEngine engine, String host) {
        // no peer host and port given: the JDK then never resumes a cached session, so every connection sees
        // (and checks) the certificate the server presents now
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

    /** The trust decision and the explanation of its refusals, built once per set-up. */
    private record Trust(X509TrustManager manager, TrustPath path) {
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
