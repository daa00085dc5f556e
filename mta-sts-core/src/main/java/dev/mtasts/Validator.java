package dev.mtasts;

import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.plan.ChangePlan;
import dev.mtasts.plan.ChangePlanner;
import dev.mtasts.plan.ChangeRequest;
import dev.mtasts.probe.MxTlsProbe;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.DnsResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A configured validator: validates domains' MTA-STS deployments (RFC 8461) and TLS-RPT records (RFC 8460) and
 * returns one {@link ValidationReport} each. Made by {@link MtaStsValidator#builder()}.
 *
 * <p>Immutable and thread-safe: build one and share it. The SPIs are asynchronous, so one validator keeps
 * thousands of validations in flight without a thread each. A validation's look-ups that do not depend on each
 * other run together, so it takes about as long as its critical path (the policy host's addresses, then the
 * fetch), not the sum of its steps.
 *
 * <p>Network faults are findings, never exceptions: every {@code validate} returns a report for every domain
 * {@link DomainName#of(String)} accepts, within the {@linkplain Builder#deadline(Duration) deadline}; only a
 * malformed domain argument throws ({@code IllegalArgumentException} naming the problem).
 *
 * <pre>{@code
 * Validator validator = MtaStsValidator.builder()
 *         .resolver(DnsjavaResolver.builder().nameserver("9.9.9.9").build())
 *         .deadline(Duration.ofSeconds(75))
 *         .build();
 * ValidationReport report = validator.validate("example.com");
 * CompletableFuture<ValidationReport> later = validator.validateAsync("example.org");
 * ValidationReport next = report.snapshot()                       // present once a record and a policy were seen
 *         .map(seen -> validator.validate("example.com", seen))   // flags a policy changed without a new id
 *         .orElseGet(() -> validator.validate("example.com"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Validator {

    /**
     * The default overall deadline of one validation: 75 seconds, so that a slow policy host gets the minute
     * RFC 8461 §3.3 suggests senders wait, after the DNS look-ups and with time for diagnostics.
     */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(75);

    /**
     * The default number of consecutive clean days of TLS-RPT reports that promotion to {@code enforce} needs: 14,
     * the short end of the 14 to 30 days the usual rollout advice gives.
     */
    public static final int DEFAULT_MINIMUM_CLEAN_DAYS = 14;

    /**
     * The default least time a certificate of the policy host or of a probed MX host must stay valid before the
     * report warns ({@code POLICY_CERT_EXPIRING}, {@code MX_CERT_EXPIRING}): 14 days. The {@code max_age} of the
     * policy senders apply extends it when longer.
     */
    public static final Duration DEFAULT_CERTIFICATE_EXPIRY_WARNING = Duration.ofDays(14);

    /**
     * The default number of addresses of the policy host whose policies are fetched and compared
     * ({@code POLICY_ADDRESSES_DIFFER}): 8, the most a CDN or anycast provider usually publishes (four A and four
     * AAAA records).
     */
    public static final int DEFAULT_POLICY_ADDRESSES_COMPARED = 8;

    /** How much longer than the deadline the blocking {@code validate} waits before it gives up. */
    static final Duration BLOCKING_SLACK = Duration.ofSeconds(1);

    private final DnsResolver resolver;
    private final PolicyFetcher fetcher;
    private final Optional<MxTlsProbe> mxProbe;
    private final AddressPolicy addressPolicy;
    private final Duration deadline;
    private final Clock clock;
    private final SafeListener listener;
    private final Executor executor;
    private final int minimumCleanDays;
    private final Duration certificateExpiryWarning;
    private final int policyAddressesCompared;

    private Validator(Builder b) {
        this.resolver = b.resolver != null ? b.resolver : DefaultProviders.resolver();
        this.fetcher = b.fetcher != null ? b.fetcher : DefaultProviders.fetcher();
        this.mxProbe = b.mxProbeSet ? b.mxProbe : DefaultProviders.mxProbe();
        this.addressPolicy = b.addressPolicy;
        this.deadline = b.deadline;
        this.clock = b.clock;
        this.listener = new SafeListener(b.listener);
        this.executor = b.executor != null ? b.executor : DefaultExecutor.get();
        this.minimumCleanDays = b.minimumCleanDays;
        this.certificateExpiryWarning = b.certificateExpiryWarning;
        this.policyAddressesCompared = b.policyAddressesCompared;
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * Validates a domain and waits for the report (at most the deadline plus a second).
     *
     * @param domain the policy domain, as typed (see {@link DomainName#of(String)})
     * @return the report
     * @throws IllegalArgumentException when the domain is not a valid domain name
     * @throws IllegalStateException    when the calling thread is interrupted (the interrupt flag is restored)
     */
    public ValidationReport validate(String domain) {
        return await(validateAsync(domain), domain);
    }

    /**
     * Validates a domain against a snapshot of an earlier validation, and waits for the report.
     *
     * @param domain   the policy domain, as typed
     * @param previous the earlier snapshot ({@link ValidationReport#snapshot()})
     * @return the report, which flags a policy that changed while its id did not
     * @throws IllegalArgumentException when the domain is not a valid domain name
     */
    public ValidationReport validate(String domain, PolicySnapshot previous) {
        return await(validateAsync(domain, previous), domain);
    }

    /**
     * Validates a domain and waits for the report.
     *
     * @param domain the policy domain
     * @return the report
     */
    public ValidationReport validate(DomainName domain) {
        return await(validateAsync(domain), domain.value());
    }

    /**
     * Validates a domain against a snapshot of an earlier validation, and waits for the report.
     *
     * @param domain   the policy domain
     * @param previous the earlier snapshot
     * @return the report
     */
    public ValidationReport validate(DomainName domain, PolicySnapshot previous) {
        return await(validateAsync(domain, previous), domain.value());
    }

    /**
     * Validates a domain without blocking.
     *
     * @param domain the policy domain, as typed
     * @return the report, when done; never completes exceptionally for network faults
     * @throws IllegalArgumentException when the domain is not a valid domain name
     */
    public CompletableFuture<ValidationReport> validateAsync(String domain) {
        Objects.requireNonNull(domain, "domain");
        return validateAsync(DomainName.of(domain));
    }

    /**
     * Validates a domain against a snapshot of an earlier validation, without blocking.
     *
     * @param domain   the policy domain, as typed
     * @param previous the earlier snapshot ({@link ValidationReport#snapshot()})
     * @return the report, when done; never completes exceptionally for network faults
     * @throws IllegalArgumentException when the domain is not a valid domain name
     */
    public CompletableFuture<ValidationReport> validateAsync(String domain, PolicySnapshot previous) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(previous, "previous");
        return validateAsync(DomainName.of(domain), previous);
    }

    /**
     * Validates a domain without blocking.
     *
     * @param domain the policy domain
     * @return the report, when done; never completes exceptionally for network faults
     */
    public CompletableFuture<ValidationReport> validateAsync(DomainName domain) {
        Objects.requireNonNull(domain, "domain");
        return validateAsync(ValidationRequest.of(domain));
    }

    /**
     * Validates a domain against a snapshot of an earlier validation, without blocking.
     *
     * @param domain   the policy domain
     * @param previous the earlier snapshot
     * @return the report, when done; never completes exceptionally for network faults
     */
    public CompletableFuture<ValidationReport> validateAsync(DomainName domain, PolicySnapshot previous) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(previous, "previous");
        return validateAsync(ValidationRequest.of(domain).withPrevious(previous));
    }

    /**
     * Validates a domain with what is known from before (an earlier snapshot, TLS-RPT evidence), and waits for the
     * report.
     *
     * <pre>{@code
     * ValidationReport r = validator.validate(ValidationRequest.of("example.com"));
     * }</pre>
     *
     * @param request the domain and what is known from before
     * @return the report
     */
    public ValidationReport validate(ValidationRequest request) {
        Objects.requireNonNull(request, "request");
        return await(validateAsync(request), request.domain().value());
    }

    /**
     * Validates a domain with what is known from before, without blocking.
     *
     * @param request the domain and what is known from before
     * @return the report, when done; never completes exceptionally for network faults
     */
    public CompletableFuture<ValidationReport> validateAsync(ValidationRequest request) {
        Objects.requireNonNull(request, "request");
        return new ValidationRun(this, listener, request).start();
    }

    /**
     * Plans an MX or policy change: validates the domain as it is now, then plans the change from that report with
     * this validator's {@linkplain #clock() clock} ({@link ChangePlanner#plan}). The plan says what the change would
     * do to mail if made at once, and the safe order of steps (RFC 8461 §8.1) with their dates and texts.
     *
     * <pre>{@code
     * ChangeRequest move = ChangeRequest.builder().newMx("mx2.example.com").build();
     * ChangePlan plan = validator.plan("example.com", move).join();
     * plan.steps().forEach(s -> System.out.println(s.number() + ". " + s.earliest() + "  " + s.instruction()));
     * }</pre>
     *
     * @param domain the policy domain, as typed
     * @param change the change
     * @return the plan, when the validation is done; never completes exceptionally for network faults (a validation
     *         that could not run gives a plan with status {@code UNKNOWN})
     * @throws IllegalArgumentException when the domain is not a valid domain name
     * @since 0.2.0
     */
    public CompletableFuture<ChangePlan> plan(String domain, ChangeRequest change) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(change, "change");
        DomainName name = DomainName.of(domain);
        return validateAsync(name).thenApply(report -> ChangePlanner.plan(report, change, clock));
    }

    /**
     * Validates many domains with the {@linkplain BulkOptions#defaults() default options} and hands on each result as
     * its validation ends; returns when every result has been handed on. See
     * {@link #validateAll(Iterator, BulkOptions, Consumer)}.
     *
     * <pre>{@code
     * // not run: reads a file of the reader's
     * try (Stream<String> lines = Files.lines(Path.of("domains.txt"))) {
     *     BulkSummary summary = validator.validateAll(lines, result -> result.report()
     *             .ifPresent(r -> LoggerFactory.getLogger("scan").info("{} {}", r.domain(), r.verdict())));
     * }
     * }</pre>
     *
     * @param domains  the domains, one an element, read lazily (a stream of a file's lines is never read ahead)
     * @param onResult called with each result, one at a time
     * @return the counts
     * @throws InterruptedException when the calling thread is interrupted while waiting for a free slot
     */
    public BulkSummary validateAll(Stream<String> domains, Consumer<BulkResult> onResult)
            throws InterruptedException {
        return validateAll(domains, BulkOptions.defaults(), onResult);
    }

    /**
     * Validates many domains and hands on each result as its validation ends. See
     * {@link #validateAll(Iterator, BulkOptions, Consumer)}.
     *
     * @param domains  the domains, one an element, read lazily
     * @param options  the bound on validations in flight, the input parser and the request of each domain
     * @param onResult called with each result, one at a time
     * @return the counts
     * @throws InterruptedException when the calling thread is interrupted while waiting for a free slot
     */
    public BulkSummary validateAll(Stream<String> domains, BulkOptions options, Consumer<BulkResult> onResult)
            throws InterruptedException {
        Objects.requireNonNull(domains, "domains");
        return validateAll(domains.iterator(), options, onResult);
    }

    /**
     * Validates many domains, with at most {@link BulkOptions#maxInFlight()} in flight, and hands on each result as
     * its validation ends (in the order they end, not the input order); returns when every result has been handed
     * on.
     *
     * <ul>
     *   <li>Backpressure: the calling thread reads the next input only once a slot is free, so the inputs are read
     *       as fast as validations end and no faster; nothing is kept once handed on, so memory stays flat however
     *       many inputs there are.</li>
     *   <li>Every input read yields exactly one result: a report, an input error (not a domain name), or, only for
     *       a bug or a caller's SPI that never answers, a failure. A skipped input (blank, by default) yields none
     *       and is counted.</li>
     *   <li>Each validation has this validator's {@linkplain #deadline() deadline} from its own start: a slow domain
     *       holds one slot, never the others. A validation still running a few seconds after its deadline (a
     *       caller's SPI that never answers) becomes a failure, so the call always returns.</li>
     *   <li>{@code onResult} is called one result at a time (never concurrently), from the thread that ended the
     *       validation, or the calling thread for an input error; it should be quick. If it throws, no more inputs
     *       are read, the validations in flight end, and the exception is rethrown.</li>
     *   <li>An interrupt stops it at once: no more inputs are read, results still to come are dropped, and
     *       {@code InterruptedException} is thrown.</li>
     * </ul>
     *
     * <pre>{@code
     * BulkSummary summary = validator.validateAll(List.of("example.com", "example.org").iterator(),
     *         BulkOptions.builder().maxInFlight(64).build(),
     *         result -> result.report().ifPresent(progress::validationEnded));
     * assert summary.reports() == 2;
     * }</pre>
     *
     * @param domains  the domains, one an element; an element is never {@code null}
     * @param options  the bound on validations in flight, the input parser and the request of each domain
     * @param onResult called with each result, one at a time
     * @return the counts
     * @throws InterruptedException when the calling thread is interrupted while waiting for a free slot
     * @throws NullPointerException when an element is {@code null}
     * @since 1.1.0
     */
    public BulkSummary validateAll(Iterator<String> domains, BulkOptions options, Consumer<BulkResult> onResult)
            throws InterruptedException {
        Objects.requireNonNull(domains, "domains");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(onResult, "onResult");
        return new BulkRun(this, options, onResult).run(domains);
    }

    /**
     * @return how many consecutive clean days of {@code sts} TLS-RPT reports make a {@code testing} policy ready for
     *         {@code enforce}, when evidence is given
     */
    public int minimumCleanDays() {
        return minimumCleanDays;
    }

    /**
     * @return the least time a certificate must stay valid before the report warns that it is about to expire (the
     *         policy's {@code max_age} extends it when longer)
     */
    public Duration certificateExpiryWarning() {
        return certificateExpiryWarning;
    }

    /**
     * @return how many addresses of the policy host have their policy fetched and compared; 1 when only the
     *         validation's own fetch is made
     */
    public int policyAddressesCompared() {
        return policyAddressesCompared;
    }

    /** @return the resolver every look-up goes through */
    public DnsResolver resolver() {
        return resolver;
    }

    /** @return the policy fetcher */
    public PolicyFetcher fetcher() {
        return fetcher;
    }

    /** @return the MX probe, when MX hosts are probed */
    public Optional<MxTlsProbe> mxProbe() {
        return mxProbe;
    }

    /** @return which addresses the validator may connect to */
    public AddressPolicy addressPolicy() {
        return addressPolicy;
    }

    /** @return the overall deadline of one validation */
    public Duration deadline() {
        return deadline;
    }

    /** @return the clock for report times, certificate expiry and new ids */
    public Clock clock() {
        return clock;
    }

    /** @return where reports are assembled */
    public Executor executor() {
        return executor;
    }

    @Override
    public String toString() {
        return "Validator[resolver=" + resolver + ", fetcher=" + fetcher + ", mxProbe="
                + mxProbe.map(Object::toString).orElse("none") + ", deadline=" + deadline + "]";
    }

    private ValidationReport await(CompletableFuture<ValidationReport> future, String domain) {
        try {
            return future.get(deadline.plus(BLOCKING_SLACK).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("interrupted while validating " + domain, e);
        } catch (ExecutionException e) {
            Throwable cause = ValidationRun.unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("validation of " + domain + " did not finish within its deadline", e);
        }
    }

    /**
     * Options of a {@link Validator}; each setter names its default and fails fast on a bad value. Not
     * thread-safe; {@link #build()} may be called many times and gives independent validators.
     *
     * <pre>{@code
     * Validator validator = MtaStsValidator.builder()
     *         .addressPolicy(AddressPolicy.allowAll())     // an internal deployment
     *         .deadline(Duration.ofSeconds(20))
     *         .listener(progress)
     *         .build();
     * }</pre>
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private DnsResolver resolver;
        private PolicyFetcher fetcher;
        private Optional<MxTlsProbe> mxProbe = Optional.empty();
        private boolean mxProbeSet;
        private AddressPolicy addressPolicy = AddressPolicy.publicOnly();
        private Duration deadline = DEFAULT_DEADLINE;
        private Clock clock = Clock.systemUTC();
        private ValidationListener listener = ValidationListener.NONE;
        private Executor executor;
        private int minimumCleanDays = DEFAULT_MINIMUM_CLEAN_DAYS;
        private Duration certificateExpiryWarning = DEFAULT_CERTIFICATE_EXPIRY_WARNING;
        private int policyAddressesCompared = DEFAULT_POLICY_ADDRESSES_COMPARED;

        private Builder() {
        }

        /**
         * How many addresses of {@code mta-sts.<domain>} have the policy fetched from each of them on its own and
         * compared ({@code POLICY_ADDRESSES_DIFFER}: CDN edges or anycast sites that serve different policies). The
         * validation's own fetch stands for the first address, so each further address costs one more HTTPS
         * request, made in parallel with it; a bulk scan of domains behind CDNs can lower this to trade the
         * comparison for speed.
         *
         * <pre>{@code
         * Validator scanner = MtaStsValidator.builder()
         *         .policyAddressesCompared(1)   // one fetch per domain: no comparison of the addresses
         *         .build();
         * }</pre>
         *
         * @param addresses 1 (no comparison, no further request) to 8; default
         *                  {@link #DEFAULT_POLICY_ADDRESSES_COMPARED 8}. Beyond the limit, IPv4 and IPv6 addresses
         *                  are taken in turn.
         * @return this builder
         * @throws IllegalArgumentException when not between 1 and 8
         */
        public Builder policyAddressesCompared(int addresses) {
            if (addresses < 1 || addresses > DEFAULT_POLICY_ADDRESSES_COMPARED) {
                throw new IllegalArgumentException("policyAddressesCompared must be 1 to "
                        + DEFAULT_POLICY_ADDRESSES_COMPARED + ", not " + addresses);
            }
            this.policyAddressesCompared = addresses;
            return this;
        }

        /**
         * How long before a certificate of the policy host or of a probed MX host expires the report warns
         * ({@code POLICY_CERT_EXPIRING}, {@code MX_CERT_EXPIRING}, naming the date). The {@code max_age} of the policy
         * senders apply extends it when longer, since a policy cached now binds senders that long; so with a
         * {@code max_age} of a year, a certificate that is renewed every 90 days is always reported.
         *
         * <pre>{@code
         * Validator validator = MtaStsValidator.builder()
         *         .certificateExpiryWarning(Duration.ofDays(30))   // Let's Encrypt renews 30 days before expiry
         *         .build();
         * }</pre>
         *
         * @param warning the least time left; default {@link #DEFAULT_CERTIFICATE_EXPIRY_WARNING 14 days}
         * @return this builder
         * @throws IllegalArgumentException when not between one hour and 400 days
         */
        public Builder certificateExpiryWarning(Duration warning) {
            Objects.requireNonNull(warning, "warning");
            if (warning.compareTo(Duration.ofHours(1)) < 0 || warning.compareTo(Duration.ofDays(400)) > 0) {
                throw new IllegalArgumentException("certificateExpiryWarning must be one hour to 400 days, not "
                        + warning);
            }
            this.certificateExpiryWarning = warning;
            return this;
        }

        /**
         * @param days how many consecutive clean days of {@code sts} TLS-RPT reports, up to the newest, make a
         *             {@code testing} policy ready for {@code enforce} when a validation is given evidence
         *             ({@link ValidationRequest#withEvidence}); default {@link #DEFAULT_MINIMUM_CLEAN_DAYS 14}
         * @return this builder
         * @throws IllegalArgumentException when not between 1 and 366
         */
        public Builder minimumCleanDays(int days) {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("minimumCleanDays must be 1 to 366, not " + days);
            }
            this.minimumCleanDays = days;
            return this;
        }

        /**
         * @param resolver the DNS resolver every look-up goes through; default: the one {@code mta-sts-dns}
         *                 registers ({@code DnsjavaResolver} with its defaults: the system's name servers, 3 seconds
         *                 per query)
         * @return this builder
         */
        public Builder resolver(DnsResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * @param fetcher the policy fetcher; default: the one {@code mta-sts-http} registers
         *                ({@code HttpsPolicyFetcher.builder().build()}: the JDK's trust store, port 443, the
         *                plain-HTTP diagnostic on)
         * @return this builder
         */
        public Builder fetcher(PolicyFetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /**
         * Probes every MX host with this probe: STARTTLS and the certificate on each address, and DANE.
         *
         * <p>Default: the probe {@code mta-sts-smtp} registers ({@code StartTlsProbe.builder().build()}: port 25,
         * the JDK's trust store) when that module is on the class path, none otherwise. Outbound port 25 is blocked
         * on many laptops and clouds; hosts that cannot be reached are reported as not probed, never as broken.
         *
         * @param probe the probe
         * @return this builder
         */
        public Builder mxProbe(MxTlsProbe probe) {
            this.mxProbe = Optional.of(Objects.requireNonNull(probe, "probe"));
            this.mxProbeSet = true;
            return this;
        }

        /**
         * Probes no MX host, even with {@code mta-sts-smtp} on the class path: the report then checks the MX
         * hosts' names and addresses only, and promotion readiness says the transport was not checked.
         *
         * @return this builder
         */
        public Builder noMxProbe() {
            this.mxProbe = Optional.empty();
            this.mxProbeSet = true;
            return this;
        }

        /**
         * @param addressPolicy which resolved addresses may be connected to; default
         *                      {@link AddressPolicy#publicOnly()}, because the validator is embedded behind web forms;
         *                      {@link AddressPolicy#allowAll()} for internal deployments and test sandboxes
         * @return this builder
         */
        public Builder addressPolicy(AddressPolicy addressPolicy) {
            this.addressPolicy = Objects.requireNonNull(addressPolicy, "addressPolicy");
            return this;
        }

        /**
         * @param deadline the overall deadline of one validation; default {@link #DEFAULT_DEADLINE 75 seconds}.
         *                 The policy fetch gets what is left after the DNS look-ups, one minute and five seconds at
         *                 most; each look-up gets 20 seconds at most
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isZero() || deadline.isNegative()) {
                throw new IllegalArgumentException("deadline must be positive, not " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        /**
         * @param listener hears each validation's steps, for progress and metrics; default
         *                 {@link ValidationListener#NONE}
         * @return this builder
         */
        public Builder listener(ValidationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param clock the clock for report times, certificate expiry and new ids; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param executor where reports are assembled; default: a pool shared by every validator,
         *                 {@code max(2, CPUs)} daemon threads (not the common pool, which on a small machine starts
         *                 a thread per task)
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @return the validator
         * @throws IllegalStateException naming the missing module when no resolver or fetcher was set and none is
         *                               on the class path
         */
        public Validator build() {
            return new Validator(this);
        }
    }
}
