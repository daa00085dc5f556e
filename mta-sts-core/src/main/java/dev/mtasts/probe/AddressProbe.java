package dev.mtasts.probe;

import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.TlsFailureCategory;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The probe of one address of an MX host: how it ended, what the server said and, once TLS ran, the protocol,
 * cipher suite and certificate chain it presented. The chain is kept even when it fails RFC 8461 §4.2, so that a
 * report can name its problems and match it against DANE records. An immutable value; build one with
 * {@link #builder(InetAddress, ProbeOutcome)}.
 *
 * <pre>{@code
 * AddressProbe a = report.mxHosts().get(0).probe().orElseThrow().addresses().get(0);
 * a.outcome();                                       // TLS_FAILED, say
 * a.tlsFailure();                                    // Optional[HOSTNAME_MISMATCH]
 * a.leaf().map(CertificateFacts::dnsNames);          // Optional[[mail.other.example]]
 * a.tlsVersion();                                    // Optional[TLSv1.3]
 * }</pre>
 *
 * @param address     the address probed
 * @param outcome     how the probe ended
 * @param connected   true when a TCP connection was made: false means the host could not be probed from here
 * @param tlsFailure  why TLS failed, present exactly when the outcome is {@link ProbeOutcome#TLS_FAILED}
 * @param detail      what happened, for people: the reply or failure as seen; empty when all went well
 * @param greeting    the first line of the server's greeting (without the reply code), when one came
 * @param extensions  the {@code EHLO} keywords the server advertised, upper case, such as {@code STARTTLS}
 * @param tlsVersion  the negotiated protocol, such as {@code TLSv1.3}, once a handshake completed
 * @param cipherSuite the negotiated cipher suite, once a handshake completed
 * @param chain       the certificates the server presented, leaf first; empty when TLS did not get that far
 * @param elapsed     how long the probe of this address took
 * @since 0.1.0
 */
public record AddressProbe(InetAddress address, ProbeOutcome outcome, boolean connected,
                           Optional<TlsFailureCategory> tlsFailure, String detail, Optional<String> greeting,
                           List<String> extensions, Optional<String> tlsVersion, Optional<String> cipherSuite,
                           List<X509Certificate> chain, Duration elapsed) {

    /**
     * Validates and copies the components.
     *
     * @throws IllegalArgumentException when {@code tlsFailure} is present for another outcome than
     *                                  {@code TLS_FAILED} (or missing for it), or an outcome that needs a
     *                                  connection ({@code STARTTLS_OK}, {@code NO_STARTTLS},
     *                                  {@code GREETING_REJECTED}, {@code TLS_FAILED}) has none, or
     *                                  {@code CONNECT_FAILED} has one
     */
    public AddressProbe {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(tlsFailure, "tlsFailure");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(greeting, "greeting");
        extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
        Objects.requireNonNull(tlsVersion, "tlsVersion");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
        Objects.requireNonNull(elapsed, "elapsed");
        if (tlsFailure.isPresent() != (outcome == ProbeOutcome.TLS_FAILED)) {
            throw new IllegalArgumentException("a TLS failure category goes with the outcome TLS_FAILED and only"
                    + " with it, not with " + outcome);
        }
        if (outcome == ProbeOutcome.CONNECT_FAILED && connected) {
            throw new IllegalArgumentException("CONNECT_FAILED means no connection was made");
        }
        if (!connected && outcome != ProbeOutcome.CONNECT_FAILED && outcome != ProbeOutcome.TIMEOUT) {
            throw new IllegalArgumentException(outcome + " needs a connection");
        }
    }

    /**
     * @param address the address probed
     * @param outcome how the probe ended
     * @return a builder; {@code connected} starts true for every outcome but {@code CONNECT_FAILED}
     */
    public static Builder builder(InetAddress address, ProbeOutcome outcome) {
        return new Builder(address, outcome);
    }

    /** @return the facts of each presented certificate, leaf first */
    public List<CertificateFacts> certificates() {
        return CertificateFacts.ofChain(chain);
    }

    /** @return the facts of the server's own certificate, when one was presented */
    public Optional<CertificateFacts> leaf() {
        return chain.isEmpty() ? Optional.empty() : Optional.of(CertificateFacts.of(chain.get(0)));
    }

    /** @return true when the address is IPv6 */
    public boolean isIpv6() {
        return address instanceof java.net.Inet6Address;
    }

    /**
     * Builds an {@link AddressProbe}; every optional field starts empty.
     *
     * <pre>{@code
     * AddressProbe ok = AddressProbe.builder(InetAddress.getByName("192.0.2.25"), ProbeOutcome.STARTTLS_OK)
     *         .greeting("mx1.example.com ESMTP").extensions(List.of("PIPELINING", "STARTTLS"))
     *         .tlsVersion("TLSv1.3").cipherSuite("TLS_AES_128_GCM_SHA256").chain(List.of(root)).build();
     * }</pre>
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final InetAddress address;
        private final ProbeOutcome outcome;
        private boolean connected;
        private Optional<TlsFailureCategory> tlsFailure = Optional.empty();
        private String detail = "";
        private Optional<String> greeting = Optional.empty();
        private List<String> extensions = List.of();
        private Optional<String> tlsVersion = Optional.empty();
        private Optional<String> cipherSuite = Optional.empty();
        private List<X509Certificate> chain = List.of();
        private Duration elapsed = Duration.ZERO;

        private Builder(InetAddress address, ProbeOutcome outcome) {
            this.address = Objects.requireNonNull(address, "address");
            this.outcome = Objects.requireNonNull(outcome, "outcome");
            this.connected = outcome != ProbeOutcome.CONNECT_FAILED;
        }

        /** @param connected whether a TCP connection was made @return this builder */
        public Builder connected(boolean connected) {
            this.connected = connected;
            return this;
        }

        /** @param category why TLS failed @return this builder */
        public Builder tlsFailure(TlsFailureCategory category) {
            this.tlsFailure = Optional.of(Objects.requireNonNull(category, "category"));
            return this;
        }

        /** @param detail what happened, for people @return this builder */
        public Builder detail(String detail) {
            this.detail = Objects.requireNonNull(detail, "detail");
            return this;
        }

        /** @param greeting the first line of the greeting @return this builder */
        public Builder greeting(String greeting) {
            this.greeting = Optional.of(Objects.requireNonNull(greeting, "greeting"));
            return this;
        }

        /** @param keywords the EHLO keywords @return this builder */
        public Builder extensions(List<String> keywords) {
            this.extensions = List.copyOf(Objects.requireNonNull(keywords, "keywords"));
            return this;
        }

        /** @param version the negotiated protocol @return this builder */
        public Builder tlsVersion(String version) {
            this.tlsVersion = Optional.of(Objects.requireNonNull(version, "version"));
            return this;
        }

        /** @param suite the negotiated cipher suite @return this builder */
        public Builder cipherSuite(String suite) {
            this.cipherSuite = Optional.of(Objects.requireNonNull(suite, "suite"));
            return this;
        }

        /** @param chain the presented certificates, leaf first @return this builder */
        public Builder chain(List<X509Certificate> chain) {
            this.chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
            return this;
        }

        /** @param elapsed how long the probe took @return this builder */
        public Builder elapsed(Duration elapsed) {
            this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
            return this;
        }

        /**
         * @return the probe result
         * @throws IllegalArgumentException when the fields contradict each other (see the record's constructor)
         */
        public AddressProbe build() {
            return new AddressProbe(address, outcome, connected, tlsFailure, detail, greeting, extensions,
                    tlsVersion, cipherSuite, chain, elapsed);
        }
    }
}
