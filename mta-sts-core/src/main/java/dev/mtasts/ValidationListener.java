package dev.mtasts;

import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.DnsAnswer;

/**
 * Hears the steps of each validation, to show progress or collect metrics. Extend it and override what you need;
 * every method does nothing by default, so new events can be added without breaking listeners.
 *
 * <pre>
 * validationStarted
 *   ├─ dnsAnswered (_mta-sts TXT) ─┐
 *   ├─ dnsAnswered (MX)            │ in any order,
 *   ├─ dnsAnswered (_smtp._tls TXT)│ concurrently
 *   └─ dnsAnswered (mta-sts A/AAAA)┘
 *        └─ policyFetchStarted ── policyFetchEnded     (when an address was allowed)
 *   └─ mxProbeEnded, once per MX host probed           (when a probe is configured)
 * validationEnded
 * </pre>
 *
 * <p>Methods are called on the threads that complete the look-ups, possibly concurrently for one validation and
 * for many: they must be fast, thread-safe and must not block. They should not throw; an exception is logged
 * and otherwise ignored, and never changes the report.
 *
 * <pre>{@code
 * Map<DomainName, Duration> timings = new ConcurrentHashMap<>();
 * Validator validator = MtaStsValidator.builder()
 *         .listener(new ValidationListener() {
 *             @Override
 *             public void validationEnded(ValidationReport report) {
 *                 timings.put(report.domain(), report.elapsed());   // or a metrics library's timer
 *             }
 *         })
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public abstract class ValidationListener {

    /** A listener that hears nothing: the default. */
    public static final ValidationListener NONE = new ValidationListener() {
    };

    /** For subclasses. */
    protected ValidationListener() {
    }

    /**
     * A validation starts; its look-ups are about to be sent.
     *
     * @param domain the policy domain
     */
    public void validationStarted(DomainName domain) {
    }

    /**
     * One DNS look-up of the validation has an answer (or failed, or ran out of time).
     *
     * @param domain the policy domain being validated
     * @param answer the answer; {@code answer.result().name()} says which name was asked
     */
    public void dnsAnswered(DomainName domain, DnsAnswer answer) {
    }

    /**
     * The policy fetch starts, to the addresses the address policy allowed.
     *
     * @param domain  the policy domain
     * @param request the request given to the fetcher
     */
    public void policyFetchStarted(DomainName domain, PolicyFetchRequest request) {
    }

    /**
     * The policy fetch ended, whatever its outcome.
     *
     * @param domain the policy domain
     * @param fetch  what the fetcher observed
     */
    public void policyFetchEnded(DomainName domain, PolicyFetch fetch) {
    }

    /**
     * An MX host's STARTTLS probe ended (after its addresses were looked up and vetted).
     *
     * @param domain the domain being validated
     * @param probe  the host's probe
     */
    public void mxProbeEnded(DomainName domain, dev.mtasts.probe.MxProbe probe) {
    }

    /**
     * The report is ready; the validation's future completes next.
     *
     * @param report the report
     */
    public void validationEnded(ValidationReport report) {
    }
}
