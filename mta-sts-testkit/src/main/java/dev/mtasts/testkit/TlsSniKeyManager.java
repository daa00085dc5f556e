package dev.mtasts.testkit;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server key manager that picks the certificate by the SNI host name; the alias is the host name. By default a
 * host's certificate, once looked up, is kept; {@link #overlay(Function)} makes one that keeps only what is
 * {@linkplain #put put} in it and asks its fallback afresh each time (the certificates of one address of a
 * {@link TestHttpsServer}, over those of the server as a whole).
 */
final class TlsSniKeyManager extends X509ExtendedKeyManager {

    private static final Logger LOG = LoggerFactory.getLogger(TlsSniKeyManager.class);

    /** The alias used when the client sent no SNI. */
    static final String NO_SNI = "localhost";

    private final Map<String, IssuedCertificate> byHost = new ConcurrentHashMap<>();
    private final Function<String, IssuedCertificate> fallback;
    private final boolean keepsFallback;

    TlsSniKeyManager(Function<String, IssuedCertificate> fallback) {
        this(fallback, true);
    }

    private TlsSniKeyManager(Function<String, IssuedCertificate> fallback, boolean keepsFallback) {
        this.fallback = fallback;
        this.keepsFallback = keepsFallback;
    }

    /**
     * @param fallback the certificate of a host nothing was put for, asked on every handshake (so that a change
     *                 there shows at once)
     * @return a key manager holding only the certificates put in it
     */
    static TlsSniKeyManager overlay(Function<String, IssuedCertificate> fallback) {
        return new TlsSniKeyManager(fallback, false);
    }

    void put(String host, IssuedCertificate certificate) {
        byHost.put(host.toLowerCase(Locale.ROOT), certificate);
    }

    void remove(String host) {
        byHost.remove(host.toLowerCase(Locale.ROOT));
    }

    void clear() {
        byHost.clear();
    }

    /**
     * @param session a handshake or established session, or {@code null}
     * @return the SNI host name the client sent, lower case; empty without SNI (or without a session)
     */
    static Optional<String> sniHost(SSLSession session) {
        if (!(session instanceof ExtendedSSLSession)) {
            return Optional.empty();
        }
        List<SNIServerName> names = ((ExtendedSSLSession) session).getRequestedServerNames();
        return names.stream().filter(n -> n instanceof SNIHostName)
                .map(n -> ((SNIHostName) n).getAsciiName().toLowerCase(Locale.ROOT)).findFirst();
    }

    /** @return the certificate of a host (the alias), from what was put or else from the fallback */
    IssuedCertificate certificateFor(String alias) {
        if (keepsFallback) {
            return byHost.computeIfAbsent(alias, fallback);
        }
        IssuedCertificate own = byHost.get(alias);
        return own != null ? own : fallback.apply(alias);
    }

    private String aliasFor(String keyType, SSLSession handshake) {
        String host = sniHost(handshake).orElse(NO_SNI);
        IssuedCertificate certificate;
        try {
            certificate = certificateFor(host);
        } catch (RuntimeException e) {
            // the handshake fails either way; say why here, since the client only sees an alert
            LOG.warn("TestHttpsServer has no certificate for SNI name {}: {}", host, e.toString());
            return null;
        }
        String algorithm = certificate.privateKey().getAlgorithm();
        return keyType.startsWith(algorithm) ? host : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return socket instanceof SSLSocket ? aliasFor(keyType, ((SSLSocket) socket).getHandshakeSession()) : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return engine == null ? null : aliasFor(keyType, engine.getHandshakeSession());
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return certificateFor(alias).chain().toArray(new X509Certificate[0]);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return certificateFor(alias).privateKey();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return byHost.keySet().toArray(new String[0]);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[0];
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
