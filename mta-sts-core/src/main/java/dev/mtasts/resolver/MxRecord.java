package dev.mtasts.resolver;

import dev.mtasts.DomainName;
import java.util.Objects;

/**
 * One MX resource record: a preference (lower is tried first) and the host that accepts mail.
 *
 * <p>The null MX of RFC 7505 ({@code MX 0 .}) has no host and is never an {@code MxRecord}; see
 * {@link MxAnswer#nullMx()}. This type is an immutable value.
 *
 * <pre>{@code
 * MxRecord mx = new MxRecord(10, DomainName.of("mx1.example.com."));
 * mx.host().value();   // "mx1.example.com"
 * }</pre>
 *
 * @param preference the preference, 0 to 65535
 * @param host       the mail exchanger
 * @since 0.1.0
 */
public record MxRecord(int preference, DomainName host) {

    /**
     * @throws IllegalArgumentException if the preference is outside 0 to 65535
     * @throws NullPointerException     if the host is null
     */
    public MxRecord {
        if (preference < 0 || preference > 65535) {
            throw new IllegalArgumentException("MX preference " + preference + " is outside 0..65535");
        }
        Objects.requireNonNull(host, "host");
    }
}
