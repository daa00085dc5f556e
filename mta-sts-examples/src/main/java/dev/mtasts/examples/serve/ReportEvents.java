package dev.mtasts.examples.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.examples.serve.ProgressEvents.Draft;
import dev.mtasts.json.ReportJson;
import dev.mtasts.report.Finding;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerResult;
import dev.mtasts.report.PromotionEvidence;
import dev.mtasts.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The first and the last events of a check's stream: {@code started} (every layer pending), then, from the report,
 * one {@code layer} event per layer in report order, {@code verdict}, {@code report} and {@code done}. Stateless.
 */
final class ReportEvents {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportEvents() {
    }

    static Draft started(DomainName domain, boolean probesMx) {
        ObjectNode data = NODES.objectNode();
        data.put("domain", domain.value());
        data.put("probesMx", probesMx);
        ArrayNode layers = data.putArray("layers");
        for (Layer layer : Layer.values()) {
            layers.addObject().put("layer", layer.name()).put("title", LayerWords.title(layer))
                    .put("pending", LayerWords.pending(layer, domain.value()));
        }
        return new Draft("started", data);
    }

    static List<Draft> ended(ValidationReport report) {
        List<Draft> out = new ArrayList<>();
        for (LayerResult layer : report.layers()) {
            out.add(layer(report, layer));
        }
        out.add(verdict(report));
        out.add(new Draft("report", ReportJson.toTree(report)));
        ObjectNode done = NODES.objectNode();
        done.put("elapsed", report.elapsed().toMillis() / 1000.0);
        out.add(new Draft("done", done));
        return out;
    }

    static Draft failed(String message) {
        ObjectNode data = NODES.objectNode();
        data.put("error", message);
        return new Draft("error", data);
    }

    static Draft layer(ValidationReport report, LayerResult result) {
        ObjectNode data = NODES.objectNode();
        data.put("layer", result.layer().name());
        data.put("title", LayerWords.title(result.layer()));
        data.put("status", result.status().name());
        data.put("statusText", LayerWords.status(result.status()));
        data.put("summary", LayerWords.summary(report, result));
        ArrayNode codes = data.putArray("findings");
        report.findings().stream().filter(f -> f.layer() == result.layer()).map(f -> f.code().name()).distinct()
                .forEach(codes::add);
        return new Draft("layer", data);
    }

    static Draft verdict(ValidationReport report) {
        ObjectNode data = NODES.objectNode();
        data.put("domain", report.domain().value());
        data.put("verdict", report.verdict().name());
        data.put("label", VerdictWords.label(report));
        data.put("atRisk", report.atRisk());
        data.put("inconclusive", report.inconclusive());
        data.put("headline", VerdictWords.headline(report));
        data.put("errors", count(report, Severity.ERROR));
        data.put("warnings", count(report, Severity.WARNING));
        ObjectNode promotion = data.putObject("promotion");
        promotion.put("status", report.promotion().status().name());
        promotion.put("headline", VerdictWords.promotion(report.promotion()));
        promotion.put("advice", report.promotion().advice());
        ArrayNode blockers = promotion.putArray("blockers");
        report.promotion().blockers().stream().map(f -> f.code().name()).distinct().forEach(blockers::add);
        report.promotion().evidence().ifPresent(e -> promotion.set("evidence", evidence(e)));
        return new Draft("verdict", data);
    }

    /** What the TLS-RPT reports the readiness was judged with show, when there were any. */
    private static ObjectNode evidence(PromotionEvidence e) {
        ObjectNode node = NODES.objectNode();
        node.put("daysCovered", e.daysCovered());
        node.put("cleanDays", e.consecutiveCleanStsDays());
        node.put("sessions", e.totalStsSessions());
        node.put("failedSessions", e.failedStsSessions());
        e.firstDay().ifPresent(d -> node.put("firstDay", d.toString()));
        e.lastDay().ifPresent(d -> node.put("lastDay", d.toString()));
        node.put("text", "TLS-RPT reports cover " + Words.plural(e.daysCovered(), "day")
                + e.lastDay().map(d -> " up to " + d).orElse("") + ": " + e.failedStsSessions() + " of "
                + Words.plural(e.totalStsSessions(), "session") + " failed; "
                + Words.plural(e.consecutiveCleanStsDays(), "clean day") + " in a row.");
        return node;
    }

    private static long count(ValidationReport report, Severity severity) {
        return report.findings().stream().map(Finding::severity).filter(s -> s == severity).count();
    }
}
