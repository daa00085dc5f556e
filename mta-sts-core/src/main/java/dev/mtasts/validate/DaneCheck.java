package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.internal.Quoting;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.report.DaneResult;
import dev.mtasts.report.DaneStatus;
import dev.mtasts.report.FindingCode;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.TlsaAnswer;
import dev.mtasts.resolver.TlsaRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DANE for one MX host (RFC 7672): what its TLSA records at {@code _25._tcp.<host>} make of the chains its
 * addresses presented, and the findings that follow. A secure record set that matches nothing presented is an
 * {@code ERROR} in any mode: DANE senders use DANE before MTA-STS and refuse the host now (RFC 8461 §2).
 */
final class DaneCheck {

    private DaneCheck() {
    }

    static DaneResult evaluate(DomainName host, TlsaAnswer tlsa, MxProbe probe, Instant now) {
        DnsOutcome outcome = tlsa.outcome();
        if (outcome.isFailure()) {
            return new DaneResult(DaneStatus.UNKNOWN, tlsa, List.of(), false, "the TLSA look-up failed: "
                    + DnsWording.failure(tlsa.result()));
        }
        if (outcome != DnsOutcome.FOUND || tlsa.records().isEmpty()) {
            return new DaneResult(DaneStatus.NONE, tlsa, List.of(), false, "no TLSA record");
        }
        if (!tlsa.result().authenticated()) {
            return new DaneResult(DaneStatus.INSECURE, tlsa, List.of(), false, "TLSA records without DNSSEC"
                    + " authentication (the resolver did not set the AD bit)");
        }
        List<TlsaRecord> usable = tlsa.records().stream().filter(TlsaRecord::isUsableForSmtp).toList();
        if (usable.isEmpty()) {
            return new DaneResult(DaneStatus.UNUSABLE, tlsa, List.of(), false, "none of the TLSA records is usable"
                    + " for SMTP (usage 2 or 3, selector 0 or 1, matching type 0, 1 or 2)");
        }
        List<AddressProbe> withChain = probe.addresses().stream().filter(a -> !a.chain().isEmpty()).toList();
        if (withChain.isEmpty()) {
            return new DaneResult(DaneStatus.UNKNOWN, tlsa, List.of(), false, "no address presented a certificate"
                    + " chain to compare the TLSA records with");
        }
        Set<TlsaRecord> matched = new LinkedHashSet<>();
        List<AddressProbe> mismatched = new ArrayList<>();
        for (AddressProbe a : withChain) {
            List<TlsaRecord> here = usable.stream().filter(r -> DaneMatcher.matches(r, a.chain(), host, now)).toList();
            if (here.isEmpty()) {
                mismatched.add(a);
            }
            matched.addAll(here);
        }
        if (!mismatched.isEmpty()) {
            return new DaneResult(DaneStatus.MISMATCH, tlsa, List.copyOf(matched), false, "no usable TLSA record"
                    + " matches the chain presented at " + MxTransportCheck.addressList(mismatched));
        }
        boolean rollover = usable.stream().anyMatch(r -> !matched.contains(r));
        return new DaneResult(DaneStatus.VALID, tlsa, List.copyOf(matched), rollover, matched.size() + " of "
                + usable.size() + " usable TLSA record(s) match what every address presented");
    }

    static void report(DomainName host, DaneResult dane, MxProbe probe, FindingList findings) {
        String subject = "mx " + host;
        String owner = "_25._tcp." + host;
        switch (dane.status()) {
            case MISMATCH -> {
                List<AddressProbe> presented = probe.addresses().stream().filter(a -> !a.chain().isEmpty()).toList();
                Optional<TlsaRecord> current = presented.isEmpty() ? Optional.empty()
                        : DaneMatcher.eeRecordFor(presented.get(0).chain().get(0));
                findings.add(FindingCode.DANE_MISMATCH, Severity.ERROR, subject, "The DNSSEC-signed TLSA records at "
                        + owner + " (" + Quoting.list(dane.tlsa().records().stream().map(TlsaRecord::toString)
                        .map(DaneCheck::shortRecord).toList(), 4) + ") match nothing MX host " + host + " presents: "
                        + dane.detail() + ". Senders that do DANE refuse to deliver to it now, whatever the MTA-STS"
                        + " policy says.", current.map(r -> "Publish '" + owner + ". IN TLSA " + r + "' for the key "
                        + host + " serves now (keep the old record until no address serves the old key), or serve"
                        + " the key the published records name.").orElse("Publish TLSA records for the key " + host
                        + " serves, or serve the key the published records name."));
            }
            case INSECURE -> findings.add(FindingCode.DANE_INSECURE, Severity.WARNING, subject, "MX host " + host
                    + " publishes TLSA records at " + owner + ", but the answer is not DNSSEC-authenticated, so"
                    + " senders ignore them (RFC 7672 §2.2).", "Sign the zone of " + owner + " with DNSSEC (and"
                    + " check that the resolver this check uses validates), or remove the TLSA records.");
            case UNUSABLE -> findings.add(FindingCode.DANE_UNUSABLE, Severity.WARNING, subject, "The TLSA records at "
                    + owner + " are signed but none is usable for SMTP: " + dane.detail() + "; DANE senders insist"
                    + " on TLS to " + host + " but authenticate nothing.", "Publish DANE-EE records ('3 1 1 <SHA-256 of"
                    + " the server's public key>') for " + host + " (RFC 7672 §3.1).");
            case UNKNOWN -> {
                if (dane.tlsa().result().detail().orElse("").endsWith(" does not look up TLSA records")) {
                    findings.add(FindingCode.DANE_LOOKUP_FAILED, Severity.INFO, subject, "DANE was not checked for "
                            + host + ": " + dane.tlsa().result().detail().orElseThrow() + ".", "Use a resolver that"
                            + " implements DnsResolver.tlsa (DnsjavaResolver does) to check DANE.");
                } else if (dane.tlsa().outcome().isFailure()) {
                    findings.add(FindingCode.DANE_LOOKUP_FAILED, Severity.WARNING, subject, "The TLSA look-up of "
                            + owner + " failed with " + DnsWording.failure(dane.tlsa().result()) + "; if the zone is"
                            + " signed, DANE senders defer mail to " + host + " until it answers.",
                            DnsWording.lookupFailedRemediation(owner));
                }
            }
            case VALID -> findings.add(FindingCode.DANE_VALID, Severity.INFO, subject, "DANE works for MX host " + host
                    + ": " + dane.detail() + ". Senders that do DANE (Postfix, Exim, Microsoft 365 among them) use"
                    + " it before MTA-STS; the others use MTA-STS."
                    + (dane.rolloverReady() ? " The record set also holds a record for a key not served yet: ready"
                    + " for a rollover." : ""), dane.rolloverReady() ? "Nothing to do." : "Before changing the"
                    + " key of " + host + ", publish the next key's TLSA record beside the current one and wait for"
                    + " the TTL (RFC 7671 §8.1).");
            case NONE -> { }
        }
    }

    private static String shortRecord(String record) {
        return record.length() > 30 ? record.substring(0, 27) + "..." : record;
    }
}
