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
        List<String> meant = meantRecords(legacy);
        if (meant.isEmpty()) {
            return;
        }
        String legacyName = "_smtp-tlsrpt." + names.domain();
        String text = meant.get(0);
        String publish = recordToMove(legacy).or(() -> TlsRptCheck.proposal(names.domain()))
                .orElse("v=TLSRPTv1; rua=mailto:<a mailbox of yours that receives mail>");
        findings.add(FindingCode.TLSRPT_LEGACY_NAME, Severity.WARNING, "dns:" + legacyName + " TXT",
                names.tlsRptRecord() + " has no TLS-RPT record, but " + legacyName + " holds '" + Quoting.message(text)
                        + "'" + (meant.size() > 1 ? " (and " + (meant.size() - 1) + " more)" : "") + ": that is the"
                        + " name of the drafts before RFC 8460, and reporters look only at " + names.tlsRptRecord()
                        + ", so they send no reports.",
                "Publish '" + publish + "' at " + names.tlsRptRecord() + ", then delete the record" + (meant.size() > 1
                        ? "s" : "") + " at " + legacyName + ".");
    }

    /**
     * The record to publish at {@code _smtp._tls} in place of the one at the draft name: that record itself when it
     * is valid, else its correction (version field or {@code rua} repaired). {@link TlsRptCheck} proposes it too, so
     * that the reports keep going where the domain already meant them to go.
     *
     * @param legacy the TXT answer of {@code _smtp-tlsrpt.<domain>}, when it was looked up
     * @return the record text, or empty when there is no record there or none that can be mended
     */
    static Optional<String> recordToMove(Optional<TxtAnswer> legacy) {
        List<String> meant = meantRecords(legacy);
        if (meant.isEmpty()) {
            return Optional.empty();
        }
        String text = meant.get(0);
        return isValidRecord(text) ? Optional.of(text)
                : Lookalike.corrected(text, VERSION_FIELD, LegacyTlsRptCheck::isValidRecord)
                        .or(() -> RuaRepair.repaired(text));
    }

    /** @return the records at the draft name meant as TLS-RPT: the candidates, then the look-alikes senders discard */
    private static List<String> meantRecords(Optional<TxtAnswer> legacy) {
        Objects.requireNonNull(legacy, "legacy");
        if (legacy.isEmpty() || !legacy.get().isFound()) {
            return List.of();
        }
        List<List<String>> records = legacy.get().records().stream().map(TxtRecord::strings).toList();
        RecordSelection<TlsRptRecord> selection = TlsRptRecord.select(records);
        List<String> meant = new ArrayList<>(selection.candidates());
        meant.addAll(selection.discarded());
        return meant;
    }

    private static boolean isValidRecord(String text) {
        return TlsRptRecord.select(List.of(List.of(text))).status() == RecordSelection.Status.FOUND;
    }
}
