package dev.mtasts;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.MxProbeRequest;
import dev.mtasts.probe.MxTlsProbe;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.report.DiagnosticObservations;
import dev.mtasts.report.MxHostObservation;
import dev.mtasts.report.Observations;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.report.RuaDestination;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.validate.ReportAssembler;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous pipeline of one validation. The look-ups that do not depend on each other start together
 * ({@code _mta-sts} TXT, MX, {@code _smtp._tls} TXT, the policy host's addresses); the HTTPS fetch starts as soon
 * as the addresses are known and vetted by the {@link AddressPolicy}; as soon as the MX answer is in, each MX host's
 * addresses are looked up and, with a probe configured, its allowed addresses probed while its TLSA records are
 * looked up; when the policy host has two or more allowed addresses, each further one is fetched on its own to
 * compare them ({@link PolicyAddressFetches}); the report is assembled on the validator's
 * executor when everything has answered. Every step is bounded: a look-up by {@link #DNS_LIMIT} and the deadline,
 * the fetch by what is left of the deadline, so the future completes within the deadline whatever the network does.
 * One instance per validation; not reused.
 */
final class ValidationRun {

    private static final Logger LOG = LoggerFactory.getLogger(Validator.class);

    /**
     * The longest one DNS look-up may take, resolver retries included; the resolver's own per-query limits are
     * shorter (3 seconds for {@code DnsjavaResolver}). A look-up that takes longer is of no use to senders either.
     */
    static final Duration DNS_LIMIT = Duration.ofSeconds(20);

    /**
     * How many MX hosts are looked up and probed, in preference order: senders rarely try more, and a domain with
     * thousands of MX records must not cost thousands of look-ups. The others are listed, not probed.
     */
    static final int MX_HOST_LIMIT = 10;

    /** Kept from the fetch's budget, so the fetcher's own time-out (precise about what it saw) fires first. */
    private static final Duration FETCH_MARGIN = Duration.ofMillis(500);

    private final Validator config;
    private final SafeListener listener;
    private final DomainName domain;
    private final ValidationRequest request;
    private final Instant start;
    private final long startNanos;

    ValidationRun(Validator config, SafeListener listener, ValidationRequest request) {
        this.config = config;
        this.listener = listener;
        this.domain = request.domain();
        this.request = request;
        this.start = config.clock().instant();
        this.startNanos = System.nanoTime();
    }

    CompletableFuture<ValidationReport> start() {
        listener.validationStarted(domain);
        Optional<DomainName> stsName = prefixed("_mta-sts");
        Optional<DomainName> rptName = prefixed("_smtp._tls");
        Optional<DomainName> policyHost = prefixed("mta-sts");

        CompletableFuture<Optional<TxtAnswer>> sts = lookUp(stsName, n -> config.resolver().txt(n), TxtAnswer::empty);
        CompletableFuture<MxAnswer> mx = bounded(() -> config.resolver().mx(domain), domain, MxAnswer::empty);
        CompletableFuture<Optional<TxtAnswer>> rpt = lookUp(rptName, n -> config.resolver().txt(n), TxtAnswer::empty);
        CompletableFuture<Optional<AddressAnswer>> addresses = lookUp(policyHost,
                n -> config.resolver().addresses(n), AddressAnswer::empty);
        CompletableFuture<Vetted> vetted = addresses.thenApply(answer -> answer.map(a -> vet(a, "the policy host"))
                .orElse(Vetted.NONE));
        CompletableFuture<Optional<PolicyFetch>> fetch = vetted.thenCompose(v -> v.allowed().isEmpty()
                ? CompletableFuture.completedFuture(Optional.<PolicyFetch>empty())
                : fetch(policyHost.orElseThrow(), v.allowed()).thenApply(Optional::of));

        CompletableFuture<List<MxHostObservation>> mxHosts = mx.thenCompose(this::observeMxHosts);

        // the deep diagnostics: each in its own class, fed what the layers looked up; the policy host's other
        // addresses are fetched alongside the validation's own fetch, which stands for the first address
        int compared = config.policyAddressesCompared();
        CompletableFuture<List<PolicyFetch>> byAddress = vetted.thenCompose(v -> compared < 2 || v.allowed().size() < 2
                ? CompletableFuture.completedFuture(List.<PolicyFetch>of())
                : PolicyAddressFetches.fetchEach(this, policyHost.orElseThrow(), v.allowed(), fetch, compared));
        CompletableFuture<Optional<TxtAnswer>> apex = sts.thenCompose(a -> DiagnosticLookups.apexTxt(this, a));
        CompletableFuture<Optional<TxtAnswer>> legacyRpt = rpt.thenCompose(a -> DiagnosticLookups.legacyTlsRpt(this,
                a));
        CompletableFuture<List<RuaDestination>> rua = rpt.thenCompose(a -> DiagnosticLookups.ruaDestinations(this,
                a));

        return CompletableFuture.allOf(sts, mx, rpt, vetted, fetch, mxHosts, byAddress, apex, legacyRpt, rua)
                .thenApplyAsync(ignored -> {
            Observations observations = new Observations(sts.join(), mx.join(), rpt.join(), addresses.join(),
                    vetted.join().refused(), fetch.join(), mxHosts.join(), new DiagnosticObservations(
                            byAddress.join(), apex.join(), legacyRpt.join(), rua.join()));
            ValidationReport assembled = ReportAssembler.assemble(domain, start,
                    Duration.ofNanos(System.nanoTime() - startNanos), observations, request.previous(),
                    request.evidence(), config.minimumCleanDays(), config.certificateExpiryWarning());
            // the time assembling took counts too: elapsed is the caller's wait, start to report
            ValidationReport report = assembled.withElapsed(Duration.ofNanos(System.nanoTime() - startNanos));
            LOG.debug("{}: verdict {} with {} finding(s) in {} ms", domain, report.verdict(),
                    report.findings().size(), report.elapsed().toMillis());
            listener.validationEnded(report);
            return report;
        }, config.executor());
    }

    /**
     * The MX hosts senders would try, in preference order: the exchanges of the MX records, or the domain itself
     * for an implicit MX (RFC 5321 §5.1); none for a null MX, a failed look-up or a domain that does not exist.
     * Only the first {@link #MX_HOST_LIMIT} are looked up.
     */
    private CompletableFuture<List<MxHostObservation>> observeMxHosts(MxAnswer answer) {
        if (answer.outcome().isFailure() || answer.outcome() == DnsOutcome.NXDOMAIN || answer.isNullMxOnly()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<DomainName> hosts = answer.byPreference().stream().map(MxRecord::host).distinct().toList();
        if (hosts.isEmpty() && answer.invalidHosts().isEmpty() && !answer.nullMx()) {
            hosts = List.of(domain);
        }
        List<CompletableFuture<MxHostObservation>> each = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            DomainName host = hosts.get(i);
            each.add(i < MX_HOST_LIMIT ? observeMxHost(host) : CompletableFuture.completedFuture(
                    new MxHostObservation(host, Optional.empty(), List.of(), Optional.empty(), Optional.empty())));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> each.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<MxHostObservation> observeMxHost(DomainName host) {
        return bounded(() -> config.resolver().addresses(host), host, AddressAnswer::empty).thenCompose(answer -> {
            Vetted v = vet(answer, "MX host " + host);
            Optional<MxTlsProbe> probe = config.mxProbe();
            if (probe.isEmpty() || v.allowed().isEmpty()) {
                return CompletableFuture.completedFuture(new MxHostObservation(host, Optional.of(answer), v.refused(),
                        Optional.empty(), Optional.empty()));
            }
            Optional<DomainName> tlsaName = host.value().length() + "_25._tcp.".length() <= DomainName.MAX_LENGTH
                    ? Optional.of(host.prefixedWith("_25._tcp")) : Optional.empty();
            CompletableFuture<Optional<TlsaAnswer>> tlsa = lookUp(tlsaName, n -> config.resolver().tlsa(n),
                    TlsaAnswer::empty);
            CompletableFuture<MxProbe> probed = probe(probe.get(), host, v.allowed());
            return probed.thenCombine(tlsa, (p, t) -> new MxHostObservation(host, Optional.of(answer), v.refused(),
                    Optional.of(p), t));
        });
    }

    private CompletableFuture<MxProbe> probe(MxTlsProbe probe, DomainName host, List<InetAddress> allowed) {
        Duration budget = budget(MxProbeRequest.DEFAULT_DEADLINE);
        long guard = budget.toMillis() + FETCH_MARGIN.toMillis() / 2;
        MxProbeRequest request = new MxProbeRequest(host, allowed, budget);
        CompletableFuture<MxProbe> original;
        try {
            original = probe.probe(request).toCompletableFuture();
        } catch (RuntimeException e) {
            original = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<MxProbe> running = original;
        return original.copy()
                .completeOnTimeout(failedProbe(host, allowed, ProbeOutcome.TIMEOUT, "the probe did not answer within"
                        + " its budget of " + budget.toMillis() + " ms"), guard, TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    Throwable cause = unwrap(e);
                    LOG.debug("probe of {} failed", host, cause);
                    return failedProbe(host, allowed, ProbeOutcome.CONNECT_FAILED, "the probe failed: " + cause);
                })
                .thenApply(p -> {
                    MxProbe checked = p != null && p.host().equals(host) ? p
                            : failedProbe(host, allowed, ProbeOutcome.CONNECT_FAILED,
                                    p == null ? "the probe answered null" : "the probe answered for another host");
                    listener.mxProbeEnded(domain, checked);
                    return checked;
                })
                .whenComplete((p, e) -> cancelIfRunning(running));
    }

    /** A probe result for a probe that broke its contract: every address not probed, with the reason. */
    private static MxProbe failedProbe(DomainName host, List<InetAddress> addresses, ProbeOutcome outcome,
                                       String detail) {
        return new MxProbe(host, addresses.stream().map(a -> AddressProbe.builder(a, outcome).connected(false)
                .detail(detail).build()).toList());
    }

    /**
     * @param cap the most a step may take
     * @return what is left of the deadline, less a margin so that the step's own time-out fires first, within cap
     */
    Duration budget(Duration cap) {
        Duration remaining = config.deadline().minus(Duration.ofNanos(System.nanoTime() - startNanos));
        Duration budget = remaining.compareTo(FETCH_MARGIN.multipliedBy(2)) > 0 ? remaining.minus(FETCH_MARGIN)
                : remaining.dividedBy(2);
        if (budget.compareTo(cap) > 0) {
            budget = cap;
        }
        return budget.toMillis() < 1 ? Duration.ofMillis(1) : budget;
    }

    /** A name below the domain, or empty when it would be longer than DNS allows (a domain of 243+ characters). */
    Optional<DomainName> prefixed(String labels) {
        if (labels.length() + 1 + domain.value().length() > DomainName.MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(domain.prefixedWith(labels));
    }

    <T extends DnsAnswer> CompletableFuture<Optional<T>> lookUp(Optional<DomainName> name,
            Function<DomainName, CompletionStage<T>> call, Function<DnsResult, T> failed) {
        if (name.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return bounded(() -> call.apply(name.get()), name.get(), failed).thenApply(Optional::of);
    }

    /** Runs a look-up within its limit; an exception or a late answer becomes a failed DNS answer. */
    <T extends DnsAnswer> CompletableFuture<T> bounded(Supplier<CompletionStage<T>> call, DomainName name,
                                                               Function<DnsResult, T> failed) {
        Duration limit = DNS_LIMIT.compareTo(config.deadline()) < 0 ? DNS_LIMIT : config.deadline();
        CompletableFuture<T> original;
        try {
            original = call.get().toCompletableFuture();
        } catch (RuntimeException e) {
            original = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> running = original;
        return original.copy()
                .completeOnTimeout(failed.apply(DnsResult.failure(name, DnsOutcome.TIMEOUT,
                        "no answer within " + limit.toMillis() + " ms")), limit.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    Throwable cause = unwrap(e);
                    LOG.debug("look-up of {} failed", name, cause);
                    return failed.apply(DnsResult.failure(name, DnsOutcome.NETWORK_ERROR, "resolver failed: " + cause));
                })
                .thenApply(answer -> {
                    // a resolver that breaks its contract gets a failed answer, never a report-less validation
                    T checked = answer != null ? answer : failed.apply(DnsResult.failure(name,
                            DnsOutcome.NETWORK_ERROR, "the resolver answered null"));
                    listener.dnsAnswered(domain, checked);
                    return checked;
                })
                .whenComplete((answer, e) -> cancelIfRunning(running));
    }

    /** A host's addresses, split into those the address policy allows and those it refuses. */
    Vetted vet(AddressAnswer answer, String whose) {
        List<InetAddress> allowed = new ArrayList<>();
        List<RefusedAddress> refused = new ArrayList<>();
        for (InetAddress address : answer.addresses()) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                LOG.debug("{}: address {} of {} refused: {}", domain, address.getHostAddress(), whose,
                        refusal.get());
                refused.add(new RefusedAddress(address, refusal.get()));
            } else {
                allowed.add(address);
            }
        }
        return new Vetted(allowed, refused);
    }

    /** Asks the address policy; a policy that throws or answers null refuses, since it could not say yes. */
    private Optional<String> refusal(InetAddress address) {
        try {
            Optional<String> answer = config.addressPolicy().refusal(address);
            return answer == null ? Optional.of("refused: the address policy gave no answer") : answer;
        } catch (RuntimeException e) {
            LOG.warn("address policy failed on {}", address.getHostAddress(), e);
            return Optional.of("refused: the address policy failed (" + e + ")");
        }
    }

    /**
     * The validation's policy fetch: to every allowed address, in order, as a sender would; heard by the listener as
     * {@code policyFetchStarted} and {@code policyFetchEnded}.
     */
    CompletableFuture<PolicyFetch> fetch(DomainName host, List<InetAddress> allowed) {
        return fetch(host, allowed, Optional.empty());
    }

    /**
     * A fetch from one address of the policy host on its own, to compare the addresses ({@link PolicyAddressFetches});
     * bounded as the validation's own fetch, and heard by the listener as {@code policyAddressFetchEnded} only.
     */
    CompletableFuture<PolicyFetch> fetchAddress(DomainName host, InetAddress address) {
        return fetch(host, List.of(address), Optional.of(address));
    }

    /**
     * Runs a fetch within what is left of the deadline; an exception, a {@code null} or a late answer becomes a failed
     * fetch.
     *
     * @param only the address, for a fetch from one address alone; empty for the validation's own fetch
     */
    private CompletableFuture<PolicyFetch> fetch(DomainName host, List<InetAddress> allowed,
                                                 Optional<InetAddress> only) {
        Duration remaining = config.deadline().minus(Duration.ofNanos(System.nanoTime() - startNanos));
        Duration budget = budget(PolicyFetchRequest.DEFAULT_DEADLINE);
        PolicyFetchRequest request = PolicyFetchRequest.of(host, allowed).withDeadline(budget);
        long guard = Math.max(budget.toMillis(), remaining.toMillis());
        if (only.isEmpty()) {
            listener.policyFetchStarted(domain, request);
        }
        String what = host + only.map(a -> " at " + a.getHostAddress()).orElse("");
        return guardedFetch(request, guard, what).thenApply(checked -> {
            if (only.isEmpty()) {
                listener.policyFetchEnded(domain, checked);
            } else {
                listener.policyAddressFetchEnded(domain, only.get(), checked);
            }
            return checked;
        });
    }

    /**
     * Runs one request through the fetcher, bounded: an exception, a {@code null} or no answer within the guard
     * becomes a failed fetch, and the fetcher's own future is cancelled once an answer is in. No listener is told.
     *
     * @param request the request, with its deadline
     * @param guard   the most to wait, in milliseconds (a little more than the request's deadline)
     * @param what    what is fetched, for the debug log
     */
    CompletableFuture<PolicyFetch> guardedFetch(PolicyFetchRequest request, long guard, String what) {
        CompletableFuture<PolicyFetch> original;
        try {
            original = config.fetcher().fetch(request).toCompletableFuture();
        } catch (RuntimeException e) {
            original = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<PolicyFetch> running = original;
        return original.copy()
                .completeOnTimeout(PolicyFetch.builder(FetchOutcome.TIMEOUT)
                        .detail("the fetcher did not answer within its budget of " + request.deadline().toMillis()
                                + " ms").elapsed(Duration.ofMillis(guard)).build(), guard, TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    Throwable cause = unwrap(e);
                    LOG.debug("fetch from {} failed", what, cause);
                    return PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE).detail("fetcher failed: " + cause).build();
                })
                .thenApply(f -> f != null ? f : PolicyFetch.builder(FetchOutcome.CONNECT_FAILURE)
                        .detail("the fetcher answered null").build())
                .whenComplete((f, e) -> cancelIfRunning(running));
    }

    /** @return the validator's configuration (resolver, fetcher, address policy, deadline, executor) */
    Validator config() {
        return config;
    }

    /** @return the policy domain */
    DomainName domain() {
        return domain;
    }

    /**
     * Once a step's answer is in (its own, or the guard's when it overran), asks the SPI to stop: cancelling the
     * future an SPI returned tells a well-behaved implementation to close its sockets, so that no connection
     * outlives its report (see the SPIs' Javadoc).
     */
    static void cancelIfRunning(CompletableFuture<?> original) {
        if (!original.isDone()) {
            original.cancel(true);
        }
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The policy host's addresses after the address policy. */
    record Vetted(List<InetAddress> allowed, List<RefusedAddress> refused) {
        static final Vetted NONE = new Vetted(List.of(), List.of());
    }
}
