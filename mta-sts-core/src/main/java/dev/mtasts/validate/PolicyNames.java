package dev.mtasts.validate;

import dev.mtasts.DomainName;
import java.util.Objects;

/**
 * The names RFC 8461 and RFC 8460 put below a policy domain, as text for messages, and whether each can exist.
 *
 * <p>They are kept as text because a domain of 243 to 253 characters is valid while a name below it is not:
 * {@code _smtp._tls.<domain>} exceeds the 253 characters DNS allows from a domain of 243 characters,
 * {@code _mta-sts.<domain>} from 245, {@code mta-sts.<domain>} from 246. Building a {@link DomainName} for such a
 * name would throw; a message can still name it, and a check can say that it cannot exist.
 *
 * @param domain       the policy domain
 * @param stsRecord    {@code _mta-sts.<domain>}, where the TXT record lives
 * @param tlsRptRecord {@code _smtp._tls.<domain>}, where the TLS-RPT record lives
 * @param policyHost   {@code mta-sts.<domain>}, the host that serves the policy
 */
record PolicyNames(DomainName domain, String stsRecord, String tlsRptRecord, String policyHost) {

    PolicyNames {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(stsRecord, "stsRecord");
        Objects.requireNonNull(tlsRptRecord, "tlsRptRecord");
        Objects.requireNonNull(policyHost, "policyHost");
    }

    static PolicyNames of(DomainName domain) {
        Objects.requireNonNull(domain, "domain");
        String d = domain.value();
        return new PolicyNames(domain, "_mta-sts." + d, "_smtp._tls." + d, "mta-sts." + d);
    }

    /** @return the policy URL, {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} */
    String policyUrl() {
        return "https://" + policyHost + "/.well-known/mta-sts.txt";
    }

    /** @return the subject of a finding about the {@code _mta-sts} TXT record */
    String stsSubject() {
        return "dns:" + stsRecord + " TXT";
    }

    /** @return the subject of a finding about the TLS-RPT record */
    String tlsRptSubject() {
        return "dns:" + tlsRptRecord + " TXT";
    }

    /** @return the subject of a finding about the policy host's addresses */
    String policyHostSubject() {
        return "dns:" + policyHost + " A/AAAA";
    }

    /** @return the subject of a finding about the domain's MX records */
    String mxSubject() {
        return "dns:" + domain + " MX";
    }

    boolean stsRecordCanExist() {
        return fits(stsRecord);
    }

    boolean tlsRptRecordCanExist() {
        return fits(tlsRptRecord);
    }

    boolean policyHostCanExist() {
        return fits(policyHost);
    }

    private static boolean fits(String name) {
        return name.length() <= DomainName.MAX_LENGTH;
    }

    /**
     * @param name one of this record's names
     * @return {@code "'<name>' would be 254 characters long, over the 253 that DNS allows, so it cannot exist"}
     */
    static String tooLong(String name) {
        return name + " would be " + name.length() + " characters long, over the " + DomainName.MAX_LENGTH
                + " that DNS allows, so it cannot exist";
    }
}
