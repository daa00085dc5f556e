package dev.mtasts.validate;

import dev.mtasts.internal.Quoting;
import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.record.RecordSelection;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.FindingCode;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Layer 1, {@code DNS_RECORD}: the {@code _mta-sts.<domain>} TXT record (RFC 8461 §3.1, rules A1 to A13). */
final class DnsRecordCheck {

    private static final String VERSION_FIELD = "v=" + StsRecord.VERSION_STSV1;

    /**
     * What the look-up established.
     *
     * @param state  the record's state
     * @param record the record, when {@code state} is {@code FOUND}
     */
    record Result(RecordState state, Optional<StsRecord> record) {
        Result {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(record, "record");
        }

        /** @return the published id, when the record is valid */
        Optional<String> id() {
            return record.map(StsRecord::id);
        }
    }

    private final PolicyNames names;
    private final boolean domainExists;
    private final FindingList findings;

    /**
     * @param names        the names below the domain
     * @param domainExists false when the domain itself is NXDOMAIN: {@code DOMAIN_NOT_FOUND} then says it all, and
     *                     a missing record is not reported again
     * @param findings     where findings go
     */
    DnsRecordCheck(PolicyNames names, boolean domainExists, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.domainExists = domainExists;
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    /** @param answer the TXT answer, empty when the name cannot exist (see {@code Observations}) */
    Result check(Optional<TxtAnswer> answer) {
        Objects.requireNonNull(answer, "answer");
        String subject = names.stsSubject();
        if (answer.isEmpty() && !names.stsRecordCanExist()) {
            findings.add(FindingCode.RECORD_NAME_TOO_LONG, Severity.WARNING, subject, PolicyNames.tooLong(
                    names.stsRecord()) + ": senders cannot look up an MTA-STS record for " + names.domain()
                            + ", so MTA-STS cannot be deployed for it and senders deliver as without MTA-STS.",
                    "Nothing can be published at that name. To protect mail with MTA-STS, receive it at a domain of"
                            + " at most 244 characters (at most 242 to also have TLS-RPT).");
            return new Result(RecordState.CANNOT_EXIST, Optional.empty());
        }
        if (answer.isEmpty() || answer.get().outcome().isFailure()) {
            String why = answer.map(a -> DnsWording.failure(a.result())).orElse("no answer (no look-up was made)");
            findings.add(FindingCode.DNS_LOOKUP_FAILED, Severity.ERROR, subject, "The look-up of " + names.stsRecord()
                    + " TXT failed with " + why + ".", DnsWording.lookupFailedRemediation(names.stsRecord()));
            return new Result(RecordState.LOOKUP_FAILED, Optional.empty());
        }
        List<List<String>> records = answer.get().records().stream().map(TxtRecord::strings).toList();
        RecordSelection<StsRecord> selection = StsRecord.select(records);
        return switch (selection.status()) {
            case NONE -> none(subject, selection, answer.get());
            case MULTIPLE -> {
                findings.add(FindingCode.STS_RECORD_MULTIPLE, Severity.ERROR, subject, names.stsRecord() + " has "
                        + selection.candidates().size() + " TXT records starting with 'v=STSv1;' ("
                        + quoteAll(selection.candidates()) + "); senders then assume there is no policy.",
                        "Keep exactly one v=STSv1 record at " + names.stsRecord() + " and delete the others.");
                yield new Result(RecordState.BROKEN, Optional.empty());
            }
            case INVALID -> invalid(subject, selection);
            case FOUND -> {
                for (Problem p : selection.problems()) {
                    findings.add(FindingCode.STS_RECORD_NOTE, p.severity(), subject, "The record at "
                            + names.stsRecord() + ": " + p.message() + ".", remediationFor(p.code()), p.code());
                }
                yield new Result(RecordState.FOUND, selection.record());
            }
        };
    }

    /**
     * A valid policy is served but no record announces it: senders never fetch it (an {@code ERROR}: the policy is
     * ignored).
     *
     * @param policy the valid policy served at the policy host
     * @param state  the record's state, {@code ABSENT} or {@code CANNOT_EXIST}
     */
    void policyWithoutRecord(MtaStsPolicy policy, RecordState state) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(state, "state");
        boolean possible = state != RecordState.CANNOT_EXIST;
        findings.add(FindingCode.POLICY_WITHOUT_STS_RECORD, Severity.ERROR, names.stsSubject(), "A valid policy (mode "
                        + policy.mode().token() + ") is served at " + names.policyUrl() + ", but no _mta-sts TXT record "
                        + (possible ? "announces" : "can announce") + " it, so senders never fetch it"
                        + (possible ? "." : ": " + PolicyNames.tooLong(names.stsRecord()) + "."),
                possible ? "Publish the _mta-sts TXT record shown in the remediation."
                        : "No record can be published for this domain; remove the policy host, or serve MTA-STS for a"
                        + " domain of at most 244 characters.");
    }

    private Result none(String subject, RecordSelection<StsRecord> selection, TxtAnswer answer) {
        if (!selection.discarded().isEmpty()) {
            for (String text : selection.discarded()) {
                String fix = Lookalike.corrected(text, VERSION_FIELD, DnsRecordCheck::isValidRecord)
                        .map(c -> "Replace it with '" + c + "'")
                        .orElse("Replace it with 'v=STSv1; id=<1 to 32 letters or digits>'");
                findings.add(FindingCode.STS_RECORD_INVALID, Severity.ERROR, subject, "The TXT record '"
                        + Quoting.message(text) + "' at " + names.stsRecord() + " is meant as MTA-STS, but senders discard"
                        + " it: " + Lookalike.why(text, VERSION_FIELD) + ". Senders keep only TXT records that begin"
                        + " with exactly 'v=STSv1;' (RFC 8461 §3.1), so they find no record and apply no policy.",
                        fix + ": 'v=STSv1' first, in exactly that case, then ';' and the id"
                                + (selection.discarded().size() > 1 ? "; keep exactly one such record." : "."));
            }
            return new Result(RecordState.BROKEN, Optional.empty());
        }
        if (!domainExists) {
            return new Result(RecordState.ABSENT, Optional.empty());
        }
        String alias = answer.result().cnameChain().isEmpty() ? ""
                : " is a CNAME to " + answer.result().canonicalName() + ", which";
        String observed = switch (answer.outcome()) {
            case NXDOMAIN -> names.stsRecord() + alias + " does not exist (NXDOMAIN)";
            case NODATA -> names.stsRecord() + alias + " has no TXT record";
            default -> names.stsRecord() + " has no TXT record starting with 'v=STSv1;' (" + answer.records().size()
                    + " other TXT record(s))";
        };
        findings.add(FindingCode.STS_RECORD_MISSING, Severity.WARNING, subject, observed
                        + ": MTA-STS is not deployed, so senders may deliver over unencrypted or unverified connections.",
                "Serve a policy (mode testing to start) at " + names.policyUrl() + " if none is served yet, then"
                        + " publish the TXT record shown in the remediation.");
        return new Result(RecordState.ABSENT, Optional.empty());
    }

    private Result invalid(String subject, RecordSelection<StsRecord> selection) {
        Problem first = selection.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst()
                .orElse(Problem.of(ProblemCode.RECORD_SYNTAX, 1, 1, "invalid record"));
        boolean badId = first.code() == ProblemCode.STS_ID_INVALID || first.code() == ProblemCode.STS_ID_TOO_LONG;
        String text = selection.candidates().get(0);
        findings.add(badId ? FindingCode.STS_ID_INVALID : FindingCode.STS_RECORD_INVALID, Severity.ERROR, subject,
                "The record '" + Quoting.message(text) + "' at " + names.stsRecord() + " is invalid: " + first.message()
                        + " (column " + first.column() + "); senders then assume there is no policy.",
                badId ? "Use an id of 1 to 32 ASCII letters and digits, such as a UTC timestamp 20261129T120000."
                        : "Publish the record as 'v=STSv1; id=<1-32 letters or digits>'.", first.code());
        return new Result(RecordState.BROKEN, Optional.empty());
    }

    private static boolean isValidRecord(String text) {
        return StsRecord.select(List.of(List.of(text))).status() == RecordSelection.Status.FOUND;
    }

    private static String remediationFor(ProblemCode code) {
        return switch (code) {
            case RECORD_VERSION_DELIMITER -> "Write the record as 'v=STSv1; id=...' with ';' right after 'v=STSv1'.";
            case RECORD_FIELD_DUPLICATE -> "Keep one id field; senders use only the first.";
            case RECORD_EXTENSION_UNKNOWN -> "Remove the unknown field unless you know a sender that reads it.";
            default -> "Publish the record as 'v=STSv1; id=<id>'.";
        };
    }

    /** @return up to five records, quoted and separated by commas, then how many more there are */
    static String quoteAll(List<String> texts) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < texts.size() && i < 5; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append('\'').append(Quoting.message(texts.get(i))).append('\'');
        }
        if (texts.size() > 5) {
            out.append(", and ").append(texts.size() - 5).append(" more");
        }
        return out.toString();
    }
}
