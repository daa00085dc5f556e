package dev.mtasts;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a {@linkplain Validator#validateAll(java.util.Iterator, BulkOptions, java.util.function.Consumer) bulk
 * validation} runs: how many validations may be in flight at once, how an input becomes a domain name, and what
 * each domain's request carries. An immutable value; {@link #defaults()} or {@link #builder()}.
 *
 * <pre>{@code
 * BulkOptions options = BulkOptions.builder()
 *         .maxInFlight(500)
 *         .inputParser(line -> {                          // "example.com  # our shop": the part before '#'
 *             String domain = line.split("#", 2)[0].strip();
 *             return domain.isEmpty() ? Optional.empty() : Optional.of(DomainName.of(domain));
 *         })
 *         .requestFor(name -> ValidationRequest.of(name)) // or with a snapshot or evidence of this domain
 *         .build();
 * }</pre>
 *
 * @param maxInFlight the most validations in flight at once; the next input is read only when one has ended
 * @param inputParser turns an input into a domain name, empty to skip it, or throws
 *                    {@code IllegalArgumentException} (whose message becomes the result's problem)
 * @param requestFor  the request to validate for a parsed domain name
 * @since 1.1.0
 */
public record BulkOptions(int maxInFlight, Function<String, Optional<DomainName>> inputParser,
                          Function<DomainName, ValidationRequest> requestFor) {

    /**
     * The default bound on validations in flight: 256. A validation spends nearly all its time waiting for the
     * network, so the bound is what hides latency: at 100 ms per validation, 256 in flight sustain about 2 500
     * domains a second, more than two cores can assemble reports for; each costs a few kilobytes while in flight.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;

    /** The most validations in flight that can be asked for. */
    public static final int MAX_IN_FLIGHT_LIMIT = 100_000;

    private static final BulkOptions DEFAULTS = builder().build();

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when {@code maxInFlight} is not between 1 and {@link #MAX_IN_FLIGHT_LIMIT}
     */
    public BulkOptions {
        Objects.requireNonNull(inputParser, "inputParser");
        Objects.requireNonNull(requestFor, "requestFor");
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT_LIMIT) {
            throw new IllegalArgumentException("maxInFlight must be 1-" + MAX_IN_FLIGHT_LIMIT + ", not " + maxInFlight);
        }
    }

    /**
     * @return {@value #DEFAULT_MAX_IN_FLIGHT} in flight, inputs parsed by {@link #parseDomain(String)}, requests
     *         with nothing known from before
     */
    public static BulkOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The default input parser: a blank input is skipped, anything else is a domain name once surrounding
     * whitespace is removed.
     *
     * @param input an input as read
     * @return the domain name, or empty for a blank input
     * @throws IllegalArgumentException when the input is not a domain name (see {@link DomainName#of(String)})
     */
    public static Optional<DomainName> parseDomain(String input) {
        Objects.requireNonNull(input, "input");
        return input.isBlank() ? Optional.empty() : Optional.of(DomainName.of(input.strip()));
    }

    /**
     * Options of a bulk validation; each setter names its default. Not thread-safe.
     *
     * @since 1.1.0
     */
    public static final class Builder {
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private Function<String, Optional<DomainName>> inputParser = BulkOptions::parseDomain;
        private Function<DomainName, ValidationRequest> requestFor = ValidationRequest::of;

        private Builder() {
        }

        /**
         * @param maxInFlight the most validations in flight at once, 1-{@value BulkOptions#MAX_IN_FLIGHT_LIMIT};
         *                    default {@value BulkOptions#DEFAULT_MAX_IN_FLIGHT}
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder maxInFlight(int maxInFlight) {
            if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT_LIMIT) {
                throw new IllegalArgumentException("maxInFlight must be 1-" + MAX_IN_FLIGHT_LIMIT + ", not "
                        + maxInFlight);
            }
            this.maxInFlight = maxInFlight;
            return this;
        }

        /**
         * @param inputParser turns an input into a domain name, empty to skip it, or throws
         *                    {@code IllegalArgumentException} naming the problem; called on the thread that called
         *                    {@code validateAll}; default {@link BulkOptions#parseDomain(String)}
         * @return this builder
         */
        public Builder inputParser(Function<String, Optional<DomainName>> inputParser) {
            this.inputParser = Objects.requireNonNull(inputParser, "inputParser");
            return this;
        }

        /**
         * @param requestFor the request for a parsed domain name (to add a snapshot or evidence of that domain);
         *                   called on the thread that called {@code validateAll}; default
         *                   {@link ValidationRequest#of(DomainName)}
         * @return this builder
         */
        public Builder requestFor(Function<DomainName, ValidationRequest> requestFor) {
            this.requestFor = Objects.requireNonNull(requestFor, "requestFor");
            return this;
        }

        /** @return the options */
        public BulkOptions build() {
            return new BulkOptions(maxInFlight, inputParser, requestFor);
        }
    }
}
