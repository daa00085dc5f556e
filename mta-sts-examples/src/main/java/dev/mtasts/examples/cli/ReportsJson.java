package dev.mtasts.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.DomainName;
import dev.mtasts.json.ReportJsonWriter;
import dev.mtasts.tlsrpt.BadReport;
import dev.mtasts.tlsrpt.DaySummary;
import dev.mtasts.tlsrpt.TlsRptEvidence;
import dev.mtasts.tlsrpt.TlsRptReports;
import java.time.LocalDate;

/**
 * {@code mta-sts reports --json}: one object, its shape documented in the module's README ("The JSON of
 * {@code reports}"): {@code reports}, {@code duplicates}, {@code reporters}, {@code domains[]} (each with
 * {@code days[]}, {@code failures[]} and {@code evidence}, the last exactly a report's {@code promotion.evidence})
 * and {@code bad[]}. Written with {@code mta-sts-json}'s escaping, so a control character from a report is a
 * {@code \\uXXXX} escape.
 */
final class ReportsJson {

    /** The version of this shape, first in the object; grows as {@code schemaVersion} of a report does. */
    static final String VERSION = "1.0";

    private static final ReportJsonWriter PRETTY = dev.mtasts.json.ReportJson.writer().pretty(true).build();

    private ReportsJson() {
    }

    static String of(TlsRptReports reports) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("reportsVersion", VERSION);
        root.put("reports", reports.reports().size());
        root.put("duplicates", reports.duplicates());
        ArrayNode reporters = root.putArray("reporters");
        reports.reports().stream().map(r -> r.organizationName()).distinct().sorted().forEach(reporters::add);
        ArrayNode domains = root.putArray("domains");
        for (DomainName domain : reports.domains()) {
            ObjectNode node = domains.addObject();
            node.put("domain", domain.value());
            ArrayNode days = node.putArray("days");
            for (DaySummary row : reports.summary(domain)) {
                ObjectNode day = days.addObject();
                day.put("day", row.day().toString());
                day.put("reporter", row.reporter());
                day.put("policyType", row.policyTypeName());
                day.put("reports", row.reports());
                day.put("successfulSessions", row.successfulSessions());
                day.put("failedSessions", row.failedSessions());
                ObjectNode byType = day.putObject("failuresByResultType");
                row.failuresByResultType().forEach(byType::put);
            }
            TlsRptEvidence evidence = reports.evidenceFor(domain);
            ArrayNode failures = node.putArray("failures");
            for (FailureGroup g : FailureGroup.of(evidence)) {
                ObjectNode f = failures.addObject();
                f.put("resultType", g.resultType());
                g.receivingMxHost().ifPresent(h -> f.put("receivingMxHost", h));
                f.put("policyType", g.policyType());
                f.put("failedSessions", g.failedSessions());
                ArrayNode on = f.putArray("days");
                g.days().stream().map(LocalDate::toString).forEach(on::add);
                ArrayNode by = f.putArray("reporters");
                g.reporters().forEach(by::add);
            }
            ObjectNode tree = dev.mtasts.json.ReportJson.toTree(evidence);
            ArrayNode clean = nodes.arrayNode();
            evidence.cleanStsDays().stream().map(LocalDate::toString).forEach(clean::add);
            node.set("evidence", tree);
            node.set("cleanStsDays", clean);
        }
        ArrayNode bad = root.putArray("bad");
        for (BadReport b : reports.bad()) {
            ObjectNode node = bad.addObject();
            node.put("path", b.path().toString());
            node.put("reason", b.reason());
        }
        return PRETTY.toJson(root);
    }
}
