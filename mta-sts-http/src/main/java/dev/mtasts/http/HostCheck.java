package dev.mtasts.http;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.CertificateFacts;

/** Words for a host-name mismatch. */
final class HostCheck {

    private HostCheck() {
    }

    static String mismatch(CertificateFacts leaf, DomainName host) {
        if (leaf.dnsNames().isEmpty()) {
            return "the certificate has no DNS names (subject alternative names), so it cannot be valid for " + host
                    + "; its subject '" + leaf.subject() + "' is not used";
        }
        return "the certificate is for " + leaf.dnsNames() + ", not for " + host;
    }
}
