package dev.mtasts.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour a {@link TestDnsServer} shows for one name, to test how a client copes with a
 * broken, slow or hostile DNS.
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
 * <p>Hostile servers, and a blind spoofer racing the real one:
 *
 * <pre>{@code
 * TestDnsServer dns = sandbox.dnsServer();
 * dns.fault("_mta-sts.example.com", DnsFault.spoofedFirst(3));   // 3 forged replies (wrong IDs), then the answer
 * dns.fault("_smtp._tls.example.com", DnsFault.wrongId());       // only forged replies: the client times out
 * dns.fault("example.com", "MX", DnsFault.answerFor("evil.example.net"));   // the reply is about another question
 * dns.fault("mta-sts.example.com", DnsFault.foreignRecords("evil.example.net")); // right question, others' records
 * dns.fault("big.example.com", DnsFault.silentTcp());            // TC over UDP, then a TCP connection that stalls
 * }</pre>
 *
 * @param kind  what the server does
 * @param delay how long the server waits before answering; zero except for {@link Kind#DELAY}
 * @param count how many forged replies come before the real one; zero except for {@link Kind#SPOOFED_FIRST}
 * @param other the name the reply is about instead of the one asked; empty except for {@link Kind#ANSWER_FOR} and
 *              {@link Kind#FOREIGN_RECORDS}
 * @since 0.1.0
 */
public record DnsFault(Kind kind, Duration delay, int count, String other) {

    /** The most forged replies {@link #spoofedFirst(int)} sends before the real one. */
    public static final int MAX_SPOOFED = 1000;

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
        MALFORMED,
        /**
         * Answers only with replies whose transaction ID is not the query's (over UDP and TCP): what a blind spoofer
         * sends. A client that follows RFC 5452 §9.1 discards them and times out.
         */
        WRONG_ID,
        /**
         * Sends {@link DnsFault#count()} forged replies first (wrong transaction IDs, RCODE NXDOMAIN), then the real
         * answer, over UDP and TCP: a client that discards replies that do not match its query gets the answer.
         */
        SPOOFED_FIRST,
        /**
         * Answers with the query's ID but the question and answer of {@link DnsFault#other()}, as if another query
         * had been asked: RFC 5452 §9.1 says such a reply is not an answer to the query.
         */
        ANSWER_FOR,
        /**
         * Answers the question asked (ID and question intact) with records owned by {@link DnsFault#other()}, of the
         * type asked for, and nothing about the name asked.
         */
        FOREIGN_RECORDS,
        /**
         * Over UDP answers with the TC flag, so the client moves to TCP; over TCP reads the query and then stalls the
         * whole connection: it never answers, never reads again, and keeps the connection open until the server
         * closes (or 30 seconds pass). Any other query sent on that connection is never answered either.
         */
        SILENT_TCP
    }

    /**
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the delay is negative or the count out of range, or a component is set
     *                                  for a kind that does not use it
     */
    public DnsFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(other, "other");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay is negative: " + delay);
        }
        if (kind != Kind.DELAY && !delay.isZero()) {
            throw new IllegalArgumentException("only a DELAY fault has a delay, not " + kind);
        }
        if (kind == Kind.SPOOFED_FIRST ? count < 1 || count > MAX_SPOOFED : count != 0) {
            throw new IllegalArgumentException(kind == Kind.SPOOFED_FIRST
                    ? "count must be 1 to " + MAX_SPOOFED + ", not " + count
                    : "only a SPOOFED_FIRST fault has a count, not " + kind);
        }
        boolean named = kind == Kind.ANSWER_FOR || kind == Kind.FOREIGN_RECORDS;
        if (named == other.isEmpty()) {
            throw new IllegalArgumentException(named ? kind + " needs the other name"
                    : "only ANSWER_FOR and FOREIGN_RECORDS faults name another name, not " + kind);
        }
        if (named) {
            DnsZone.absolute(other); // a DNS name, or IllegalArgumentException
        }
    }

    /**
     * A fault without a count or another name.
     *
     * @param kind  what the server does
     * @param delay how long the server waits before answering; zero except for {@link Kind#DELAY}
     */
    public DnsFault(Kind kind, Duration delay) {
        this(kind, delay, 0, "");
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

    /**
     * Replies only with forged transaction IDs, as a blind spoofer does; the real answer never comes.
     *
     * <pre>{@code
     * sandbox.dnsServer().fault("_mta-sts.example.com", DnsFault.wrongId());   // a careful client times out
     * }</pre>
     *
     * @return a fault whose every reply has a transaction ID other than the query's
     */
    public static DnsFault wrongId() {
        return new DnsFault(Kind.WRONG_ID, Duration.ZERO);
    }

    /**
     * Sends forged replies (wrong transaction IDs, NXDOMAIN) ahead of the real answer, as a spoofer racing the real
     * server does.
     *
     * <pre>{@code
     * sandbox.dnsServer().fault("_mta-sts.example.com", DnsFault.spoofedFirst(5));   // the answer is 6th
     * }</pre>
     *
     * @param forged how many forged replies come first, 1 to {@link #MAX_SPOOFED}
     * @return the fault
     */
    public static DnsFault spoofedFirst(int forged) {
        return new DnsFault(Kind.SPOOFED_FIRST, Duration.ZERO, forged, "");
    }

    /**
     * Answers with the right transaction ID but about another question: the question section and the answer are
     * those of a query for {@code other} of the same type.
     *
     * <pre>{@code
     * sandbox.dnsServer().fault("example.com", "MX", DnsFault.answerFor("evil.example.net"));
     * }</pre>
     *
     * @param other the name the reply is about, in a zone of this server or not
     * @return the fault
     */
    public static DnsFault answerFor(String other) {
        return new DnsFault(Kind.ANSWER_FOR, Duration.ZERO, 0, Objects.requireNonNull(other, "other"));
    }

    /**
     * Answers the question asked with the records {@code other} has of the type asked for, owned by {@code other}:
     * a reply that says nothing about the name asked.
     *
     * <pre>{@code
     * sandbox.dnsServer().zone("example.net").txt("evil.example.net", "v=STSv1; id=evil");
     * sandbox.dnsServer().fault("_mta-sts.example.com", DnsFault.foreignRecords("evil.example.net"));
     * }</pre>
     *
     * @param other the name whose records are sent, in a zone of this server
     * @return the fault
     */
    public static DnsFault foreignRecords(String other) {
        return new DnsFault(Kind.FOREIGN_RECORDS, Duration.ZERO, 0, Objects.requireNonNull(other, "other"));
    }

    /**
     * Truncates the UDP answer and then stalls the TCP connection the client opens: it reads the query and never
     * answers anything on that connection again, nor closes it (until the server closes, or 30 seconds pass).
     *
     * <pre>{@code
     * sandbox.dnsServer().fault("big.example.com", DnsFault.silentTcp());   // this look-up times out...
     * // ...and a client that shares one TCP connection per server waits in vain for its next TCP answers too
     * }</pre>
     *
     * @return the fault
     */
    public static DnsFault silentTcp() {
        return new DnsFault(Kind.SILENT_TCP, Duration.ZERO);
    }
}
