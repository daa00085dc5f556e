package dev.mtasts.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour a {@link TestDnsServer} shows for one name, to test how a client copes with a
 * broken or slow DNS.
 *
 * <p>This type is an immutable value.
 *
 * <pre>{@code
 * TestDnsServer dns = sandbox.dnsServer();
 * dns.fault("_mta-sts.example.com", DnsFault.drop());                      // the client times out
 * dns.fault("example.com", "MX", DnsFault.delay(Duration.ofMillis(300)));  // a slow MX answer
 * dns.fault("big.example.com", DnsFault.truncated());                     // TC over UDP, full over TCP
 * }</pre>
 *
 * @param kind  what the server does
 * @param delay how long the server waits before answering; zero except for {@link Kind#DELAY}
 * @since 0.1.0
 */
public record DnsFault(Kind kind, Duration delay) {

    /** What the server does with a query for the faulty name. */
    public enum Kind {
        /** Answers normally, but late. */
        DELAY,
        /** Never answers: over UDP the query is ignored, over TCP the connection stays silent. */
        DROP,
        /** Answers with RCODE SERVFAIL. */
        SERVFAIL,
        /** Answers with RCODE REFUSED. */
        REFUSED,
        /** Over UDP answers with the TC flag and no records, whatever the size; over TCP answers in full. */
        TRUNCATED,
        /** Answers with the query's ID followed by bytes that are not a DNS message. */
        MALFORMED
    }

    /**
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the delay is negative, or non-zero for a kind other than DELAY
     */
    public DnsFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay is negative: " + delay);
        }
        if (kind != Kind.DELAY && !delay.isZero()) {
            throw new IllegalArgumentException("only a DELAY fault has a delay, not " + kind);
        }
    }

    /**
     * @param delay how long to wait before answering
     * @return a fault that answers normally after the delay
     */
    public static DnsFault delay(Duration delay) {
        return new DnsFault(Kind.DELAY, delay);
    }

    /** @return a fault that never answers, so that the client times out */
    public static DnsFault drop() {
        return new DnsFault(Kind.DROP, Duration.ZERO);
    }

    /** @return a fault that answers SERVFAIL */
    public static DnsFault servfail() {
        return new DnsFault(Kind.SERVFAIL, Duration.ZERO);
    }

    /** @return a fault that answers REFUSED */
    public static DnsFault refused() {
        return new DnsFault(Kind.REFUSED, Duration.ZERO);
    }

    /** @return a fault that truncates every UDP answer, so that the client must retry over TCP */
    public static DnsFault truncated() {
        return new DnsFault(Kind.TRUNCATED, Duration.ZERO);
    }

    /** @return a fault that answers with a packet no DNS parser accepts */
    public static DnsFault malformed() {
        return new DnsFault(Kind.MALFORMED, Duration.ZERO);
    }
}
