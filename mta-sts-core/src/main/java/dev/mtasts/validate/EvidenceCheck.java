package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.internal.Quoting;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.report.EvidenceFailure;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.PromotionEvidence;
import dev.mtasts.report.Verdict;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Layer 6, {@code PROMOTION}, with what real senders saw: the TLS-RPT evidence a validation is given, and the jump
 * to {@code enforce} without a testing period.
 *
 * <ul>
 *   <li>A {@code testing} policy is ready only when the reports show at least {@code minimumCleanDays} consecutive
 *       clean {@code sts} days up to the newest report ({@code TLSRPT_EVIDENCE_SHORT} otherwise), the newest report
 *       is at most {@link #STALE_AFTER_DAYS} days old ({@code TLSRPT_EVIDENCE_STALE}), and no failure was reported
 *       in that window ({@code TLSRPT_REPORTED_FAILURES}, one per result type and receiving MX host, with what the
 *       live check says about that host). Failures before the window are {@code INFO}: they stopped.</li>
 *   <li>{@code ENFORCE_WITHOUT_TESTING}: the policy is {@code enforce} and an earlier snapshot showed
 *       {@code none}, or there is neither a TLS-RPT record nor evidence.</li>
 * </ul>
 */
final class EvidenceCheck {

    /** Reports whose newest day is more than this many days before the check say little about today. */
    static final int STALE_AFTER_DAYS = 3;

    /**
     * @param evidence the evidence given
     * @param summary  a sentence on what it shows, for the promotion advice
     */
    record Result(Optional<PromotionEvidence> evidence, Optional<String> summary) {
    }

    private final PolicyNames names;
    private final FindingList findings;
    private final Instant now;
    private final int minimumCleanDays;

    EvidenceCheck(PolicyNames names, FindingList findings, Instant now, int minimumCleanDays) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
        this.now = Objects.requireNonNull(now, "now");
        this.minimumCleanDays = minimumCleanDays;
    }

    Result check(Verdict verdict, Optional<MtaStsPolicy> policy, TlsRptCheck.Result tlsRpt,
                 Optional<PromotionEvidence> evidence, Optional<PolicySnapshot> previous,
                 MxTransportCheck.Result transport) {
        enforceWithoutTesting(verdict, policy, tlsRpt, evidence, previous);
        if (evidence.isEmpty() || verdict != Verdict.TESTING && verdict != Verdict.ENFORCING) {
            return new Result(evidence, Optional.empty());
        }
        PromotionEvidence e = evidence.get();
        if (e.lastDay().isEmpty()) {
            findings.add(FindingCode.TLSRPT_EVIDENCE_SHORT, Severity.WARNING, "tls-rpt reports", "The TLS-RPT"
                    + " evidence given holds no report for " + names.domain() + ".", "Collect the reports sent to the"
                    + " rua of the TLS-RPT record for " + minimumCleanDays + " days or more, then check again.");
            return new Result(evidence, Optional.empty());
        }
        LocalDate last = e.lastDay().get();
        LocalDate windowStart = last.minusDays(minimumCleanDays - 1L);
        String reporters = Quoting.list(e.reporters(), 6);
        failures(e, windowStart, verdict);
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        long age = ChronoUnit.DAYS.between(last, today);
        if (age > STALE_AFTER_DAYS) {
            findings.add(FindingCode.TLSRPT_EVIDENCE_STALE, Severity.WARNING, "tls-rpt reports", "The newest TLS-RPT"
                    + " report given covers " + last + ", " + age + " days before this check: it says little about"
                    + " how senders fare today.", "Add the reports of the last days, then check again.");
        }
        int clean = e.consecutiveCleanStsDays();
        if (verdict == Verdict.TESTING && clean < minimumCleanDays) {
            String why = e.totalStsSessions() == 0 ? "The reports hold no result for the sts policy (only "
                    + "no-policy-found or tlsa: from before the policy was published, or from senders that do not"
                    + " do MTA-STS)" : "The reports from " + reporters + " show " + clean + " consecutive clean day"
                    + (clean == 1 ? "" : "s") + " for the sts policy up to " + last;
            findings.add(FindingCode.TLSRPT_EVIDENCE_SHORT, Severity.WARNING, "tls-rpt reports", why + "; promotion"
                    + " needs " + minimumCleanDays + ".", "Keep mode testing and collect reports until they show "
                    + minimumCleanDays + " clean days in a row, fixing every failure they name.");
        }
        String summary = "The TLS-RPT reports from " + reporters + " cover " + e.daysCovered() + " day"
                + (e.daysCovered() == 1 ? "" : "s") + " from " + e.firstDay().orElse(last) + " to " + last + ": "
                + clean + " consecutive clean day" + (clean == 1 ? "" : "s") + " for the sts policy, "
                + e.totalStsSessions() + " session" + (e.totalStsSessions() == 1 ? "" : "s") + ", "
                + e.failedStsSessions() + " failed.";
        return new Result(evidence, Optional.of(summary));
    }

    private void enforceWithoutTesting(Verdict verdict, Optional<MtaStsPolicy> policy, TlsRptCheck.Result tlsRpt,
                                       Optional<PromotionEvidence> evidence, Optional<PolicySnapshot> previous) {
        if (verdict != Verdict.ENFORCING || policy.map(p -> p.mode() != PolicyMode.ENFORCE).orElse(true)) {
            return;
        }
        Optional<PolicySnapshot> before = previous.filter(p -> p.domain().equals(names.domain().value()));
        boolean fromNone = before.flatMap(PolicySnapshot::policyMode).map(m -> m == PolicyMode.NONE).orElse(false);
        boolean unseen = tlsRpt.record().isEmpty() && evidence.isEmpty();
        if (!fromNone && !unseen) {
            return;
        }
        String why = fromNone ? "The policy went from mode none (seen " + before.get().fetchedAt() + ") straight to"
                + " enforce, without a testing period" : "The policy is in enforce, but there is neither a TLS-RPT"
                + " record nor report evidence";
        findings.add(FindingCode.ENFORCE_WITHOUT_TESTING, Severity.WARNING, names.stsSubject(), why + ": senders"
                + " whose TLS to an MX host fails now refuse mail, and nobody sees why.", "Publish a TLS-RPT record"
                + " (see the remediation), and unless the reports already show clean days, go back to mode"
                + " testing with a new id for 14 to 30 days; watch the reports for certificate-host-mismatch,"
                + " starttls-not-supported and sts-policy-fetch-error before enforcing again.");
    }

    private void failures(PromotionEvidence e, LocalDate windowStart, Verdict verdict) {
        Map<String, List<EvidenceFailure>> groups = new LinkedHashMap<>();
        for (EvidenceFailure f : e.failures()) {
            boolean recent = !f.day().isBefore(windowStart);
            String key = (recent ? "recent" : "earlier") + "|" + f.policyType() + "|" + f.resultType() + "|"
                    + f.receivingMxHost().orElse("");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        List<Finding> live = findings.sorted();
        for (Map.Entry<String, List<EvidenceFailure>> group : groups.entrySet()) {
            List<EvidenceFailure> list = group.getValue();
            EvidenceFailure first = list.get(0);
            boolean recent = group.getKey().startsWith("recent");
            long sessions = list.stream().mapToLong(EvidenceFailure::failedSessions).sum();
            TreeSet<LocalDate> days = new TreeSet<>();
            TreeSet<String> by = new TreeSet<>();
            list.forEach(f -> {
                days.add(f.day());
                by.add(f.reporter());
            });
            String host = first.receivingMxHost().map(h -> " at " + h).orElse("");
            String when = days.first().equals(days.last()) ? "on " + days.first()
                    : "between " + days.first() + " and " + days.last() + " (" + days.size() + " days)";
            String message = Quoting.list(List.copyOf(by), 4) + " reported " + sessions + " failed session"
                    + (sessions == 1 ? "" : "s") + " with " + first.resultType() + host + " for the "
                    + first.policyType() + " policy " + when + "."
                    + first.additionalInformation().map(i -> " They add: " + Quoting.message(i) + ".").orElse("");
            if (recent) {
                findings.add(FindingCode.TLSRPT_REPORTED_FAILURES, Severity.WARNING, "tls-rpt " + first.resultType()
                        + host, message + (verdict == Verdict.ENFORCING ? " In enforce mode these senders refused"
                        + " the mail." : " In enforce mode these senders would refuse the mail."),
                        fix(first, live));
            } else {
                findings.add(FindingCode.TLSRPT_REPORTED_FAILURES, Severity.INFO, "tls-rpt " + first.resultType()
                        + host, message + " None since: they stopped before the last " + minimumCleanDays + " days.",
                        "Nothing to do, unless they come back.");
            }
        }
    }

    /** What to fix for a reported failure, with what the live check of this validation says about it. */
    private String fix(EvidenceFailure f, List<Finding> live) {
        String host = f.receivingMxHost().orElse("the MX host");
        Optional<Finding> liveMx = f.receivingMxHost().flatMap(h -> live.stream()
                .filter(x -> x.layer() == Layer.MX_COVERAGE && x.subject().equals(Optional.of("mx " + h.toLowerCase(
                        Locale.ROOT).replaceAll("\\.$", "")))).findFirst());
        String now = liveMx.map(x -> " The live check agrees: " + x.code() + ".")
                .orElse(f.receivingMxHost().isPresent() ? " The live check finds nothing wrong with " + host
                        + " now: if it was fixed, wait for clean reports." : "");
        return switch (f.resultType()) {
            case "certificate-host-mismatch" -> "The certificate of " + host + " must list '" + host + "' among its"
                    + " DNS names (subjectAltName)." + now;
            case "certificate-expired" -> "Renew the certificate of " + host + " and automate renewal." + now;
            case "certificate-not-trusted" -> "Serve on " + host + " a certificate from a public CA with its full"
                    + " chain." + now;
            case "starttls-not-supported" -> "Enable STARTTLS on " + host + "." + now;
            case "validation-failure" -> "Fix TLS on " + host + " (protocol versions, ciphers, SNI)." + now;
            case "sts-policy-fetch-error", "sts-policy-invalid", "sts-webpki-invalid" -> "Senders could not fetch"
                    + " or use the policy at " + names.policyUrl() + "; " + policyHostNow(live);
            case "tlsa-invalid", "dnssec-invalid", "dane-required" -> "Fix the TLSA records of " + host + " (or its"
                    + " DNSSEC): DANE senders refuse it while they fail." + now;
            default -> "Look up what " + f.resultType() + " means for " + host + " (RFC 8460 §4.3)." + now;
        };
    }

    private static String policyHostNow(List<Finding> live) {
        return live.stream().filter(x -> x.layer() == Layer.POLICY_FETCH && x.severity() != Severity.INFO).findFirst()
                .map(x -> "the live check says: " + x.message())
                .orElse("the live check fetches it fine now: if it was fixed, wait for clean reports.");
    }
}
