package dev.mtasts.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.report.EvidenceFailure;
import dev.mtasts.report.Finding;
import dev.mtasts.report.LayerResult;
import dev.mtasts.report.Promotion;
import dev.mtasts.report.PromotionEvidence;
import dev.mtasts.report.Remediation;
import dev.mtasts.report.ValidationReport;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a {@link ValidationReport} as a tree, field by field in the order of the schema
 * ({@code validation-report.schema.json}): the core types carry no Jackson annotations, so the whole shape is
 * visible here, in {@link MxHostTree} and in {@link ObservationsTree}. The rules of the shape, which the schema states:
 * <ul>
 *   <li>an optional value that is empty is an absent field, never {@code null};</li>
 *   <li>a list is always present, possibly empty;</li>
 *   <li>every duration is a number of seconds: an integer where the value is whole seconds ({@code maxAge},
 *       {@code ttl}, {@code suggestedMaxAge}), a decimal to the millisecond for measured times
 *       ({@code elapsed});</li>
 *   <li>enum values (verdict, severity, finding code, ...) are written by name, so a code added to the core
 *       needs no change here.</li>
 * </ul>
 * Stateless.
 */
final class ReportTree {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportTree() {
    }

    static ObjectNode of(ValidationReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", ReportJson.SCHEMA_VERSION);
        root.put("domain", report.domain().value());
        String unicode = report.domain().unicode();
        if (!unicode.equals(report.domain().value())) {
            root.put("domainUnicode", unicode);
        }
        root.put("checkedAt", report.checkedAt().toString());
        root.put("elapsed", seconds(report.elapsed()));
        root.put("verdict", report.verdict().name());
        root.put("atRisk", report.atRisk());
        root.put("inconclusive", report.inconclusive());
        root.set("promotion", promotion(report.promotion()));

        ArrayNode layers = root.putArray("layers");
        for (LayerResult layer : report.layers()) {
            ObjectNode node = layers.addObject();
            node.put("layer", layer.layer().name());
            node.put("status", layer.status().name());
            put(node, "note", layer.note());
        }

        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> findings.add(finding(f)));

        report.stsRecord().ifPresent(r -> root.put("stsRecord", r.toText()));
        report.policy().ifPresent(p -> root.set("policy", policy(p)));
        report.tlsRptRecord().ifPresent(r -> root.put("tlsRptRecord", r.toText()));

        ArrayNode mx = root.putArray("mx");
        report.mxHosts().forEach(host -> mx.add(MxHostTree.of(host, report.checkedAt())));

        ObservationsTree.addTo(root, report.observations(), report.checkedAt());

        root.set("remediation", remediation(report.remediation()));
        report.snapshot().ifPresent(s -> root.put("snapshot", s.toLine()));
        return root;
    }

    private static ObjectNode promotion(Promotion promotion) {
        ObjectNode node = NODES.objectNode();
        node.put("status", promotion.status().name());
        ArrayNode blockers = node.putArray("blockers");
        promotion.blockers().stream().map(f -> f.code().name()).distinct().forEach(blockers::add);
        node.put("advice", promotion.advice());
        promotion.evidence().ifPresent(e -> node.set("evidence", evidence(e)));
        return node;
    }

    /** The TLS-RPT evidence the readiness was judged with: days, the clean run, sessions, failures. */
    static ObjectNode evidence(PromotionEvidence evidence) {
        ObjectNode node = NODES.objectNode();
        evidence.firstDay().ifPresent(d -> node.put("firstDay", d.toString()));
        evidence.lastDay().ifPresent(d -> node.put("lastDay", d.toString()));
        node.put("daysCovered", evidence.daysCovered());
        node.put("consecutiveCleanStsDays", evidence.consecutiveCleanStsDays());
        node.put("totalStsSessions", evidence.totalStsSessions());
        node.put("failedStsSessions", evidence.failedStsSessions());
        ArrayNode reporters = node.putArray("reporters");
        evidence.reporters().forEach(reporters::add);
        counts(node.putObject("failuresByResultType"), evidence.failuresByResultType());
        counts(node.putObject("failuresByReceivingMx"), evidence.failuresByReceivingMx());
        ArrayNode failures = node.putArray("failures");
        for (EvidenceFailure f : evidence.failures()) {
            ObjectNode failure = failures.addObject();
            failure.put("day", f.day().toString());
            failure.put("reporter", f.reporter());
            failure.put("policyType", f.policyType());
            failure.put("resultType", f.resultType());
            put(failure, "receivingMxHost", f.receivingMxHost());
            failure.put("failedSessions", f.failedSessions());
            put(failure, "additionalInformation", f.additionalInformation());
        }
        return node;
    }

    /** A map of counts, sorted by key whatever the implementation's map (an application may give any). */
    private static void counts(ObjectNode node, Map<String, Long> counts) {
        new TreeMap<>(counts).forEach(node::put);
    }

    private static ObjectNode finding(Finding finding) {
        ObjectNode node = NODES.objectNode();
        node.put("code", finding.code().name());
        node.put("severity", finding.severity().name());
        node.put("layer", finding.layer().name());
        node.put("message", finding.message());
        node.put("remediation", finding.remediation());
        node.put("reference", finding.code().reference());
        put(node, "subject", finding.subject());
        finding.problem().ifPresent(p -> node.put("problem", p.name()));
        ArrayNode classes = node.putArray("senderClasses");
        finding.senderClasses().forEach(c -> classes.add(c.name()));
        return node;
    }

    private static ObjectNode policy(MtaStsPolicy policy) {
        ObjectNode node = NODES.objectNode();
        node.put("mode", policy.mode().token());
        node.put("maxAge", policy.maxAgeSeconds());
        ArrayNode mx = node.putArray("mx");
        policy.mx().stream().map(MxPattern::text).forEach(mx::add);
        return node;
    }

    private static ObjectNode remediation(Remediation remediation) {
        ObjectNode node = NODES.objectNode();
        put(node, "stsRecord", remediation.stsRecord());
        put(node, "policy", remediation.policy());
        put(node, "tlsRptRecord", remediation.tlsRptRecord());
        put(node, "enforcePolicy", remediation.enforcePolicy());
        put(node, "enforceStsRecord", remediation.enforceStsRecord());
        remediation.suggestedMaxAge().ifPresent(d -> node.put("suggestedMaxAge", d.getSeconds()));
        return node;
    }

    static void put(ObjectNode node, String name, Optional<String> value) {
        value.ifPresent(v -> node.put(name, v));
    }

    /** A measured time: seconds, to the millisecond ({@code 0.794}). */
    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
