package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.internal.RuaUris;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.record.TlsRptRecord;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.MxHostObservation;
import dev.mtasts.report.Observations;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.report.RuaDestination;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.MxAnswer;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Deep diagnostics of TLS-RPT (RFC 8460 §3): the record at its draft-era name ({@link LegacyTlsRptCheck}), then the
 * health of each destination of a valid record that the validation looked at:
 * <ul>
 *   <li>{@code mailto:}: the mailbox's domain receives mail (an MX record, or an address for the implicit MX); a null
 *       MX, NXDOMAIN, no MX and no address, or a failed look-up is {@code TLSRPT_MAILTO_UNDELIVERABLE};</li>
 *   <li>{@code https:}: the host resolves, the address policy allows an address, and it completes a TLS handshake
 *       with a certificate valid for its name; otherwise {@code TLSRPT_HTTPS_UNREACHABLE}, naming what failed. The
 *       HTTP status of the exchange (a GET, where reporters POST) does not count;</li>
 *   <li>every destination a mailbox at the domain or below it while the policy is {@code enforce}:
 *       {@code TLSRPT_SAME_DOMAIN}, advice to add one elsewhere.</li>
 * </ul>
 * Each is a {@code WARNING} (reports are lost, nothing about mail changes), the advice an {@code INFO}.
 */
final class RuaDestinationCheck {

    private final PolicyNames names;
    private final FindingList findings;

    RuaDestinationCheck(PolicyNames names, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    void check(DiagnosticInput input) {
        Objects.requireNonNull(input, "input");
        Observations seen = input.observations();
        new LegacyTlsRptCheck(names, findings).check(seen.diagnostics().legacyTlsRptTxt());
        Optional<TlsRptRecord> record = input.tlsRpt().record();
        if (record.isEmpty()) {
            return;
        }
        for (RuaDestination d : seen.diagnostics().ruaDestinations()) {
            if (d.uri().regionMatches(true, 0, "mailto:", 0, "mailto:".length())) {
                mailto(d, seen);
            } else {
                https(d);
            }
        }
        sameDomain(record.get(), input);
    }

    private void mailto(RuaDestination d, Observations seen) {
        boolean own = d.host().equals(names.domain());
        Optional<MxAnswer> mx = own ? Optional.of(seen.mx()) : d.mx();
        if (mx.isEmpty() || own && (mx.get().outcome().isFailure() || mx.get().outcome() == DnsOutcome.NXDOMAIN)) {
            return;   // the domain's own failed look-up or absence is a finding of its own already
        }
        Optional<AddressAnswer> implicit = own ? ownAddresses(seen) : d.addresses();
        undeliverable(mx.get(), implicit, d.host()).ifPresent(why -> findings.add(
                FindingCode.TLSRPT_MAILTO_UNDELIVERABLE, Severity.WARNING, "dns:" + d.host() + " MX",
                "Reports for " + d.uri() + " cannot be delivered: " + why + ", so the TLS-RPT reports sent there are"
                        + " lost.", "Point this rua at a mailbox whose domain receives mail, or give " + d.host()
                        + " an MX record for a host that accepts mail" + (own ? "" : "; check it with dig MX "
                        + d.host()) + "."));
    }

    /** @return the address answer of the domain itself as an implicit MX, when the MX layer looked it up */
    private Optional<AddressAnswer> ownAddresses(Observations seen) {
        return seen.mxHosts().stream().filter(h -> h.host().equals(names.domain())).findFirst()
                .flatMap(MxHostObservation::addresses);
    }

    /** @return why mail to the domain cannot be delivered, as a clause; empty when it can */
    private static Optional<String> undeliverable(MxAnswer mx, Optional<AddressAnswer> implicit, DomainName domain) {
        if (mx.outcome() == DnsOutcome.NXDOMAIN) {
            return Optional.of(domain + " does not exist (NXDOMAIN)");
        }
        if (mx.outcome().isFailure()) {
            return Optional.of("the MX look-up of " + domain + " failed with " + DnsWording.failure(mx.result())
                    + ", and senders that see the same cannot deliver");
        }
        if (mx.isNullMxOnly()) {
            return Optional.of(domain + " publishes a null MX (RFC 7505): it accepts no mail");
        }
        if (!mx.records().isEmpty()) {
            return Optional.empty();
        }
        if (mx.outcome() == DnsOutcome.FOUND) {
            return Optional.of("the MX records of " + domain + " name no valid host ("
                    + String.join(", ", mx.invalidHosts()) + ")");
        }
        if (implicit.isEmpty()) {
            return Optional.empty();   // not looked up: nothing is known
        }
        AddressAnswer a = implicit.get();
        if (a.outcome().isFailure()) {
            return Optional.of(domain + " has no MX record, and the look-up of its address (the implicit MX) failed"
                    + " with " + DnsWording.failure(a.result()));
        }
        return a.addresses().isEmpty()
                ? Optional.of(domain + " has no MX record and no A or AAAA record for an implicit MX (RFC 5321 §5.1)")
                : Optional.empty();
    }

    private void https(RuaDestination d) {
        String host = d.host().value();
        Optional<String> why = Optional.empty();
        if (d.addresses().isPresent()) {
            AddressAnswer a = d.addresses().get();
            if (a.outcome().isFailure()) {
                why = Optional.of("the address look-up of " + host + " failed with " + DnsWording.failure(a.result()));
            } else if (a.addresses().isEmpty()) {
                why = Optional.of(host + (a.outcome() == DnsOutcome.NXDOMAIN ? " does not exist (NXDOMAIN)"
                        : " has no A or AAAA record"));
            } else if (d.exchange().isEmpty() && !d.refusedAddresses().isEmpty()) {
                why = Optional.of("every address of " + host + " was refused by the validator's address policy ("
                        + refusals(d.refusedAddresses()) + "), and reporters on the Internet cannot reach such"
                        + " addresses either");
            } else {
                why = d.exchange().flatMap(f -> exchangeFailure(f, host));
            }
        }
        why.ifPresent(w -> findings.add(FindingCode.TLSRPT_HTTPS_UNREACHABLE, Severity.WARNING, d.uri(),
                "Reporters cannot post to " + d.uri() + ": " + w + ", so the TLS-RPT reports meant for it are lost.",
                "Serve " + d.uri() + " over HTTPS at a public address with a certificate for " + host
                        + " from a public CA, or point this rua at an endpoint or mailbox that works."));
    }

    /** @return what stopped the TLS handshake with a valid certificate, or empty when it completed */
    private static Optional<String> exchangeFailure(PolicyFetch f, String host) {
        if (f.outcome() != FetchOutcome.TLS_FAILURE && f.tlsVersion().isPresent()) {
            return Optional.empty();
        }
        String detail = f.detail().isEmpty() ? "" : " (" + f.detail() + ")";
        Optional<CertificateFacts> leaf = f.certificates().stream().findFirst();
        if (f.outcome() == FetchOutcome.TLS_FAILURE) {
            TlsFailureCategory category = f.tlsFailure().orElse(TlsFailureCategory.HANDSHAKE);
            return Optional.of(switch (category) {
                case HOSTNAME_MISMATCH -> host + " presents a certificate for " + leaf.map(c -> c.dnsNames().isEmpty()
                        ? "no DNS name" : String.join(", ", c.dnsNames())).orElse("another name") + ", not for " + host;
                case UNTRUSTED -> "the certificate of " + host + " does not chain to a trusted root"
                        + leaf.map(c -> " (issuer " + c.issuer() + ")").orElse("");
                case EXPIRED -> "the certificate of " + host + " expired" + leaf.map(c -> " on " + c.notAfter())
                        .orElse("");
                case NOT_YET_VALID -> "the certificate of " + host + " is not valid until"
                        + leaf.map(c -> " " + c.notBefore()).orElse(" later");
                default -> "the TLS handshake with " + host + " failed" + detail;
            });
        }
        return Optional.of(switch (f.outcome()) {
            case CONNECT_FAILURE -> "no address of " + host + " accepted a connection" + detail;
            case TIMEOUT -> host + " completed no TLS handshake within " + f.elapsed().toMillis() + " ms" + detail;
            default -> "the exchange with " + host + " ended before TLS with " + f.outcome() + detail;
        });
    }

    private static String refusals(List<RefusedAddress> refused) {
        return refused.stream().map(r -> r.address().getHostAddress() + ": " + r.reason())
                .collect(Collectors.joining("; "));
    }

    /** In enforce, every usable destination is a mailbox at the domain or below it: advise one elsewhere. */
    private void sameDomain(TlsRptRecord record, DiagnosticInput input) {
        boolean enforce = input.policy().coverageChecked()
                && input.policy().usable().map(p -> p.mode() == PolicyMode.ENFORCE).orElse(false);
        List<URI> usable = record.rua().stream().filter(TlsRptRecord::isUsable).toList();
        boolean allOwn = !usable.isEmpty() && usable.stream().allMatch(u -> RuaUris.mailtoDomain(u)
                .map(d -> d.isWithin(names.domain())).orElse(false));
        if (!enforce || !allOwn) {
            return;
        }
        String listed = usable.stream().map(URI::toString).limit(3).collect(Collectors.joining(", "))
                + (usable.size() > 3 ? " and " + (usable.size() - 3) + " more" : "");
        findings.add(FindingCode.TLSRPT_SAME_DOMAIN, Severity.INFO, names.tlsRptSubject(), "Every TLS-RPT destination ("
                + listed + ") is a mailbox at " + names.domain() + ", delivered through the MX hosts this enforce"
                + " policy protects: when TLS to them fails, reporters whose mail system applies the policy to their"
                + " own reports cannot deliver them, just when they matter (RFC 8460 asks reporters to deliver reports"
                + " despite TLS failures, but not every one does).",
                "Add a second destination outside " + names.domain() + ", such as 'v=TLSRPTv1; rua=" + usable.get(0)
                        + ",mailto:tls-reports@<a domain with other MX hosts>' or an https: endpoint of a report"
                        + " service.");
    }
}
