package dev.mtasts;

/**
 * The catalogue of syntax problems the parsers report, each with its default {@link Severity} and the rule
 * it comes from. Codes are stable: they are part of the public API and documented in the README.
 *
 * <p>{@code ERROR} codes are what a sender that follows every MUST and SHOULD of the RFC would ignore the text
 * for: the throwing parsers ({@code MtaStsPolicy.parse}, {@code StsRecord.parse}, {@code TlsRptRecord.parse}) reject
 * them, and the lenient ones return no value. {@code WARNING} codes are legal but unwise, or break some real senders
 * that deviate from the RFC; {@code INFO} codes are worth knowing.
 *
 * <pre>{@code
 * boolean blankLines = PolicyParser.lenient().parse(text).problems().stream()
 *         .anyMatch(p -> p.code() == ProblemCode.POLICY_BLANK_LINE);
 * }</pre>
 *
 * @since 0.1.0
 */
public enum ProblemCode {

    // ---- policy file (RFC 8461 §3.2) ----

    /** The policy body is larger than 64 KiB (RFC 8461 §3.3, B15). */
    POLICY_TOO_LARGE(Severity.ERROR, "RFC 8461 §3.3"),
    /** The policy body is not valid UTF-8 (RFC 8461 §3.2, C17). */
    POLICY_NOT_UTF8(Severity.ERROR, "RFC 8461 §3.2"),
    /** The policy body is empty. */
    POLICY_EMPTY(Severity.ERROR, "RFC 8461 §3.2"),
    /** The policy body starts with a UTF-8 byte order mark, which the grammar does not allow (C17). */
    POLICY_BYTE_ORDER_MARK(Severity.ERROR, "RFC 8461 §3.2"),
    /** A carriage return not followed by a line feed (C1). */
    POLICY_BARE_CR(Severity.ERROR, "RFC 8461 §3.2"),
    /** A control character (other than the tab in whitespace) or an invalid character in a line. */
    POLICY_INVALID_CHARACTER(Severity.ERROR, "RFC 8461 §3.2"),
    /** A line starts with a space or tab: the grammar has no folding (C2). */
    LINE_LEADING_WHITESPACE(Severity.ERROR, "RFC 8461 §3.2"),
    /**
     * A blank or whitespace-only line, including the empty line that a second line ending after the last field makes
     * ({@code ...\n\n}): outside the grammar, so a sender that follows the ABNF ignores the policy. Senders whose
     * lenient parsers skip empty lines read on (C2).
     */
    POLICY_BLANK_LINE(Severity.ERROR, "RFC 8461 §3.2"),
    /**
     * The body is a JSON object, the policy format of the drafts before RFC 8461 (draft-ietf-uta-mta-sts-01 to -06):
     * senders read only {@code name: value} lines, so they ignore it. The message gives the lines to publish instead
     * when the JSON's fields can be read ({@code "mode": "report"} as {@code testing}).
     *
     * @since 0.2.0
     */
    POLICY_JSON(Severity.ERROR, "RFC 8461 §3.2"),
    /** A line has no {@code :} separating field name and value. */
    FIELD_NO_COLON(Severity.ERROR, "RFC 8461 §3.2"),
    /** Whitespace between a field name and its {@code :} (C3). */
    FIELD_NAME_WHITESPACE(Severity.ERROR, "RFC 8461 §3.2"),
    /** A field name with characters outside letters, digits, {@code _ - .}, or longer than 32 (C12). */
    FIELD_NAME_INVALID(Severity.ERROR, "RFC 8461 §3.2"),
    /** No {@code version} field (C5). */
    VERSION_MISSING(Severity.ERROR, "RFC 8461 §3.2"),
    /** The {@code version} value is not exactly {@code STSv1} (C5). */
    VERSION_INVALID(Severity.ERROR, "RFC 8461 §3.2"),
    /** No {@code mode} field (C6). */
    MODE_MISSING(Severity.ERROR, "RFC 8461 §3.2"),
    /** The {@code mode} value is not exactly {@code enforce}, {@code testing} or {@code none} (C6). */
    MODE_INVALID(Severity.ERROR, "RFC 8461 §3.2"),
    /** No {@code max_age} field (C7). */
    MAX_AGE_MISSING(Severity.ERROR, "RFC 8461 §3.2"),
    /** The {@code max_age} value is not 1 to 10 ASCII digits (C7). */
    MAX_AGE_INVALID(Severity.ERROR, "RFC 8461 §3.2"),
    /** The {@code max_age} value is over 31557600 seconds (C7). */
    MAX_AGE_OUT_OF_RANGE(Severity.ERROR, "RFC 8461 §3.2"),
    /** Mode {@code testing} or {@code enforce} without any {@code mx} field (C8). */
    MX_MISSING(Severity.ERROR, "RFC 8461 §3.2"),
    /** An {@code mx} value that is not a host name or a {@code *.} wildcard over one (C10). */
    MX_INVALID(Severity.ERROR, "RFC 8461 §3.2"),
    /** Several hosts in one {@code mx} value, separated by commas or spaces (C9). */
    MX_MULTIPLE_VALUES(Severity.ERROR, "RFC 8461 §3.2"),
    /** An {@code mx} value ending in a dot (C10). */
    MX_TRAILING_DOT(Severity.ERROR, "RFC 8461 §3.2"),
    /** An {@code mx} value written with Unicode labels instead of Punycode A-labels (C11). */
    MX_U_LABEL(Severity.ERROR, "RFC 8461 §3.2"),
    /** An extension field with an empty value or forbidden characters (C12). */
    EXTENSION_VALUE_INVALID(Severity.ERROR, "RFC 8461 §3.2"),

    /** {@code max_age} under one day: senders re-fetch often and a short outage drops protection (C7, F13). */
    MAX_AGE_SHORT(Severity.WARNING, "RFC 8461 §3.2, §10.2"),
    /** A field that may appear once appears again: the first wins, later ones are ignored (C13, C14). */
    FIELD_DUPLICATE(Severity.WARNING, "RFC 8461 §3.2"),
    /** A field name that differs from a known field only in case ({@code Mode:}): it is an unknown extension (C4). */
    FIELD_NAME_CASE(Severity.WARNING, "RFC 8461 §3.2"),
    /** An {@code mx} pattern shaped like an IP address, which never matches an MX host name. */
    MX_IP_ADDRESS(Severity.WARNING, "RFC 8461 §4.1"),
    /**
     * An {@code mx} pattern whose last label is all digits ({@code mail.123}, {@code *.1.2.3.4}) but that is not shaped
     * like an IP address: legal syntax (C10), yet it never matches, as no host name has an all-digit top-level label.
     */
    MX_NUMERIC_TLD(Severity.WARNING, "RFC 8461 §4.1"),
    /** A wildcard over a top-level name ({@code *.com}): any host under it counts as a valid MX (D9). */
    MX_WILDCARD_BROAD(Severity.WARNING, "RFC 8461 §10.4"),

    /** {@code max_age} over one week: a change of policy takes long to reach every sender. */
    MAX_AGE_LONG(Severity.INFO, "RFC 8461 §3.2"),
    /** A field this library does not know; ignored by senders, but it may be a typo ({@code nmx:}) (C12). */
    EXTENSION_UNKNOWN(Severity.INFO, "RFC 8461 §3.2"),
    /** The same {@code mx} pattern listed twice. */
    MX_DUPLICATE(Severity.INFO, "RFC 8461 §3.2"),
    /** Lines end sometimes in LF and sometimes in CRLF: legal, but a sign of hand editing (C1). */
    LINE_ENDINGS_MIXED(Severity.INFO, "RFC 8461 §3.2"),
    /** More problems than the parser lists; the rest were not recorded. */
    PROBLEMS_TRUNCATED(Severity.INFO, "-"),

    // ---- TXT records: _mta-sts (RFC 8461 §3.1) and _smtp._tls (RFC 8460 §3) ----

    /** A TXT record with a character outside printable US-ASCII (A2, A8). */
    RECORD_NOT_ASCII(Severity.ERROR, "RFC 8461 §3.1"),
    /** The record does not begin with the exact version field ({@code v=STSv1} or {@code v=TLSRPTv1}) (A4, G2). */
    RECORD_VERSION_INVALID(Severity.ERROR, "RFC 8461 §3.1"),
    /** Delimiter or field syntax is broken: whitespace around {@code =}, an empty field, a stray character (A3, A5). */
    RECORD_SYNTAX(Severity.ERROR, "RFC 8461 §3.1"),
    /** The version is not followed by any field (A3). */
    RECORD_NO_FIELDS(Severity.ERROR, "RFC 8461 §3.1"),
    /** An extension field whose name or value breaks the grammar (A8). */
    RECORD_EXTENSION_INVALID(Severity.ERROR, "RFC 8461 §3.1"),
    /** The {@code _mta-sts} record has no {@code id} field (A6). */
    STS_ID_MISSING(Severity.ERROR, "RFC 8461 §3.1"),
    /** The {@code id} is empty or has characters other than ASCII letters and digits (A6). */
    STS_ID_INVALID(Severity.ERROR, "RFC 8461 §3.1"),
    /** The {@code id} is longer than 32 characters (A6). */
    STS_ID_TOO_LONG(Severity.ERROR, "RFC 8461 §3.1"),
    /** The TLS-RPT record has no {@code rua} field (G3). */
    TLSRPT_RUA_MISSING(Severity.ERROR, "RFC 8460 §3"),
    /** A {@code rua} entry is empty or not a URI (G3). */
    TLSRPT_RUA_INVALID(Severity.ERROR, "RFC 8460 §3"),
    /** A {@code rua} URI has a literal {@code !} that must be written {@code %21} (G4). */
    TLSRPT_RUA_UNENCODED(Severity.ERROR, "RFC 8460 §3"),
    /** No {@code rua} URI is {@code mailto:} or {@code https:}: reports cannot be delivered (G5). */
    TLSRPT_RUA_NO_USABLE_URI(Severity.ERROR, "RFC 8460 §3"),
    /** A {@code rua} URI with a scheme other than {@code mailto} or {@code https}: reporters skip it (G5). */
    TLSRPT_RUA_UNSUPPORTED_SCHEME(Severity.WARNING, "RFC 8460 §3"),
    /** Whitespace between the version and the first {@code ;}: legal alone, but senders testing the prefix discard it (A12). */
    RECORD_VERSION_DELIMITER(Severity.WARNING, "RFC 8461 §3.1"),
    /** A field repeated in the record: for {@code _mta-sts} the first wins (A10); for TLS-RPT {@code rua} the URIs are joined (G9). */
    RECORD_FIELD_DUPLICATE(Severity.WARNING, "RFC 8461 §3.1"),
    /** A field not defined by the RFC; ignored by senders (A9, G8). */
    RECORD_EXTENSION_UNKNOWN(Severity.INFO, "RFC 8461 §3.1");

    private final Severity severity;
    private final String reference;

    ProblemCode(Severity severity, String reference) {
        this.severity = severity;
        this.reference = reference;
    }

    /** @return the default severity of this problem */
    public Severity severity() {
        return severity;
    }

    /** @return the RFC section the rule comes from, such as {@code "RFC 8461 §3.2"} */
    public String reference() {
        return reference;
    }
}
