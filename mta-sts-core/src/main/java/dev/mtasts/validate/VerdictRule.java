package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.Verdict;
import java.util.List;
import java.util.Optional;

/** The verdict and {@code atRisk}, derived from what was found, never the other way round. */
final class VerdictRule {

    private VerdictRule() {
    }

    static Verdict verdict(RecordState record, Optional<MtaStsPolicy> policy) {
        return switch (record) {
            case ABSENT -> Verdict.NOT_DEPLOYED;
            case BROKEN, LOOKUP_FAILED -> Verdict.BROKEN;
            case FOUND -> policy.map(p -> switch (p.mode()) {
                case NONE -> Verdict.INACTIVE;
                case TESTING -> Verdict.TESTING;
                case ENFORCE -> Verdict.ENFORCING;
            }).orElse(Verdict.BROKEN);
        };
    }

    /**
     * Mail is at risk when the policy is enforced and an MX host fails it: an ERROR in the MX coverage layer. A failed
     * MX look-up is not one: it says nothing about the policy, and claiming a risk there would be a guess.
     */
    static boolean atRisk(Verdict verdict, List<Finding> findings) {
        return verdict == Verdict.ENFORCING && findings.stream().anyMatch(f -> f.severity() == Severity.ERROR
                && f.code() != FindingCode.DNS_LOOKUP_FAILED
                && (f.layer() == Layer.MX_COVERAGE || f.code() == FindingCode.POLICY_MX_COVERS_NO_MX));
    }
}
