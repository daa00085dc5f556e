package dev.mtasts.examples.serve;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the server answers with an error status and a message in words: a bad domain (400), too many checks
 * (429 with {@code Retry-After}), an unknown path (404). The message is shown to the person who asked: it names
 * what was wrong with the request, never anything about the server's insides.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<Duration> retryAfter;

    private ApiException(int status, String message, Optional<Duration> retryAfter) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** @return a 400: the request is not one the server can answer; the message says why */
    static ApiException badRequest(String message) {
        return new ApiException(400, message, Optional.empty());
    }

    /** @return a 404 */
    static ApiException notFound(String message) {
        return new ApiException(404, message, Optional.empty());
    }

    /** @return a 500 or 503: the server could not answer; the message says so in words, without details */
    static ApiException serverError(int status, String message) {
        return new ApiException(status, message, Optional.empty());
    }

    /** @return a 405 (the server answers GET only) */
    static ApiException methodNotAllowed(String method) {
        return new ApiException(405, "This server answers GET requests only, not " + method + ".", Optional.empty());
    }

    /**
     * @param message    why, in words
     * @param retryAfter when to try again; sent as {@code Retry-After} in whole seconds, at least one
     * @return a 429
     */
    static ApiException tooManyRequests(String message, Duration retryAfter) {
        return new ApiException(429, message, Optional.of(retryAfter));
    }

    /** @return the HTTP status */
    int status() {
        return status;
    }

    /** @return how long to wait before asking again, for a 429 */
    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** @return {@link #retryAfter()} in whole seconds, rounded up, at least 1 */
    static long seconds(Duration wait) {
        long s = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, s);
    }
}
