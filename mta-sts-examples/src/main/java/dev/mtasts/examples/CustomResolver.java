package dev.mtasts.examples;

import dev.mtasts.DomainName;
import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;
import dev.mtasts.dns.DnsjavaResolver;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsAnswer;
import dev.mtasts.resolver.DnsResolver;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Plugging your own {@link DnsResolver} into the validator: here a decorator that caches answers for their TTL
 * (capped), shares one look-up between concurrent callers of the same name, and never caches a failure. A
 * resolver like this pays off when one process validates the same domains again and again (a web form, a
 * dashboard that refreshes).
 *
 * <pre>{@code
 * DnsResolver cached = new CustomResolver.Caching(DnsjavaResolver.builder().build(), Duration.ofMinutes(5));
 * Validator validator = MtaStsValidator.builder().resolver(cached).build();
 * }</pre>
 */
public final class CustomResolver {

    private CustomResolver() {
    }

    /**
     * Validates the domain of the first argument twice through a caching resolver: the second time without DNS.
     *
     * @param args one domain
     */
    public static void main(String[] args) {
        DnsResolver cached = new Caching(DnsjavaResolver.builder().build(), Duration.ofMinutes(5));
        Validator validator = MtaStsValidator.builder().resolver(cached).build();
        for (int i = 0; i < 2; i++) {
            ValidationReport report = validator.validate(args[0]);
            System.out.println(report.domain() + ": " + report.verdict() + " in " + report.elapsed().toMillis()
                    + " ms");
        }
    }

    /**
     * A caching {@link DnsResolver} decorator. Thread-safe, as the SPI requires: the cache is a concurrent map
     * of futures, so concurrent look-ups of one name make one query.
     */
    public static final class Caching implements DnsResolver {

        private final DnsResolver delegate;
        private final Duration maxTtl;
        private final Clock clock;
        private final Map<String, Entry> cache = new ConcurrentHashMap<>();

        /**
         * @param delegate the resolver that asks DNS
         * @param maxTtl   the longest an answer is kept, whatever its TTL
         */
        public Caching(DnsResolver delegate, Duration maxTtl) {
            this(delegate, maxTtl, Clock.systemUTC());
        }

        Caching(DnsResolver delegate, Duration maxTtl, Clock clock) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
            this.maxTtl = Objects.requireNonNull(maxTtl, "maxTtl");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        @Override
        public CompletionStage<TxtAnswer> txt(DomainName name) {
            return cached("TXT " + name.value(), () -> delegate.txt(name));
        }

        @Override
        public CompletionStage<MxAnswer> mx(DomainName domain) {
            return cached("MX " + domain.value(), () -> delegate.mx(domain));
        }

        @Override
        public CompletionStage<AddressAnswer> addresses(DomainName host) {
            return cached("ADDR " + host.value(), () -> delegate.addresses(host));
        }

        /** @return the number of names cached now (expired entries included until next asked for) */
        public int size() {
            return cache.size();
        }

        @SuppressWarnings("unchecked")
        private <T extends DnsAnswer> CompletionStage<T> cached(String key, Supplier<CompletionStage<T>> lookup) {
            Instant now = clock.instant();
            Entry entry = cache.compute(key, (k, old) -> old != null && old.isFresh(now) ? old
                    : new Entry(lookup.get().toCompletableFuture(), null));
            CompletableFuture<T> answer = (CompletableFuture<T>) entry.answer;
            answer.whenComplete((value, failure) -> {
                if (failure != null || value.outcome().isFailure()) {
                    cache.remove(key, entry);           // failures are asked again next time
                } else if (entry.expiry == null) {
                    Duration ttl = value.result().ttl().compareTo(maxTtl) < 0 ? value.result().ttl() : maxTtl;
                    cache.replace(key, entry, new Entry(answer, clock.instant().plus(ttl)));
                }
            });
            return answer.copy();                       // callers cannot complete the shared future
        }

        /** A look-up in flight (no expiry yet) or done (fresh until its expiry). */
        private static final class Entry {
            final CompletableFuture<? extends DnsAnswer> answer;
            final Instant expiry;

            Entry(CompletableFuture<? extends DnsAnswer> answer, Instant expiry) {
                this.answer = answer;
                this.expiry = expiry;
            }

            boolean isFresh(Instant now) {
                return expiry == null || now.isBefore(expiry);
            }
        }
    }
}
