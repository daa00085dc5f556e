package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.report.MxHostObservation;
import dev.mtasts.report.Observations;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.DnsResult;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a validation saw, built by hand for a test: starts as a clean deployment in one mode and changes one fact
 * at a time. A look-up of a name that cannot exist (over 253 characters) is left out, as {@code ValidationRun}
 * leaves it out.
 */
final class Seen {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final String MX = "mx1.mail.example.net";
    static final String RUA = "mailto:tls@reports.example.net";

    private final DomainName domain;
    private Optional<TxtAnswer> sts;
    private MxAnswer mx;
    private Optional<TxtAnswer> rpt;
    private Optional<AddressAnswer> addresses;
    private List<RefusedAddress> refused = List.of();
    private Optional<PolicyFetch> fetch;
    private List<MxHostObservation> mxHosts = List.of();

    private Seen(DomainName domain) {
        this.domain = domain;
    }

    /** @return a valid record, one MX ({@value #MX}), TLS-RPT, an address and a policy in this mode as text/plain */
    static Seen deployed(String domain, String mode) {
        Seen s = new Seen(DomainName.of(domain));
        s.sts("v=STSv1; id=1");
        s.mx(MX);
        s.rpt("v=TLSRPTv1; rua=" + RUA);
        s.addresses("192.0.2.1");
        s.ok(policy(mode, "enforce".equals(mode) ? 604800 : 86400, MX), "text/plain");
        return s;
    }

    /** @return a testing deployment of example.com */
    static Seen testing() {
        return deployed("example.com", "testing");
    }

    static String policy(String mode, long maxAge, String... mx) {
        StringBuilder out = new StringBuilder("version: STSv1\r\nmode: ").append(mode).append("\r\n");
        for (String host : mx) {
            out.append("mx: ").append(host).append("\r\n");
        }
        return out.append("max_age: ").append(maxAge).append("\r\n").toString();
    }

    private Optional<DomainName> below(String labels) {
        return DomainName.tryParse(labels + "." + domain.value());
    }

    private static Optional<TxtAnswer> txt(Optional<DomainName> name, String... records) {
        return name.map(n -> records.length == 0 ? TxtAnswer.empty(DnsResult.of(n, DnsOutcome.NXDOMAIN))
                : new TxtAnswer(DnsResult.of(n, DnsOutcome.FOUND), List.of(records).stream().map(TxtRecord::of)
                .toList()));
    }

    private static Optional<TxtAnswer> txtOutcome(Optional<DomainName> name, DnsOutcome outcome) {
        return name.map(n -> TxtAnswer.empty(DnsResult.failure(n, outcome, "test")));
    }

    /** The {@code _mta-sts} TXT records; none means NXDOMAIN. */
    Seen sts(String... records) {
        sts = txt(below("_mta-sts"), records);
        return this;
    }

    Seen stsOutcome(DnsOutcome outcome) {
        sts = txtOutcome(below("_mta-sts"), outcome);
        return this;
    }

    /** The TLS-RPT TXT records; none means NXDOMAIN. */
    Seen rpt(String... records) {
        rpt = txt(below("_smtp._tls"), records);
        return this;
    }

    Seen rptOutcome(DnsOutcome outcome) {
        rpt = txtOutcome(below("_smtp._tls"), outcome);
        return this;
    }

    Seen mx(String... hosts) {
        List<MxRecord> records = new ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            records.add(new MxRecord(10 * (i + 1), DomainName.of(hosts[i])));
        }
        mx = new MxAnswer(DnsResult.of(domain, hosts.length == 0 ? DnsOutcome.NODATA : DnsOutcome.FOUND), records,
                false, List.of());
        return this;
    }

    Seen mxOutcome(DnsOutcome outcome) {
        mx = MxAnswer.empty(DnsResult.failure(domain, outcome, "test"));
        return this;
    }

    Seen addresses(String... literals) {
        Optional<DomainName> host = below("mta-sts");
        List<InetAddress> list = new ArrayList<>();
        for (String literal : literals) {
            list.add(address(literal));
        }
        addresses = host.map(h -> new AddressAnswer(DnsResult.of(h, literals.length == 0 ? DnsOutcome.NXDOMAIN
                : DnsOutcome.FOUND), list));
        if (literals.length == 0) {
            fetch = Optional.empty();
        }
        return this;
    }

    Seen addressesOutcome(DnsOutcome outcome) {
        addresses = below("mta-sts").map(h -> AddressAnswer.empty(DnsResult.failure(h, outcome, "test")));
        fetch = Optional.empty();
        return this;
    }

    Seen refused(List<RefusedAddress> refusedAddresses) {
        refused = refusedAddresses;
        return this;
    }

    /** A 200 fetch of this body with one Content-Type header per type given (none: no header). */
    Seen ok(String body, String... contentTypes) {
        return ok(body, Duration.ofMillis(120), contentTypes);
    }

    Seen ok(String body, Duration elapsed, String... contentTypes) {
        PolicyFetch.Builder b = PolicyFetch.builder(FetchOutcome.OK).statusCode(200)
                .body(body.getBytes(StandardCharsets.UTF_8)).elapsed(elapsed);
        for (String type : contentTypes) {
            b.header("Content-Type", type);
        }
        fetch = Optional.of(b.build());
        return this;
    }

    Seen fetch(PolicyFetch f) {
        fetch = Optional.of(f);
        return this;
    }

    Seen noFetch() {
        fetch = Optional.empty();
        return this;
    }

    /** Serves a policy in this mode that lists every MX host of the current MX answer. */
    Seen policy(String mode) {
        String[] hosts = mx.records().stream().map(r -> r.host().value()).toArray(String[]::new);
        return ok(policy(mode, "enforce".equals(mode) ? 604800 : 86400, hosts), "text/plain");
    }

    /** What was seen of the MX hosts: their addresses, probes and TLSA answers. */
    Seen mxHosts(MxHostObservation... hosts) {
        mxHosts = List.of(hosts);
        return this;
    }

    Observations observations() {
        // as ValidationRun does: no fetch without the policy host's addresses
        return new Observations(sts, mx, rpt, addresses, refused, addresses.isEmpty() ? Optional.empty() : fetch,
                mxHosts);
    }

    ValidationReport assemble() {
        return assemble(Optional.empty());
    }

    ValidationReport assemble(Optional<PolicySnapshot> previous) {
        return ReportAssembler.assemble(domain, NOW, Duration.ZERO, observations(), previous);
    }

    ValidationReport assemble(Optional<PolicySnapshot> previous, dev.mtasts.report.PromotionEvidence evidence) {
        return ReportAssembler.assemble(domain, NOW, Duration.ZERO, observations(), previous, Optional.of(evidence),
                14);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no look-up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
