package dev.mtasts.testkit;

import dev.mtasts.resolver.TlsaRecord;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A zone a {@link TestDnsServer} is authoritative for, filled with a fluent API.
 *
 * <p>Names are absolute ({@code _mta-sts.example.com}) and must lie within the zone's origin; the
 * trailing dot is optional. Records can be added and removed while the server runs: every method is
 * thread-safe, and a query sees each name either before or after a change, never half of it.
 *
 * <pre>{@code
 * TestDnsServer dns = sandbox.dnsServer();
 * dns.zone("example.com")
 *         .txt("_mta-sts.example.com", "v=STSv1; ", "id=20260101")   // one record, two strings
 *         .mx("example.com", 10, "mx1.example.com")
 *         .a("mx1.example.com", "192.0.2.25")
 *         .cname("mta-sts.example.com", "policy.example.net");
 * }</pre>
 *
 * <p>DANE (RFC 7672) needs TLSA records and a DNSSEC status. The server signs nothing; instead a name can be
 * {@linkplain #signed(String) marked signed}, and every answer about it then carries the AD (authentic data) flag,
 * as a validating resolver in front of a signed zone would give it:
 *
 * <pre>{@code
 * TestDnsServer dns = sandbox.dnsServer();
 * dns.zone("example.com")
 *         .tlsa("_25._tcp.mx1.example.com",
 *                 "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6",   // current key
 *                 "3 1 1 1d83bd81c856bd2aaa9922c242e773dabd7aecece8dc34f6c625c67775d6e4e7")   // next key
 *         .signed("_25._tcp.mx1.example.com");   // DANE senders use it
 * dns.zone("example.com").unsigned("_25._tcp.mx1.example.com");   // now "insecure": senders ignore it
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DnsZone {

    /** The MNAME of every zone's SOA record. */
    private static final Name SOA_SERVER = Name.fromConstantString("ns.sandbox.invalid.");

    /** The RNAME of every zone's SOA record ({@code hostmaster@sandbox.invalid}). */
    private static final Name SOA_MAILBOX = Name.fromConstantString("hostmaster.sandbox.invalid.");

    private final Name origin;
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<Name> signedNames = ConcurrentHashMap.newKeySet();
    private volatile long ttlSeconds = 300;
    private volatile long negativeTtlSeconds = 60;

    DnsZone(Name origin) {
        this.origin = origin;
    }

    /** @return the zone's origin, lower case, without the trailing dot */
    public String origin() {
        return TestDnsServer.text(origin);
    }

    Name originName() {
        return origin;
    }

    /**
     * Sets the TTL of the records added after this call.
     *
     * @param ttl the TTL, 0 to 2^31-1 seconds; default 300 seconds
     * @return this zone
     */
    public DnsZone ttl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        this.ttlSeconds = seconds(ttl);
        return this;
    }

    /**
     * Sets the negative-caching TTL (the SOA MINIMUM field, RFC 2308) given with NXDOMAIN and NODATA answers.
     *
     * @param ttl the TTL; default 60 seconds
     * @return this zone
     */
    public DnsZone negativeTtl(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        this.negativeTtlSeconds = seconds(ttl);
        return this;
    }

    /**
     * Adds one TXT record made of the given character-strings (each at most 255 bytes).
     *
     * @param name    the owner name
     * @param strings the character-strings, at least one
     * @return this zone
     */
    public DnsZone txt(String name, String... strings) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strings, "strings");
        if (strings.length == 0) {
            throw new IllegalArgumentException("a TXT record needs at least one string");
        }
        return add(new TXTRecord(owner(name), DClass.IN, ttlSeconds, List.of(strings)));
    }

    /**
     * Adds an MX record.
     *
     * @param name       the owner name (the mail domain)
     * @param preference the preference, 0 to 65535
     * @param host       the mail exchanger; any syntactically valid DNS name, so tests can publish bad hosts
     * @return this zone
     */
    public DnsZone mx(String name, int preference, String host) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        return add(new MXRecord(owner(name), DClass.IN, ttlSeconds, preference, absolute(host)));
    }

    /**
     * Adds the null MX of RFC 7505: {@code MX 0 .}.
     *
     * @param name the owner name (the domain that accepts no mail)
     * @return this zone
     */
    public DnsZone nullMx(String name) {
        Objects.requireNonNull(name, "name");
        return add(new MXRecord(owner(name), DClass.IN, ttlSeconds, 0, Name.root));
    }

    /**
     * Adds an A record.
     *
     * @param name    the owner name
     * @param address an IPv4 address literal
     * @return this zone
     */
    public DnsZone a(String name, String address) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        return add(new ARecord(owner(name), DClass.IN, ttlSeconds, literal(address, 4)));
    }

    /**
     * Adds an AAAA record.
     *
     * @param name    the owner name
     * @param address an IPv6 address literal
     * @return this zone
     */
    public DnsZone aaaa(String name, String address) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        return add(new AAAARecord(owner(name), DClass.IN, ttlSeconds, literal(address, 16)));
    }

    /**
     * Adds TLSA records (RFC 6698), one per argument, in presentation form: certificate usage, selector, matching
     * type and the certificate association data in hexadecimal, which may be split by spaces as in a zone file.
     * The data is served as given: a digest of the wrong length for its matching type is published, so tests can
     * serve broken records; only what a TLSA record cannot hold at all is refused.
     *
     * <pre>{@code
     * DnsZone zone = sandbox.dnsServer().zone("example.com");
     * zone.tlsa("_25._tcp.mx1.example.com",
     *         "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6");   // DANE-EE, SPKI, SHA-256
     * zone.tlsa("_25._tcp.mx2.example.com",                                                  // DANE-TA, split as in
     *         "2 0 1 8d02536c887482bc34ff54e41d2ba659 bf85b341a0a20afadb5813dcfbcf286d");   // a zone file
     * }</pre>
     *
     * @param name    the owner name, {@code _25._tcp.<mx host>} for SMTP
     * @param records the records, such as {@code "3 1 1 0c72ac70..."}; at least one
     * @return this zone
     * @throws IllegalArgumentException when there is no record, or one is not {@code "<0-255> <0-255> <0-255> <hex>"}
     *                                  with at least one byte of data
     */
    public DnsZone tlsa(String name, String... records) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(records, "records");
        if (records.length == 0) {
            throw new IllegalArgumentException("tlsa needs at least one record, such as \"3 1 1 <sha-256 hex>\"");
        }
        Name owner = owner(name);
        List<Record> parsed = new ArrayList<>(records.length);
        for (String text : records) {
            Objects.requireNonNull(text, "records");
            TlsaRecord r = TlsaRecord.parse(text);
            parsed.add(new TLSARecord(owner, DClass.IN, ttlSeconds, r.usage(), r.selector(), r.matchingType(),
                    r.dataBytes()));
        }
        return add(parsed);
    }

    /**
     * Marks a name as DNSSEC-signed: every answer about it, of any type and NXDOMAIN or NODATA included, carries
     * the AD flag, as a validating resolver gives a secure answer. An answer that follows CNAMEs within the zone
     * carries it only when each name of the chain is signed. The mark outlives the name's records (a signed
     * denial is an answer too) until {@link #unsigned(String)}, {@link #remove(String)} or {@link #clear()}.
     * {@link TestDnsServer#authenticData(boolean)} sets the flag on every answer, whatever the marks.
     *
     * <pre>{@code
     * DnsZone zone = sandbox.dnsServer().zone("example.com");
     * zone.tlsa("_25._tcp.mx1.example.com", "3 1 1 0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6")
     *         .signed("_25._tcp.mx1.example.com");
     * }</pre>
     *
     * @param name the owner name
     * @return this zone
     */
    public DnsZone signed(String name) {
        Objects.requireNonNull(name, "name");
        signedNames.add(owner(name));
        return this;
    }

    /**
     * Takes the signed mark off a name: its answers no longer carry the AD flag (unless the server sets it on every
     * answer). A name that was never marked is left as it is.
     *
     * <pre>{@code
     * DnsZone zone = sandbox.dnsServer().zone("example.com").signed("_25._tcp.mx1.example.com");
     * zone.unsigned("_25._tcp.mx1.example.com");   // its records stay, now "insecure"
     * }</pre>
     *
     * @param name the owner name
     * @return this zone
     */
    public DnsZone unsigned(String name) {
        Objects.requireNonNull(name, "name");
        signedNames.remove(owner(name));
        return this;
    }

    /**
     * Makes a name an alias, replacing every other record of that name (a CNAME stands alone, RFC 1034
     * §3.6.2); adding another record to the name later removes the CNAME.
     *
     * @param name   the alias
     * @param target the canonical name, in this zone or elsewhere
     * @return this zone
     */
    public DnsZone cname(String name, String target) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Name owner = owner(name);
        records.put(owner, List.of(new CNAMERecord(owner, DClass.IN, ttlSeconds, absolute(target))));
        return this;
    }

    /**
     * Removes every record of a name, TLSA included, and its {@linkplain #signed(String) signed} mark.
     *
     * @param name the owner name
     * @return this zone
     */
    public DnsZone remove(String name) {
        Objects.requireNonNull(name, "name");
        Name owner = owner(name);
        records.remove(owner);
        signedNames.remove(owner);
        return this;
    }

    /**
     * Removes the records of one type at a name; the name's {@linkplain #signed(String) signed} mark stays.
     *
     * @param name the owner name
     * @param type the type, such as {@code "TXT"} or {@code "TLSA"}
     * @return this zone
     */
    public DnsZone remove(String name, String type) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        int t = Type.value(type);
        if (t < 0) {
            throw new IllegalArgumentException("unknown record type: " + type);
        }
        records.computeIfPresent(owner(name), (n, list) -> {
            List<Record> kept = list.stream().filter(r -> r.getType() != t).toList();
            return kept.isEmpty() ? null : kept;
        });
        return this;
    }

    /**
     * Removes every record of the zone and every {@linkplain #signed(String) signed} mark.
     *
     * @return this zone
     */
    public DnsZone clear() {
        records.clear();
        signedNames.clear();
        return this;
    }

    /** @return true when the name is marked signed */
    boolean isSigned(Name name) {
        return signedNames.contains(name);
    }

    private DnsZone add(Record record) {
        return add(List.of(record));
    }

    /** Adds records of one owner name in one step, so that a query sees all of them or none. */
    private DnsZone add(List<Record> added) {
        List<Record> fresh = new ArrayList<>();
        for (Record record : added) {
            if (!fresh.contains(record)) {
                fresh.add(record);
            }
        }
        records.merge(added.get(0).getName(), List.copyOf(fresh), (old, add) -> {
            List<Record> merged = new ArrayList<>(old.size() + add.size());
            for (Record r : old) {
                if (r.getType() != Type.CNAME && !add.contains(r)) {
                    merged.add(r);
                }
            }
            merged.addAll(add);
            return List.copyOf(merged);
        });
        return this;
    }

    /** @return true when the name has an A, AAAA or CNAME record */
    boolean hasAddressOrAlias(String name) {
        return at(owner(name)).stream()
                .anyMatch(r -> r.getType() == Type.A || r.getType() == Type.AAAA || r.getType() == Type.CNAME);
    }

    /** @return the records at a name, an empty list when there are none */
    List<Record> at(Name name) {
        return records.getOrDefault(name, List.of());
    }

    /** @return true when the name has records or lies above a name that has (an empty non-terminal) */
    boolean exists(Name name) {
        if (records.containsKey(name) || name.equals(origin)) {
            return true;
        }
        for (Name owner : records.keySet()) {
            if (owner.subdomain(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return the zone's SOA record, for the authority section of negative answers. Its server and mailbox names
     *         are fixed names under {@code .invalid} (RFC 6761 §6.4), not names below the origin, so that they fit
     *         whatever the origin's length: {@code hostmaster.} below a zone of 243 characters would not
     */
    SOARecord soa() {
        return new SOARecord(origin, DClass.IN, negativeTtlSeconds, SOA_SERVER, SOA_MAILBOX, 1, 3600, 600, 86400,
                negativeTtlSeconds);
    }

    private Name owner(String name) {
        Name owner = absolute(name);
        if (!owner.subdomain(origin)) {
            throw new IllegalArgumentException("'" + name + "' is not within the zone " + origin());
        }
        return owner;
    }

    static Name absolute(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return Name.fromString(name.toLowerCase(java.util.Locale.ROOT), Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("'" + name + "' is not a DNS name: " + e.getMessage(), e);
        }
    }

    /** Parses an address literal without any name look-up (dnsjava's parser, never the JDK resolver). */
    private static InetAddress literal(String address, int length) {
        Objects.requireNonNull(address, "address");
        byte[] bytes = Address.toByteArray(address, length == 4 ? Address.IPv4 : Address.IPv6);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + address + "' is not an IPv" + (length == 4 ? 4 : 6) + " literal");
        }
        try {
            // an IPv4-mapped IPv6 literal (::ffff:a.b.c.d) must stay IPv6: getByAddress would make it IPv4
            return bytes.length == 16 ? java.net.Inet6Address.getByAddress(null, bytes, null)
                    : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + address + "' is not an address literal", e);
        }
    }

    private static long seconds(Duration ttl) {
        long s = ttl.getSeconds();
        if (ttl.isNegative() || s > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("TTL out of range: " + ttl);
        }
        return s;
    }
}
