package dev.mtasts.internal.tls;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.CertificateFacts;

/**
 * Words for a host-name mismatch.
 *
 * <p>Not API: exported only to the library's network modules; may change in any release.
 */
public final class HostCheck {

    private HostCheck() {
    }

    /**
     * @param leaf the server's certificate
     * @param host the name it should be valid for
     * @return why it is not, naming the certificate's names
     */
    public static String mismatch(CertificateFacts leaf, DomainName host) {
        if (leaf.dnsNames().isEmpty()) {
            return "the certificate has no DNS names (subject alternative names), so it cannot be valid for " + host
                    + "; its subject '" + leaf.subject() + "' is not used";
        }
        return "the certificate is for " + leaf.dnsNames() + ", not for " + host;
    }
}
