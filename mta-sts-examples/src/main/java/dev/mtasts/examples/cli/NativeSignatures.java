package dev.mtasts.examples.cli;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;

/**
 * Conscrypt's ECDSA signature checks, and nothing else of Conscrypt, as the command line's preferred JCA provider.
 * With Conscrypt speaking TLS, the handshake's own signature is checked natively, but the JDK's PKIX trust manager
 * still checks each certificate's signature with the JDK's pure-Java P-256 arithmetic: about half of a bulk scan's
 * CPU. Preferring native ECDSA for {@code Signature.getInstance} moves that to BoringSSL too. Only signature
 * verification changes: the trust decision, certificate parsing ({@code CertificateFactory} stays the JDK's) and
 * every other algorithm are untouched. A process-wide choice, so the command line makes it, never the library.
 */
final class NativeSignatures extends Provider {

    /** The provider's name, as {@code Security.getProvider} finds it. */
    static final String NAME = "MtaStsNativeEcdsa";

    private static final List<String> ALGORITHMS = List.of("SHA256withECDSA", "SHA384withECDSA", "SHA512withECDSA");

    private NativeSignatures(Provider conscrypt) {
        super(NAME, "1.0", "Conscrypt's ECDSA signature verification (" + conscrypt.getName() + " "
                + conscrypt.getVersionStr() + "), for the JDK's certificate path checks");
        for (String algorithm : ALGORITHMS) {
            Provider.Service offered = conscrypt.getService("Signature", algorithm);
            if (offered != null) {
                putService(new Provider.Service(this, "Signature", algorithm, offered.getClassName(), List.of(),
                        Map.of()));
            }
        }
    }

    /**
     * Makes native ECDSA the first choice of this process, once.
     *
     * @param conscrypt the Conscrypt provider
     * @return true when it was installed now, false when it already was
     */
    static synchronized boolean prefer(Provider conscrypt) {
        if (Security.getProvider(NAME) != null) {
            return false;
        }
        Security.insertProviderAt(new NativeSignatures(conscrypt), 1);
        return true;
    }
}
