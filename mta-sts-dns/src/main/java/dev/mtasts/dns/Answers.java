package dev.mtasts.dns;

import dev.mtasts.DomainName;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TlsaRecord;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;

/** Turns dnsjava records into the SPI's values, so that no {@code org.xbill.DNS} type leaves this module. */
final class Answers {

    private Answers() {
    }

    static TxtAnswer txt(Resolution resolution) {
        List<TxtRecord> records = new ArrayList<>();
        for (Record r : resolution.records()) {
            if (r instanceof TXTRecord) {
                List<String> strings = new ArrayList<>();
                for (byte[] bytes : ((TXTRecord) r).getStringsAsByteArrays()) {
                    strings.add(new String(bytes, StandardCharsets.UTF_8));
                }
                records.add(new TxtRecord(strings.isEmpty() ? List.of("") : strings));
            }
        }
        return new TxtAnswer(resolution.result(), records);
    }

    static MxAnswer mx(Resolution resolution) {
        List<MxRecord> records = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        boolean nullMx = false;
        for (Record r : resolution.records()) {
            if (!(r instanceof MXRecord)) {
                continue;
            }
            MXRecord mx = (MXRecord) r;
            Name target = mx.getTarget();
            if (target.equals(Name.root)) {
                nullMx = true;
                continue;
            }
            String text = target.toString(true);
            Optional<DomainName> host = DomainName.tryParse(text);
            if (host.isPresent()) {
                records.add(new MxRecord(mx.getPriority(), host.get()));
            } else {
                invalid.add(text);
            }
        }
        DnsResult result = resolution.result();
        if (!invalid.isEmpty()) {
            String note = "MX exchange(s) that are not valid host names: " + String.join(", ", invalid);
            result = result.withDetail(result.detail().map(d -> d + "; " + note).orElse(note));
        }
        return new MxAnswer(result, records, nullMx, invalid);
    }

    /**
     * The TLSA records of a look-up, without the malformed ones: RDATA too short to hold a record (which
     * {@link ShortTlsa} set aside before dnsjava parsed the reply) and a SHA-256 or SHA-512 digest of the wrong
     * length, which can match no certificate and which DANE clients discard as unusable (OpenSSL's
     * {@code SSL_dane_tlsa_add} refuses it). Each record skipped is named in the detail; when every record is
     * skipped the answer is FOUND without records, since the name does hold TLSA records. Never throws.
     */
    static TlsaAnswer tlsa(Resolution resolution) {
        List<TlsaRecord> records = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Record r : resolution.records()) {
            if (r.getType() == ShortTlsa.QUARANTINED) {
                skipped.add("RDATA of " + rdataLength(r) + " byte(s), fewer than the " + ShortTlsa.MIN_RDATA
                        + " of usage, selector, matching type and data");
            } else if (r instanceof TLSARecord) {
                TLSARecord t = (TLSARecord) r;
                String problem = tlsaProblem(t);
                if (problem.isEmpty()) {
                    records.add(TlsaRecord.of(t.getCertificateUsage(), t.getSelector(), t.getMatchingType(),
                            t.getCertificateAssociationData()));
                } else {
                    skipped.add(problem);
                }
            }
        }
        DnsResult result = resolution.result();
        if (!skipped.isEmpty()) {
            String note = "skipped " + skipped.size() + " malformed TLSA record(s) of " + result.canonicalName()
                    + ": " + String.join("; ", skipped);
            result = result.withDetail(result.detail().map(d -> d + "; " + note).orElse(note));
        }
        return new TlsaAnswer(result, records);
    }

    /** @return why a parsed TLSA record cannot be used, or an empty string when it can be */
    private static String tlsaProblem(TLSARecord t) {
        byte[] data = t.getCertificateAssociationData();
        int expected = t.getMatchingType() == TlsaRecord.SHA2_256 ? 32 : t.getMatchingType() == TlsaRecord.SHA2_512
                ? 64 : -1;
        String text = t.getCertificateUsage() + " " + t.getSelector() + " " + t.getMatchingType() + " "
                + abbreviated(HexFormat.of().formatHex(data));
        if (data.length == 0) {
            return "'" + text + "' has no association data";
        }
        if (expected > 0 && data.length != expected) {
            return "'" + text + "' has a " + (expected == 32 ? "SHA-256" : "SHA-512") + " digest of " + data.length
                    + " bytes, not " + expected;
        }
        return "";
    }

    private static String abbreviated(String hex) {
        return hex.length() > 24 ? hex.substring(0, 24) + "..." : hex;
    }

    private static int rdataLength(Record r) {
        try {
            return r.rdataToWireCanonical().length;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static List<InetAddress> addresses(Resolution resolution) {
        List<InetAddress> out = new ArrayList<>();
        for (Record r : resolution.records()) {
            if (r instanceof ARecord) {
                out.add(((ARecord) r).getAddress());
            } else if (r instanceof AAAARecord) {
                out.add(((AAAARecord) r).getAddress());
            }
        }
        return out;
    }

    /**
     * Combines the A and the AAAA look-up of one name into one answer.
     */
    static AddressAnswer addresses(Resolution v4, Resolution v6) {
        List<InetAddress> all = new ArrayList<>(addresses(v4));
        all.addAll(addresses(v6));
        DnsResult a = v4.result();
        DnsResult aaaa = v6.result();
        DnsResult base = a.outcome().isAnswer() || aaaa.outcome().isFailure() ? a : aaaa;
        DnsOutcome outcome;
        if (!all.isEmpty()) {
            outcome = DnsOutcome.FOUND;
        } else if (a.outcome() == DnsOutcome.NXDOMAIN || aaaa.outcome() == DnsOutcome.NXDOMAIN) {
            outcome = DnsOutcome.NXDOMAIN;
        } else if (a.outcome() == DnsOutcome.NODATA && aaaa.outcome() == DnsOutcome.NODATA) {
            outcome = DnsOutcome.NODATA;
        } else {
            outcome = a.outcome().isFailure() ? a.outcome() : aaaa.outcome();
            base = a.outcome().isFailure() ? a : aaaa;
        }
        List<String> notes = new ArrayList<>();
        a.detail().ifPresent(d -> notes.add("A: " + d));
        aaaa.detail().ifPresent(d -> notes.add("AAAA: " + d));
        long ttl = Math.min(ttlOrMax(a), ttlOrMax(aaaa));
        boolean authenticated = outcome.isAnswer()
                && (a.outcome().isFailure() || a.authenticated())
                && (aaaa.outcome().isFailure() || aaaa.authenticated());
        DnsResult result = new DnsResult(base.name(), outcome,
                ttl == Long.MAX_VALUE ? Duration.ZERO : Duration.ofSeconds(ttl),
                base.cnameChain(), authenticated,
                base.server().isPresent() ? base.server() : a.server().or(aaaa::server),
                notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes)),
                a.elapsed().compareTo(aaaa.elapsed()) >= 0 ? a.elapsed() : aaaa.elapsed());
        return new AddressAnswer(result, all);
    }

    /** @return the TTL of an answer that has one, or Long.MAX_VALUE for a failure (which has none) */
    private static long ttlOrMax(DnsResult result) {
        return result.outcome().isAnswer() ? result.ttl().getSeconds() : Long.MAX_VALUE;
    }
}
