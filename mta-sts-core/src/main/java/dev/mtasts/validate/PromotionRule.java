package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Promotion;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.Verdict;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Layer 6, {@code PROMOTION}: a {@code testing} policy may become {@code enforce} when nothing blocks it. Every
 * {@code ERROR} blocks, and so does every {@code WARNING} whose code {@linkplain dev.mtasts.report.FindingCode#blocksPromotion()
 * blocks promotion} (an MX outside the policy, TLS-RPT missing or invalid, a certificate about to expire).
 */
final class PromotionRule {

    private PromotionRule() {
    }

    private static String notDeployed(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> f.code() == FindingCode.DOMAIN_NOT_FOUND)) {
            return "The domain does not exist; there is nothing to promote until it is registered and has MX hosts.";
        }
        if (findings.stream().anyMatch(f -> f.code() == FindingCode.RECORD_NAME_TOO_LONG
                && f.layer() == dev.mtasts.report.Layer.DNS_RECORD)) {
            return "No _mta-sts record can exist for a name this long, so MTA-STS cannot be deployed for it.";
        }
        if (findings.stream().anyMatch(f -> f.code() == FindingCode.POLICY_WITHOUT_STS_RECORD)) {
            return "A policy is served, but no _mta-sts record announces it: publish the record (see the remediation),"
                    + " collect TLS-RPT reports in testing, then promote.";
        }
        return "MTA-STS is not deployed; publish a testing policy first (see the remediation).";
    }

    /** @return what the MX probe established, for the advice of a READY promotion */
    private static String transport(MxTransportCheck.Result transport) {
        if (!transport.probed()) {
            return "The MX hosts were not probed (no MX probe ran): confirm that each offers STARTTLS with a"
                    + " certificate valid for its name before switching. ";
        }
        if (!transport.reachedAny()) {
            return "No MX host could be reached from where this check ran, so STARTTLS was not verified: confirm it"
                    + " from a host that may connect to port 25. ";
        }
        boolean allReached = transport.hosts().stream().allMatch(h -> h.probe().map(p -> p.addresses().stream()
                .allMatch(dev.mtasts.probe.AddressProbe::connected)).orElse(false));
        return allReached ? "Every MX host offers STARTTLS with a certificate valid for its name. "
                : "Every MX host reached offers STARTTLS with a valid certificate; the others were not verified. ";
    }

    static Promotion promotion(Verdict verdict, List<Finding> findings, TlsRptCheck.Result tlsRpt,
                               MxTransportCheck.Result transport, EvidenceCheck.Result reported) {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(tlsRpt, "tlsRpt");
        if (verdict != Verdict.TESTING) {
            return new Promotion(PromotionStatus.NOT_APPLICABLE, List.of(), switch (verdict) {
                case ENFORCING -> "The policy is already in enforce mode.";
                case INACTIVE -> "The policy is in mode none; publish mode testing first and collect TLS-RPT reports.";
                case BROKEN -> "Fix the errors first: promotion applies to a valid policy in mode testing.";
                case NOT_DEPLOYED -> notDeployed(findings);
                case UNKNOWN -> "The check could not run to the end; check again before deciding anything.";
                case TESTING -> throw new IllegalStateException();
            });
        }
        List<Finding> blockers = findings.stream().filter(f -> f.severity() == Severity.ERROR
                || (f.severity() == Severity.WARNING && f.code().blocksPromotion())).toList();
        String evidence = tlsRpt.record().map(r -> "the TLS-RPT reports sent to " + String.join(", ",
                r.rua().stream().map(URI::toString).toList())).orElse(tlsRpt.canExist() ? "the TLS-RPT reports"
                : "the MX hosts' TLS logs (no TLS-RPT record can exist for this domain)");
        if (reported.summary().isPresent()) {
            String summary = reported.summary().get() + " ";
            return blockers.isEmpty()
                    ? new Promotion(PromotionStatus.READY, List.of(), "Nothing blocks enforce. " + transport(transport)
                    + summary + "Publish the enforce policy and a new id.", reported.evidence())
                    : new Promotion(PromotionStatus.NOT_READY, blockers, summary + "Fix the " + blockers.size()
                    + " blocker" + (blockers.size() == 1 ? "" : "s") + " listed, then check again with the newer"
                    + " reports.", reported.evidence());
        }
        if (blockers.isEmpty()) {
            return new Promotion(PromotionStatus.READY, List.of(), "Nothing blocks enforce. " + transport(transport)
                    + "Before switching, review " + evidence + " of the last 14 to 30 days: every MX should show"
                    + " successful sessions and no sts-policy or certificate failures (give them to this check as"
                    + " evidence to have them read). Then publish the enforce policy and a new id.",
                    reported.evidence());
        }
        return new Promotion(PromotionStatus.NOT_READY, blockers, "Fix the " + blockers.size() + " blocker"
                + (blockers.size() == 1 ? "" : "s") + " listed, then review " + evidence + " over 14 to 30 days"
                + " before switching to enforce.", reported.evidence());
    }
}
