package dev.mtasts.examples.serve;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each client may start {@code burst} checks at once, then one more every
 * {@code refill}. A client is an IPv4 address, or an IPv6 /64 (one host usually holds a whole /64). Thread-safe;
 * idle clients are forgotten when the table grows large, so it stays bounded.
 */
final class RateLimiter {

    /** Past this many clients, the ones whose buckets are full again are dropped. */
    static final int MAX_CLIENTS = 10_000;

    private final int burst;
    private final long refillNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param burst    checks a client may start at once (at least 1)
     * @param refill   the time after which a client gets one more (positive)
     * @param nanoTime the clock, {@code System::nanoTime} but in tests
     */
    RateLimiter(int burst, Duration refill, LongSupplier nanoTime) {
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, not " + burst);
        }
        if (refill.isZero() || refill.isNegative()) {
            throw new IllegalArgumentException("refill must be positive, not " + refill);
        }
        this.burst = burst;
        this.refillNanos = refill.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Takes a token for a client.
     *
     * @param client the client's key ({@link ClientKey})
     * @return empty when the client may go on; otherwise how long until it may
     */
    Optional<Duration> acquire(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(now)).take(now);
    }

    /** One client's tokens, in nanoseconds of credit: a token costs {@code refillNanos}. */
    private final class Bucket {
        private long credit;
        private long updated;

        Bucket(long now) {
            this.credit = burst * refillNanos;
            this.updated = now;
        }

        synchronized Optional<Duration> take(long now) {
            credit = Math.min(burst * refillNanos, credit + (now - updated));
            updated = now;
            if (credit >= refillNanos) {
                credit -= refillNanos;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(refillNanos - credit));
        }

        synchronized boolean fullAt(long now) {
            return credit + (now - updated) >= burst * refillNanos;
        }
    }
}
