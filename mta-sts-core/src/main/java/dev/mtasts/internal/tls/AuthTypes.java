package dev.mtasts.internal.tls;

/**
 * The authentication type a trust manager is asked about, in the JDK's words. Under TLS 1.3 the key exchange no
 * longer names the server's key type: the JDK's own engine then says {@code UNKNOWN}, while BoringSSL-based
 * providers (Conscrypt) say {@code GENERIC}, a word the JDK's PKIX trust manager refuses ("Unknown authType"). Both
 * mean the same: check the chain for a TLS server whatever its key.
 */
final class AuthTypes {

    private AuthTypes() {
    }

    /**
     * @param authType the authentication type a TLS provider passed
     * @return the same, in the words the JDK's trust managers know
     */
    static String forJdk(String authType) {
        return "GENERIC".equals(authType) ? "UNKNOWN" : authType;
    }
}
