package dev.mtasts;

import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.DnsAnswer;
import java.net.InetAddress;

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
 *        ├─ policyFetchStarted ── policyFetchEnded     (when an address was allowed)
 *        └─ policyAddressFetchEnded, per further address (when two or more were allowed,
 *                                                         alongside the fetch above)
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
     * The policy was fetched from one address of the policy host on its own, to compare what the host's addresses
     * serve (a CDN or an anycast set-up can disagree with itself). Heard once for each address compared beyond the
     * first, whose answer is the one {@link #policyFetchEnded} hears; not at all when the host has one allowed
     * address. These fetches run while the validation's own fetch does: this may be heard before or after it.
     *
     * <pre>{@code
     * ValidationListener perAddress = new ValidationListener() {
     *     @Override
     *     public void policyAddressFetchEnded(DomainName domain, InetAddress address, PolicyFetch fetch) {
     *         System.out.println(domain + " at " + address.getHostAddress() + ": " + fetch.outcome());
     *     }
     * };
     * }</pre>
     *
     * @param domain  the policy domain
     * @param address the address fetched from
     * @param fetch   what the fetcher observed there
     * @since 0.2.0
     */
    public void policyAddressFetchEnded(DomainName domain, InetAddress address, PolicyFetch fetch) {
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
