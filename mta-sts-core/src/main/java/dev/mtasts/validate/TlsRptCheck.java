package dev.mtasts.validate;

import dev.mtasts.internal.Quoting;
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
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Layer 5, {@code TLS_RPT}: the {@code _smtp._tls.<domain>} TXT record (RFC 8460 §3, rules G1 to G10). Without it,
 * nobody learns of the failures a testing policy is meant to reveal, so each defect is a WARNING that blocks
 * promotion.
 */
final class TlsRptCheck {

    private static final String VERSION_FIELD = "v=" + TlsRptRecord.VERSION_TLSRPTV1;

    /**
     * What the look-up established.
     *
     * @param record       the record, when exactly one valid record was found
     * @param lookupFailed true when the look-up failed, so that nobody knows whether a record exists
     * @param canExist     false when {@code _smtp._tls.<domain>} would exceed 253 characters
     * @param proposal     the record the remediation proposes: present when no valid record was found and the
     *                     look-up did not fail; the record at the draft name {@code _smtp-tlsrpt} (or its
     *                     correction) when there is one, else reports to {@code mailto:tls-reports@<domain>} when
     *                     that is a valid destination
     */
    record Result(Optional<TlsRptRecord> record, boolean lookupFailed, boolean canExist, Optional<String> proposal) {
        Result {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    private final PolicyNames names;
    private final boolean domainExists;
    private final FindingList findings;

    /**
     * @param names        the names below the domain
     * @param domainExists false when the domain itself is NXDOMAIN: a missing record is then not reported again,
     *                     and no record is proposed (reports to a domain that does not exist go nowhere)
     * @param findings     where findings go
     */
    TlsRptCheck(PolicyNames names, boolean domainExists, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.domainExists = domainExists;
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    /** @param answer the TXT answer, empty when the name cannot exist (see {@code Observations}) */
    Result check(Optional<TxtAnswer> answer) {
        return check(answer, Optional.empty());
    }

    /**
     * @param answer the TXT answer, empty when the name cannot exist (see {@code Observations})
     * @param legacy the TXT answer of the draft name {@code _smtp-tlsrpt.<domain>}, when it was looked up: a record
     *               there is the one proposed for {@code _smtp._tls}, so the reports keep their destinations
     */
    Result check(Optional<TxtAnswer> answer, Optional<TxtAnswer> legacy) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(legacy, "legacy");
        String subject = names.tlsRptSubject();
        String name = names.tlsRptRecord();
        if (answer.isEmpty() && !names.tlsRptRecordCanExist()) {
            findings.addIn(Layer.TLS_RPT, FindingCode.RECORD_NAME_TOO_LONG, Severity.WARNING, subject,
                    PolicyNames.tooLong(name) + ": senders cannot look up a TLS-RPT record for " + names.domain()
                            + ", so TLS-RPT cannot be deployed for it and no reports of TLS failures will come.",
                    "Nothing can be published at that name; judge the MX hosts' TLS from their own logs, or receive"
                            + " mail at a domain of at most 242 characters to have TLS-RPT reports.");
            return new Result(Optional.empty(), false, false, Optional.empty());
        }
        if (answer.isEmpty() || answer.get().outcome().isFailure()) {
            String why = answer.map(a -> DnsWording.failure(a.result())).orElse("no answer (no look-up was made)");
            findings.addIn(Layer.TLS_RPT, FindingCode.DNS_LOOKUP_FAILED, Severity.WARNING, subject,
                    "The look-up of " + name + " TXT failed with " + why + "; senders may not find the TLS-RPT record.",
                    DnsWording.lookupFailedRemediation(name));
            // after a failed look-up a record may well exist: proposing another could make two, and then none counts
            return new Result(Optional.empty(), true, true, Optional.empty());
        }
        Optional<String> moved = domainExists ? LegacyTlsRptCheck.recordToMove(legacy) : Optional.empty();
        Optional<String> proposal = moved.isPresent() ? moved
                : domainExists ? proposal(names.domain()) : Optional.empty();
        String publish = moved.map(m -> "Publish '" + m + "' at " + name + ": the record now at the draft name"
                        + " _smtp-tlsrpt." + names.domain() + " (TLSRPT_LEGACY_NAME), then read the reports.")
                .or(() -> proposal.map(p -> "Publish '" + p + "' at " + name + " and read the reports."))
                .orElseGet(() -> "Publish 'v=TLSRPTv1; rua=mailto:<a mailbox of yours that receives mail>' at " + name
                        + " and read the reports" + refusal(names.domain()).map(r -> " (" + r + ")").orElse("") + ".");
        List<List<String>> records = answer.get().records().stream().map(TxtRecord::strings).toList();
        RecordSelection<TlsRptRecord> selection = TlsRptRecord.select(records);
        switch (selection.status()) {
            case NONE -> none(subject, selection, publish);
            case MULTIPLE -> findings.add(FindingCode.TLSRPT_MULTIPLE, Severity.WARNING, subject, name + " has "
                    + selection.candidates().size() + " v=TLSRPTv1 records (" + DnsRecordCheck.quoteAll(
                    selection.candidates()) + "); senders then send no reports.",
                    "Keep one v=TLSRPTv1 record; list several destinations in its rua, separated by commas.");
            case INVALID -> {
                List<Problem> errors = selection.problems().stream().filter(p -> p.severity() == Severity.ERROR)
                        .toList();
                Problem first = errors.isEmpty() ? Problem.of(ProblemCode.RECORD_SYNTAX, 1, 1, "invalid record")
                        : errors.get(0);
                String text = selection.candidates().get(0);
                String why = errors.size() <= 1 ? first.message() : errors.stream().limit(3).map(Problem::message)
                        .collect(Collectors.joining("; ")) + (errors.size() > 3 ? "; and " + (errors.size() - 3)
                        + " more" : "");
                findings.add(FindingCode.TLSRPT_INVALID, Severity.WARNING, subject, "The record '"
                        + Quoting.message(text) + "' at " + name + " is invalid: " + why + "; senders send no reports.",
                        RuaRepair.repaired(text).map(r -> "Publish '" + r + "' at " + name + " instead.")
                                .orElse(publish), first.code());
                unusableSchemes(subject, selection.problems());
            }
            case FOUND -> {
                String canonical = selection.record().orElseThrow().toText();
                for (Problem p : selection.problems()) {
                    boolean scheme = p.code() == ProblemCode.TLSRPT_RUA_UNSUPPORTED_SCHEME;
                    String fix = scheme ? "Use mailto: or https: destinations; reporters support no other scheme."
                            : p.code() == ProblemCode.RECORD_FIELD_DUPLICATE
                            ? "Publish '" + canonical + "' instead: one field each, with every destination in one rua,"
                            + " separated by commas."
                            : "Publish the record as 'v=TLSRPTv1; rua=<uri>[,<uri>]'.";
                    findings.add(scheme ? FindingCode.TLSRPT_RUA_SCHEME : FindingCode.TLSRPT_NOTE, p.severity(), subject,
                            "The TLS-RPT record at " + name + ": " + p.message() + ".", fix, p.code());
                }
                return new Result(selection.record(), false, true, Optional.empty());
            }
        }
        return new Result(Optional.empty(), false, true, proposal);
    }

    private void none(String subject, RecordSelection<TlsRptRecord> selection, String publish) {
        String name = names.tlsRptRecord();
        if (!selection.discarded().isEmpty()) {
            for (String text : selection.discarded()) {
                String fix = Lookalike.corrected(text, VERSION_FIELD, TlsRptCheck::isValidRecord)
                        .map(c -> "Replace it with '" + c + "': 'v=TLSRPTv1' first, in exactly that case, then ';'.")
                        .orElse(publish);
                findings.add(FindingCode.TLSRPT_INVALID, Severity.WARNING, subject, "The TXT record '"
                        + Quoting.message(text) + "' at " + name + " is meant as TLS-RPT, but senders discard it: "
                        + Lookalike.why(text, VERSION_FIELD) + ". Senders keep only records that begin with exactly"
                        + " 'v=TLSRPTv1;' (RFC 8460 §3), so they send no reports.", fix);
            }
            return;
        }
        if (domainExists) {
            findings.add(FindingCode.TLSRPT_MISSING, Severity.WARNING, subject, name + " has no v=TLSRPTv1 record:"
                    + " senders send no reports of TLS failures, so problems stay unseen.", publish);
        }
    }

    /** Names each rua URI whose scheme no reporter supports, so the scheme is visible even when the record is invalid. */
    private void unusableSchemes(String subject, List<Problem> problems) {
        for (Problem p : problems) {
            if (p.code() == ProblemCode.TLSRPT_RUA_UNSUPPORTED_SCHEME) {
                findings.add(FindingCode.TLSRPT_RUA_SCHEME, Severity.WARNING, subject, "The TLS-RPT record at "
                        + names.tlsRptRecord() + ": " + p.message() + ".", "Use mailto: or https: destinations;"
                        + " reporters support no other scheme.");
            }
        }
    }

    /**
     * The record the remediation proposes: reports to {@code tls-reports@<domain>}, when this library's own parser
     * accepts that record. It does not for every valid domain: {@code a_b.example.com} is a fine DNS name but not
     * the domain of a mail address, and a long domain makes an address longer than a mailbox may be.
     *
     * @param domain the policy domain
     * @return the record text, or empty when it would not be valid
     */
    static Optional<String> proposal(DomainName domain) {
        Objects.requireNonNull(domain, "domain");
        RecordSelection<TlsRptRecord> selection = TlsRptRecord.select(List.of(List.of(candidate(domain))));
        return selection.record().map(TlsRptRecord::toText);
    }

    /** @return why {@link #proposal(DomainName)} is empty, in words, or empty when it is not */
    static Optional<String> refusal(DomainName domain) {
        RecordSelection<TlsRptRecord> selection = TlsRptRecord.select(List.of(List.of(candidate(domain))));
        if (selection.record().isPresent()) {
            return Optional.empty();
        }
        String reason = selection.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst()
                .map(Problem::message).orElse("it is not a valid record");
        return Optional.of("no record for tls-reports@" + domain + " is proposed: " + reason);
    }

    private static String candidate(DomainName domain) {
        return VERSION_FIELD + "; rua=mailto:tls-reports@" + domain.value();
    }

    private static boolean isValidRecord(String text) {
        return TlsRptRecord.select(List.of(List.of(text))).status() == RecordSelection.Status.FOUND;
    }
}
