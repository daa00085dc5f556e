package dev.mtasts;

import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller supplies in place of the live deployment, for an {@link OfflineValidator}: the {@code _mta-sts} TXT
 * records, the policy as an HTTP response (status, headers, body), the MX records, the {@code _smtp._tls} TXT
 * records. Made for CI pipelines that check a DNS or policy change before it is published: each part supplied is
 * answered exactly as the live look-up or fetch of that material would be, so the report's findings are those a
 * live run would give once the change is out.
 *
 * <p>Each part is either supplied or not ({@link #supplied()}); what a part not supplied means is the validator's
 * choice: looked up live ({@link OfflineValidator.Builder#lookUpTheRestWith(Validator)}), or, in a validation that
 * looks nothing up, checked as absent (see {@link OfflineValidator}). The material describes no domain of its own:
 * it stands for whichever domain is validated with it.
 *
 * <ul>
 *   <li>{@link Builder#stsRecord(String...)} and {@link Builder#tlsRptRecord(String...)}: each call is one TXT
 *       record; a record may have several character-strings of at most 255 bytes each (joined without space, as
 *       RFC 8461 §3.1 and RFC 8460 §3 say), exactly as a zone file holds them. Any text is accepted: a record that
 *       is not valid gets the findings a published one would.</li>
 *   <li>{@link Builder#policy(String)} and {@link Builder#policy(byte[])}: a body served with status 200 and
 *       {@code Content-Type: text/plain}; {@link Builder#policyResponse(int, Map, byte[])} for any other status or
 *       headers. The response becomes the {@link PolicyFetch} an HTTPS fetcher reports for it (see
 *       {@link #policyFetch()}).</li>
 *   <li>{@link Builder#mx(int, String)} and {@link Builder#mx(String...)}: MX records; {@code "."} is the null MX
 *       of RFC 7505, and an exchange that is a DNS name but no host name (an IP address) is kept, as a resolver
 *       reports it.</li>
 * </ul>
 *
 * <p>An immutable value, safe to share between threads; equal when every part is.
 *
 * <pre>{@code
 * OfflineMaterial material = OfflineMaterial.builder()
 *         .stsRecord("v=STSv1; id=20260101T000000")
 *         .policy("version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n")
 *         .mx(10, "mx1.example.com")
 *         .tlsRptRecord("v=TLSRPTv1; ", "rua=mailto:tls@example.com")   // one record of two strings
 *         .build();
 * material.supplied();   // [STS_RECORD, POLICY, MX, TLSRPT_RECORD]
 * }</pre>
 *
 * @since 0.2.0
 */
public final class OfflineMaterial {

    /**
     * The most bytes of a TXT character-string (RFC 1035 §3.3.14: a length octet, then the bytes).
     */
    public static final int MAX_TXT_STRING_BYTES = 255;

    /** The preference {@link Builder#mx(String...)} gives each host. */
    public static final int DEFAULT_MX_PREFERENCE = 10;

    /**
     * The parts of a deployment that material can supply.
     *
     * @since 0.2.0
     */
    public enum Part {
        /** The TXT records at {@code _mta-sts.<domain>}. */
        STS_RECORD,
        /** The response to {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}. */
        POLICY,
        /** The domain's MX records. */
        MX,
        /** The TXT records at {@code _smtp._tls.<domain>}. */
        TLSRPT_RECORD;

        /**
         * @param domain the policy domain
         * @return where this part lives for that domain, such as {@code _mta-sts.example.com TXT}
         */
        public String where(DomainName domain) {
            Objects.requireNonNull(domain, "domain");
            return switch (this) {
                case STS_RECORD -> "_mta-sts." + domain.value() + " TXT";
                case POLICY -> "https://mta-sts." + domain.value() + "/.well-known/mta-sts.txt";
                case MX -> domain.value() + " MX";
                case TLSRPT_RECORD -> "_smtp._tls." + domain.value() + " TXT";
            };
        }
    }

    /** The name the MX records are checked against when they are supplied; any valid name would do. */
    private static final DomainName CHECKED_AT = DomainName.of("example.invalid");

    private final Optional<List<TxtRecord>> stsRecords;
    private final Optional<PolicyFetch> policyFetch;
    private final Optional<List<String>> mx;
    private final Optional<List<TxtRecord>> tlsRptRecords;

    private OfflineMaterial(Builder b) {
        this.stsRecords = b.stsRecords.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(b.stsRecords));
        this.policyFetch = b.policyFetch;
        this.mx = b.mx.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(b.mx));
        this.tlsRptRecords = b.tlsRptRecords.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(b.tlsRptRecords));
    }

    /** @return a builder with nothing supplied */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the {@code _mta-sts} TXT records, in order, when supplied */
    public Optional<List<TxtRecord>> stsRecords() {
        return stsRecords;
    }

    /**
     * The fetch an HTTPS fetcher reports for the supplied response, when a policy is supplied: outcome {@code OK}
     * for status 200 (with the body, the first 64 KiB and one byte of it at most), {@code TOO_LARGE} for a 200 body
     * over 64 KiB, {@code PROTOCOL_ERROR} for a 200 with a {@code Content-Encoding} other than {@code identity}
     * (fetchers ask for none), {@code REDIRECT} for a 3xx other than 304 with a {@code Location} header, and
     * {@code HTTP_STATUS} (without the body, which fetchers do not read) for any other status. It has no address,
     * no TLS facts and takes no time: the material is the response, not the connection.
     *
     * @return the fetch, when a policy is supplied
     */
    public Optional<PolicyFetch> policyFetch() {
        return policyFetch;
    }

    /** @return the MX records as a zone file writes them ({@code "10 mx1.example.com"}), in order, when supplied */
    public Optional<List<String>> mx() {
        return mx;
    }

    /** @return the {@code _smtp._tls} TXT records, in order, when supplied */
    public Optional<List<TxtRecord>> tlsRptRecords() {
        return tlsRptRecords;
    }

    /** @return the parts supplied, in the order of {@link Part} */
    public Set<Part> supplied() {
        EnumSet<Part> out = EnumSet.noneOf(Part.class);
        stsRecords.ifPresent(r -> out.add(Part.STS_RECORD));
        policyFetch.ifPresent(f -> out.add(Part.POLICY));
        mx.ifPresent(m -> out.add(Part.MX));
        tlsRptRecords.ifPresent(r -> out.add(Part.TLSRPT_RECORD));
        return java.util.Collections.unmodifiableSet(out);
    }

    /** @return the parts not supplied, in the order of {@link Part} */
    public Set<Part> notSupplied() {
        EnumSet<Part> out = EnumSet.allOf(Part.class);
        out.removeAll(supplied());
        return java.util.Collections.unmodifiableSet(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OfflineMaterial m && stsRecords.equals(m.stsRecords) && policyFetch.equals(m.policyFetch)
                && mx.equals(m.mx) && tlsRptRecords.equals(m.tlsRptRecords);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stsRecords, policyFetch, mx, tlsRptRecords);
    }

    /** @return the parts supplied, in words, for logs */
    @Override
    public String toString() {
        return "OfflineMaterial[" + stsRecords.map(r -> "stsRecords=" + r.size() + ", ").orElse("")
                + policyFetch.map(f -> "policy=" + f.outcome() + " " + f.statusCode().orElse(0) + " (" + f.bodySize()
                + " bytes), ").orElse("")
                + mx.map(m -> "mx=" + m + ", ").orElse("")
                + tlsRptRecords.map(r -> "tlsRptRecords=" + r.size() + ", ").orElse("")
                + "supplied=" + supplied() + "]";
    }

    /**
     * Collects the material, checking each piece as it comes: a value that no zone file or web server could hold
     * is refused at once with an {@link IllegalArgumentException} saying what is wrong. Not thread-safe; each
     * {@link #build()} gives an independent value.
     *
     * <pre>{@code
     * OfflineMaterial.Builder builder = OfflineMaterial.builder()
     *         .stsRecord("v=STSv1; id=20260101T000000")
     *         .policyResponse(404, Map.of("Content-Type", List.of("text/html")), new byte[0])
     *         .mx("mx1.example.com", "mx2.example.com");   // both at preference 10
     * OfflineMaterial material = builder.build();
     * }</pre>
     *
     * @since 0.2.0
     */
    public static final class Builder {
        private final List<TxtRecord> stsRecords = new ArrayList<>();
        private Optional<PolicyFetch> policyFetch = Optional.empty();
        private final List<String> mx = new ArrayList<>();
        private final List<TxtRecord> tlsRptRecords = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds one TXT record at {@code _mta-sts.<domain>}; call again for each further record (an unrelated one,
         * such as SPF, included).
         *
         * @param strings the record's character-strings, in order; at least one, each at most
         *                {@link #MAX_TXT_STRING_BYTES 255} bytes in UTF-8 ({@code ""} is a legal record)
         * @return this builder
         * @throws IllegalArgumentException when there is no string, or one is longer than 255 bytes
         */
        public Builder stsRecord(String... strings) {
            stsRecords.add(txtRecord(strings, "strings"));
            return this;
        }

        /**
         * Adds one TXT record at {@code _smtp._tls.<domain>}; call again for each further record.
         *
         * @param strings the record's character-strings, in order; at least one, each at most 255 bytes in UTF-8
         * @return this builder
         * @throws IllegalArgumentException when there is no string, or one is longer than 255 bytes
         */
        public Builder tlsRptRecord(String... strings) {
            tlsRptRecords.add(txtRecord(strings, "strings"));
            return this;
        }

        /**
         * Supplies the policy as text, served with status 200 and {@code Content-Type: text/plain}.
         *
         * @param text the policy file, encoded as UTF-8
         * @return this builder
         * @throws IllegalStateException when a policy was supplied already
         */
        public Builder policy(String text) {
            Objects.requireNonNull(text, "text");
            return policy(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Supplies the policy as bytes, served with status 200 and {@code Content-Type: text/plain}.
         *
         * @param body the policy file's bytes (copied; past 64 KiB only the first 64 KiB and a byte are kept, and
         *             the fetch is {@code TOO_LARGE}, as a fetcher stops reading there)
         * @return this builder
         * @throws IllegalStateException when a policy was supplied already
         */
        public Builder policy(byte[] body) {
            Objects.requireNonNull(body, "body");
            return policyResponse(200, Map.of("Content-Type", List.of("text/plain")), body);
        }

        /**
         * Supplies the policy as a whole HTTP response; see {@link OfflineMaterial#policyFetch()} for what each
         * status becomes. Headers are kept as given (names compared without case, values stripped of surrounding
         * white space, as an HTTP parser reads them); framing headers ({@code Content-Length},
         * {@code Transfer-Encoding}) are kept but not applied: the body is the body.
         *
         * <pre>{@code
         * OfflineMaterial redirect = OfflineMaterial.builder()
         *         .policyResponse(301, Map.of("Location", List.of("https://www.example.com/")), new byte[0])
         *         .build();
         * redirect.policyFetch().orElseThrow().outcome();   // REDIRECT
         * }</pre>
         *
         * @param status  the HTTP status: 101, or 200 to 999 (interim 1xx responses are not final answers)
         * @param headers the header fields by name, each with its values in order; {@code Map.of()} for none
         * @param body    the body's bytes (copied; read only for status 200, at most 64 KiB and a byte)
         * @return this builder
         * @throws IllegalArgumentException when the status is not a final HTTP status, a name is not an HTTP token,
         *                                  or a value holds CR, LF or NUL
         * @throws IllegalStateException    when a policy was supplied already
         */
        public Builder policyResponse(int status, Map<String, List<String>> headers, byte[] body) {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
            if (policyFetch.isPresent()) {
                throw new IllegalStateException("a policy was supplied already; material holds one response");
            }
            policyFetch = Optional.of(SuppliedResponse.fetch(status, checkedHeaders(headers),
                    Arrays.copyOf(body, Math.min(body.length, PolicyParser.MAX_POLICY_BYTES + 1)), body.length));
            return this;
        }

        /**
         * Adds one MX record.
         *
         * @param preference the preference, 0 to 65535
         * @param host       the exchange: a host name ({@code mx1.example.com}, a trailing dot allowed), or
         *                   {@code "."} for the null MX of RFC 7505
         * @return this builder
         * @throws IllegalArgumentException when the preference is out of range, or the host is not a DNS name
         */
        public Builder mx(int preference, String host) {
            Objects.requireNonNull(host, "host");
            if (preference < 0 || preference > 65535) {
                throw new IllegalArgumentException("MX preference " + preference + " is outside 0..65535");
            }
            if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("an MX exchange is one DNS name without spaces, not '" + host
                        + "'");
            }
            String line = preference + " " + host;
            MxAnswer.found(CHECKED_AT, line);   // refuses what no resolver could answer, with the reason
            mx.add(line);
            return this;
        }

        /**
         * Adds one MX record per host, each at preference {@link #DEFAULT_MX_PREFERENCE 10}, in the order given.
         *
         * @param hosts the exchanges; at least one
         * @return this builder
         * @throws IllegalArgumentException when there is no host, or one is not a DNS name
         */
        public Builder mx(String... hosts) {
            Objects.requireNonNull(hosts, "hosts");
            if (hosts.length == 0) {
                throw new IllegalArgumentException("give at least one MX host");
            }
            for (int i = 0; i < hosts.length; i++) {
                mx(DEFAULT_MX_PREFERENCE, Objects.requireNonNull(hosts[i], "hosts[" + i + "]"));
            }
            return this;
        }

        /** @return the material */
        public OfflineMaterial build() {
            return new OfflineMaterial(this);
        }

        private static TxtRecord txtRecord(String[] strings, String parameter) {
            Objects.requireNonNull(strings, parameter);
            if (strings.length == 0) {
                throw new IllegalArgumentException("a TXT record has at least one character-string: give one (\"\""
                        + " for an empty record)");
            }
            for (int i = 0; i < strings.length; i++) {
                String s = Objects.requireNonNull(strings[i], parameter + "[" + i + "]");
                int bytes = s.getBytes(StandardCharsets.UTF_8).length;
                if (bytes > MAX_TXT_STRING_BYTES) {
                    throw new IllegalArgumentException("TXT character-string " + (i + 1) + " is " + bytes + " bytes;"
                            + " DNS holds at most " + MAX_TXT_STRING_BYTES + " in one: split it into several strings"
                            + " of the same record (they are joined without space)");
                }
            }
            return new TxtRecord(List.of(strings));
        }

        private static Map<String, List<String>> checkedHeaders(Map<String, List<String>> headers) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            headers.forEach((name, values) -> {
                Objects.requireNonNull(name, "headers");
                Objects.requireNonNull(values, "headers");
                if (!SuppliedResponse.isToken(name)) {
                    throw new IllegalArgumentException("HTTP header name '" + name + "' is not a token (letters,"
                            + " digits and !#$%&'*+-.^_`|~, no space or colon)");
                }
                List<String> kept = new ArrayList<>();
                for (String value : values) {
                    Objects.requireNonNull(value, "headers");
                    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
                        throw new IllegalArgumentException("the value of HTTP header '" + name + "' holds CR, LF"
                                + " or NUL, which no header line can");
                    }
                    kept.add(value.strip());
                }
                out.computeIfAbsent(name, n -> new ArrayList<>()).addAll(kept);
            });
            return out;
        }
    }
}
