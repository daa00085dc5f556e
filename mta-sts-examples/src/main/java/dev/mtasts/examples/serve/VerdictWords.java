package dev.mtasts.examples.serve;

import dev.mtasts.report.Promotion;
import dev.mtasts.report.ValidationReport;

/** The verdict and promotion readiness in plain words: what the top of the page says. */
final class VerdictWords {

    private VerdictWords() {
    }

    /** One sentence: what senders make of the deployment. */
    static String headline(ValidationReport report) {
        String domain = report.domain().value();
        return switch (report.verdict()) {
            case ENFORCING -> report.atRisk()
                    ? "MTA-STS is enforced for " + domain + ", but mail is at risk: senders that apply the policy"
                            + " refuse some of its MX hosts now."
                    : "MTA-STS is enforced for " + domain + ": senders that support it deliver only over TLS to"
                            + " the MX hosts the policy names.";
            case TESTING -> "MTA-STS is in testing mode for " + domain + ": senders report TLS problems but still"
                    + " deliver.";
            case INACTIVE -> "MTA-STS is published for " + domain + " with mode none: it protects nothing.";
            case BROKEN -> "MTA-STS is broken for " + domain + ": senders cannot use the policy, so it protects"
                    + " nothing until it is fixed.";
            case NOT_DEPLOYED -> "MTA-STS is not deployed for " + domain + ": there is no _mta-sts record.";
            case UNKNOWN -> "The check of " + domain + " could not reach a conclusion: a look-up or the policy"
                    + " fetch got no answer in time. Check again later.";
        };
    }

    /** The verdict word as a person reads it. */
    static String label(ValidationReport report) {
        return switch (report.verdict()) {
            case ENFORCING -> report.atRisk() ? "Enforcing, mail at risk" : "Enforcing";
            case TESTING -> "Testing";
            case INACTIVE -> "Inactive";
            case BROKEN -> "Broken";
            case NOT_DEPLOYED -> "Not deployed";
            case UNKNOWN -> "Inconclusive";
        };
    }

    /** One sentence on promotion from testing to enforce. */
    static String promotion(Promotion promotion) {
        return switch (promotion.status()) {
            case READY -> "Ready for enforce: publish the enforce policy and record shown below.";
            case NOT_READY -> "Not ready for enforce yet: first fix "
                    + (promotion.blockers().size() == 1 ? "the blocker" : "the " + promotion.blockers().size()
                            + " blockers") + " marked below.";
            case NOT_APPLICABLE -> "Promotion to enforce does not apply now.";
        };
    }
}
