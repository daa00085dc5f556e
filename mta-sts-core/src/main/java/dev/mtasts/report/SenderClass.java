package dev.mtasts.report;

/**
 * A class of real senders that deviates from RFC 8461 in a way that can make it ignore or reject a policy the RFC
 * allows. (Scaffold: the interoperability table is being written.)
 *
 * @since 0.2.0
 */
public enum SenderClass {
    /** Senders that parse the policy with the strict ABNF and reject what it does not allow. */
    STRICT_ABNF
}
