package dev.mtasts.dns;

import dev.mtasts.resolver.DnsOutcome;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Sends one question: over UDP, again over TCP when the reply is truncated, to the next name server
 * when a server times out, fails or refuses, until the retries or the deadline run out. Never blocks
 * a thread: every step is a stage of dnsjava's NIO client.
 */
final class Exchanger {

    private static final Logger LOG = LoggerFactory.getLogger(DnsjavaResolver.class);

    /** The EDNS0 payload size announced (the DNS Flag Day 2020 value, which avoids IP fragmentation). */
    static final int EDNS_PAYLOAD = 1232;

    /** How long after an exchange's own time-out the stage is failed anyway, should the sockets not end it. */
    private static final long SAFETY_NET_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Supplier<List<InetSocketAddress>> servers;
    private final Duration timeout;
    private final int retries;
    private final Executor executor;

    Exchanger(Supplier<List<InetSocketAddress>> servers, Duration timeout, int retries, Executor executor) {
        this.servers = servers;
        this.timeout = timeout;
        this.retries = retries;
        this.executor = executor;
    }

    /**
     * @param deadlineNanos the {@link System#nanoTime()} by which the exchange must end
     * @return a stage that always completes normally
     */
    CompletableFuture<Exchange> send(Name name, int type, long deadlineNanos) {
        List<InetSocketAddress> list = servers.get();
        if (list.isEmpty()) {
            return CompletableFuture.completedFuture(
                    Exchange.failed(DnsOutcome.NETWORK_ERROR, "no name server is configured", Optional.empty()));
        }
        return attempt(name, type, list, 0, deadlineNanos);
    }

    private CompletableFuture<Exchange> attempt(Name name, int type, List<InetSocketAddress> list, int attempt,
            long deadlineNanos) {
        InetSocketAddress server = list.get(attempt % list.size());
        return once(name, type, server, false, deadlineNanos).thenComposeAsync(exchange -> {
            boolean retryable = exchange.isFailure();
            if (retryable && attempt < retries && System.nanoTime() < deadlineNanos) {
                LOG.debug("DNS {} {}: {} from {}, retrying ({} of {})", name, Type.string(type), exchange.failure(),
                        server, attempt + 1, retries);
                return attempt(name, type, list, attempt + 1, deadlineNanos);
            }
            return CompletableFuture.completedFuture(exchange);
        }, executor);
    }

    private CompletableFuture<Exchange> once(Name name, int type, InetSocketAddress server, boolean tcp,
            long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return CompletableFuture.completedFuture(Exchange.failed(DnsOutcome.TIMEOUT,
                    "the look-up deadline passed before a reply came", Optional.of(server)));
        }
        long wait = Math.min(timeout.toNanos(), remaining);
        SimpleResolver resolver = resolver(server, tcp, wait);
        resolver.setIoClientFactory(type == Type.TLSA ? ShortTlsa.around(DnsSockets.SHARED) : DnsSockets.SHARED);
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        query.getHeader().setFlag(Flags.AD); // RFC 6840 §5.7: ask for the AD bit
        long start = System.nanoTime();
        CompletableFuture<Message> sent;
        try {
            sent = resolver.sendAsync(query, executor).toCompletableFuture().copy();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        // the sockets end the exchange at `wait` themselves (closing the socket, counting discarded replies); this
        // later time-out is only a safety net
        return sent.orTimeout(wait + SAFETY_NET_NANOS, TimeUnit.NANOSECONDS).handleAsync((reply, error) -> {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            String transport = tcp ? "tcp" : "udp";
            if (error != null) {
                DnsOutcome outcome = Failures.outcomeOf(error);
                int discarded = Failures.unwrap(error) instanceof DnsSockets.ReplyTimeout
                        ? ((DnsSockets.ReplyTimeout) Failures.unwrap(error)).discarded() : 0;
                String detail = outcome != DnsOutcome.TIMEOUT
                        ? Failures.describe(error) + " (" + address(server) + " over " + transport + ")"
                        : discarded == 0
                        ? "no reply from " + address(server) + " over " + transport + " within " + millis + " ms"
                        : "no reply from " + address(server) + " over " + transport + " within " + millis
                                + " ms that answers the query: " + DnsSockets.ReplyTimeout.note(discarded);
                LOG.debug("DNS {} {} via {} {}: {} after {} ms ({})", name, Type.string(type), address(server),
                        transport, outcome, millis, Failures.describe(error));
                return CompletableFuture.completedFuture(Exchange.failed(outcome, detail, Optional.of(server)));
            }
            int rcode = reply.getRcode();
            LOG.debug("DNS {} {} via {} {}: {}{}{} in {} ms", name, Type.string(type), address(server), transport,
                    Rcode.string(rcode), reply.getHeader().getFlag(Flags.TC) ? " TC" : "",
                    reply.getHeader().getFlag(Flags.AD) ? " AD" : "", millis);
            if (!tcp && reply.getHeader().getFlag(Flags.TC)) {
                return once(name, type, server, true, deadlineNanos);
            }
            if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
                return CompletableFuture.completedFuture(Exchange.replied(reply, server));
            }
            DnsOutcome outcome = rcode == Rcode.REFUSED ? DnsOutcome.REFUSED : DnsOutcome.SERVFAIL;
            return CompletableFuture.completedFuture(Exchange.failed(outcome,
                    address(server) + " answered " + Rcode.string(rcode), Optional.of(server)));
        }, executor).thenCompose(f -> f);
    }

    private static SimpleResolver resolver(InetSocketAddress server, boolean tcp, long timeoutNanos) {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTCP(tcp);
        resolver.setIgnoreTruncation(true); // the fallback to TCP is ours, so that it is logged and bounded
        resolver.setEDNS(0, EDNS_PAYLOAD, ExtendedFlags.DO, List.of());
        resolver.setTimeout(Duration.ofNanos(timeoutNanos));
        return resolver;
    }

    static String address(InetSocketAddress server) {
        String host = server.getAddress() != null ? server.getAddress().getHostAddress() : server.getHostString();
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + server.getPort() : host + ":" + server.getPort();
    }
}
