package dev.mtasts.examples.cli;

import dev.mtasts.Severity;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerResult;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.Promotion;
import dev.mtasts.report.PromotionEvidence;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.Remediation;
import dev.mtasts.report.SenderClass;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsAnswer;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.TxtAnswer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report as a person reads it: verdict and promotion status on top, then one line per layer with its mark (under
 * MX coverage, each MX host with its probe per address and its DANE status, from {@link MxHostText}), then the
 * findings with their remediation, then the exact records and policy to publish.
 *
 * <p>Each thing is said once: the promotion advice on the {@code Promotion} layer line (the top line gives the
 * status, and the blockers when there are any); a skipped layer shows why it was skipped, never a result it did not
 * reach. Layer titles come from {@link LayerTitles}.
 */
final class ReportText {

    private static final String INDENT = "  ";
    private static final String DETAIL = "         ";

    private final Style style;

    ReportText(Style style) {
        this.style = style;
    }

    void print(ValidationReport report, PrintWriter out) {
        header(report, out);
        out.println();
        for (LayerResult layer : report.layers()) {
            layer(report, layer, out);
        }
        findings(report.findings(), out);
        publish(report, out);
    }

    private void header(ValidationReport report, PrintWriter out) {
        String domain = report.domain().value();
        StringBuilder line = new StringBuilder(style.bold(domain)).append("  ").append(verdict(report.verdict()));
        if (report.atRisk()) {
            line.append("  ").append(style.red(style.bold("MAIL AT RISK")));
        }
        if (ExitCodes.couldNotRun(report)) {
            line.append("  ").append(style.red(report.has(FindingCode.POLICY_TIMEOUT)
                    ? "INCONCLUSIVE (the policy fetch ran out of this check's time; check again with a longer --timeout)"
                    : "INCONCLUSIVE (could not run: no DNS answer at all)"));
        } else if (report.inconclusive()) {
            line.append("  ").append(style.yellow("INCONCLUSIVE (a DNS look-up the verdict rests on failed;"
                    + " check again)"));
        }
        long errors = count(report, Severity.ERROR);
        long warnings = count(report, Severity.WARNING);
        line.append(style.dim("  " + errors + " error" + plural(errors) + ", " + warnings + " warning"
                + plural(warnings) + ", " + report.elapsed().toMillis() + " ms"));
        out.println(line);
        out.println(INDENT + "Promotion to enforce: " + promotionStatus(report.promotion())
                + report.promotion().evidence().map(ReportText::evidence).orElse(""));
    }

    /** The TLS-RPT evidence readiness was judged with, in a few words; the advice says the rest. */
    private static String evidence(PromotionEvidence e) {
        if (e.lastDay().isEmpty()) {
            return " (TLS-RPT evidence: no report about this domain)";
        }
        int run = e.consecutiveCleanStsDays();
        return " (TLS-RPT evidence: " + run + " consecutive clean sts day" + plural(run) + " up to "
                + e.lastDay().get() + ", " + e.failedStsSessions() + " failed of " + e.totalStsSessions()
                + " sessions; reported by " + Printable.of(String.join(", ", e.reporters())) + ")";
    }

    private String verdict(Verdict verdict) {
        switch (verdict) {
            case ENFORCING:
                return style.green(style.bold(verdict.name()));
            case TESTING:
                return style.cyan(style.bold(verdict.name()));
            case BROKEN:
                return style.red(style.bold(verdict.name()));
            default:
                return style.yellow(style.bold(verdict.name()));
        }
    }

    /** The status, and what blocks it; the advice is the {@code Promotion} layer line's. */
    private String promotionStatus(Promotion promotion) {
        switch (promotion.status()) {
            case READY:
                return style.green("READY");
            case NOT_READY:
                String codes = promotion.blockers().stream().map(f -> f.code().name()).distinct()
                        .collect(Collectors.joining(", "));
                return style.yellow("NOT READY") + " - blocked by " + codes;
            default:
                return "not applicable";
        }
    }

    private void layer(ValidationReport report, LayerResult result, PrintWriter out) {
        String title = String.format("%-" + (LayerTitles.WIDTH + 2) + "s", LayerTitles.of(result.layer()));
        boolean skipped = result.status() == LayerStatus.SKIPPED;
        // a skipped layer says why; what was seen there is no result of it
        Optional<String> text = skipped ? result.note().or(() -> detail(report, result.layer()))
                : detail(report, result.layer()).or(result::note);
        out.println(INDENT + mark(result.status()) + " " + title
                + text.filter(t -> !t.isBlank()).orElseGet(() -> fallback(result.status())));
        if (result.layer() == Layer.MX_COVERAGE) {
            // coverage against a policy; what the wire said (addresses, STARTTLS, DANE) with or without one
            boolean coverage = !skipped && report.policy().isPresent();
            boolean wire = report.mxHosts().stream().anyMatch(h -> h.probe().isPresent() || !h.refused().isEmpty()
                    || h.addresses().filter(a -> !a.isFound()).isPresent());
            if (coverage || wire) {
                MxHostText hosts = new MxHostText(style, report.checkedAt());
                report.mxHosts().forEach(host -> hosts.print(host, coverage, out));
            }
        }
        Map<FindingCode, List<Finding>> byCode = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (f.layer() == result.layer()) {
                byCode.computeIfAbsent(f.code(), c -> new ArrayList<>()).add(f);
            }
        }
        byCode.forEach((code, list) -> out.println(DETAIL + "     " + severityMark(list.get(0).severity()) + " "
                + code.name() + ": " + code.summary() + (list.size() > 1 ? " (x" + list.size() + ")" : "")));
    }

    private String mark(LayerStatus status) {
        switch (status) {
            case PASS:
                return style.green("[PASS]");
            case WARN:
                return style.yellow("[WARN]");
            case FAIL:
                return style.red("[FAIL]");
            default:
                return style.dim("[SKIP]");
        }
    }

    private String severityMark(Severity severity) {
        switch (severity) {
            case ERROR:
                return style.red("x");
            case WARNING:
                return style.yellow("!");
            default:
                return style.cyan("i");
        }
    }

    /** What was seen at a layer, in one line; empty where nothing was seen (then the layer's note is shown). */
    private static Optional<String> detail(ValidationReport report, Layer layer) {
        String domain = report.domain().value();
        switch (layer) {
            case DNS_RECORD:
                return report.stsRecord().map(r -> "_mta-sts." + domain + " TXT \"" + r.toText() + "\"")
                        .or(() -> report.observations().stsTxt().map(a -> "_mta-sts." + domain + " TXT: "
                                + answer(a)));
            case POLICY_FETCH:
                return report.observations().policyFetch().map(f -> "https://mta-sts." + domain
                        + "/.well-known/mta-sts.txt: " + fetchSummary(f))
                        .or(() -> report.observations().policyHostAddresses().filter(a -> !a.isFound())
                                .map(a -> "mta-sts." + domain + " A/AAAA: " + answer(a)));
            case POLICY_PARSE:
                return report.policy().map(p -> "mode " + p.mode().token() + ", max_age " + p.maxAgeSeconds()
                        + ", " + patterns(p))
                        .or(() -> report.observations().policyFetch()
                                .filter(f -> f.outcome() == dev.mtasts.fetcher.FetchOutcome.OK)
                                .map(f -> report.layer(Layer.POLICY_PARSE).status() == LayerStatus.FAIL
                                        ? "the body served (" + f.bodySize() + " bytes) is not a valid policy"
                                        : "the body served (" + f.bodySize() + " bytes) is a valid policy text, but"
                                                + " senders ignore it: see the policy fetch"));
            case MX_COVERAGE:
                Optional<MxAnswer> mx = Optional.of(report.observations().mx()).filter(a -> !a.isFound());
                if (mx.isPresent()) {
                    return Optional.of(domain + " MX: " + answer(mx.get()));
                }
                if (report.observations().mx().isNullMxOnly()) {
                    return Optional.of("null MX (" + domain + " MX 0 .): the domain accepts no mail");
                }
                if (report.policy().isEmpty() || report.mxHosts().isEmpty()) {
                    return Optional.empty();
                }
                long covered = report.mxHosts().stream().filter(MxHostResult::covered).count();
                return Optional.of(covered + " of " + report.mxHosts().size() + " MX host"
                        + plural(report.mxHosts().size()) + " covered by the policy");
            case TLS_RPT:
                return report.tlsRptRecord().map(r -> "_smtp._tls." + domain + " TXT \"" + r.toText() + "\"")
                        .or(() -> report.observations().tlsRptTxt().map(a -> "_smtp._tls." + domain + " TXT: "
                                + answer(a)));
            default:
                return Optional.of(report.promotion().advice());
        }
    }

    /** The policy's mx patterns; a policy without any (only mode none may have none) says so. */
    private static String patterns(MtaStsPolicy policy) {
        if (policy.mx().isEmpty()) {
            return "no mx (mode " + policy.mode().token() + ")";
        }
        return "mx " + policy.mx().stream().map(MxPattern::text).collect(Collectors.joining(" "));
    }

    /** What a layer line says when the report has nothing more specific: never an empty value. */
    private static String fallback(LayerStatus status) {
        switch (status) {
            case PASS:
                return "ok";
            case WARN:
                return "see the findings below";
            case FAIL:
                return "failed: see the findings below";
            default:
                return "not checked";
        }
    }

    /** A DNS answer without a usable record: why. */
    private static String answer(DnsAnswer answer) {
        if (answer instanceof TxtAnswer && answer.isFound()) {
            int n = ((TxtAnswer) answer).records().size();
            return n + " TXT record" + plural(n) + ", none usable";
        }
        return answer.outcome().name() + answer.result().detail().map(d -> " (" + d + ")").orElse("");
    }

    private static String fetchSummary(PolicyFetch fetch) {
        StringBuilder s = new StringBuilder(fetch.outcome().name());
        fetch.statusCode().ifPresent(c -> s.append(", HTTP ").append(c));
        fetch.location().ifPresent(l -> s.append(" to ").append(l));
        fetch.contentType().ifPresent(t -> s.append(", ").append(t));
        fetch.tlsVersion().ifPresent(v -> s.append(", ").append(v));
        return s.toString();
    }

    private void findings(List<Finding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            return;
        }
        out.println();
        out.println(INDENT + style.bold("Findings"));
        for (Finding f : findings) {
            String severity = String.format("%-7s", f.severity().name());
            String coloured = f.severity() == Severity.ERROR ? style.red(severity)
                    : f.severity() == Severity.WARNING ? style.yellow(severity) : style.cyan(severity);
            out.println(INDENT + coloured + " " + style.bold(f.code().name())
                    + style.dim("  (" + LayerTitles.of(f.layer()) + ", " + f.code().reference() + ")"));
            out.println(INDENT + "        " + f.message());
            out.println(INDENT + "        " + style.green("Fix:") + " " + f.remediation());
            senderClasses(f).forEach(line -> out.println(INDENT + "        " + style.dim(line)));
        }
    }

    /**
     * One line per effect of the sender classes a finding names ({@code "Rejected also by: senders that require
     * text/plain"}): "also" where senders that follow the RFC reject it too (an {@code ERROR}).
     */
    static List<String> senderClasses(Finding f) {
        List<String> lines = new ArrayList<>();
        for (SenderClass.Effect effect : SenderClass.Effect.values()) {
            List<String> titles = f.senderClasses().stream().filter(c -> c.effect() == effect)
                    .map(SenderClass::title).toList();
            if (titles.isEmpty()) {
                continue;
            }
            String words = effect == SenderClass.Effect.REJECTS && f.severity() == Severity.ERROR
                    ? "rejected also by" : effect.words();
            lines.add(Character.toUpperCase(words.charAt(0)) + words.substring(1) + ": " + String.join("; ", titles));
        }
        return lines;
    }

    private void publish(ValidationReport report, PrintWriter out) {
        Remediation r = report.remediation();
        String domain = report.domain().value();
        boolean promoting = report.promotion().status() != PromotionStatus.NOT_APPLICABLE
                && r.enforcePolicy().isPresent();
        if (r.stsRecord().isEmpty() && r.policy().isEmpty() && r.tlsRptRecord().isEmpty() && !promoting) {
            out.println();
            return;
        }
        out.println();
        out.println(INDENT + style.bold("To publish"));
        r.policy().ifPresent(p -> policyBlock("https://mta-sts." + domain + "/.well-known/mta-sts.txt"
                + " (Content-Type: text/plain)", p, out));
        r.stsRecord().ifPresent(s -> out.println(INDENT + "_mta-sts." + domain + ".  IN TXT  \"" + s + "\""));
        r.tlsRptRecord().ifPresent(s -> out.println(INDENT + "_smtp._tls." + domain + ".  IN TXT  \"" + s + "\""));
        if (report.promotion().status() != PromotionStatus.NOT_APPLICABLE && r.enforcePolicy().isPresent()) {
            Optional<String> record = r.enforceStsRecord();
            policyBlock("When promoting: this enforce policy" + (record.isPresent() ? ""
                    : ", with a new _mta-sts id"), r.enforcePolicy().get(), out);
            record.ifPresent(s -> {
                out.println(INDENT + "then this _mta-sts record: its new id tells senders to fetch the enforce policy");
                out.println(INDENT + "_mta-sts." + domain + ".  IN TXT  \"" + s + "\"");
            });
        }
        out.println();
    }

    private static void policyBlock(String title, String policy, PrintWriter out) {
        out.println(INDENT + title);
        for (String line : policy.split("\r?\n")) {
            out.println(INDENT + "    " + line);
        }
    }

    private static long count(ValidationReport report, Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity).count();
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
