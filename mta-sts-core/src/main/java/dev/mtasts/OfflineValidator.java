package dev.mtasts;

import dev.mtasts.report.ValidationReport;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Validates a domain with {@link OfflineMaterial} in place of the live deployment: the supplied TXT records, policy
 * response and MX records are answered as a resolver and a fetcher would answer them once published, and the report
 * is assembled by the very checks of a live validation, so its findings are those a live run of the same material
 * gives. Made by {@link MtaStsValidator#offline()}; for CI pipelines that check DNS and policy changes before they
 * are published.
 *
 * <p>Two modes, chosen on the builder:
 * <ul>
 *   <li><b>Nothing looked up</b> (the default): no DNS query, no connection, not even a resolver or fetcher
 *       module on the class path. A part the material does not supply is <em>checked as absent</em>, as a live
 *       check of a domain that publishes none sees it: no {@code _mta-sts} or {@code _smtp._tls} record (NXDOMAIN),
 *       no MX record (NODATA, so the domain itself is its implicit MX, RFC 5321 §5.1), no policy host (NXDOMAIN).
 *       The findings follow: leave out the TLS-RPT record and the report says {@code TLSRPT_MISSING}, which is
 *       true of a deployment without one. What the checks need beyond the material stands in place: the policy
 *       host (when a policy is supplied) and each MX host resolve to a placeholder, {@code 192.0.2.1} (RFC 5737,
 *       never connected to), whose answer's detail says it was not looked up; every other name (the deep
 *       diagnostics' look-ups: the domain's own TXT records, {@code _smtp-tlsrpt}, the TLS-RPT destinations,
 *       TLSA) is answered {@code REFUSED} with the detail "not looked up: an offline check answers only from the
 *       supplied material", so those checks say nothing. No MX host is probed.</li>
 *   <li><b>The rest looked up live</b> ({@link Builder#lookUpTheRestWith(Validator)}): the parts supplied replace
 *       their live counterparts, and everything else (the parts not supplied, the MX hosts' addresses, the
 *       diagnostics' names) is looked up and fetched through that validator's resolver, fetcher and address policy,
 *       and its MX probe probes the MX hosts when it has one: a pending change checked against the rest of the
 *       live deployment. Only the policy host of a supplied policy resolves to the placeholder, so that a policy
 *       host not yet published does not hide the supplied policy.</li>
 * </ul>
 *
 * <p>Where a report of supplied material differs from a live one, and why (nothing else differs):
 * <ul>
 *   <li>The material is the response, not the connection: there is no certificate, TLS version or time, so no
 *       {@code POLICY_TLS_*}, {@code POLICY_CERT_EXPIRING}, {@code POLICY_SLOW} or {@code POLICY_TIMEOUT} finding;
 *       a message that names the address a live fetch connected to ({@code "answered HTTP 404 (at 192.0.2.10)"})
 *       leaves it out; the plain-HTTP diagnostic does not run ({@code POLICY_HTTP_ONLY} never appears); a 200
 *       with a {@code Content-Encoding} is refused ({@code POLICY_PROTOCOL_ERROR}) as the fetcher refuses it, with
 *       a detail in words of its own.</li>
 *   <li>Supplied records are answered as published at the name itself: no CNAME chain, not DNSSEC-authenticated,
 *       no TTL.</li>
 *   <li>The body cap is the default fetcher's 64 KiB.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; one validator serves any number of validations, each with its own material.
 *
 * <pre>{@code
 * OfflineMaterial material = OfflineMaterial.builder()
 *         .stsRecord("v=STSv1; id=20260101T000000")
 *         .policy("version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n")
 *         .mx(10, "mx1.example.com")
 *         .tlsRptRecord("v=TLSRPTv1; rua=mailto:tls@example.com")
 *         .build();
 * ValidationReport offline = MtaStsValidator.offline().build().validate("example.com", material);
 * System.out.println(offline.verdict());   // ENFORCING, and nothing was looked up
 *
 * // a new policy, checked against the rest of the live deployment
 * OfflineValidator pending = MtaStsValidator.offline().lookUpTheRestWith(validator).build();
 * ValidationReport next = pending.validate("example.com", OfflineMaterial.builder().policy(text).build());
 * }</pre>
 *
 * @since 0.2.0
 */
public final class OfflineValidator {

    private final Optional<Validator> live;
    private final Clock clock;
    private final ValidationListener listener;
    private final Optional<Executor> executor;
    private final int minimumCleanDays;
    private final Optional<Duration> certificateExpiryWarning;

    private OfflineValidator(Builder b) {
        this.live = b.live;
        this.clock = b.clock;
        this.listener = b.listener;
        this.executor = b.executor;
        this.minimumCleanDays = b.minimumCleanDays;
        this.certificateExpiryWarning = b.certificateExpiryWarning;
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * Validates a domain with the material and waits for the report.
     *
     * @param domain   the policy domain, as typed (see {@link DomainName#of(String)})
     * @param material what stands in place of the live deployment
     * @return the report
     * @throws IllegalArgumentException when the domain is not a valid domain name
     */
    public ValidationReport validate(String domain, OfflineMaterial material) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(material, "material");
        return validate(ValidationRequest.of(domain), material);
    }

    /**
     * Validates a domain with the material and with what is known from before (an earlier snapshot, TLS-RPT
     * evidence), and waits for the report.
     *
     * @param request  the domain and what is known from before
     * @param material what stands in place of the live deployment
     * @return the report
     */
    public ValidationReport validate(ValidationRequest request, OfflineMaterial material) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(material, "material");
        return validatorFor(request.domain(), material).validate(request);
    }

    /**
     * Validates a domain with the material, without blocking.
     *
     * @param request  the domain and what is known from before
     * @param material what stands in place of the live deployment
     * @return the report, when done; never completes exceptionally for network faults
     */
    public CompletableFuture<ValidationReport> validateAsync(ValidationRequest request, OfflineMaterial material) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(material, "material");
        return validatorFor(request.domain(), material).validateAsync(request);
    }

    /** @return true when what the material does not supply is looked up live; false when nothing is */
    public boolean looksUpTheRest() {
        return live.isPresent();
    }

    @Override
    public String toString() {
        return "OfflineValidator[" + live.map(v -> "rest looked up with " + v).orElse("nothing looked up") + "]";
    }

    /** The validator of one validation: the pipeline of a live one, with the material's resolver and fetcher. */
    private Validator validatorFor(DomainName domain, OfflineMaterial material) {
        Validator.Builder b = MtaStsValidator.builder()
                .resolver(new MaterialResolver(domain, material, live.map(Validator::resolver)))
                .fetcher(new MaterialFetcher(domain, material, live.map(Validator::fetcher)))
                .addressPolicy(Placeholder.allowedBeside(live.map(Validator::addressPolicy)
                        .orElse(AddressPolicy.publicOnly())))
                .deadline(live.map(Validator::deadline).orElse(Validator.DEFAULT_DEADLINE))
                .clock(clock)
                .listener(listener)
                .minimumCleanDays(minimumCleanDays)
                .certificateExpiryWarning(certificateExpiryWarning.or(() -> live.map(
                        Validator::certificateExpiryWarning)).orElse(Validator.DEFAULT_CERTIFICATE_EXPIRY_WARNING));
        executor.ifPresent(b::executor);
        live.flatMap(Validator::mxProbe).ifPresentOrElse(b::mxProbe, b::noMxProbe);
        live.ifPresent(v -> b.policyAddressesCompared(v.policyAddressesCompared()));
        return b.build();
    }

    /**
     * Options of an {@link OfflineValidator}; each setter names its default. Not thread-safe; {@link #build()} may
     * be called many times.
     *
     * <pre>{@code
     * OfflineValidator ci = MtaStsValidator.offline()
     *         .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))   // reproducible ids
     *         .build();
     * }</pre>
     *
     * @since 0.2.0
     */
    public static final class Builder {
        private Optional<Validator> live = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private ValidationListener listener = ValidationListener.NONE;
        private Optional<Executor> executor = Optional.empty();
        private int minimumCleanDays = Validator.DEFAULT_MINIMUM_CLEAN_DAYS;
        private Optional<Duration> certificateExpiryWarning = Optional.empty();

        private Builder() {
        }

        /**
         * Looks up and fetches what the material does not supply as this validator does: through its resolver,
         * fetcher and address policy, within its deadline, and probes the MX hosts with its MX probe when it has
         * one, comparing as many policy-host addresses as it does, and warning of expiring certificates as it
         * does unless {@link #certificateExpiryWarning} is set here. Default: nothing is looked up (see
         * {@link OfflineValidator}). The clock, listener, executor and minimum clean days stay this builder's.
         *
         * @param validator the live validator
         * @return this builder
         */
        public Builder lookUpTheRestWith(Validator validator) {
            this.live = Optional.of(Objects.requireNonNull(validator, "validator"));
            return this;
        }

        /**
         * @param clock the clock for report times and new ids; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param listener hears each validation's steps; default {@link ValidationListener#NONE}
         * @return this builder
         */
        public Builder listener(ValidationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param executor where reports are assembled; default: the pool every validator shares
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Optional.of(Objects.requireNonNull(executor, "executor"));
            return this;
        }

        /**
         * @param days how many consecutive clean days of TLS-RPT reports make a {@code testing} policy ready for
         *             {@code enforce}, when a request brings evidence; default
         *             {@link Validator#DEFAULT_MINIMUM_CLEAN_DAYS 14}
         * @return this builder
         * @throws IllegalArgumentException when not between 1 and 366
         */
        public Builder minimumCleanDays(int days) {
            MtaStsValidator.builder().minimumCleanDays(days);   // the same bounds, the same message
            this.minimumCleanDays = days;
            return this;
        }

        /**
         * @param warning how long before a certificate expires the report warns (the policy's {@code max_age}
         *                extends it when longer); default: the live validator's ({@link #lookUpTheRestWith}), else
         *                {@link Validator#DEFAULT_CERTIFICATE_EXPIRY_WARNING 14 days}. Only certificates a live
         *                validator's fetcher or probe saw are judged: the material brings none.
         * @return this builder
         * @throws IllegalArgumentException when not between one hour and 400 days
         */
        public Builder certificateExpiryWarning(Duration warning) {
            MtaStsValidator.builder().certificateExpiryWarning(warning);   // the same bounds, the same message
            this.certificateExpiryWarning = Optional.of(warning);
            return this;
        }

        /** @return the validator */
        public OfflineValidator build() {
            return new OfflineValidator(this);
        }
    }
}
