package dev.mtasts.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Whether an API request may wait for a check: the client's rate limit, then a cap on requests waiting at once
 * (each holds one of the server's threads while its validation runs). Either refusal is a 429 with
 * {@code Retry-After}. Thread-safe.
 */
final class Admission {

    private final RateLimiter rateLimiter;
    private final Semaphore waiting;
    private final int maxWaiting;

    Admission(RateLimiter rateLimiter, int maxWaiting) {
        this.rateLimiter = rateLimiter;
        this.waiting = new Semaphore(maxWaiting);
        this.maxWaiting = maxWaiting;
    }

    /**
     * Admits a request; the caller must {@link #release()} once it stops waiting.
     *
     * @throws ApiException a 429 when the client or the server is over its limit
     */
    void admit(HttpExchange exchange) {
        Optional<Duration> wait = rateLimiter.acquire(ClientKey.of(exchange.getRemoteAddress()));
        if (wait.isPresent()) {
            throw ApiException.tooManyRequests("Too many checks from your address: try again in "
                    + Words.plural(ApiException.seconds(wait.get()), "second") + ".", wait.get());
        }
        if (!waiting.tryAcquire()) {
            throw ApiException.tooManyRequests("The server is busy: " + maxWaiting + " requests are waiting for"
                    + " checks. Try again in a few seconds.", Duration.ofSeconds(5));
        }
    }

    void release() {
        waiting.release();
    }
}
