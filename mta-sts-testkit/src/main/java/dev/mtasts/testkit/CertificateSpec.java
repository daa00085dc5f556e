package dev.mtasts.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A leaf certificate to be issued by a {@link TestCertificateAuthority}: its names, validity and defects.
 * Not thread-safe; make one per certificate.
 *
 * <pre>{@code
 * TestCertificateAuthority ca = TestCertificateAuthority.create();
 * IssuedCertificate expired = ca.certificate("mta-sts.example.test").expired().issue();
 * IssuedCertificate cnOnly = ca.certificate().commonName("mta-sts.example.test").issue();   // no SAN at all
 * Instant from = Instant.now().minus(Duration.ofDays(1));
 * IssuedCertificate custom = ca.certificate("a.test").validity(from, from.plus(Duration.ofDays(7))).issue();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CertificateSpec {

    /** The longest subject common name, in characters: RFC 5280's {@code ub-common-name}. */
    private static final int MAX_COMMON_NAME_LENGTH = 64;

    private final TestCertificateAuthority authority;
    private final List<String> dnsNames;
    private Optional<String> commonName = Optional.empty();
    private Instant notBefore;
    private Instant notAfter;
    private boolean selfSigned;
    private boolean incompleteChain;

    CertificateSpec(TestCertificateAuthority authority, List<String> dnsNames) {
        this.authority = authority;
        this.dnsNames = List.copyOf(dnsNames);
        Instant now = Instant.now();
        this.notBefore = now.minus(Duration.ofDays(1));
        this.notAfter = now.plus(Duration.ofDays(365));
    }

    /** Valid from 90 days ago until 30 days ago. @return this */
    public CertificateSpec expired() {
        Instant now = Instant.now();
        return validity(now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(30)));
    }

    /** Valid from 30 days ahead until 120 days ahead. @return this */
    public CertificateSpec notYetValid() {
        Instant now = Instant.now();
        return validity(now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(120)));
    }

    /**
     * @param from the notBefore date
     * @param until the notAfter date
     * @return this
     */
    public CertificateSpec validity(Instant from, Instant until) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("notAfter " + until + " is not after notBefore " + from);
        }
        this.notBefore = from;
        this.notAfter = until;
        return this;
    }

    /** Signed with its own key instead of the authority's (the chain is the leaf alone). @return this */
    public CertificateSpec selfSigned() {
        this.selfSigned = true;
        return this;
    }

    /** Issued by the intermediate, but the chain holds the leaf alone, as on a misconfigured server. @return this */
    public CertificateSpec incompleteChain() {
        this.incompleteChain = true;
        return this;
    }

    /**
     * Sets the subject common name (CN). By default it is the first DNS name when that has at most 64
     * characters, no CN at all for a longer name (the certificate then names its host in the subject alternative
     * names only, as RFC 6125 prefers), and {@code test} without DNS names. The validator never matches a host
     * against the CN.
     *
     * @param name the CN, 1 to 64 characters
     * @return this
     * @throws IllegalArgumentException when the name is empty or longer than 64 characters, which no X.509
     *                                  certificate can carry (RFC 5280 {@code ub-common-name})
     */
    public CertificateSpec commonName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_COMMON_NAME_LENGTH) {
            throw new IllegalArgumentException("a common name has 1 to " + MAX_COMMON_NAME_LENGTH
                    + " characters (RFC 5280 ub-common-name), not " + name.length() + ": '" + name + "'");
        }
        this.commonName = Optional.of(name);
        return this;
    }

    /** @return the certificate, its chain and key */
    public IssuedCertificate issue() {
        if (selfSigned && incompleteChain) {
            throw new IllegalStateException("a self-signed certificate has no chain to leave incomplete");
        }
        return authority.issue(this);
    }

    List<String> dnsNames() {
        return dnsNames;
    }

    /** @return the CN set, else the first DNS name when it fits in a CN, else none; {@code test} without names */
    Optional<String> commonNameOrDefault() {
        if (commonName.isPresent()) {
            return commonName;
        }
        if (dnsNames.isEmpty()) {
            return Optional.of("test");
        }
        String first = dnsNames.get(0);
        return first.length() <= MAX_COMMON_NAME_LENGTH ? Optional.of(first) : Optional.empty();
    }

    Instant notBefore() {
        return notBefore;
    }

    Instant notAfter() {
        return notAfter;
    }

    boolean isSelfSigned() {
        return selfSigned;
    }

    boolean isIncompleteChain() {
        return incompleteChain;
    }
}
