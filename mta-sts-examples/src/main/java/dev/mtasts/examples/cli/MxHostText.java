package dev.mtasts.examples.cli;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.policy.MxMatchExplanation;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.report.DaneResult;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.resolver.AddressAnswer;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines under {@code MX coverage} for one MX host: its coverage by the policy (the pattern that matches, and the
 * label a wildcard's {@code *} stands for; or why no pattern matches), then what the wire said, one line per address
 * (the STARTTLS probe, or why the address was not probed), then its DANE status when TLSA records exist. For example:
 * <pre>
 *      ok  10 mx1.example.com  (mx: *.example.com, * = mx1)
 *            127.0.1.1      STARTTLS ok (TLSv1.3), certificate valid 63 days
 *            2001:db8::25   TLS failed: certificate for mail.other.test, not mx1.example.com
 *            DANE valid: 1 TLSA record matches, the next key is published too
 *      NOT 20 a.b.ex.com
 *            why: '*.ex.com' covers exactly one label below ex.com, but a.b.ex.com is two labels below it ('a.b')
 * </pre>
 */
final class MxHostText {

    private static final String HOST = "              ";
    private static final String WIRE = HOST + "      ";

    private final Style style;
    private final Instant checkedAt;

    MxHostText(Style style, Instant checkedAt) {
        this.style = style;
        this.checkedAt = checkedAt;
    }

    /**
     * @param host      the host
     * @param coverage  whether to show the coverage mark and pattern (only against a policy)
     * @param out       where to print
     */
    void print(MxHostResult host, boolean coverage, PrintWriter out) {
        String mark = !coverage ? "   " : host.covered() ? style.green("ok ") : style.red("NOT");
        String by = coverage ? host.matchedBy().map(p -> "  (mx: " + p.text() + wildcardLabel(host) + ")").orElse("")
                : "";
        out.println(HOST + mark + " " + host.preference() + " " + host.host().value() + by);
        if (coverage && !host.covered()) {
            out.println(WIRE + style.dim("why: ") + host.match().text());
        }
        List<String> lines = wire(host);
        int width = lines.isEmpty() ? 0 : addressWidth(host);
        for (String line : lines) {
            out.println(WIRE + line.replace("\t", " ".repeat(Math.max(0, width - line.indexOf('\t')) + 2)));
        }
    }

    /** For a host a wildcard covers, the label its {@code *} stands for: {@code ", * = mx1"}. */
    private static String wildcardLabel(MxHostResult host) {
        MxMatchExplanation match = host.match();
        return match.kind() == MxMatchExplanation.Kind.WILDCARD ? match.label().map(l -> ", * = " + l).orElse("") : "";
    }

    /** The lines after the host's: each starts with an address and a tab, or is a sentence of its own. */
    private List<String> wire(MxHostResult host) {
        List<String> lines = new ArrayList<>();
        Optional<AddressAnswer> answer = host.addresses();
        if (answer.isPresent() && !answer.get().isFound()) {
            AddressAnswer a = answer.get();
            String why = a.outcome().name() + a.result().detail().map(d -> " (" + d + ")").orElse("");
            lines.add(a.outcome().isFailure() ? style.yellow("address look-up failed") + ": A/AAAA " + why
                    : style.red("no address") + ": A/AAAA " + why + ", no sender can deliver to this host");
        }
        host.probe().map(MxProbe::addresses).orElse(List.of())
                .forEach(a -> lines.add(AddressText.of(a.address()) + "\t" + probe(host.host(), a)));
        for (RefusedAddress refused : host.refused()) {
            lines.add(AddressText.of(refused.address()) + "\t" + style.dim("not probed: " + refused.reason()));
        }
        host.dane().flatMap(this::dane).ifPresent(lines::add);
        return lines;
    }

    /** The longest address of the host's lines, so that the probe results line up. */
    private static int addressWidth(MxHostResult host) {
        List<String> addresses = new ArrayList<>();
        host.probe().ifPresent(p -> p.addresses().forEach(a -> addresses.add(AddressText.of(a.address()))));
        host.refused().forEach(r -> addresses.add(AddressText.of(r.address())));
        return addresses.stream().mapToInt(String::length).max().orElse(0);
    }

    private String probe(DomainName host, AddressProbe probe) {
        switch (probe.outcome()) {
            case STARTTLS_OK:
                return style.green("STARTTLS ok") + probe.tlsVersion().map(v -> " (" + v + ")").orElse("")
                        + probe.leaf().map(leaf -> ", certificate valid " + days(leaf.daysLeft(checkedAt)))
                                .orElse("");
            case TLS_FAILED:
                return style.red(tlsFailure(host, probe));
            case NO_STARTTLS:
                return style.red("no STARTTLS") + (probe.extensions().isEmpty() ? detail(probe)
                        : " (EHLO offers " + String.join(", ", probe.extensions()) + ")");
            case GREETING_REJECTED:
                return style.yellow("greeting rejected") + detail(probe) + style.dim(", TLS not checked");
            case TIMEOUT:
                return style.yellow("timed out") + detail(probe) + style.dim(", TLS not checked");
            default:
                return style.yellow("not probed") + ": could not connect from here" + detail(probe)
                        + style.dim(" (outbound port 25 may be blocked)");
        }
    }

    /** Why the certificate or the handshake failed, in the names a person fixes it by. */
    private String tlsFailure(DomainName host, AddressProbe probe) {
        Optional<CertificateFacts> leaf = probe.leaf();
        TlsFailureCategory category = probe.tlsFailure().orElse(TlsFailureCategory.HANDSHAKE);
        switch (category) {
            case HOSTNAME_MISMATCH:
                return leaf.map(l -> l.dnsNames().isEmpty() ? "certificate without DNS names, not valid for "
                        + host.value() : "certificate for " + String.join(", ", l.dnsNames()) + ", not "
                        + host.value()).orElse("certificate not valid for " + host.value());
            case EXPIRED:
                return leaf.map(l -> "certificate expired " + days(-l.daysLeft(checkedAt)) + " ago ("
                        + l.notAfter() + ")").orElse("certificate expired");
            case NOT_YET_VALID:
                return leaf.map(l -> "certificate not valid before " + l.notBefore())
                        .orElse("certificate not valid yet");
            case UNTRUSTED:
                return "certificate not trusted" + leaf.map(l -> " (issuer " + l.issuer() + ")").orElse("");
            default:
                return "TLS handshake failed" + detail(probe);
        }
    }

    private Optional<String> dane(DaneResult dane) {
        int matched = dane.matched().size();
        String rollover = dane.rolloverReady() ? ", the next key is published too" : "";
        switch (dane.status()) {
            case VALID:
                return Optional.of(style.green("DANE valid") + ": " + matched + " TLSA record" + (matched == 1 ? ""
                        : "s") + " match" + (matched == 1 ? "es" : "") + rollover);
            case MISMATCH:
                return Optional.of(style.red("DANE MISMATCH") + ": no TLSA record matches what the host presents;"
                        + " DANE senders refuse it");
            case INSECURE:
                return Optional.of(style.yellow("DANE insecure") + ": TLSA records without DNSSEC, ignored by"
                        + " senders");
            case UNUSABLE:
                return Optional.of(style.yellow("DANE unusable") + ": no TLSA record is usable for SMTP");
            case UNKNOWN:
                return Optional.of(style.yellow("DANE unknown") + (dane.detail().isEmpty() ? ""
                        : ": " + dane.detail()));
            default:
                return Optional.empty();   // NONE: no TLSA records, DANE does not apply
        }
    }

    private static String detail(AddressProbe probe) {
        return probe.detail().isEmpty() ? "" : ": " + probe.detail();
    }

    private static String days(long days) {
        return days + " day" + (days == 1 ? "" : "s");
    }
}
