package dev.mtasts;

import dev.mtasts.report.ValidationReport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The entry point: validates a domain's MTA-STS deployment (RFC 8461) and TLS-RPT record (RFC 8460) in one line,
 * with the defaults found on the class path, or hands out a {@link Validator.Builder} for anything else.
 *
 * <pre>{@code
 * // one line; defaults found with ServiceLoader (mta-sts-dns and mta-sts-http on the class path)
 * ValidationReport report = MtaStsValidator.validate("example.com");
 * CompletableFuture<ValidationReport> future = MtaStsValidator.validateAsync("example.com");
 *
 * // configured, immutable, thread-safe, reusable
 * Validator validator = MtaStsValidator.builder()
 *         .resolver(DnsjavaResolver.builder().nameserver("9.9.9.9").timeout(Duration.ofSeconds(3)).build())
 *         .fetcher(HttpsPolicyFetcher.builder().build())
 *         .build();
 * ValidationReport r = validator.validate("example.com");
 * }</pre>
 *
 * <p>The one-liners share one {@link Validator} with every default, built on first use; it is the validator
 * {@code builder().build()} makes, so a report never depends on which of the two ways led to the defaults.
 *
 * @since 0.1.0
 */
public final class MtaStsValidator {

    private static volatile Validator defaults;

    private MtaStsValidator() {
    }

    /**
     * Validates a domain with the defaults and waits for the report (at most {@link Validator#DEFAULT_DEADLINE}
     * plus a second).
     *
     * @param domain the policy domain, as typed (see {@link DomainName#of(String)})
     * @return the report
     * @throws IllegalArgumentException when the domain is not a valid domain name
     * @throws IllegalStateException    naming the missing module when {@code mta-sts-dns} or {@code mta-sts-http}
     *                                  is not on the class path
     */
    public static ValidationReport validate(String domain) {
        Objects.requireNonNull(domain, "domain");
        return defaults().validate(domain);
    }

    /**
     * Validates a domain with the defaults, without blocking.
     *
     * @param domain the policy domain, as typed
     * @return the report, when done; never completes exceptionally for network faults
     * @throws IllegalArgumentException when the domain is not a valid domain name
     * @throws IllegalStateException    naming the missing module when a default is not on the class path
     */
    public static CompletableFuture<ValidationReport> validateAsync(String domain) {
        Objects.requireNonNull(domain, "domain");
        return defaults().validateAsync(domain);
    }

    /**
     * A builder of a {@link Validator}; every option has a default, so {@code builder().build()} is the validator
     * the one-liners use.
     *
     * @return a new builder
     */
    public static Validator.Builder builder() {
        return Validator.builder();
    }

    /**
     * A builder of an {@link OfflineValidator}: validates a domain with caller-supplied material (TXT records, the
     * policy with its HTTP status and headers, MX records) in place of the live deployment, with the findings a
     * live run of that material gives; by default nothing at all is looked up, and a part not supplied is checked
     * as absent.
     *
     * <pre>{@code
     * ValidationReport report = MtaStsValidator.offline().build().validate("example.com", OfflineMaterial.builder()
     *         .stsRecord("v=STSv1; id=20260101T000000")
     *         .policy("version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 86400\n")
     *         .mx(10, "mx1.example.com")
     *         .build());
     * report.findings(FindingCode.TLSRPT_MISSING);   // one WARNING: no TLS-RPT record was supplied
     * }</pre>
     *
     * @return a new builder
     * @since 0.2.0
     */
    public static OfflineValidator.Builder offline() {
        return OfflineValidator.builder();
    }

    private static Validator defaults() {
        Validator v = defaults;
        if (v == null) {
            synchronized (MtaStsValidator.class) {
                v = defaults;
                if (v == null) {
                    v = builder().build();   // throws, naming the missing module, until it is on the class path
                    defaults = v;
                }
            }
        }
        return v;
    }
}
