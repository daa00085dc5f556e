package dev.mtasts;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcher;
import dev.mtasts.fetcher.PolicyFetcherFactory;
import dev.mtasts.fetcher.PolicyFetcherSettings;
import dev.mtasts.report.Observations;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.DnsResolverFactory;
import dev.mtasts.resolver.DnsResolverSettings;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.validate.ReportAssembler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a domain's MTA-STS deployment (RFC 8461) and TLS-RPT record (RFC 8460) and returns one
 * {@link ValidationReport}.
 *
 * <p>The look-ups that do not depend on each other start together: {@code _mta-sts} TXT, MX, {@code _smtp._tls}
 * TXT and the policy host's addresses; the HTTPS fetch starts as soon as those addresses are known and pass the
 * {@link AddressPolicy}. So one validation takes about as long as its critical path (addresses, then fetch), not
 * the sum of its steps. Network faults become findings; {@code validate} returns a report for every domain it
 * accepts and throws only for a malformed domain argument.
 *
 * <p>Immutable and thread-safe: build one and share it; thousands of validations can be in flight at once, since
 * the SPIs are asynchronous.
 *
 * <pre>{@code
 * // defaults found with ServiceLoader (mta-sts-dns and mta-sts-http on the class path)
 * ValidationReport report = MtaStsValidator.defaults().validate("example.com");
 *
 * MtaStsValidator validator = MtaStsValidator.builder()
 *         .resolver(DnsjavaResolver.builder().nameserver("9.9.9.9").build())
 *         .fetcher(HttpsPolicyFetcher.builder().build())
 *         .deadline(Duration.ofSeconds(20))
 *         .build();
 * CompletableFuture<ValidationReport> future = validator.validateAsync("example.com");
 * }</pre>
 *
 * <p>Why {@code defaults().validate(d)} and not a static {@code validate(d)}: Java does not allow a static and an
 * instance method with the same signature in one class, and the instance method {@code validate(String)} is the
 * one embedding code calls.
 *
 * @since 0.1.0
 */
public final class MtaStsValidator {

    private static final Logger LOG = LoggerFactory.getLogger(MtaStsValidator.class);

    /** The default overall deadline of one validation. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    private final DnsResolver resolver;
    private final PolicyFetcher fetcher;
    private final AddressPolicy addressPolicy;
    private final Duration deadline;
    private final Clock clock;
    private final SafeListener listener;
    private final Executor executor;

    private MtaStsValidator(Builder b, DnsResolver resolver, PolicyFetcher fetcher) {
        this.resolver = resolver;
        this.fetcher = fetcher;
        this.addressPolicy = b.addressPolicy;
        this.deadline = b.deadline;
        this.clock = b.clock;
        this.listener = new SafeListener(b.listener);
        this.executor = b.executor;
    }

    /**
     * A validator with the default resolver and fetcher found through {@link java.util.ServiceLoader}.
     *
     * @return a validator with every default
     * @throws IllegalStateException naming the missing module when no resolver or fetcher is on the class path
     */
    public static MtaStsValidator defaults() {
        return builder().build();
    }

    /** @return a builder; every setting has a default */
    public static Builder builder() {
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
        return validate(domain, Optional.empty());
    }

    /**
     * Validates a domain against a snapshot of an earlier validation, and waits for the report.
     *
     * @param domain   the policy domain
     * @param previous the earlier snapshot ({@link ValidationReport#snapshot()})
     * @return the report, which flags a policy that changed while its id did not
     */
    public ValidationReport validate(String domain, PolicySnapshot previous) {
        return validate(domain, Optional.of(previous));
    }

    private ValidationReport validate(String domain, Optional<PolicySnapshot> previous) {
        CompletableFuture<ValidationReport> future = validateAsync(DomainName.of(domain), previous);
        try {
            return future.get(deadline.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new IllegalStateException("interrupted while validating " + domain, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("validation of " + domain + " did not finish within its deadline", e);
        }
    }

    /**
     * Validates a domain without blocking.
     *
     * @param domain the policy domain
     * @return the report, when done; never completes exceptionally for network faults
     * @throws IllegalArgumentException when the domain is not a valid domain name
     */
    public CompletableFuture<ValidationReport> validateAsync(String domain) {
        return validateAsync(DomainName.of(domain), Optional.empty());
    }

    /**
     * Validates a domain against a snapshot of an earlier validation, without blocking.
     *
     * @param domain   the policy domain
     * @param previous the earlier snapshot ({@link ValidationReport#snapshot()})
     * @return the report, when done; never completes exceptionally for network faults
     * @throws IllegalArgumentException when the domain is not a valid domain name
     */
    public CompletableFuture<ValidationReport> validateAsync(String domain, PolicySnapshot previous) {
        return validateAsync(DomainName.of(domain), Optional.of(Objects.requireNonNull(previous, "previous")));
    }

    /**
     * Validates a domain, with or without an earlier snapshot, without blocking: the form for code that already
     * holds a {@link DomainName} and perhaps a snapshot.
     *
     * @param domain   the policy domain
     * @param previous the earlier snapshot
     * @return the report, when done
     */
    public CompletableFuture<ValidationReport> validateAsync(DomainName domain, Optional<PolicySnapshot> previous) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(previous, "previous");
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        DomainName stsName = domain.prefixedWith("_mta-sts");
        DomainName rptName = domain.prefixedWith("_smtp._tls");
        DomainName policyHost = domain.prefixedWith("mta-sts");

        listener.validationStarted(domain);
        CompletableFuture<TxtAnswer> sts = heard(domain, bounded(() -> resolver.txt(stsName), stsName,
                r -> TxtAnswer.empty(r)));
        CompletableFuture<MxAnswer> mx = heard(domain, bounded(() -> resolver.mx(domain), domain, MxAnswer::empty));
        CompletableFuture<TxtAnswer> rpt = heard(domain, bounded(() -> resolver.txt(rptName), rptName,
                TxtAnswer::empty));
        CompletableFuture<AddressAnswer> addresses = heard(domain, bounded(() -> resolver.addresses(policyHost),
                policyHost, AddressAnswer::empty));
        Map<InetAddress, String> refused = new LinkedHashMap<>();
        CompletableFuture<Optional<PolicyFetch>> fetch = addresses.thenCompose(answer -> {
            List<InetAddress> allowed = new ArrayList<>();
            for (InetAddress address : answer.addresses()) {
                Optional<String> refusal = refusal(address);
                if (refusal.isPresent()) {
                    LOG.debug("{}: address {} of {} refused: {}", domain, address.getHostAddress(), policyHost,
                            refusal.get());
                    synchronized (refused) {
                        refused.put(address, refusal.get());
                    }
                } else {
                    allowed.add(address);
                }
            }
            if (allowed.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<PolicyFetch>empty());
            }
            PolicyFetchRequest request = PolicyFetchRequest.of(policyHost, allowed);
            listener.policyFetchStarted(domain, request);
            return fetchBounded(request, startNanos).thenApply(f -> {
                listener.policyFetchEnded(domain, f);
                return Optional.of(f);
            });
        });

        return CompletableFuture.allOf(sts, mx, rpt, addresses, fetch).thenApplyAsync(ignored -> {
            Observations observations = new Observations(Optional.of(sts.join()), Optional.of(mx.join()),
                    Optional.of(rpt.join()), Optional.of(addresses.join()), fetch.join());
            Map<InetAddress, String> refusedCopy;
            synchronized (refused) {
                refusedCopy = new LinkedHashMap<>(refused);
            }
            ValidationReport report = ReportAssembler.assemble(domain, start,
                    Duration.ofNanos(System.nanoTime() - startNanos), observations, refusedCopy, previous);
            LOG.debug("{}: verdict {} with {} finding(s) in {} ms", domain, report.verdict(), report.findings().size(),
                    report.elapsed().toMillis());
            listener.validationEnded(report);
            return report;
        }, executor);
    }

    /** Asks the address policy; a policy that throws or answers null refuses, since it could not say yes. */
    private Optional<String> refusal(InetAddress address) {
        try {
            Optional<String> answer = addressPolicy.refusal(address);
            return answer == null ? Optional.of("refused: the address policy gave no answer") : answer;
        } catch (RuntimeException e) {
            LOG.warn("address policy failed on {}", address.getHostAddress(), e);
            return Optional.of("refused: the address policy failed (" + e + ")");
        }
    }

    private <T extends DnsAnswer> CompletableFuture<T> heard(DomainName domain, CompletableFuture<T> answer) {
        return answer.thenApply(a -> {
            listener.dnsAnswered(domain, a);
            return a;
        });
    }

    /** Runs a look-up with the deadline; an exception or a late answer becomes a failed DNS answer. */
    private <T extends DnsAnswer> CompletableFuture<T> bounded(java.util.function.Supplier<CompletionStage<T>> call,
                                                               DomainName name, Function<DnsResult, T> failed) {
        CompletableFuture<T> future;
        try {
            future = call.get().toCompletableFuture().copy();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return future
                .completeOnTimeout(failed.apply(DnsResult.failure(name, DnsOutcome.TIMEOUT,
                        "no answer within the validation deadline of " + deadline.toMillis() + " ms")),
                        deadline.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    Throwable cause = unwrapCompletion(e);
                    LOG.debug("look-up of {} failed", name, cause);
                    return failed.apply(DnsResult.failure(name, DnsOutcome.NETWORK_ERROR,
                            "resolver failed: " + cause));
                });
    }

    private CompletableFuture<PolicyFetch> fetchBounded(PolicyFetchRequest request, long startNanos) {
        long remaining = Math.max(1, deadline.toMillis() - Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
        CompletableFuture<PolicyFetch> future;
        try {
            future = fetcher.fetch(request).toCompletableFuture().copy();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return future
                .completeOnTimeout(PolicyFetch.builder(FetchOutcome.TIMEOUT)
                        .detail("no response within the validation deadline of " + deadline.toMillis() + " ms")
                        .elapsed(Duration.ofMillis(remaining)).build(), remaining, TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    Throwable cause = unwrapCompletion(e);
                    LOG.debug("fetch from {} failed", request.host(), cause);
                    return PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE).detail("fetcher failed: " + cause).build();
                });
    }

    private static Throwable unwrapCompletion(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static RuntimeException unwrap(Throwable cause) {
        Throwable t = unwrapCompletion(cause);
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IllegalStateException(t);
    }

    /** Builds an {@link MtaStsValidator}; not thread-safe. Each setter names its default. */
    public static final class Builder {
        private DnsResolver resolver;
        private PolicyFetcher fetcher;
        private AddressPolicy addressPolicy = AddressPolicy.publicOnly();
        private Duration deadline = DEFAULT_DEADLINE;
        private Clock clock = Clock.systemUTC();
        private ValidationListener listener = ValidationListener.NONE;
        private Executor executor = ForkJoinPool.commonPool();
        private DnsResolverSettings resolverSettings = DnsResolverSettings.defaults();
        private PolicyFetcherSettings fetcherSettings = PolicyFetcherSettings.defaults();
        private boolean resolverSettingsChanged;
        private boolean fetcherSettingsChanged;

        private Builder() {
        }

        /**
         * Points the default resolver at these name servers; cannot be combined with {@link #resolver(DnsResolver)}.
         *
         * @param servers the name servers; default: the system's configuration
         * @return this builder
         */
        public Builder nameservers(List<InetSocketAddress> servers) {
            resolverSettings = resolverSettings.withNameservers(servers);
            resolverSettingsChanged = true;
            return this;
        }

        /**
         * Sets the default resolver's per-query timeout; cannot be combined with {@link #resolver(DnsResolver)}.
         *
         * @param value the timeout; default: the resolver's own (3 seconds for {@code DnsjavaResolver})
         * @return this builder
         */
        public Builder dnsTimeout(Duration value) {
            resolverSettings = resolverSettings.withTimeout(value);
            resolverSettingsChanged = true;
            return this;
        }

        /**
         * Trusts these roots in addition to the JDK's when fetching policies (for private CAs and test setups);
         * cannot be combined with {@link #fetcher(PolicyFetcher)}.
         *
         * @param roots root certificates; default none
         * @return this builder
         */
        public Builder trustedCertificates(List<X509Certificate> roots) {
            fetcherSettings = fetcherSettings.withExtraTrust(roots);
            fetcherSettingsChanged = true;
            return this;
        }

        /**
         * Sets the ports of the default fetcher (for test servers); cannot be combined with {@link #fetcher(PolicyFetcher)}.
         *
         * @param https the HTTPS port; default 443
         * @param http  the plain HTTP port of the diagnostic; default 80
         * @return this builder
         */
        public Builder policyPorts(int https, int http) {
            fetcherSettings = fetcherSettings.withPorts(https, http);
            fetcherSettingsChanged = true;
            return this;
        }

        /**
         * @param value the DNS resolver; default: the first {@link DnsResolver} found with ServiceLoader
         *              ({@code mta-sts-dns}'s {@code DnsjavaResolver})
         * @return this builder
         */
        public Builder resolver(DnsResolver value) {
            this.resolver = Objects.requireNonNull(value, "resolver");
            return this;
        }

        /**
         * @param value the policy fetcher; default: the first {@link PolicyFetcher} found with ServiceLoader
         *              ({@code mta-sts-http}'s {@code HttpsPolicyFetcher})
         * @return this builder
         */
        public Builder fetcher(PolicyFetcher value) {
            this.fetcher = Objects.requireNonNull(value, "fetcher");
            return this;
        }

        /**
         * @param value which addresses may be connected to; default {@link AddressPolicy#publicOnly()}
         * @return this builder
         */
        public Builder addressPolicy(AddressPolicy value) {
            this.addressPolicy = Objects.requireNonNull(value, "addressPolicy");
            return this;
        }

        /**
         * Allows loopback and private addresses: for internal deployments and test sandboxes.
         *
         * @return this builder
         */
        public Builder allowPrivateAddresses() {
            return addressPolicy(AddressPolicy.allowAll());
        }

        /**
         * @param value the overall deadline of one validation; default 30 seconds
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder deadline(Duration value) {
            Objects.requireNonNull(value, "deadline");
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("deadline must be positive, not " + value);
            }
            this.deadline = value;
            return this;
        }

        /**
         * @param value hears each validation's steps, for progress and metrics; default {@link ValidationListener#NONE}
         * @return this builder
         */
        public Builder listener(ValidationListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * @param value the clock for report times, certificate expiry and new ids; default {@link Clock#systemUTC()}
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * @param value where reports are assembled; default {@link ForkJoinPool#commonPool()}
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * @return the validator
         * @throws IllegalStateException naming the missing module when no resolver or fetcher was set or found
         */
        public MtaStsValidator build() {
            if (resolver != null && resolverSettingsChanged) {
                throw new IllegalStateException("nameservers(...) and dnsTimeout(...) configure the default resolver;"
                        + " they cannot be combined with resolver(...)");
            }
            if (fetcher != null && fetcherSettingsChanged) {
                throw new IllegalStateException("trustedCertificates(...) and policyPorts(...) configure the default"
                        + " fetcher; they cannot be combined with fetcher(...)");
            }
            DnsResolver chosenResolver = resolver != null ? resolver : DnsResolverFactory.fromServiceLoader()
                    .map(f -> f.create(resolverSettings))
                    .or(() -> resolverSettingsChanged ? Optional.empty() : DnsResolver.fromServiceLoader())
                    .orElseThrow(() -> new IllegalStateException(
                            "no DnsResolver: add dev.mtasts:mta-sts-dns to the class path, or call resolver(...)"));
            // the default fetcher stops when the validation does, so that no connection outlives its report
            // the fetch gets 60% of the validation's deadline: the DNS look-ups come first, and the fetcher's own,
            // more precise timeout (and its plain-HTTP diagnostic) must finish before the validation gives up
            PolicyFetcherSettings effectiveFetcherSettings = fetcherSettings.deadline().isPresent() ? fetcherSettings
                    : fetcherSettings.withDeadline(deadline.multipliedBy(3).dividedBy(5));
            PolicyFetcher chosenFetcher = fetcher != null ? fetcher : PolicyFetcherFactory.fromServiceLoader()
                    .map(f -> f.create(effectiveFetcherSettings))
                    .or(() -> fetcherSettingsChanged ? Optional.empty() : PolicyFetcher.fromServiceLoader())
                    .orElseThrow(() -> new IllegalStateException(
                            "no PolicyFetcher: add dev.mtasts:mta-sts-http to the class path, or call fetcher(...)"));
            return new MtaStsValidator(this, chosenResolver, chosenFetcher);
        }
    }

}
