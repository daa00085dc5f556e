package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.internal.Quoting;
import dev.mtasts.record.RecordSelection;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.FindingCode;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Records at the wrong name (RFC 8461 §3.1): a {@code v=STSv1} record at the domain itself, where senders never look
 * ({@code STS_RECORD_AT_APEX}), and a TXT record unrelated to MTA-STS at {@code _mta-sts.<domain>}
 * ({@code STS_UNRELATED_RECORD}). Records clearly meant as MTA-STS but malformed at {@code _mta-sts} are
 * {@link DnsRecordCheck}'s ({@code STS_RECORD_INVALID}); this check reports only the others, one finding per record.
 *
 * <p>Severities, by the severity rule. At the apex: an {@code ERROR} when a valid policy is served, since senders then
 * ignore it for want of a record where they look; otherwise a {@code WARNING}. An unrelated record at
 * {@code _mta-sts}: a {@code WARNING} beside a {@code v=STSv1} record (senders that follow the RFC discard it, but
 * checkers and senders that join or count every TXT record there fail); an {@code INFO} while there is no
 * {@code v=STSv1} record, when it harms nothing yet.
 */
final class MisplacedRecordCheck {

    private static final String VERSION_FIELD = "v=" + StsRecord.VERSION_STSV1;

    /** Unrelated records named one by one; beyond this, one finding lists them all. */
    private static final int ONE_BY_ONE = 3;

    private final PolicyNames names;
    private final FindingList findings;

    MisplacedRecordCheck(PolicyNames names, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    void check(DiagnosticInput input) {
        Objects.requireNonNull(input, "input");
        input.observations().diagnostics().apexTxt().filter(TxtAnswer::isFound)
                .ifPresent(a -> apex(a, input.policy().valid().isPresent()));
        input.observations().stsTxt().filter(TxtAnswer::isFound).ifPresent(this::unrelated);
    }

    private void apex(TxtAnswer answer, boolean policyServed) {
        RecordSelection<StsRecord> selection = StsRecord.select(strings(answer));
        List<String> meant = new ArrayList<>(selection.candidates());
        meant.addAll(selection.discarded());
        String apex = names.domain().value();
        for (String text : meant) {
            String publish = isValidRecord(text) ? text
                    : Lookalike.corrected(text, VERSION_FIELD, MisplacedRecordCheck::isValidRecord)
                            .orElse("v=STSv1; id=<1 to 32 letters or digits>");
            findings.add(FindingCode.STS_RECORD_AT_APEX, policyServed ? Severity.ERROR : Severity.WARNING,
                    "dns:" + apex + " TXT", "The TXT record '" + Quoting.message(text) + "' is published at " + apex
                            + " itself, where senders never look: they read MTA-STS records only at "
                            + names.stsRecord() + " (RFC 8461 §3.1), " + (policyServed
                            ? "so they ignore the valid policy served at " + names.policyUrl()
                            : "so for them MTA-STS is not deployed") + ".",
                    "Publish '" + publish + "' as a TXT record at " + names.stsRecord() + " and delete it from " + apex
                            + ".");
        }
    }

    private void unrelated(TxtAnswer answer) {
        List<List<String>> records = strings(answer);
        RecordSelection<StsRecord> selection = StsRecord.select(records);
        List<String> unrelated = new ArrayList<>();
        for (List<String> strings : records) {
            String text = String.join("", strings);
            if (!selection.candidates().contains(text) && !selection.discarded().contains(text)) {
                unrelated.add(text);
            }
        }
        if (unrelated.isEmpty()) {
            return;
        }
        boolean beside = !selection.candidates().isEmpty();
        Severity severity = beside ? Severity.WARNING : Severity.INFO;
        String at = answer.result().cnameChain().isEmpty() ? names.stsRecord()
                : names.stsRecord() + " (through its CNAME, at " + answer.result().canonicalName() + ")";
        String effect = beside ? "; senders that follow RFC 8461 §3.1 discard it, but checkers and senders that join or"
                + " count every TXT record at the name find no valid record, and apply no policy"
                : "; harmless while no v=STSv1 record is published there, but once one is, checkers and senders that"
                + " join or count every TXT record at the name will find no valid record";
        String keep = beside ? "; keep only the v=STSv1 record at that name." : "; the name is for the v=STSv1 record.";
        if (unrelated.size() > ONE_BY_ONE) {
            findings.add(FindingCode.STS_UNRELATED_RECORD, severity, names.stsSubject(), at + " holds "
                    + unrelated.size() + " TXT records unrelated to MTA-STS (" + DnsRecordCheck.quoteAll(unrelated)
                    + ")" + effect + ".", "Delete them from " + at + keep);
            return;
        }
        for (String text : unrelated) {
            String quoted = "'" + Quoting.message(text) + "'";
            Optional<String> home = home(text);
            findings.add(FindingCode.STS_UNRELATED_RECORD, severity, names.stsSubject(), at + " holds " + quoted
                    + (beside ? " beside its v=STSv1 record" : "") + ": " + kind(text) + effect + ".",
                    "Delete " + quoted + " from " + at + home.map(h -> " (publish it at " + h + " if you need it)")
                            .orElse("") + keep);
        }
    }

    /** @return what kind of record it is, as a clause */
    private String kind(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("v=spf1")) {
            return "an SPF record, which has no effect there (SPF is read at the domain that sends mail)";
        }
        if (lower.startsWith("v=tlsrptv1")) {
            return "a TLS-RPT record, which reporters read only at " + names.tlsRptRecord();
        }
        if (lower.startsWith("v=dmarc1")) {
            return "a DMARC record, which receivers read only at _dmarc." + names.domain();
        }
        return "a TXT record unrelated to MTA-STS";
    }

    /** @return where a misplaced record of a known kind belongs, when it is not here */
    private Optional<String> home(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("v=tlsrptv1")) {
            return Optional.of(names.tlsRptRecord());
        }
        if (lower.startsWith("v=dmarc1")) {
            return Optional.of("_dmarc." + names.domain());
        }
        return Optional.empty();
    }

    private static List<List<String>> strings(TxtAnswer answer) {
        return answer.records().stream().map(TxtRecord::strings).toList();
    }

    private static boolean isValidRecord(String text) {
        return StsRecord.select(List.of(List.of(text))).status() == RecordSelection.Status.FOUND;
    }
}
