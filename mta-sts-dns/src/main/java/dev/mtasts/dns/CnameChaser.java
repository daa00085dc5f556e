package dev.mtasts.dns;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves one name and type, following CNAMEs whether the server already followed them (the chain and
 * the records in one reply) or not (a reply that ends in an alias, which is then asked for anew).
 * Detects loops and bounds the chain's length.
 */
final class CnameChaser {

    private static final Logger LOG = LoggerFactory.getLogger(DnsjavaResolver.class);

    private final Exchanger exchanger;
    private final int maxCnames;
    private final Duration deadline;
    private final Executor executor;

    CnameChaser(Exchanger exchanger, int maxCnames, Duration deadline, Executor executor) {
        this.exchanger = exchanger;
        this.maxCnames = maxCnames;
        this.deadline = deadline;
        this.executor = executor;
    }

    /** @return a stage that always completes normally */
    CompletableFuture<Resolution> resolve(DomainName name, int type) {
        long start = System.nanoTime();
        State state = new State(name, type, start, start + deadline.toNanos());
        CompletableFuture<Resolution> result;
        try {
            result = step(state, name);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.exceptionally(e -> state.finish(DnsOutcome.NETWORK_ERROR,
                "the look-up failed unexpectedly: " + Failures.describe(e), List.of()))
                .thenApply(resolution -> {
                    LOG.debug("DNS {} {}: {} in {} ms{}", name, Type.string(type), resolution.result().outcome(),
                            resolution.result().elapsed().toMillis(),
                            resolution.result().cnameChain().isEmpty() ? "" : " via " + resolution.result().cnameChain());
                    return resolution;
                });
    }

    private CompletableFuture<Resolution> step(State state, DomainName current) {
        return exchanger.send(toName(current), state.type, state.deadlineNanos)
                .thenComposeAsync(exchange -> {
                    exchange.server().ifPresent(s -> state.server = Optional.of(s));
                    if (exchange.isFailure()) {
                        return done(state.finish(exchange.failure(), exchange.detail(), List.of()));
                    }
                    return interpret(state, current, exchange.reply().orElseThrow());
                }, executor);
    }

    private CompletableFuture<Resolution> interpret(State state, DomainName asked, Message reply) {
        state.authenticated &= reply.getHeader().getFlag(Flags.AD);
        List<Record> answer = reply.getSection(Section.ANSWER);
        DomainName owner = asked;
        while (true) {
            List<Record> found = new ArrayList<>();
            CNAMERecord alias = null;
            Name ownerName = toName(owner);
            for (Record r : answer) {
                if (!r.getName().equals(ownerName)) {
                    continue;
                }
                if (ShortTlsa.answers(state.type, r.getType())) {
                    found.add(r);
                } else if (r.getType() == Type.CNAME && alias == null) {
                    alias = (CNAMERecord) r;
                }
            }
            if (!found.isEmpty()) {
                found.forEach(r -> state.ttl(r.getTTL()));
                return done(state.finish(DnsOutcome.FOUND, "", found));
            }
            if (alias == null) {
                break;
            }
            state.ttl(alias.getTTL());
            String targetText = alias.getTarget().toString(true);
            Optional<DomainName> target = DomainName.tryParse(targetText);
            if (target.isEmpty()) {
                return done(state.finish(DnsOutcome.MALFORMED,
                        "the CNAME of " + owner + " points to '" + targetText + "', which is not a valid domain name",
                        List.of()));
            }
            if (!state.seen.add(target.get())) {
                return done(state.finish(DnsOutcome.SERVFAIL,
                        "CNAME loop: " + chainText(state) + " -> " + target.get(), List.of()));
            }
            state.chain.add(target.get());
            if (state.chain.size() > maxCnames) {
                return done(state.finish(DnsOutcome.SERVFAIL,
                        "CNAME chain longer than " + maxCnames + ": " + chainText(state), List.of()));
            }
            owner = target.get();
        }
        Optional<SOARecord> soa = soaCovering(reply, owner);
        soa.ifPresent(s -> state.ttl(Math.min(s.getTTL(), s.getMinimum())));
        if (soa.isEmpty() && reply.getRcode() == Rcode.NOERROR && owner.equals(asked)) {
            Optional<String> foreign = foreignRecords(answer, toName(asked));
            if (foreign.isPresent()) {
                // neither an answer nor a denial: records of other names only, which no resolver may take as ours
                return done(state.finish(DnsOutcome.MALFORMED, "the reply about " + asked + " "
                        + Type.string(state.type) + " holds no record of that name, only records of other names ("
                        + foreign.get() + ")", List.of()));
            }
        }
        if (!owner.equals(asked) && soa.isEmpty()) {
            // the server stopped at an alias it is not authoritative for: ask for the alias itself
            return step(state, owner);
        }
        if (reply.getRcode() == Rcode.NXDOMAIN) {
            return done(state.finish(DnsOutcome.NXDOMAIN, "", List.of()));
        }
        return done(state.finish(DnsOutcome.NODATA, "", List.of()));
    }

    /** @return the first few records of the answer section owned by another name, or empty when there is none */
    private static Optional<String> foreignRecords(List<Record> answer, Name asked) {
        List<String> names = new ArrayList<>();
        int count = 0;
        for (Record r : answer) {
            if (!r.getName().equals(asked)) {
                count++;
                if (names.size() < 3) {
                    names.add(r.getName().toString(true) + " " + Type.string(r.getType()));
                }
            }
        }
        return count == 0 ? Optional.empty()
                : Optional.of(String.join(", ", names) + (count > names.size() ? " and " + (count - names.size())
                        + " more" : ""));
    }

    /** @return an SOA in the authority section whose zone holds the name: a negative answer that covers it */
    private static Optional<SOARecord> soaCovering(Message reply, DomainName name) {
        Name n = toName(name);
        for (Record r : reply.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord && n.subdomain(r.getName())) {
                return Optional.of((SOARecord) r);
            }
        }
        return Optional.empty();
    }

    private static String chainText(State state) {
        StringBuilder sb = new StringBuilder(state.name.value());
        state.chain.forEach(n -> sb.append(" -> ").append(n.value()));
        return sb.toString();
    }

    private static CompletableFuture<Resolution> done(Resolution resolution) {
        return CompletableFuture.completedFuture(resolution);
    }

    static Name toName(DomainName name) {
        try {
            return Name.fromString(name.value(), Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("cannot convert " + name + " to a DNS name", e);
        }
    }

    /** The facts gathered along one look-up; touched by one stage at a time. */
    private static final class State {
        final DomainName name;
        final int type;
        final long startNanos;
        final long deadlineNanos;
        final List<DomainName> chain = new ArrayList<>();
        final Set<DomainName> seen = new LinkedHashSet<>();
        long minTtl = Long.MAX_VALUE;
        boolean authenticated = true;
        Optional<java.net.InetSocketAddress> server = Optional.empty();

        State(DomainName name, int type, long startNanos, long deadlineNanos) {
            this.name = name;
            this.type = type;
            this.startNanos = startNanos;
            this.deadlineNanos = deadlineNanos;
            seen.add(name);
        }

        void ttl(long seconds) {
            minTtl = Math.min(minTtl, seconds);
        }

        Resolution finish(DnsOutcome outcome, String detail, List<Record> records) {
            Duration ttl = minTtl == Long.MAX_VALUE ? Duration.ZERO : Duration.ofSeconds(minTtl);
            boolean ad = outcome.isAnswer() && authenticated;
            DnsResult result = new DnsResult(name, outcome, ttl, chain, ad, server,
                    detail.isBlank() ? Optional.empty() : Optional.of(detail),
                    Duration.ofNanos(System.nanoTime() - startNanos));
            return new Resolution(result, records);
        }
    }
}
