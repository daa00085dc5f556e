package dev.mtasts.dns;

import dev.mtasts.resolver.DnsOutcome;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.xbill.DNS.Message;

/**
 * What came of sending one question, retries and TCP fallback included: a usable reply, or a failure.
 *
 * @param reply   the reply with RCODE NOERROR or NXDOMAIN; empty on failure
 * @param failure the failure outcome when {@code reply} is empty; {@code FOUND} otherwise (unused)
 * @param detail  why it failed, for people; empty when the reply is usable
 * @param server  the server that sent the last reply, or was last asked
 */
record Exchange(Optional<Message> reply, DnsOutcome failure, String detail, Optional<InetSocketAddress> server) {

    static Exchange replied(Message reply, InetSocketAddress server) {
        return new Exchange(Optional.of(reply), DnsOutcome.FOUND, "", Optional.of(server));
    }

    static Exchange failed(DnsOutcome outcome, String detail, Optional<InetSocketAddress> server) {
        return new Exchange(Optional.empty(), outcome, detail, server);
    }

    boolean isFailure() {
        return reply.isEmpty();
    }
}
