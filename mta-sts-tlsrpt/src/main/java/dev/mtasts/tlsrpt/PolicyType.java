package dev.mtasts.tlsrpt;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code policy-type} of a policy in a TLS-RPT aggregate report (RFC 8460 §4.4): which policy the sending MTA
 * applied. A report keeps the type's text as sent ({@link PolicyReport#policyTypeName()}), so a type this library
 * does not know is kept as {@link #UNKNOWN} without losing what the sender wrote.
 *
 * <pre>{@code
 * PolicyType type = PolicyType.of("sts");             // STS
 * PolicyType other = PolicyType.of("x-experimental"); // UNKNOWN
 * String name = PolicyType.NO_POLICY_FOUND.rfcName();  // "no-policy-found"
 * }</pre>
 *
 * @since 0.1.0
 */
public enum PolicyType {
    /** {@code sts}: the sender applied the domain's MTA-STS policy (RFC 8461). */
    STS("sts"),
    /** {@code tlsa}: the sender applied DANE TLSA records (RFC 6698). */
    TLSA("tlsa"),
    /** {@code no-policy-found}: the sender found neither an MTA-STS policy nor TLSA records. */
    NO_POLICY_FOUND("no-policy-found"),
    /** A type RFC 8460 does not define; the report's text is in {@link PolicyReport#policyTypeName()}. */
    UNKNOWN("");

    private final String rfcName;

    PolicyType(String rfcName) {
        this.rfcName = rfcName;
    }

    /** @return the name RFC 8460 gives the type ({@code sts}...), empty for {@link #UNKNOWN} */
    public String rfcName() {
        return rfcName;
    }

    /**
     * The type a report's {@code policy-type} text names, ignoring case and surrounding white space.
     *
     * @param name the text of {@code policy-type}
     * @return the type, {@link #UNKNOWN} when RFC 8460 defines no type of that name
     */
    public static PolicyType of(String name) {
        Objects.requireNonNull(name, "name");
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (PolicyType type : values()) {
            if (type != UNKNOWN && type.rfcName.equals(key)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
