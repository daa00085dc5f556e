package dev.mtasts.fetcher;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a {@link PolicyFetcher} observed: the outcome and every HTTP and TLS fact behind it.
 *
 * <p>Fields that did not happen are empty: a refused connection has no status, TLS version or certificates;
 * a TLS failure has the certificates the server presented (when it got that far) but no status.
 * Header names are kept in lower case. The body is a defensive copy, at most the fetcher's cap.
 *
 * <p>This type is an immutable value and safe to share between threads. Fetchers build it with
 * {@link #builder(FetchOutcome)}.
 *
 * <pre>{@code
 * PolicyFetchRequest request = PolicyFetchRequest.of(
 *         DomainName.of("mta-sts.example.com"), List.of(InetAddress.getByName("192.0.2.10")));
 * PolicyFetch fetch = fetcher.fetch(request).toCompletableFuture().join();
 * if (fetch.outcome() == FetchOutcome.OK
 *         && fetch.mediaType().map(MediaType::isTextPlain).orElse(false)) {
 *     MtaStsPolicy policy = MtaStsPolicy.parse(fetch.bodyText());
 * }
 * fetch.address();       // Optional[/192.0.2.10:443]
 * fetch.tlsVersion();    // Optional[TLSv1.3]
 * fetch.certificates().stream().findFirst()      // the leaf; none when no TLS handshake got that far
 *         .ifPresent(leaf -> System.out.println("expires " + leaf.notAfter()));
 * }</pre>
 *
 * @param outcome what happened
 * @param tlsFailure the category, present exactly when the outcome is {@link FetchOutcome#TLS_FAILURE}
 * @param detail a sentence with the technical detail (an exception message, "connection refused"), or empty
 * @param statusCode the HTTP status, when a status line was received
 * @param headers the response header fields by lower-case name, values in order of appearance
 * @param body the body received, at most the cap (for {@link FetchOutcome#TOO_LARGE}, its first part)
 * @param address the address and port of the connection that answered
 * @param failedAddresses the addresses tried before (or instead of) that one, with the reason
 * @param tlsVersion the negotiated protocol, for example {@code TLSv1.3}
 * @param cipherSuite the negotiated cipher suite
 * @param certificates the chain the server presented, leaf first
 * @param elapsed the time the fetch took, from the first connection attempt
 * @param plainHttp the plain-HTTP diagnostic, when it ran
 * @since 0.1.0
 */
public record PolicyFetch(
        FetchOutcome outcome,
        Optional<TlsFailureCategory> tlsFailure,
        String detail,
        OptionalInt statusCode,
        Map<String, List<String>> headers,
        byte[] body,
        Optional<InetSocketAddress> address,
        List<AddressFailure> failedAddresses,
        Optional<String> tlsVersion,
        Optional<String> cipherSuite,
        List<CertificateFacts> certificates,
        Duration elapsed,
        Optional<PlainHttpProbe> plainHttp) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code tlsFailure} is present without a {@code TLS_FAILURE} outcome
     *         or missing with one, a {@code REDIRECT} has no {@code Location}, or {@code OK} has no status 200
     */
    public PolicyFetch {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(tlsFailure, "tlsFailure");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(statusCode, "statusCode");
        headers = copyHeaders(Objects.requireNonNull(headers, "headers"));
        body = Objects.requireNonNull(body, "body").clone();
        Objects.requireNonNull(address, "address");
        failedAddresses = List.copyOf(Objects.requireNonNull(failedAddresses, "failedAddresses"));
        Objects.requireNonNull(tlsVersion, "tlsVersion");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        certificates = List.copyOf(Objects.requireNonNull(certificates, "certificates"));
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(plainHttp, "plainHttp");
        if (tlsFailure.isPresent() != (outcome == FetchOutcome.TLS_FAILURE)) {
            throw new IllegalArgumentException("a TLS failure category goes with, and only with, outcome TLS_FAILURE");
        }
        if (outcome == FetchOutcome.REDIRECT && !headers.containsKey("location")) {
            throw new IllegalArgumentException("outcome REDIRECT needs a Location header");
        }
        if (outcome == FetchOutcome.OK && (statusCode.isEmpty() || statusCode.getAsInt() != 200)) {
            throw new IllegalArgumentException("outcome OK needs status 200");
        }
    }

    /**
     * @param outcome what happened
     * @return a builder with every other field empty
     */
    public static Builder builder(FetchOutcome outcome) {
        return new Builder(outcome);
    }

    /** @return a copy of the body bytes */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** @return the number of body bytes kept */
    public int bodySize() {
        return body.length;
    }

    /**
     * The body decoded as UTF-8 (US-ASCII is a subset), malformed sequences replaced by U+FFFD.
     *
     * @return the body as text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @param name a header name, in any case
     * @return the first value of that header, or empty
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the raw {@code Content-Type} header, or empty when the server sent none */
    public Optional<String> contentType() {
        return header("content-type");
    }

    /** @return the parsed media type, or empty when the header is missing or malformed */
    public Optional<MediaType> mediaType() {
        return contentType().flatMap(MediaType::parse);
    }

    /** @return the {@code Location} header (set for {@link FetchOutcome#REDIRECT}), or empty */
    public Optional<String> location() {
        return header("location");
    }

    /** @return a copy with the plain-HTTP diagnostic attached */
    public PolicyFetch withPlainHttp(PlainHttpProbe probe) {
        return new PolicyFetch(outcome, tlsFailure, detail, statusCode, headers, body, address, failedAddresses,
                tlsVersion, cipherSuite, certificates, elapsed, Optional.of(Objects.requireNonNull(probe, "probe")));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PolicyFetch)) {
            return false;
        }
        PolicyFetch f = (PolicyFetch) o;
        return outcome == f.outcome && tlsFailure.equals(f.tlsFailure) && detail.equals(f.detail)
                && statusCode.equals(f.statusCode) && headers.equals(f.headers) && Arrays.equals(body, f.body)
                && address.equals(f.address) && failedAddresses.equals(f.failedAddresses)
                && tlsVersion.equals(f.tlsVersion) && cipherSuite.equals(f.cipherSuite)
                && certificates.equals(f.certificates) && elapsed.equals(f.elapsed) && plainHttp.equals(f.plainHttp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, tlsFailure, detail, statusCode, headers, Arrays.hashCode(body), address,
                failedAddresses, tlsVersion, cipherSuite, certificates, elapsed, plainHttp);
    }

    @Override
    public String toString() {
        return "PolicyFetch[" + outcome + tlsFailure.map(c -> "/" + c).orElse("")
                + (statusCode.isPresent() ? ", status=" + statusCode.getAsInt() : "")
                + contentType().map(t -> ", contentType=" + t).orElse("")
                + ", body=" + body.length + " bytes"
                + address.map(a -> ", address=" + a).orElse("")
                + tlsVersion.map(v -> ", " + v).orElse("")
                + ", elapsed=" + elapsed.toMillis() + "ms"
                + (detail.isEmpty() ? "" : ", detail=" + detail)
                + plainHttp.map(p -> ", plainHttp=" + p.fetch().outcome()).orElse("") + "]";
    }

    private static Map<String, List<String>> copyHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Builds a {@link PolicyFetch}; every field but the outcome starts empty. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final FetchOutcome outcome;
        private Optional<TlsFailureCategory> tlsFailure = Optional.empty();
        private String detail = "";
        private OptionalInt statusCode = OptionalInt.empty();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private Optional<InetSocketAddress> address = Optional.empty();
        private final List<AddressFailure> failedAddresses = new ArrayList<>();
        private Optional<String> tlsVersion = Optional.empty();
        private Optional<String> cipherSuite = Optional.empty();
        private final List<CertificateFacts> certificates = new ArrayList<>();
        private Duration elapsed = Duration.ZERO;
        private Optional<PlainHttpProbe> plainHttp = Optional.empty();

        private Builder(FetchOutcome outcome) {
            this.outcome = Objects.requireNonNull(outcome, "outcome");
        }

        /** @param category the TLS failure category (for {@link FetchOutcome#TLS_FAILURE}) @return this */
        public Builder tlsFailure(TlsFailureCategory category) {
            this.tlsFailure = Optional.of(Objects.requireNonNull(category, "category"));
            return this;
        }

        /** @param detail the technical detail in words @return this */
        public Builder detail(String detail) {
            this.detail = Objects.requireNonNull(detail, "detail");
            return this;
        }

        /** @param status the HTTP status code @return this */
        public Builder statusCode(int status) {
            this.statusCode = OptionalInt.of(status);
            return this;
        }

        /** @param name a header name @param value its value, appended to earlier ones @return this */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
            return this;
        }

        /** @param body the body bytes (copied) @return this */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body").clone();
            return this;
        }

        /** @param address the address that answered @return this */
        public Builder address(InetSocketAddress address) {
            this.address = Optional.of(Objects.requireNonNull(address, "address"));
            return this;
        }

        /** @param failure an address that could not be reached @return this */
        public Builder failedAddress(AddressFailure failure) {
            failedAddresses.add(Objects.requireNonNull(failure, "failure"));
            return this;
        }

        /** @param failures addresses that could not be reached @return this */
        public Builder failedAddresses(List<AddressFailure> failures) {
            Objects.requireNonNull(failures, "failures").forEach(this::failedAddress);
            return this;
        }

        /** @param version the negotiated TLS protocol @return this */
        public Builder tlsVersion(String version) {
            this.tlsVersion = Optional.of(Objects.requireNonNull(version, "version"));
            return this;
        }

        /** @param suite the negotiated cipher suite @return this */
        public Builder cipherSuite(String suite) {
            this.cipherSuite = Optional.of(Objects.requireNonNull(suite, "suite"));
            return this;
        }

        /** @param chain the presented chain, leaf first @return this */
        public Builder certificates(List<CertificateFacts> chain) {
            Objects.requireNonNull(chain, "chain");
            certificates.clear();
            certificates.addAll(chain);
            return this;
        }

        /** @param elapsed how long the fetch took @return this */
        public Builder elapsed(Duration elapsed) {
            this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
            return this;
        }

        /** @param probe the plain-HTTP diagnostic @return this */
        public Builder plainHttp(PlainHttpProbe probe) {
            this.plainHttp = Optional.of(Objects.requireNonNull(probe, "probe"));
            return this;
        }

        /**
         * @return the value
         * @throws IllegalArgumentException if the fields contradict the outcome (see {@link PolicyFetch})
         */
        public PolicyFetch build() {
            return new PolicyFetch(outcome, tlsFailure, detail, statusCode, headers, body, address, failedAddresses,
                    tlsVersion, cipherSuite, certificates, elapsed, plainHttp);
        }
    }
}
