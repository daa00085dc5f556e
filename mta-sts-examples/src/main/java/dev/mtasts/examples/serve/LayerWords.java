package dev.mtasts.examples.serve;

import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerResult;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Each layer's title and a one-line summary of what it found, for the page (the command line's text report says
 * the same in its own words). A skipped layer says why it was skipped, never a result it did not reach.
 */
final class LayerWords {

    private LayerWords() {
    }

    static String title(Layer layer) {
        return switch (layer) {
            case DNS_RECORD -> "DNS record";
            case POLICY_FETCH -> "Policy fetch";
            case POLICY_PARSE -> "Policy";
            case MX_COVERAGE -> "MX hosts";
            case TLS_RPT -> "TLS reporting";
            case PROMOTION -> "Promotion to enforce";
        };
    }

    /** What the layer checks, shown while it is pending. */
    static String pending(Layer layer, String domain) {
        return switch (layer) {
            case DNS_RECORD -> "Looking up the TXT record _mta-sts." + domain + "…";
            case POLICY_FETCH -> "Fetching https://mta-sts." + domain + "/.well-known/mta-sts.txt…";
            case POLICY_PARSE -> "Waiting for the policy text…";
            case MX_COVERAGE -> "Looking up the MX hosts of " + domain + "…";
            case TLS_RPT -> "Looking up the TXT record _smtp._tls." + domain + "…";
            case PROMOTION -> "Waiting for the other checks…";
        };
    }

    static String status(LayerStatus status) {
        return switch (status) {
            case PASS -> "Passed";
            case WARN -> "Warning";
            case FAIL -> "Failed";
            case SKIPPED -> "Skipped";
        };
    }

    static String summary(ValidationReport report, LayerResult result) {
        Optional<String> detail = detail(report, result.layer());
        Optional<String> text = result.status() == LayerStatus.SKIPPED ? result.note().or(() -> detail)
                : detail.or(result::note);
        return text.filter(t -> !t.isBlank()).orElseGet(() -> switch (result.status()) {
            case PASS -> "No problem found.";
            case WARN, FAIL -> "See what to fix below.";
            case SKIPPED -> "Not checked.";
        });
    }

    private static Optional<String> detail(ValidationReport report, Layer layer) {
        String domain = report.domain().value();
        switch (layer) {
            case DNS_RECORD:
                return report.stsRecord().map(r -> "_mta-sts." + domain + " TXT " + Words.quote(r.toText()))
                        .or(() -> report.observations().stsTxt().map(a -> "_mta-sts." + domain + " TXT: "
                                + txt(a)));
            case POLICY_FETCH:
                return report.observations().policyFetch().map(f -> "https://mta-sts." + domain
                        + "/.well-known/mta-sts.txt: " + fetch(f))
                        .or(() -> report.observations().policyHostAddresses().filter(a -> !a.isFound())
                                .map(a -> "mta-sts." + domain + " A/AAAA: " + Words.outcome(a)));
            case POLICY_PARSE:
                return report.policy().map(LayerWords::policy)
                        .or(() -> report.observations().policyFetch().filter(f -> f.outcome() == FetchOutcome.OK)
                                .map(f -> "The body served (" + Words.plural(f.bodySize(), "byte")
                                        + ") is not a valid policy."));
            case MX_COVERAGE:
                MxAnswer mx = report.observations().mx();
                if (!mx.isFound()) {
                    return Optional.of(domain + " MX: " + Words.outcome(mx));
                }
                if (mx.isNullMxOnly()) {
                    return Optional.of("Null MX (" + domain + " MX 0 .): the domain accepts no mail.");
                }
                if (report.policy().isEmpty() || report.mxHosts().isEmpty()) {
                    return Optional.empty();
                }
                long covered = report.mxHosts().stream().filter(MxHostResult::covered).count();
                return Optional.of(covered + " of " + Words.plural(report.mxHosts().size(), "MX host")
                        + " covered by the policy.");
            case TLS_RPT:
                return report.tlsRptRecord().map(r -> "_smtp._tls." + domain + " TXT " + Words.quote(r.toText()))
                        .or(() -> report.observations().tlsRptTxt().map(a -> "_smtp._tls." + domain + " TXT: "
                                + txt(a)));
            default:
                return Optional.of(report.promotion().advice());
        }
    }

    private static String policy(MtaStsPolicy p) {
        String mx = p.mx().isEmpty() ? "no mx" : "mx " + p.mx().stream().map(MxPattern::text)
                .collect(Collectors.joining(", "));
        return "mode " + p.mode().token() + ", max_age " + p.maxAgeSeconds() + " s, " + mx + ".";
    }

    private static String fetch(PolicyFetch f) {
        StringBuilder s = new StringBuilder(f.outcome().name());
        f.statusCode().ifPresent(c -> s.append(", HTTP ").append(c));
        f.location().ifPresent(l -> s.append(" to ").append(Words.quote(l)));
        f.contentType().ifPresent(t -> s.append(", ").append(Words.quote(t)));
        f.tlsVersion().ifPresent(v -> s.append(", ").append(v));
        return s.toString();
    }

    private static String txt(TxtAnswer a) {
        return a.isFound() ? Words.plural(a.records().size(), "record") + ", none usable" : Words.outcome(a);
    }
}
