package dev.mtasts.resolver;

import dev.mtasts.DomainName;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One TLSA record (RFC 6698 §2.1), as DANE for SMTP reads it (RFC 7672): certificate usage, selector, matching type
 * and the certificate association data, held as lower-case hexadecimal so that the record is an immutable value.
 *
 * <p>RFC 7672 §3.1 lets SMTP clients use only usages {@code 2} (DANE-TA, a trust anchor of the chain) and {@code 3}
 * (DANE-EE, the server's own key or certificate); selectors are {@code 0} (the whole certificate) and {@code 1} (its
 * SubjectPublicKeyInfo); matching types {@code 0} (exact), {@code 1} (SHA-256) and {@code 2} (SHA-512).
 *
 * <pre>{@code
 * TlsaRecord record = TlsaRecord.parse("3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6");
 * record.isUsableForSmtp();   // true: DANE-EE, SPKI, SHA-256
 * record.toZoneText(DomainName.of("_25._tcp.mx1.example.com"));
 * // _25._tcp.mx1.example.com. IN TLSA 3 1 1 0c72ac70...
 * }</pre>
 *
 * @param usage        the certificate usage, 0 to 255
 * @param selector     the selector, 0 to 255
 * @param matchingType the matching type, 0 to 255
 * @param data         the certificate association data in lower-case hexadecimal (never empty)
 * @since 0.1.0
 */
public record TlsaRecord(int usage, int selector, int matchingType, String data) {

    /** DANE-TA: the record names a trust anchor of the chain (RFC 7218). */
    public static final int DANE_TA = 2;
    /** DANE-EE: the record names the server's own certificate or key (RFC 7218). */
    public static final int DANE_EE = 3;
    /** Selector: the whole certificate. */
    public static final int CERT = 0;
    /** Selector: the SubjectPublicKeyInfo. */
    public static final int SPKI = 1;
    /** Matching type: the selected content itself. */
    public static final int FULL = 0;
    /** Matching type: the SHA-256 hash of the selected content. */
    public static final int SHA2_256 = 1;
    /** Matching type: the SHA-512 hash of the selected content. */
    public static final int SHA2_512 = 2;

    /**
     * Validates the fields and brings the data to lower case.
     *
     * @throws IllegalArgumentException when a number is outside 0 to 255 or the data is not hexadecimal
     */
    public TlsaRecord {
        checkOctet("usage", usage);
        checkOctet("selector", selector);
        checkOctet("matchingType", matchingType);
        Objects.requireNonNull(data, "data");
        data = data.toLowerCase(Locale.ROOT);
        if (data.isEmpty() || data.length() % 2 != 0
                || !data.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalArgumentException("TLSA data must be a non-empty even number of hex digits, not '"
                    + (data.length() > 80 ? data.substring(0, 80) + "..." : data) + "'");
        }
    }

    /**
     * A record from its association data as bytes.
     *
     * @param usage        the usage
     * @param selector     the selector
     * @param matchingType the matching type
     * @param data         the association data
     * @return the record
     */
    public static TlsaRecord of(int usage, int selector, int matchingType, byte[] data) {
        Objects.requireNonNull(data, "data");
        return new TlsaRecord(usage, selector, matchingType, HexFormat.of().formatHex(data));
    }

    /**
     * Parses the presentation form {@code "<usage> <selector> <matching type> <hex>"}; the hex may be split by
     * spaces, as zone files allow.
     *
     * @param text the record's data, such as {@code "3 1 1 0c72ac70..."}
     * @return the record
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static TlsaRecord parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.strip().split("\\s+");
        if (parts.length < 4) {
            throw new IllegalArgumentException("a TLSA record is '<usage> <selector> <matching type> <hex data>',"
                    + " not '" + text + "'");
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 3; i < parts.length; i++) {
            hex.append(parts[i]);
        }
        return new TlsaRecord(number(parts[0], "usage"), number(parts[1], "selector"), number(parts[2],
                "matching type"), hex.toString());
    }

    /** @return the association data as bytes */
    public byte[] dataBytes() {
        return HexFormat.of().parseHex(data);
    }

    /**
     * @return true when an SMTP client that does DANE uses the record (RFC 7672 §3.1): usage 2 or 3, selector 0
     *         or 1, matching type 0, 1 or 2
     */
    public boolean isUsableForSmtp() {
        return (usage == DANE_TA || usage == DANE_EE) && (selector == CERT || selector == SPKI)
                && (matchingType == FULL || matchingType == SHA2_256 || matchingType == SHA2_512);
    }

    /**
     * @param owner the record's name, {@code _25._tcp.<mx host>}
     * @return the record as a zone file line
     */
    public String toZoneText(DomainName owner) {
        Objects.requireNonNull(owner, "owner");
        return owner.value() + ". IN TLSA " + this;
    }

    /** @return the presentation form, {@code "3 1 1 <hex>"} */
    @Override
    public String toString() {
        return usage + " " + selector + " " + matchingType + " " + data;
    }

    private static void checkOctet(String name, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("TLSA " + name + " must be 0-255, not " + value);
        }
    }

    private static int number(String text, String name) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("TLSA " + name + " must be a number 0-255, not '" + text + "'");
        }
        return Integer.parseInt(text);
    }
}
