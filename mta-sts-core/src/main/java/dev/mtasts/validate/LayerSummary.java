package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerResult;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.Promotion;
import dev.mtasts.report.PromotionStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@link LayerResult} per layer: {@code FAIL} with an {@code ERROR}, {@code WARN} with a {@code WARNING}, else
 * {@code SKIPPED} (with the reason) when the layer had nothing to check, else {@code PASS}.
 */
final class LayerSummary {

    private LayerSummary() {
    }

    static List<LayerResult> of(List<Finding> findings, Disclosure policy, boolean domainExists, Promotion promotion) {
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(promotion, "promotion");
        Optional<String> fetchSkipped = policy.reported() ? Optional.empty() : Optional.of(switch (policy.record()) {
            case LOOKUP_FAILED -> "the _mta-sts look-up failed, and no valid policy was found";
            case CANNOT_EXIST -> "no _mta-sts record can exist for this domain";
            default -> "no _mta-sts record announces a policy";
        });
        Optional<String> parseSkipped = policy.reading().isPresent() ? Optional.empty()
                : Optional.of(fetchSkipped.orElse("no policy was fetched"));
        Optional<String> coverageSkipped = policy.coverageChecked() && domainExists ? Optional.empty()
                : Optional.of(!domainExists ? "the domain does not exist"
                : policy.valid().isPresent() && policy.usable().isEmpty() && policy.record() == RecordState.FOUND
                ? "the policy is not served as text/plain, so senders ignore it"
                : policy.valid().isPresent() && policy.record() == RecordState.BROKEN
                ? "the _mta-sts record is not valid, so senders apply no policy"
                : policy.valid().isPresent() && policy.record() == RecordState.ABSENT
                ? "no _mta-sts record announces the policy, so senders apply none"
                : "no valid policy to match MX hosts against");
        return List.of(
                status(Layer.DNS_RECORD, findings, Optional.empty()),
                status(Layer.POLICY_FETCH, findings, fetchSkipped),
                status(Layer.POLICY_PARSE, findings, parseSkipped),
                status(Layer.MX_COVERAGE, findings, coverageSkipped),
                status(Layer.TLS_RPT, findings, domainExists ? Optional.empty()
                        : Optional.of("the domain does not exist")),
                promotion(promotion, findings));
    }

    private static LayerResult status(Layer layer, List<Finding> findings, Optional<String> skippedBecause) {
        boolean error = findings.stream().anyMatch(f -> f.layer() == layer && f.severity() == Severity.ERROR);
        boolean warning = findings.stream().anyMatch(f -> f.layer() == layer && f.severity() == Severity.WARNING);
        if (error) {
            return new LayerResult(layer, LayerStatus.FAIL, Optional.empty());
        }
        if (warning) {
            return new LayerResult(layer, LayerStatus.WARN, Optional.empty());
        }
        if (skippedBecause.isPresent()) {
            return new LayerResult(layer, LayerStatus.SKIPPED, skippedBecause);
        }
        return new LayerResult(layer, LayerStatus.PASS, Optional.empty());
    }

    private static LayerResult promotion(Promotion promotion, List<Finding> findings) {
        boolean warned = findings.stream().anyMatch(f -> f.layer() == Layer.PROMOTION
                && f.severity() != Severity.INFO);
        if (promotion.status() == PromotionStatus.NOT_APPLICABLE && warned) {
            return new LayerResult(Layer.PROMOTION, LayerStatus.WARN, Optional.of(promotion.advice()));
        }
        return switch (promotion.status()) {
            case READY -> new LayerResult(Layer.PROMOTION, LayerStatus.PASS, Optional.of("ready for enforce"));
            case NOT_READY -> new LayerResult(Layer.PROMOTION, LayerStatus.WARN, Optional.of(
                    promotion.blockers().size() + " blocker(s)"));
            case NOT_APPLICABLE -> new LayerResult(Layer.PROMOTION, LayerStatus.SKIPPED,
                    Optional.of(promotion.advice()));
        };
    }
}
