package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.internal.Quoting;
import dev.mtasts.record.RecordSelection;
import dev.mtasts.record.TlsRptRecord;
import dev.mtasts.report.FindingCode;
import dev.mtasts.resolver.TxtAnswer;
import dev.mtasts.resolver.TxtRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TLS-RPT record at {@code _smtp-tlsrpt.<domain>}, the name of the drafts before RFC 8460, while
 * {@code _smtp._tls.<domain>} has none ({@code TLSRPT_LEGACY_NAME}, a {@code WARNING}: reporters look only at
 * {@code _smtp._tls}, so no reports come). The remediation is the record to publish at the right name: the legacy
 * record itself when it is valid, else its correction, else the record {@link TlsRptCheck} proposes.
 */
final class LegacyTlsRptCheck {

    private static final String VERSION_FIELD = "v=" + TlsRptRecord.VERSION_TLSRPTV1;

    private final PolicyNames names;
    private final FindingList findings;

    LegacyTlsRptCheck(PolicyNames names, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    /** @param legacy the TXT answer of {@code _smtp-tlsrpt.<domain>}, present only when {@code _smtp._tls} has no record */
    void check(Optional<TxtAnswer> legacy) {
        Objects.requireNonNull(legacy, "legacy");
        if (legacy.isEmpty() || !legacy.get().isFound()) {
            return;
        }
        List<List<String>> records = legacy.get().records().stream().map(TxtRecord::strings).toList();
        RecordSelection<TlsRptRecord> selection = TlsRptRecord.select(records);
        List<String> meant = new ArrayList<>(selection.candidates());
        meant.addAll(selection.discarded());
        if (meant.isEmpty()) {
            return;
        }
        String legacyName = "_smtp-tlsrpt." + names.domain();
        String text = meant.get(0);
        String publish = isValidRecord(text) ? text
                : Lookalike.corrected(text, VERSION_FIELD, LegacyTlsRptCheck::isValidRecord)
                        .or(() -> RuaRepair.repaired(text))
                        .or(() -> TlsRptCheck.proposal(names.domain()))
                        .orElse("v=TLSRPTv1; rua=mailto:<a mailbox of yours that receives mail>");
        findings.add(FindingCode.TLSRPT_LEGACY_NAME, Severity.WARNING, "dns:" + legacyName + " TXT",
                names.tlsRptRecord() + " has no TLS-RPT record, but " + legacyName + " holds '" + Quoting.message(text)
                        + "'" + (meant.size() > 1 ? " (and " + (meant.size() - 1) + " more)" : "") + ": that is the"
                        + " name of the drafts before RFC 8460, and reporters look only at " + names.tlsRptRecord()
                        + ", so they send no reports.",
                "Publish '" + publish + "' at " + names.tlsRptRecord() + ", then delete the record" + (meant.size() > 1
                        ? "s" : "") + " at " + legacyName + ".");
    }

    private static boolean isValidRecord(String text) {
        return TlsRptRecord.select(List.of(List.of(text))).status() == RecordSelection.Status.FOUND;
    }
}
