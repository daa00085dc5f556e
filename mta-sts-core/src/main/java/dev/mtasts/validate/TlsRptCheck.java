package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.record.RecordSelection;
import dev.mtasts.record.TlsRptRecord;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.util.List;
import java.util.Optional;

/**
 * Layer 5, {@code TLS_RPT}: the {@code _smtp._tls.<domain>} TXT record (RFC 8460 §3, rules G1 to G10). Without it,
 * nobody learns of the failures a testing policy is meant to reveal, so each defect is a WARNING that blocks
 * promotion.
 */
final class TlsRptCheck {

    private final DomainName name;
    private final FindingList findings;
    private Optional<TlsRptRecord> record = Optional.empty();
    private boolean lookupFailed;

    TlsRptCheck(DomainName domain, FindingList findings) {
        this.name = domain.prefixedWith("_smtp._tls");
        this.findings = findings;
    }

    Optional<TlsRptRecord> record() {
        return record;
    }

    /** @return true when the look-up failed, so that nobody knows whether a record exists */
    boolean lookupFailed() {
        return lookupFailed;
    }

    void check(Optional<TxtAnswer> answer) {
        String subject = "dns:" + name + " TXT";
        String publish = "Publish 'v=TLSRPTv1; rua=mailto:tls-reports@" + name.parent().flatMap(DomainName::parent)
                .map(DomainName::value).orElse("") + "' at " + name + " and read the reports.";
        if (answer.isEmpty() || answer.get().outcome().isFailure()) {
            lookupFailed = true;
            String why = answer.map(a -> Dns.describeFailure(a.result())).orElse("no answer");
            findings.addIn(Layer.TLS_RPT, FindingCode.DNS_LOOKUP_FAILED, Severity.WARNING, subject,
                    "The look-up of " + name + " TXT failed with " + why + "; senders may not find the TLS-RPT record.",
                    Dns.lookupFailedRemediation(name.value()));
            return;
        }
        List<List<String>> records = answer.get().records().stream().map(TxtRecord::strings).toList();
        RecordSelection<TlsRptRecord> selection = TlsRptRecord.select(records);
        switch (selection.status()) {
            case NONE -> {
                if (selection.discarded().isEmpty()) {
                    findings.add(FindingCode.TLSRPT_MISSING, Severity.WARNING, subject, name + " has no"
                            + " v=TLSRPTv1 record: senders send no reports of TLS failures, so problems stay unseen.",
                            publish);
                } else {
                    findings.add(FindingCode.TLSRPT_INVALID, Severity.WARNING, subject, "The TXT record "
                            + DnsRecordCheck.quoteAll(selection.discarded()) + " at " + name + " is discarded: a"
                            + " TLS-RPT record must begin with exactly 'v=TLSRPTv1;'.", publish);
                }
            }
            case MULTIPLE -> findings.add(FindingCode.TLSRPT_MULTIPLE, Severity.WARNING, subject, name + " has "
                    + selection.candidates().size() + " v=TLSRPTv1 records (" + DnsRecordCheck.quoteAll(
                    selection.candidates()) + "); senders then send no reports.",
                    "Keep one v=TLSRPTv1 record; list several destinations in its rua, separated by commas.");
            case INVALID -> {
                Problem first = selection.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst()
                        .orElse(Problem.of(ProblemCode.RECORD_SYNTAX, 1, 1, "invalid record"));
                findings.add(FindingCode.TLSRPT_INVALID, Severity.WARNING, subject, "The record '"
                        + Quote.of(selection.candidates().get(0)) + "' at " + name + " is invalid: " + first.message()
                        + "; senders send no reports.", publish, first.code());
                unusableSchemes(subject, selection.problems());
            }
            case FOUND -> {
                record = selection.record();
                for (Problem p : selection.problems()) {
                    boolean scheme = p.code() == ProblemCode.TLSRPT_RUA_UNSUPPORTED_SCHEME;
                    findings.add(scheme ? FindingCode.TLSRPT_RUA_SCHEME : FindingCode.TLSRPT_NOTE, p.severity(), subject,
                            "The TLS-RPT record at " + name + ": " + p.message() + ".", scheme
                                    ? "Use mailto: or https: destinations; reporters support no other scheme."
                                    : "Publish the record as 'v=TLSRPTv1; rua=<uri>[,<uri>]'.", p.code());
                }
            }
            default -> throw new IllegalStateException(selection.status().name());
        }
    }

    /** Names each rua URI whose scheme no reporter supports, so the scheme is visible even when the record is invalid. */
    private void unusableSchemes(String subject, List<Problem> problems) {
        for (Problem p : problems) {
            if (p.code() == ProblemCode.TLSRPT_RUA_UNSUPPORTED_SCHEME) {
                findings.add(FindingCode.TLSRPT_RUA_SCHEME, Severity.WARNING, subject, "The TLS-RPT record at " + name
                        + ": " + p.message() + ".", "Use mailto: or https: destinations; reporters support no other"
                        + " scheme.");
            }
        }
    }
}
