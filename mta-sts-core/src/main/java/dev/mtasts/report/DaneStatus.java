package dev.mtasts.report;

/**
 * What DANE senders (RFC 7672) make of an MX host's TLSA records and the certificate chain it presented.
 *
 * <pre>{@code
 * report.mxHosts().forEach(mx -> mx.dane().ifPresent(d -> System.out.println(mx.host() + " " + d.status())));
 * }</pre>
 *
 * @since 0.1.0
 */
public enum DaneStatus {
    /** A DNSSEC-authenticated, usable TLSA record matches what the host presented: DANE senders deliver. */
    VALID,
    /**
     * DNSSEC-authenticated, usable TLSA records exist, but none matches what the host presented: DANE senders
     * refuse this host now, whatever MTA-STS says (RFC 8461 §2).
     */
    MISMATCH,
    /**
     * Authenticated TLSA records exist, but none is usable for SMTP (usages 0 and 1, or unknown selectors or
     * matching types, RFC 7672 §3.1): DANE senders insist on TLS but authenticate nothing.
     */
    UNUSABLE,
    /** TLSA records exist without DNSSEC: every sender ignores them (RFC 7672 §2.2). */
    INSECURE,
    /** No TLSA record at {@code _25._tcp.<host>}: DANE does not apply. */
    NONE,
    /**
     * The TLSA look-up failed, or the host presented no chain to compare: DANE senders in a signed zone defer mail
     * when the look-up fails (RFC 7672 §2.2), so this is not the same as {@link #NONE}.
     */
    UNKNOWN
}
