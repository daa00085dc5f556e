package dev.mtasts.http;

import java.time.Duration;
import java.util.Optional;

/**
 * How one request's {@link dev.mtasts.fetcher.PolicyFetchRequest#deadline() timeout} is shared: the plain-HTTP
 * diagnostic, when it is on, has {@code min(5 s, deadline / 4)} reserved and HTTPS has the rest, so with the
 * default of 65 seconds HTTPS waits the minute RFC 8461 §3.3 suggests and the whole fetch still ends in time.
 *
 * @param total      the request's deadline
 * @param https      what the HTTPS fetch may take
 * @param diagnostic what is reserved for the plain-HTTP diagnostic; zero when it is off
 */
record FetchBudget(Duration total, Duration https, Duration diagnostic) {

    /** The most the plain-HTTP diagnostic is given, whatever the timeout. */
    static final Duration DIAGNOSTIC_LIMIT = Duration.ofSeconds(5);

    static FetchBudget of(Duration timeout, boolean plainHttpDiagnostic) {
        if (!plainHttpDiagnostic) {
            return new FetchBudget(timeout, timeout, Duration.ZERO);
        }
        Duration quarter = timeout.dividedBy(4);
        Duration reserve = quarter.compareTo(DIAGNOSTIC_LIMIT) < 0 ? quarter : DIAGNOSTIC_LIMIT;
        return new FetchBudget(timeout, timeout.minus(reserve), reserve);
    }

    /** @return the words a timeout detail of the HTTPS fetch uses for its budget */
    String httpsWords() {
        return diagnostic.isZero() ? "the fetch budget of " + total.toMillis() + " ms"
                : https.toMillis() + " ms, the HTTPS share of the fetch budget of " + total.toMillis() + " ms";
    }

    /**
     * @param elapsed how long the fetch has run so far
     * @return what the diagnostic may take now: its reserve, or less if the HTTPS fetch ran over; empty when
     *         nothing is left
     */
    Optional<Duration> diagnosticLeft(Duration elapsed) {
        Duration left = total.minus(elapsed);
        Duration given = left.compareTo(diagnostic) < 0 ? left : diagnostic;
        return given.isNegative() || given.isZero() ? Optional.empty() : Optional.of(given);
    }

    /** @return the words a timeout detail of the diagnostic uses for its budget */
    String diagnosticWords(Duration given) {
        return given.toMillis() + " ms, the plain-HTTP diagnostic's share of the fetch budget of " + total.toMillis()
                + " ms";
    }
}
