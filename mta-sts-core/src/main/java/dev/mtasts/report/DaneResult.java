package dev.mtasts.report;

import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TlsaRecord;

import java.util.List;
import java.util.Objects;

/**
 * The DANE check of one MX host (RFC 7672): its TLSA answer, which records match the chain the probe saw, and what
 * DANE senders make of it. An immutable value.
 *
 * <pre>{@code
 * DaneResult dane = report.mxHosts().get(0).dane().orElseThrow();   // a validator with a probe
 * dane.status();            // VALID, say
 * dane.matched();           // [3 1 1 0c72ac70...]
 * dane.rolloverReady();     // true: a second usable record waits for the next key
 * }</pre>
 *
 * @param status        what DANE senders make of the host
 * @param tlsa          the TLSA answer for {@code _25._tcp.<host>}
 * @param matched       the usable records that match what every probed address presented
 * @param rolloverReady true when the record set also holds a usable record that matches nothing presented: the
 *                      next key or trust anchor, published ahead of a rollover, as RFC 7671 §8 recommends
 * @param detail        a sentence for people on how the status was reached
 * @since 0.1.0
 */
public record DaneResult(DaneStatus status, TlsaAnswer tlsa, List<TlsaRecord> matched, boolean rolloverReady,
                         String detail) {

    /** Validates and copies the components. */
    public DaneResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tlsa, "tlsa");
        matched = List.copyOf(Objects.requireNonNull(matched, "matched"));
        Objects.requireNonNull(detail, "detail");
    }
}
