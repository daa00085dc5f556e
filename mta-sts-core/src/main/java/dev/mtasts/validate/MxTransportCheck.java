package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.internal.Quoting;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.report.DaneResult;
import dev.mtasts.report.DaneStatus;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.MxHostObservation;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Layer 4, {@code MX_COVERAGE}, on the wire: each MX host's addresses, its STARTTLS probe and its DANE records.
 *
 * <p>Severity follows the rule of the report. A host that does not offer STARTTLS, or whose certificate fails
 * RFC 8461 §4.2, is refused now by senders applying an {@code enforce} policy ({@code ERROR}); under any other mode
 * it blocks promotion ({@code WARNING}). A host that could not be reached from where the check ran is never called
 * broken: it is "not probed" ({@code WARNING}). A DANE mismatch is an {@code ERROR} whatever the mode, because DANE
 * senders refuse the host now (RFC 8461 §2).
 */
final class MxTransportCheck {

    /**
     * Certificates are flagged when they expire within this many days, or within the policy's max_age when that is
     * longer: a sender that caches the policy for max_age insists on a valid certificate all that time, and a
     * {@code mode: none} published in a hurry reaches it only when its cache runs out (see {@link CertificateExpiry}).
     */
    static final Duration EXPIRY_HORIZON = CertificateExpiry.MINIMUM;

    /**
     * @param hosts    every MX host, with its transport
     * @param probed   true when at least one host was probed
     * @param reachedAny true when at least one probed address accepted a connection
     */
    record Result(List<MxHostResult> hosts, boolean probed, boolean reachedAny) {
        Result {
            hosts = List.copyOf(hosts);
        }
    }

    private final FindingList findings;
    private final Instant now;
    private final Duration expiryWarning;

    MxTransportCheck(FindingList findings, Instant now) {
        this(findings, now, EXPIRY_HORIZON);
    }

    /**
     * @param expiryWarning the least time a certificate must stay valid (the policy's {@code max_age} counts too
     *                      when longer); positive
     */
    MxTransportCheck(FindingList findings, Instant now, Duration expiryWarning) {
        this.findings = Objects.requireNonNull(findings, "findings");
        this.now = Objects.requireNonNull(now, "now");
        this.expiryWarning = Objects.requireNonNull(expiryWarning, "expiryWarning");
    }

    Result check(List<MxHostResult> hosts, List<MxHostObservation> seen, Optional<MtaStsPolicy> policy) {
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(policy, "policy");
        Map<DomainName, MxHostObservation> byHost = new LinkedHashMap<>();
        seen.forEach(s -> byHost.putIfAbsent(s.host(), s));
        boolean anyAddress = seen.stream().anyMatch(s -> s.addresses().map(AddressAnswer::isFound).orElse(false));
        boolean anyAnswer = seen.stream().anyMatch(s -> s.addresses().map(a -> a.outcome().isAnswer()).orElse(false));
        List<MxHostResult> out = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        boolean probed = false;
        boolean reachedAny = false;
        int notLookedUp = 0;
        for (MxHostResult host : hosts) {
            MxHostObservation observed = byHost.get(host.host());
            if (observed == null || observed.addresses().isEmpty()) {
                notLookedUp += observed == null ? 0 : 1;
                out.add(host);
                continue;
            }
            AddressAnswer addresses = observed.addresses().get();
            addresses(host.host(), addresses, observed.refused(), anyAddress || !anyAnswer);
            Optional<DaneResult> dane = Optional.empty();
            if (observed.probe().isPresent()) {
                MxProbe probe = observed.probe().get();
                probed = true;
                reachedAny |= probe.reached();
                if (!probe.reached()) {
                    unreached.add(host.host().value());
                }
                dane = observed.tlsa().map(t -> DaneCheck.evaluate(host.host(), t, probe, now));
                probe(host.host(), probe, policy, dane);
                dane.ifPresent(d -> DaneCheck.report(host.host(), d, probe, findings));
            }
            out.add(host.withTransport(observed.addresses(), observed.refused(), observed.probe(), dane));
        }
        if (notLookedUp > 0) {
            findings.add(FindingCode.MX_NOT_PROBED, Severity.INFO, "mx", notLookedUp + " MX host(s) beyond the first "
                    + (hosts.size() - notLookedUp) + " were not looked up or probed.", "Senders rarely try that many MX"
                    + " hosts; check the others separately if they matter.");
        }
        if (probed && !reachedAny) {
            findings.add(FindingCode.MX_PROBE_BLOCKED, Severity.WARNING, "mx", "No MX host (" + Quoting.list(unreached,
                    10) + ") accepted a connection on the SMTP port from where this check ran: outbound port 25 is"
                    + " probably blocked on this network (common on home connections and cloud servers), so STARTTLS"
                    + " and the certificates were not checked.", "Run the check from a host that may connect to port"
                    + " 25 (a mail server, say), or check STARTTLS there with 'openssl s_client -starttls smtp"
                    + " -connect <mx>:25 -servername <mx>'.");
        }
        return new Result(out, probed, reachedAny);
    }

    private void addresses(DomainName host, AddressAnswer answer, List<RefusedAddress> refused, boolean othersWork) {
        String subject = "mx " + host;
        if (answer.outcome() == DnsOutcome.NXDOMAIN || answer.outcome() == DnsOutcome.NODATA) {
            String why = answer.outcome() == DnsOutcome.NXDOMAIN ? "does not exist (NXDOMAIN)"
                    : "has neither an A nor an AAAA record";
            findings.add(FindingCode.MX_HOST_NO_ADDRESS, othersWork ? Severity.WARNING : Severity.ERROR, subject,
                    "MX host " + host + " " + why + ", so no sender can deliver mail to it" + (othersWork
                            ? "; senders move on to the other MX hosts." : ", and no MX host of the domain has an"
                            + " address: mail to the domain cannot be delivered at all."),
                    "Publish an A (and AAAA) record for " + host + ", or remove its MX record.");
            return;
        }
        if (answer.outcome().isFailure()) {
            findings.add(FindingCode.MX_HOST_LOOKUP_FAILED, Severity.WARNING, subject, "The address look-up of MX host "
                    + host + " failed with " + DnsWording.failure(answer.result()) + "; senders that see the same"
                    + " skip the host.", DnsWording.lookupFailedRemediation(host.value()));
            return;
        }
        if (!refused.isEmpty()) {
            List<String> listed = refused.stream().map(r -> r.address().getHostAddress() + " (" + r.reason() + ")")
                    .toList();
            findings.add(FindingCode.MX_ADDRESS_REFUSED, Severity.WARNING, subject, "MX host " + host + " resolves to "
                    + Quoting.list(listed, 5) + ", which this check's address policy does not connect to, so "
                    + (refused.size() == answer.addresses().size() ? "the host was not probed." : "those addresses"
                    + " were not probed."), "An MX host on the public Internet needs public addresses; if this is an"
                    + " internal deployment, run the check with an address policy that allows them.");
        }
    }

    private void probe(DomainName host, MxProbe probe, Optional<MtaStsPolicy> policy, Optional<DaneResult> dane) {
        String subject = "mx " + host;
        List<AddressProbe> all = probe.addresses();
        List<AddressProbe> unreached = all.stream().filter(a -> !a.connected()).toList();
        if (!unreached.isEmpty()) {
            findings.add(FindingCode.MX_NOT_PROBED, Severity.WARNING, subject, "MX host " + host + " could not be"
                    + " probed from here at " + addressList(unreached) + ": " + Quoting.message(unreached.get(0)
                    .detail()) + ". This says nothing about the host itself: outbound port 25 is often blocked"
                    + " where checks run.", "Check STARTTLS on " + host + " from a host that may connect to port 25.");
        }
        PolicyMode mode = policy.map(MtaStsPolicy::mode).orElse(PolicyMode.NONE);
        boolean enforce = policy.isPresent() && mode == PolicyMode.ENFORCE;
        String consequence = enforce ? "senders that apply the enforce policy refuse to deliver to it now"
                : policy.isPresent() && mode == PolicyMode.TESTING
                ? "in enforce mode senders would refuse it; today they report the failure"
                : "senders applying an enforce policy would refuse it";
        boolean daneValid = dane.map(d -> d.status() == DaneStatus.VALID).orElse(false);
        Map<String, List<AddressProbe>> byFailure = new LinkedHashMap<>();
        for (AddressProbe a : all) {
            if (a.connected() && a.outcome() != ProbeOutcome.STARTTLS_OK) {
                byFailure.computeIfAbsent(a.outcome() + a.tlsFailure().map(c -> "/" + c).orElse(""),
                        k -> new ArrayList<>()).add(a);
            }
        }
        for (List<AddressProbe> group : byFailure.values()) {
            AddressProbe first = group.get(0);
            String where = where(host, group, all);
            String detail = Quoting.message(first.detail());
            switch (first.outcome()) {
                case GREETING_REJECTED -> findings.add(FindingCode.MX_GREETING_REJECTED, Severity.WARNING, subject,
                        "MX host " + host + where + " did not open the session with a 220 greeting: " + detail
                                + ". STARTTLS could not be checked; a 421 or 554 may be aimed only at the address this"
                                + " check runs from (a block list or a rate limit).",
                        "If senders are refused too, fix the server's greeting; otherwise check STARTTLS from"
                                + " another host.");
                case TIMEOUT -> findings.add(FindingCode.MX_PROBE_TIMEOUT, Severity.WARNING, subject, "MX host " + host
                        + where + " accepted the connection but stalled: " + detail + ".", "Check that the SMTP"
                        + " server on " + host + " answers promptly; senders give up on a stalled server too.");
                case NO_STARTTLS -> findings.add(FindingCode.MX_STARTTLS_MISSING, enforce ? Severity.ERROR
                        : Severity.WARNING, subject, "MX host " + host + where + " does not offer STARTTLS ("
                        + detail + "): " + consequence + ".", "Enable STARTTLS on " + host + where + " with a"
                        + " certificate valid for " + host + " from a CA senders trust (in Postfix:"
                        + " smtpd_tls_security_level = may and smtpd_tls_chain_files).");
                case TLS_FAILED -> tlsFailure(host, first, where, detail, enforce, consequence, daneValid);
                default -> { }
            }
        }
        expiry(host, all, policy);
    }

    private void tlsFailure(DomainName host, AddressProbe first, String where, String detail, boolean enforce,
                            String consequence, boolean daneValid) {
        Severity severity = enforce ? Severity.ERROR : Severity.WARNING;
        String subject = "mx " + host;
        String dane = daneValid ? " (Senders that do DANE still deliver: its TLSA records match.)" : "";
        TlsFailureCategory category = first.tlsFailure().orElseThrow();
        String names = first.leaf().map(l -> Quoting.list(l.dnsNames(), 8)).orElse("none");
        switch (category) {
            case HOSTNAME_MISMATCH -> findings.add(FindingCode.MX_CERT_HOSTNAME_MISMATCH, severity, subject,
                    "MX host " + host + where + " presents a certificate for " + names + ", not for " + host
                            + " (RFC 8461 §4.2 matches the MX host name against the certificate's DNS names only):"
                            + " " + consequence + "." + dane,
                    "Serve on " + host + where + " a certificate whose subjectAltName lists '" + host + "' (or '*."
                            + host.parent().map(DomainName::value).orElse(host.value()) + "').");
            case UNTRUSTED -> findings.add(FindingCode.MX_CERT_UNTRUSTED, severity, subject, "MX host " + host + where
                    + " presents a certificate that does not chain to a trusted root (" + detail + "): " + consequence
                    + "." + dane, "Serve on " + host + " a certificate from a public CA, with the intermediate"
                    + " certificates in the chain.");
            case EXPIRED -> findings.add(FindingCode.MX_CERT_EXPIRED, severity, subject, "MX host " + host + where
                    + " presents an expired certificate (" + detail + "): " + consequence + "." + dane,
                    "Renew the certificate of " + host + " now and automate renewal.");
            case NOT_YET_VALID -> findings.add(FindingCode.MX_CERT_NOT_YET_VALID, severity, subject, "MX host " + host
                    + where + " presents a certificate that is not valid yet (" + detail + "): " + consequence + "."
                    + dane, "Check the clock of the CA or the server, or serve the previous certificate until the"
                    + " new one is valid.");
            case HANDSHAKE -> findings.add(FindingCode.MX_TLS_HANDSHAKE, severity, subject, "The TLS handshake with"
                    + " MX host " + host + where + " failed after STARTTLS (" + detail + "): " + consequence + ".",
                    "Fix TLS on " + host + ": it must complete a TLS 1.2 or 1.3 handshake when the client sends the"
                            + " name " + host + " (SNI), and serve a default certificate without SNI.");
        }
    }

    /**
     * {@code MX_CERT_EXPIRING}: one warning per certificate about to expire (the same certificate on several
     * addresses of the host is one), naming the date, the days left and the addresses.
     */
    private void expiry(DomainName host, List<AddressProbe> all, Optional<MtaStsPolicy> policy) {
        CertificateExpiry expiry = CertificateExpiry.of(expiryWarning, policy);
        Map<String, List<AddressProbe>> byCertificate = new LinkedHashMap<>();
        Map<String, CertificateFacts> leaves = new LinkedHashMap<>();
        for (AddressProbe a : all) {
            if (a.outcome() == ProbeOutcome.STARTTLS_OK && a.leaf().filter(l -> expiry.expiresSoon(l, now))
                    .isPresent()) {
                CertificateFacts leaf = a.leaf().get();
                String key = leaf.sha256Fingerprint().isEmpty() ? leaf.serialNumber() + leaf.notAfter()
                        : leaf.sha256Fingerprint();
                byCertificate.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
                leaves.putIfAbsent(key, leaf);
            }
        }
        byCertificate.forEach((key, group) -> {
            CertificateFacts leaf = leaves.get(key);
            String date = CertificateExpiry.date(leaf.notAfter());
            findings.add(FindingCode.MX_CERT_EXPIRING, Severity.WARNING, "mx " + host, "The certificate of MX host "
                    + host + " (at " + addressList(group) + ") expires " + CertificateExpiry.when(leaf, now) + ", "
                    + expiry.tooSoon(now) + "; once it expires, senders applying an enforce policy refuse the host"
                    + (expiry.byMaxAge() ? ", and those that cached it keep applying it for up to max_age even if"
                    + " the policy is withdrawn before then" : "") + ".", "Renew the certificate of " + host
                    + " before " + date + " and automate renewal" + (expiry.byMaxAge() ? ", so that it always stays"
                    + " valid longer than the policy's max_age (" + CertificateExpiry.days(expiry.horizon())
                    + "), or lower max_age" : "") + ".");
        });
    }

    /** @return " (at 192.0.2.1)", or " (at 2001:db8::1 only: IPv6 senders)" when siblings fared differently */
    static String where(DomainName host, List<AddressProbe> group, List<AddressProbe> all) {
        if (group.size() == all.size()) {
            return all.size() == 1 ? " (at " + group.get(0).address().getHostAddress() + ")"
                    : " (at every address: " + addressList(group) + ")";
        }
        boolean allV6 = group.stream().allMatch(AddressProbe::isIpv6);
        boolean allV4 = group.stream().noneMatch(AddressProbe::isIpv6);
        String family = allV6 && all.stream().anyMatch(a -> !a.isIpv6()) ? "; senders that deliver over IPv6 are"
                + " affected" : allV4 && all.stream().anyMatch(AddressProbe::isIpv6) ? "; senders that deliver over"
                + " IPv4 are affected" : "";
        return " (at " + addressList(group) + " only; its other addresses differ" + family + ")";
    }

    static String addressList(List<AddressProbe> probes) {
        return Quoting.list(probes.stream().map(AddressProbe::address).map(InetAddress::getHostAddress).toList(), 6);
    }
}
