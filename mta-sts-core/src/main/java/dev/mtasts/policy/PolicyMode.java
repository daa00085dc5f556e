package dev.mtasts.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@code mode} of an MTA-STS policy (RFC 8461 §3.2, §5).
 *
 * <pre>{@code
 * PolicyMode.fromToken("enforce");   // Optional[ENFORCE]
 * PolicyMode.fromToken("Enforce");   // Optional.empty(): the value is case-sensitive (C6)
 * PolicyMode.TESTING.token();        // "testing"
 * }</pre>
 *
 * @since 0.1.0
 */
public enum PolicyMode {
    /** No active policy: senders neither enforce nor report (F3). */
    NONE("none"),
    /** Senders deliver anyway and report failures through TLS-RPT (F2). */
    TESTING("testing"),
    /** Senders refuse to deliver to an MX that fails matching or TLS (F1). */
    ENFORCE("enforce");

    private final String token;

    PolicyMode(String token) {
        this.token = token;
    }

    /** @return the value as written in a policy file: {@code none}, {@code testing} or {@code enforce} */
    public String token() {
        return token;
    }

    /**
     * Reads a mode value exactly as RFC 8461 §3.2 spells it (case-sensitive, rule C6).
     *
     * @param token the value from the policy file
     * @return the mode, or empty when the token is not exactly one of the three values
     */
    public static Optional<PolicyMode> fromToken(String token) {
        Objects.requireNonNull(token, "token");
        for (PolicyMode mode : values()) {
            if (mode.token.equals(token)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
