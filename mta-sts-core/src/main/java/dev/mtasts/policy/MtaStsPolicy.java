package dev.mtasts.policy;

import dev.mtasts.DomainName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A valid MTA-STS policy (RFC 8461 §3.2): version {@code STSv1}, a {@link PolicyMode}, the {@code mx} patterns in
 * order, {@code max_age}, and any extension fields in order.
 *
 * <p>An immutable value: the constructor enforces every rule the grammar makes (mode {@code none} is the only
 * mode allowed without {@code mx}; {@code max_age} is whole seconds from 0 to {@value #MAX_AGE_LIMIT_SECONDS};
 * an extension name appears at most once, C13). A repeated {@code mx} pattern is kept, as the file has it.
 * {@link #toText()} writes the canonical CRLF form, and {@code parse(p.toText()).equals(p)} holds for every policy.
 *
 * <pre>{@code
 * MtaStsPolicy policy = MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 604800\n");
 * policy.matches("mx1.example.com");                 // true
 * policy.withMode(PolicyMode.TESTING).toText();       // "version: STSv1\r\nmode: testing\r\n..."
 * MtaStsPolicy.builder().mode(PolicyMode.ENFORCE).mx("mx1.example.com").maxAge(Duration.ofDays(7)).build();
 * }</pre>
 *
 * @param version    always {@code STSv1}
 * @param mode       the mode
 * @param mx         the mx patterns, in file order
 * @param maxAge     the cache lifetime
 * @param extensions extension fields, in file order
 * @since 0.1.0
 */
public record MtaStsPolicy(String version, PolicyMode mode, List<MxPattern> mx, Duration maxAge,
                           List<PolicyExtension> extensions) {

    /** The only version RFC 8461 defines. */
    public static final String VERSION_STSV1 = "STSv1";

    /** The largest {@code max_age} RFC 8461 §3.2 allows: 31557600 seconds, about a year. */
    public static final long MAX_AGE_LIMIT_SECONDS = 31_557_600L;

    /** Validates the components. */
    public MtaStsPolicy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(mx, "mx");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(extensions, "extensions");
        mx = List.copyOf(mx);
        extensions = List.copyOf(extensions);
        if (!VERSION_STSV1.equals(version)) {
            throw new IllegalArgumentException("version must be STSv1, not '" + version + "'");
        }
        if (maxAge.isNegative() || maxAge.getNano() != 0 || maxAge.getSeconds() > MAX_AGE_LIMIT_SECONDS) {
            throw new IllegalArgumentException("max_age must be whole seconds from 0 to " + MAX_AGE_LIMIT_SECONDS
                    + ", not " + maxAge);
        }
        if (extensions.size() > 1) { // one extension cannot repeat: no set to build for the usual policy
            Set<String> names = new HashSet<>();
            for (PolicyExtension extension : extensions) {
                if (!names.add(extension.name())) {
                    // RFC 8461 §3.2, C13: a parser ignores every repeat, so parse(toText()) could not give this policy back
                    throw new IllegalArgumentException("extension field '" + extension.name()
                            + "' appears twice; a field other than mx may appear once");
                }
            }
        }
        if (mx.isEmpty() && mode != PolicyMode.NONE) {
            throw new IllegalArgumentException("mode " + mode.token() + " needs at least one mx pattern");
        }
    }

    /**
     * Parses a policy file, rejecting it at its first {@code ERROR}: the throwing counterpart of
     * {@link PolicyParser#lenient()}, which reads the same way and returns every problem instead. Warnings (such as a
     * short {@code max_age}) do not stop the parse; read them with the lenient parser.
     *
     * @param text the policy body
     * @return the policy
     * @throws PolicyParseException at the first error, with its line, column and reason, and every problem found
     */
    public static MtaStsPolicy parse(String text) {
        PolicyParseResult result = PolicyParser.lenient().parse(Objects.requireNonNull(text, "text"));
        if (result.policy().isEmpty()) {
            throw new PolicyParseException(result.errors().get(0), result.problems());
        }
        return result.policy().get();
    }

    /** @return a builder with no mx, mode testing and max_age 86400 seconds */
    public static Builder builder() {
        return new Builder();
    }

    /** @return max_age in seconds */
    public long maxAgeSeconds() {
        return maxAge.getSeconds();
    }

    /**
     * @param host an MX host name; case and one trailing dot are ignored, and a host that {@link DomainName#of}
     *             rejects (an IP address, a name with {@code *} or whitespace) never matches (D2, D6, D7)
     * @return true if at least one {@code mx} pattern matches (RFC 8461 §4.1)
     */
    public boolean matches(String host) {
        Objects.requireNonNull(host, "host");
        return DomainName.tryParse(host).map(this::matches).orElse(false);
    }

    /**
     * Says which pattern matches an MX host, or why none does: {@link MxMatchExplanation#of(DomainName, List)} with
     * this policy's patterns.
     *
     * <pre>{@code
     * policy.explain(DomainName.of("a.b.example.com")).text();
     * // "'*.example.com' covers exactly one label below example.com, but a.b.example.com is two labels below it ('a.b')"
     * }</pre>
     *
     * @param host an MX host name
     * @return the explanation; {@link MxMatchExplanation#matches()} equals {@link #matches(DomainName)}
     * @since 0.2.0
     */
    public MxMatchExplanation explain(DomainName host) {
        return MxMatchExplanation.of(Objects.requireNonNull(host, "host"), mx);
    }

    /**
     * @param host an MX host name
     * @return true if at least one {@code mx} pattern matches (RFC 8461 §4.1)
     */
    public boolean matches(DomainName host) {
        Objects.requireNonNull(host, "host");
        for (MxPattern pattern : mx) {
            if (pattern.matches(host)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param newMode the mode of the copy
     * @return this policy with another mode
     * @throws IllegalArgumentException when the copy would have no mx in a mode that needs one
     */
    public MtaStsPolicy withMode(PolicyMode newMode) {
        return new MtaStsPolicy(version, Objects.requireNonNull(newMode, "newMode"), mx, maxAge, extensions);
    }

    /**
     * @param newMaxAge the max_age of the copy
     * @return this policy with another max_age
     */
    public MtaStsPolicy withMaxAge(Duration newMaxAge) {
        return new MtaStsPolicy(version, mode, mx, Objects.requireNonNull(newMaxAge, "newMaxAge"), extensions);
    }

    /**
     * Writes the canonical policy file: {@code version}, {@code mode}, each {@code mx}, {@code max_age}, then the
     * extensions, one field a line, each line ending in CRLF.
     *
     * @return the policy file text
     */
    public String toText() {
        StringBuilder out = new StringBuilder(64 + 32 * mx.size());
        out.append(PolicyField.VERSION).append(": ").append(version).append("\r\n");
        out.append(PolicyField.MODE).append(": ").append(mode.token()).append("\r\n");
        for (MxPattern pattern : mx) {
            out.append(PolicyField.MX).append(": ").append(pattern.text()).append("\r\n");
        }
        out.append(PolicyField.MAX_AGE).append(": ").append(maxAge.getSeconds()).append("\r\n");
        for (PolicyExtension extension : extensions) {
            out.append(extension.name()).append(": ").append(extension.value()).append("\r\n");
        }
        return out.toString();
    }

    /** Builds a policy; not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private PolicyMode mode = PolicyMode.TESTING;
        private final List<MxPattern> mx = new ArrayList<>();
        private Duration maxAge = Duration.ofDays(1);
        private final List<PolicyExtension> extensions = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param mode the mode; default {@link PolicyMode#TESTING}
         * @return this builder
         */
        public Builder mode(PolicyMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Adds an mx pattern.
         *
         * @param pattern such as {@code mx1.example.com} or {@code *.example.com}
         * @return this builder
         * @throws IllegalArgumentException if the pattern is not valid
         */
        public Builder mx(String pattern) {
            mx.add(MxPattern.of(Objects.requireNonNull(pattern, "pattern")));
            return this;
        }

        /**
         * @param pattern an mx pattern to add
         * @return this builder
         */
        public Builder mx(MxPattern pattern) {
            mx.add(Objects.requireNonNull(pattern, "pattern"));
            return this;
        }

        /**
         * @param maxAge the cache lifetime; default one day (86400 seconds)
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
            return this;
        }

        /**
         * Adds an extension field.
         *
         * @param name  extension field name
         * @param value extension field value
         * @return this builder
         * @throws IllegalArgumentException if the name or value breaks the grammar, or the name is a policy field
         */
        public Builder extension(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            extensions.add(new PolicyExtension(name, value));
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalArgumentException if the fields do not make a valid policy
         */
        public MtaStsPolicy build() {
            return new MtaStsPolicy(VERSION_STSV1, mode, mx, maxAge, extensions);
        }
    }
}
