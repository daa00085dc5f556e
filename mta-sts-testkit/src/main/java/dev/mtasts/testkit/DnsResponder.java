package dev.mtasts.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Builds the authoritative reply to one query from the zones: the logic of {@link TestDnsServer},
 * without sockets.
 */
final class DnsResponder {

    /** The EDNS payload size this server announces and the largest UDP reply it sends to an EDNS client. */
    static final int EDNS_PAYLOAD = 1232;

    /** The largest UDP reply to a client without EDNS (RFC 1035 §4.2.1). */
    static final int CLASSIC_UDP_LIMIT = 512;

    private static final int MAX_CNAME_HOPS = 16;

    private final Function<Name, DnsZone> zoneFinder;

    DnsResponder(Function<Name, DnsZone> zoneFinder) {
        this.zoneFinder = zoneFinder;
    }

    /**
     * @return the complete reply, with AA set when a zone of this server holds the name, and AD when the names it
     *         is made of are marked signed
     */
    Message answer(Message query) {
        Message reply = replyShell(query);
        Header header = query.getHeader();
        Record question = query.getQuestion();
        if (header.getOpcode() != Opcode.QUERY) {
            reply.getHeader().setRcode(Rcode.NOTIMP);
            return reply;
        }
        if (question == null) {
            reply.getHeader().setRcode(Rcode.FORMERR);
            return reply;
        }
        Name qname = question.getName();
        int qtype = question.getType();
        DnsZone zone = zoneFinder.apply(qname);
        if (zone == null) {
            reply.getHeader().setRcode(Rcode.REFUSED);
            return reply;
        }
        reply.getHeader().setFlag(Flags.AA);
        Set<Name> seen = new HashSet<>();
        Name current = qname;
        for (int hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
            seen.add(current);
            List<Record> here = zone.at(current);
            List<Record> matching = new ArrayList<>();
            CNAMERecord alias = null;
            for (Record r : here) {
                if (r.getType() == qtype) {
                    matching.add(r);
                } else if (r.getType() == Type.CNAME) {
                    alias = (CNAMERecord) r;
                }
            }
            if (!matching.isEmpty()) {
                matching.forEach(r -> reply.addRecord(r, Section.ANSWER));
                return signedIfAll(reply, zone, seen);
            }
            if (alias == null) {
                if (!zone.exists(current)) {
                    reply.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                reply.addRecord(zone.soa(), Section.AUTHORITY);
                return signedIfAll(reply, zone, seen);
            }
            reply.addRecord(alias, Section.ANSWER);
            Name target = alias.getTarget();
            if (!target.subdomain(zone.originName()) || seen.contains(target)) {
                // out of zone, or a loop: the client must follow (or detect) it itself
                return signedIfAll(reply, zone, seen);
            }
            current = target;
        }
        return signedIfAll(reply, zone, seen);
    }

    /**
     * Sets the AD flag when every name the answer is made of (the name asked for and the aliases followed within
     * the zone) is {@linkplain DnsZone#signed(String) marked signed}, as a validating resolver sets it only when
     * every RRset of the answer is secure.
     */
    private static Message signedIfAll(Message reply, DnsZone zone, Set<Name> names) {
        if (names.stream().allMatch(zone::isSigned)) {
            reply.getHeader().setFlag(Flags.AD);
        }
        return reply;
    }

    /** @return the same query (ID, flags, EDNS) asked about another name */
    Message askedAbout(Message query, Name other) {
        Message copy = query.clone();
        Record q = query.getQuestion();
        copy.removeAllRecords(Section.QUESTION);
        copy.addRecord(Record.newRecord(other, q.getType(), q.getDClass()), Section.QUESTION);
        return copy;
    }

    /**
     * @return a reply to the question asked whose answer section holds the records {@code other} has of the type
     *         asked for (owned by {@code other}), and nothing about the name asked
     */
    Message withRecordsOf(Message query, Name other) {
        Message reply = replyShell(query);
        reply.getHeader().setFlag(Flags.AA);
        Message theirs = answer(askedAbout(query, other));
        for (Record r : theirs.getSection(Section.ANSWER)) {
            reply.addRecord(r, Section.ANSWER);
        }
        return reply;
    }

    /** @return a reply with the question and no records, with the given RCODE */
    Message rcodeOnly(Message query, int rcode) {
        Message reply = replyShell(query);
        reply.getHeader().setRcode(rcode);
        return reply;
    }

    /** @return the reply cut to its header and question, with TC set (RFC 2181 §9) */
    Message truncate(Message full) {
        Message cut = new Message(full.getHeader().getID());
        Header h = cut.getHeader();
        for (int flag : new int[] {Flags.QR, Flags.AA, Flags.RD, Flags.AD}) {
            if (full.getHeader().getFlag(flag)) {
                h.setFlag(flag);
            }
        }
        h.setFlag(Flags.TC);
        h.setRcode(full.getHeader().getRcode());
        if (full.getQuestion() != null) {
            cut.addRecord(full.getQuestion(), Section.QUESTION);
        }
        OPTRecord opt = full.getOPT();
        if (opt != null) {
            cut.addRecord(opt, Section.ADDITIONAL);
        }
        return cut;
    }

    /** @return the largest UDP reply this client accepts */
    static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        if (opt == null) {
            return CLASSIC_UDP_LIMIT;
        }
        return Math.max(CLASSIC_UDP_LIMIT, Math.min(opt.getPayloadSize(), EDNS_PAYLOAD));
    }

    /** @return bytes that start with the query's ID and claim a question, but do not parse */
    static byte[] garbage(Message query) {
        int id = query.getHeader().getID();
        return new byte[] {
            (byte) (id >>> 8), (byte) id, (byte) 0x84, 0x00, // ID, QR+AA, NOERROR
            0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,  // 1 question, 1 answer
            (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff // a compression pointer to nowhere
        };
    }

    private static Message replyShell(Message query) {
        Message reply = new Message(query.getHeader().getID());
        Header h = reply.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            h.setFlag(Flags.RD);
        }
        if (query.getQuestion() != null) {
            reply.addRecord(query.getQuestion(), Section.QUESTION);
        }
        if (query.getOPT() != null) {
            reply.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0, 0), Section.ADDITIONAL);
        }
        return reply;
    }
}
