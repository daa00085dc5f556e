package dev.mtasts.fetcher;

import dev.mtasts.DomainName;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The facts about one certificate that a person needs to fix a deployment: names, issuer and validity.
 *
 * <p>{@link #dnsNames()} are the dNSName subject alternative names, the only names RFC 8461 §3.3 (through
 * RFC 6125) lets a client match; the subject's CN is shown for people but never matched.
 *
 * <p>This type is an immutable value and safe to share between threads.
 *
 * <pre>{@code
 * CertificateFacts leaf = fetch.certificates().get(0);
 * leaf.dnsNames();                                   // [mta-sts.example.com]
 * leaf.isValidFor(DomainName.of("mta-sts.example.com"));  // true
 * leaf.daysLeft(Instant.now());                      // 42; negative once expired
 * }</pre>
 *
 * @param subject the subject distinguished name (RFC 2253)
 * @param issuer the issuer distinguished name (RFC 2253)
 * @param dnsNames the dNSName subject alternative names, as written in the certificate
 * @param notBefore start of the validity period
 * @param notAfter end of the validity period
 * @param serialNumber the serial number in lower-case hexadecimal
 * @param sha256Fingerprint the SHA-256 hash of the DER encoding in lower-case hexadecimal
 * @since 0.1.0
 */
public record CertificateFacts(String subject, String issuer, List<String> dnsNames, Instant notBefore,
        Instant notAfter, String serialNumber, String sha256Fingerprint) {

    /** Validates and copies. */
    public CertificateFacts {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        dnsNames = List.copyOf(Objects.requireNonNull(dnsNames, "dnsNames"));
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
    }

    /**
     * Reads the facts of a certificate.
     *
     * @param certificate an X.509 certificate
     * @return its facts
     */
    public static CertificateFacts of(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        return new CertificateFacts(
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                dnsNamesOf(certificate),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                certificate.getSerialNumber().toString(16),
                fingerprint(certificate));
    }

    /**
     * @param chain certificates, leaf first
     * @return the facts of each, in the same order
     */
    public static List<CertificateFacts> ofChain(List<? extends X509Certificate> chain) {
        List<CertificateFacts> out = new ArrayList<>(Objects.requireNonNull(chain, "chain").size());
        chain.forEach(c -> out.add(of(c)));
        return List.copyOf(out);
    }

    /**
     * Whether one of {@link #dnsNames()} matches the host under RFC 6125 §6.4: names compare without regard
     * to ASCII case and a trailing dot; {@code *} matches exactly one label and only as the complete left-most
     * label of a name with at least three labels ({@code *.example.com}, never {@code f*.example.com},
     * {@code *.com} or {@code a.*.example.com}). The subject CN is never used.
     *
     * @param host the host the certificate should be valid for
     * @return true when a DNS-ID matches
     */
    public boolean isValidFor(DomainName host) {
        Objects.requireNonNull(host, "host");
        return dnsNames.stream().anyMatch(name -> DnsIdMatcher.matches(name, host));
    }

    /**
     * Whole days from {@code now} to {@link #notAfter()}, rounded down; negative once expired.
     *
     * @param now the moment to count from, usually {@code clock.instant()}
     * @return days left
     */
    public long daysLeft(Instant now) {
        Duration left = Duration.between(Objects.requireNonNull(now, "now"), notAfter);
        long days = left.toDays();
        return left.isNegative() && !left.equals(Duration.ofDays(days)) ? days - 1 : days;
    }

    /**
     * @param now the moment to check
     * @return true when {@code now} lies within the validity period
     */
    public boolean isCurrentAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return !now.isBefore(notBefore) && !now.isAfter(notAfter);
    }

    /** @return true when subject and issuer are the same name (a root or a self-signed certificate) */
    public boolean isSelfIssued() {
        return subject.equals(issuer);
    }

    private static List<String> dnsNamesOf(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        if (names == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (List<?> entry : names) {
            if (entry.size() >= 2 && Integer.valueOf(2).equals(entry.get(0)) && entry.get(1) instanceof String) {
                out.add((String) entry.get(1));
            }
        }
        return out;
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "";
        }
    }
}
