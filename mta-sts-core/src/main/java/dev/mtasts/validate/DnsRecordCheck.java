package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.record.RecordSelection;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.FindingCode;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.util.List;
import java.util.Optional;

/** Layer 1, {@code DNS_RECORD}: the {@code _mta-sts.<domain>} TXT record (RFC 8461 §3.1, rules A1 to A13). */
final class DnsRecordCheck {

    private final DomainName name;
    private final FindingList findings;
    private RecordState state = RecordState.ABSENT;
    private Optional<StsRecord> record = Optional.empty();

    DnsRecordCheck(DomainName domain, FindingList findings) {
        this.name = domain.prefixedWith("_mta-sts");
        this.findings = findings;
    }

    RecordState state() {
        return state;
    }

    Optional<StsRecord> record() {
        return record;
    }

    void check(Optional<TxtAnswer> answer) {
        String subject = "dns:" + name + " TXT";
        if (answer.isEmpty() || answer.get().outcome().isFailure()) {
            state = RecordState.LOOKUP_FAILED;
            String why = answer.map(a -> Dns.describeFailure(a.result())).orElse("no answer");
            findings.add(FindingCode.DNS_LOOKUP_FAILED, Severity.ERROR, subject,
                    "The look-up of " + name + " TXT failed with " + why + ".", Dns.lookupFailedRemediation(name.value()));
            return;
        }
        List<List<String>> records = answer.get().records().stream().map(TxtRecord::strings).toList();
        RecordSelection<StsRecord> selection = StsRecord.select(records);
        switch (selection.status()) {
            case NONE -> none(subject, selection, answer.get());
            case MULTIPLE -> {
                state = RecordState.BROKEN;
                findings.add(FindingCode.STS_RECORD_MULTIPLE, Severity.ERROR, subject, name + " has "
                        + selection.candidates().size() + " TXT records starting with 'v=STSv1;' ("
                        + quoteAll(selection.candidates()) + "); senders then assume there is no policy.",
                        "Keep exactly one v=STSv1 record at " + name + " and delete the others.");
            }
            case INVALID -> invalid(subject, selection);
            case FOUND -> {
                state = RecordState.FOUND;
                record = selection.record();
                for (Problem p : selection.problems()) {
                    findings.add(FindingCode.STS_RECORD_NOTE, p.severity(), subject, "The record at " + name + ": "
                            + p.message() + ".", remediationFor(p.code()), p.code());
                }
            }
            default -> throw new IllegalStateException(selection.status().name());
        }
    }

    private void none(String subject, RecordSelection<StsRecord> selection, TxtAnswer answer) {
        if (!selection.discarded().isEmpty()) {
            state = RecordState.BROKEN;
            findings.add(FindingCode.STS_RECORD_INVALID, Severity.ERROR, subject, "The TXT record "
                    + quoteAll(selection.discarded()) + " at " + name + " looks like an MTA-STS record but is"
                    + " discarded: a record must begin with exactly 'v=STSv1;' (case-sensitive, nothing before it).",
                    "Publish the record as 'v=STSv1; id=<id>', with 'v=STSv1' in that case at the very start.");
            return;
        }
        state = RecordState.ABSENT;
        String observed = switch (answer.outcome()) {
            case NXDOMAIN -> name + " does not exist (NXDOMAIN)";
            case NODATA -> name + " has no TXT record";
            default -> name + " has no TXT record starting with 'v=STSv1;' (" + answer.records().size()
                    + " other TXT record(s))";
        };
        findings.add(FindingCode.STS_RECORD_MISSING, Severity.WARNING, subject, observed
                        + ": MTA-STS is not deployed, so senders may deliver over unencrypted or unverified connections.",
                "Serve a policy (mode testing to start) at https://mta-sts." + name.parent().map(DomainName::value)
                        .orElse("") + "/.well-known/mta-sts.txt if none is served yet, then publish the TXT record"
                        + " shown in the remediation.");
    }

    private void invalid(String subject, RecordSelection<StsRecord> selection) {
        state = RecordState.BROKEN;
        Problem first = selection.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst()
                .orElse(Problem.of(ProblemCode.RECORD_SYNTAX, 1, 1, "invalid record"));
        boolean badId = first.code() == ProblemCode.STS_ID_INVALID || first.code() == ProblemCode.STS_ID_TOO_LONG;
        String text = selection.candidates().get(0);
        findings.add(badId ? FindingCode.STS_ID_INVALID : FindingCode.STS_RECORD_INVALID, Severity.ERROR, subject,
                "The record '" + Quote.of(text) + "' at " + name + " is invalid: " + first.message()
                        + " (column " + first.column() + "); senders then assume there is no policy.",
                badId ? "Use an id of 1 to 32 ASCII letters and digits, such as a UTC timestamp 20261129T120000."
                        : "Publish the record as 'v=STSv1; id=<1-32 letters or digits>'.", first.code());
    }

    private static String remediationFor(ProblemCode code) {
        return switch (code) {
            case RECORD_VERSION_DELIMITER -> "Write the record as 'v=STSv1; id=...' with ';' right after 'v=STSv1'.";
            case RECORD_FIELD_DUPLICATE -> "Keep one id field; senders use only the first.";
            case RECORD_EXTENSION_UNKNOWN -> "Remove the unknown field unless you know a sender that reads it.";
            default -> "Publish the record as 'v=STSv1; id=<id>'.";
        };
    }

    static String quoteAll(List<String> texts) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < texts.size() && i < 5; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append('\'').append(Quote.of(texts.get(i))).append('\'');
        }
        if (texts.size() > 5) {
            out.append(", and ").append(texts.size() - 5).append(" more");
        }
        return out.toString();
    }
}
