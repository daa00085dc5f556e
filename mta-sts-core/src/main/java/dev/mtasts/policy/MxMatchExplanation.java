package dev.mtasts.policy;

import dev.mtasts.DomainName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an MX host matches a policy's {@code mx} patterns, or why it matches none of them, in words (RFC 8461 §4.1,
 * rules D3 to D8): which pattern matched, exactly or as a wildcard (naming the one label the {@code *} stands for),
 * or what the closest pattern gets wrong: a wildcard one label too shallow for the host, a wildcard over the host's own
 * name, an exact pattern for a domain above the host, a pattern with one label spelt differently, or no pattern in the
 * host's domain at all.
 *
 * <p>An immutable value, safe to share between threads. {@link #kind()} says which case it is, {@link #pattern()} the
 * pattern it is about, {@link #label()} the label it turns on, and {@link #text()} all of it as a clause for a
 * message.
 *
 * <pre>{@code
 * List<MxPattern> patterns = List.of(MxPattern.of("*.mx.example.net"));
 * MxMatchExplanation why = MxMatchExplanation.of(DomainName.of("a.b.mx.example.net"), patterns);
 * why.kind();      // WILDCARD_TOO_DEEP
 * why.label();     // Optional[a.b]
 * why.text();      // "'*.mx.example.net' covers exactly one label below mx.example.net, but a.b.mx.example.net
 *                  //  is two labels below it ('a.b')"
 * MxMatchExplanation.of(DomainName.of("mx1.mx.example.net"), patterns).text();
 *                  // "'*.mx.example.net' covers mx1.mx.example.net: the '*' stands for its one label 'mx1'"
 * policy.explain(DomainName.of("mx2.example.org"));     // the same, against a policy's patterns
 * }</pre>
 *
 * @since 0.2.0
 */
public final class MxMatchExplanation {

    /** Which case an explanation is. */
    public enum Kind {
        /** An exact pattern names the host. */
        EXACT,
        /** A wildcard covers the host; {@link #label()} is the host's first label, the one {@code *} stands for. */
        WILDCARD,
        /**
         * A wildcard's domain is above the host, but more than one label up ({@code *.example.com} and
         * {@code a.b.example.com}); {@link #label()} is the labels too many ({@code a.b}).
         */
        WILDCARD_TOO_DEEP,
        /** The host is the wildcard's own domain ({@code *.example.com} and {@code example.com}). */
        WILDCARD_NOT_ITSELF,
        /**
         * An exact pattern names a domain above the host ({@code example.com} and {@code mx.example.com}); an exact
         * pattern covers that one name only. {@link #label()} is the labels between ({@code mx}).
         */
        EXACT_ABOVE_HOST,
        /**
         * A pattern with as many labels differs in one of them ({@code mx1.exmaple.com} and {@code mx1.example.com}):
         * often a typo. {@link #label()} is the host's label at that place ({@code example}).
         */
        ONE_LABEL_DIFFERS,
        /** A pattern names a host below this one ({@code mx.example.com} and {@code example.com}). */
        PATTERN_BELOW_HOST,
        /**
         * None of the above: no pattern in the host's domain. {@link #pattern()} is the one that shares the most labels
         * with the host, when any shares one.
         */
        NO_MATCH,
        /** The policy lists no {@code mx} pattern. */
        NO_PATTERNS,
        /** No pattern matches, and the patterns were not given to say why ({@link #fromMatch}). */
        UNEXPLAINED;

        /** @return true for {@link #EXACT} and {@link #WILDCARD}: the host is covered */
        public boolean isMatch() {
            return this == EXACT || this == WILDCARD;
        }
    }

    private final DomainName host;
    private final Kind kind;
    private final Optional<MxPattern> pattern;
    private final Optional<String> label;
    private final String text;

    private MxMatchExplanation(DomainName host, Kind kind, Optional<MxPattern> pattern, Optional<String> label,
                               String text) {
        this.host = host;
        this.kind = kind;
        this.pattern = pattern;
        this.label = label;
        this.text = text;
    }

    /**
     * Matches a host against patterns, as a sender does (the first pattern that matches is named), and says why it
     * matches or why none does. Linear in the patterns and the length of the names; the patterns are read in order.
     *
     * @param host     the MX host
     * @param patterns the policy's {@code mx} patterns, in file order
     * @return the explanation
     */
    public static MxMatchExplanation of(DomainName host, List<MxPattern> patterns) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(patterns, "patterns");
        for (MxPattern p : patterns) {
            if (p.matches(host)) {
                return matched(host, p);
            }
        }
        if (patterns.isEmpty()) {
            return new MxMatchExplanation(host, Kind.NO_PATTERNS, Optional.empty(), Optional.empty(),
                    "the policy lists no mx pattern");
        }
        return NearMiss.of(host, patterns);
    }

    /**
     * What can be said from the matching pattern alone, for a caller that did not keep the others: a match, or
     * {@link Kind#UNEXPLAINED}.
     *
     * <p>The pattern is taken as given, not matched again: this is how a report built before explanations existed
     * ({@code MxHostResult}'s older constructors) gets one.
     *
     * @param host      the MX host
     * @param matchedBy the first pattern that matches the host, or empty when none does
     * @return the explanation
     */
    public static MxMatchExplanation fromMatch(DomainName host, Optional<MxPattern> matchedBy) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(matchedBy, "matchedBy");
        if (matchedBy.isEmpty()) {
            return new MxMatchExplanation(host, Kind.UNEXPLAINED, Optional.empty(), Optional.empty(),
                    "no mx pattern of the policy matches " + host);
        }
        return matched(host, matchedBy.get());
    }

    private static MxMatchExplanation matched(DomainName host, MxPattern p) {
        if (!p.isWildcard()) {
            return new MxMatchExplanation(host, Kind.EXACT, Optional.of(p), Optional.empty(),
                    "'" + p + "' names " + host + " exactly");
        }
        int dot = host.value().indexOf('.');
        String first = dot < 0 ? host.value() : host.value().substring(0, dot);
        return new MxMatchExplanation(host, Kind.WILDCARD, Optional.of(p), Optional.of(first),
                "'" + p + "' covers " + host + ": the '*' stands for its one label '" + first + "'");
    }

    /** Builds a near miss; for {@link NearMiss}. */
    static MxMatchExplanation miss(DomainName host, Kind kind, Optional<MxPattern> pattern, Optional<String> label,
                                   String text) {
        return new MxMatchExplanation(host, kind, pattern, label, text);
    }

    /** @return the MX host explained */
    public DomainName host() {
        return host;
    }

    /** @return which case this is */
    public Kind kind() {
        return kind;
    }

    /** @return true when a pattern matches the host */
    public boolean matches() {
        return kind.isMatch();
    }

    /**
     * @return the pattern the explanation is about: the first that matches, or the closest one that does not; empty
     *     for {@link Kind#NO_PATTERNS}, {@link Kind#UNEXPLAINED}, and {@link Kind#NO_MATCH} when no pattern shares a
     *     label with the host
     */
    public Optional<MxPattern> pattern() {
        return pattern;
    }

    /** @return the pattern that matches the host, when one does */
    public Optional<MxPattern> matchedBy() {
        return matches() ? pattern : Optional.empty();
    }

    /** @return the label or labels the explanation turns on, as {@link Kind} says for each case */
    public Optional<String> label() {
        return label;
    }

    /**
     * @return the explanation as a clause, without a capital or a full stop, for a message: {@code "'*.example.com'
     *     covers exactly one label below example.com, but a.b.example.com is two labels below it ('a.b')"}
     */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MxMatchExplanation other && host.equals(other.host) && kind == other.kind
                && pattern.equals(other.pattern) && label.equals(other.label) && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, kind, pattern, label, text);
    }

    @Override
    public String toString() {
        return text;
    }
}
