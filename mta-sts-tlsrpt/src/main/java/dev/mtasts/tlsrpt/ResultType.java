package dev.mtasts.tlsrpt;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code result-type} of a failure detail in a TLS-RPT aggregate report (RFC 8460 §4.3): why sessions failed. A
 * failure detail keeps the text as sent ({@link FailureDetail#resultTypeName()}), so a type the RFC does not define
 * is kept as {@link #UNKNOWN} without losing what the sender wrote.
 *
 * <pre>{@code
 * ResultType type = ResultType.of("certificate-host-mismatch"); // CERTIFICATE_HOST_MISMATCH
 * boolean sts = type.isStsSpecific();                            // false: any TLS policy can fail this way
 * }</pre>
 *
 * @since 0.1.0
 */
public enum ResultType {
    /** {@code starttls-not-supported}: the receiving MX did not offer STARTTLS (§4.3.1). */
    STARTTLS_NOT_SUPPORTED("starttls-not-supported"),
    /** {@code certificate-host-mismatch}: the certificate does not name the MX host (§4.3.1). */
    CERTIFICATE_HOST_MISMATCH("certificate-host-mismatch"),
    /** {@code certificate-expired}: the certificate has expired (§4.3.1). */
    CERTIFICATE_EXPIRED("certificate-expired"),
    /** {@code certificate-not-trusted}: the certificate does not chain to a trusted root (§4.3.1). */
    CERTIFICATE_NOT_TRUSTED("certificate-not-trusted"),
    /** {@code validation-failure}: another validation failure, often with a {@code failure-reason-code}. */
    VALIDATION_FAILURE("validation-failure"),
    /** {@code tlsa-invalid}: the TLSA records could not be validated (§4.3.2). */
    TLSA_INVALID("tlsa-invalid"),
    /** {@code dnssec-invalid}: the DNSSEC chain did not validate (§4.3.2). */
    DNSSEC_INVALID("dnssec-invalid"),
    /** {@code dane-required}: DANE was required but no TLSA record was found (§4.3.2). */
    DANE_REQUIRED("dane-required"),
    /** {@code sts-policy-fetch-error}: the MTA-STS policy could not be fetched (§4.3.3). */
    STS_POLICY_FETCH_ERROR("sts-policy-fetch-error"),
    /** {@code sts-policy-invalid}: the MTA-STS policy did not parse (§4.3.3). */
    STS_POLICY_INVALID("sts-policy-invalid"),
    /** {@code sts-webpki-invalid}: the policy host's certificate did not validate (§4.3.3). */
    STS_WEBPKI_INVALID("sts-webpki-invalid"),
    /** A type RFC 8460 does not define; the report's text is in {@link FailureDetail#resultTypeName()}. */
    UNKNOWN("");

    private final String rfcName;

    ResultType(String rfcName) {
        this.rfcName = rfcName;
    }

    /** @return the name RFC 8460 gives the type ({@code certificate-expired}...), empty for {@link #UNKNOWN} */
    public String rfcName() {
        return rfcName;
    }

    /** @return whether the type is one of the MTA-STS specific results of RFC 8460 §4.3.3 */
    public boolean isStsSpecific() {
        return this == STS_POLICY_FETCH_ERROR || this == STS_POLICY_INVALID || this == STS_WEBPKI_INVALID;
    }

    /**
     * The type a report's {@code result-type} text names, ignoring case and surrounding white space.
     *
     * @param name the text of {@code result-type}
     * @return the type, {@link #UNKNOWN} when RFC 8460 defines no type of that name
     */
    public static ResultType of(String name) {
        Objects.requireNonNull(name, "name");
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (ResultType type : values()) {
            if (type != UNKNOWN && type.rfcName.equals(key)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
