package dev.mtasts.dns;

/**
 * Whether raw reply bytes answer a query (RFC 5452 §9.1): the same transaction ID and, where the reply's question
 * can be read, the same question (name compared without regard to ASCII case, type and class). Works on the wire
 * bytes, before anything is parsed, so that a garbled reply that is not ours cannot spoil the exchange.
 */
final class ReplyMatch {

    private static final int HEADER = 12;

    private ReplyMatch() {
    }

    /**
     * @param query the query as sent
     * @param reply the bytes received
     * @return false when the reply is certainly not an answer to the query: shorter than an ID, another ID, or a
     *         readable question that differs; true otherwise, malformed replies with the right ID included (they
     *         are ours, and the parser says what is wrong with them)
     */
    static boolean matches(byte[] query, byte[] reply) {
        return why(query, reply).isEmpty();
    }

    /** @return why the reply does not match, or an empty string when it does */
    static String why(byte[] query, byte[] reply) {
        if (reply.length < 2) {
            return "a reply of " + reply.length + " byte(s)";
        }
        if (id(reply) != id(query)) {
            return "transaction id " + id(reply);
        }
        if (reply.length < HEADER || u16(reply, 4) != 1) {
            return "";
        }
        int queryEnd = questionEnd(query);
        int replyEnd = questionEnd(reply);
        if (queryEnd < 0 || replyEnd < 0) {
            return "";
        }
        if (queryEnd != replyEnd) {
            return "another question";
        }
        for (int i = HEADER; i < queryEnd; i++) {
            boolean name = i < queryEnd - 4; // the name without regard to case; type and class exactly
            if (name ? lower(query[i]) != lower(reply[i]) : query[i] != reply[i]) {
                return "another question";
            }
        }
        return "";
    }

    static int id(byte[] message) {
        return u16(message, 0);
    }

    /** @return the offset just after the first question, or -1 when it cannot be read without pointers */
    private static int questionEnd(byte[] wire) {
        int pos = HEADER;
        while (pos < wire.length) {
            int len = wire[pos] & 0xFF;
            if (len == 0) {
                pos += 1 + 4; // the root label, type and class
                return pos <= wire.length ? pos : -1;
            }
            if (len > 63) {
                return -1; // a compression pointer or an obsolete label type: not a plain first name
            }
            pos += 1 + len;
        }
        return -1;
    }

    /** Lower-cases ASCII letters; label length bytes (at most 63) are below 'A' and stay as they are. */
    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    private static int u16(byte[] wire, int pos) {
        return (wire[pos] & 0xFF) << 8 | wire[pos + 1] & 0xFF;
    }
}
