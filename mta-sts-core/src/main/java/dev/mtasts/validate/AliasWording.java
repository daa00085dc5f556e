package dev.mtasts.validate;

import dev.mtasts.DomainName;
import java.util.List;
import java.util.Objects;

/**
 * The wording of CNAME chains in findings (RFC 8461 §8.2): the chain as an arrow list, and what an alias means for the
 * policy host's certificate.
 */
final class AliasWording {

    private AliasWording() {
    }

    /**
     * @param name  the name asked for
     * @param chain the aliases followed, without the name asked for
     * @return {@code "_mta-sts.example.com → example.sts.provider.net"}
     */
    static String chain(String name, List<DomainName> chain) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(chain, "chain");
        StringBuilder out = new StringBuilder(name);
        chain.forEach(n -> out.append(" → ").append(n.value()));
        return out.toString();
    }

    /**
     * The clause that {@code POLICY_TLS_HOSTNAME_MISMATCH} adds when the policy host is an alias: senders verify the
     * certificate for the policy host, not for the name at the end of the chain.
     *
     * @param host  {@code mta-sts.<domain>}
     * @param chain the aliases followed from it; not empty
     * @return {@code "; mta-sts.example.com is a CNAME (mta-sts.example.com → sts.provider.net), and behind an alias
     *         senders still check the certificate for mta-sts.example.com (RFC 8461 §8.2)"}
     */
    static String certificateBehindAlias(String host, List<DomainName> chain) {
        return "; " + host + " is a CNAME (" + chain(host, chain) + "), and behind an alias senders still check the"
                + " certificate for " + host + " (RFC 8461 §8.2)";
    }

    /**
     * @param host  {@code mta-sts.<domain>}
     * @param chain the aliases followed from it; not empty
     * @return the remediation of a certificate mismatch behind an alias
     */
    static String certificateBehindAliasRemediation(String host, List<DomainName> chain) {
        String provider = chain.get(chain.size() - 1).value();
        return "Have the provider behind the alias (" + provider + ") present a certificate for " + host + ", not for"
                + " its own name: senders send SNI " + host + " and accept only a certificate whose subjectAltName"
                + " lists it (RFC 8461 §8.2); most providers issue one once the CNAME is in place.";
    }
}
