package dev.mtasts.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.json.ReportJsonWriter;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.Deployment;
import java.util.List;

/**
 * What the command line writes as JSON, all of it through {@code mta-sts-json}
 * ({@link dev.mtasts.json.ReportJson}): a report is exactly the module's JSON, described by
 * {@code docs/validation-report.schema.json}; only the shapes around reports are the command line's own (a
 * {@code scan} line: a report with {@code "input"}, or {@code {"input", "error"}}, and a {@code demo} entry).
 * Thread-safe.
 */
final class ReportJson {

    private static final ReportJsonWriter PRETTY = dev.mtasts.json.ReportJson.writer().pretty(true).build();
    private static final ReportJsonWriter COMPACT = dev.mtasts.json.ReportJson.writer().build();

    private ReportJson() {
    }

    /**
     * @param report a report
     * @return its JSON, indented ({@code check --json} of one domain)
     */
    static String pretty(ValidationReport report) {
        return PRETTY.toJson(report);
    }

    /**
     * A line of {@code scan} output for a domain: the report, exactly the module's JSON, with one field more,
     * {@code "input"}, the line as read (the report carries the A-label: {@code xn--bcher-kva.example} for the line
     * {@code Bücher.example}), written right after {@code schemaVersion}. The schema allows that field, so every
     * line is still one report, as the design promises.
     *
     * @param input  the line as read
     * @param report its report
     * @return the report with {@code "input"}, on one line
     */
    static String scanLine(String input, ValidationReport report) {
        ObjectNode tree = dev.mtasts.json.ReportJson.toTree(report);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("schemaVersion", tree.get("schemaVersion"));
        node.put("input", input);
        tree.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("schemaVersion")) {
                node.set(e.getKey(), e.getValue());
            }
        });
        return COMPACT.toJson(node);
    }

    /**
     * An input line of {@code scan} that is not a domain: nothing is lost. Written with the module's escaping, so a
     * control character of the line is a {@code \\uXXXX} escape.
     *
     * @param input the line as read
     * @param error why it is not checked
     * @return {@code {"input": ..., "error": ...}} on one line
     */
    static String inputError(String input, String error) {
        return COMPACT.toJson(errorNode(input, error));
    }

    /**
     * {@code check --json}: the reports in argument order, each exactly the module's JSON, and, in place of a
     * report whose validation failed (a bug: {@code validate} promises a report), {@code {"input", "error"}}, so
     * one failure never loses the other reports.
     *
     * @param results one per domain argument, in order
     * @return one JSON object for one domain, an array for several, indented
     */
    static String pretty(List<CheckResult> results) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (CheckResult r : results) {
            array.add(r.report().<JsonNode>map(dev.mtasts.json.ReportJson::toTree)
                    .orElseGet(() -> errorNode(r.input(), r.error().orElse("the check failed"))));
        }
        return PRETTY.toJson(results.size() == 1 ? array.get(0) : array);
    }

    private static ObjectNode errorNode(String input, String error) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("input", input);
        node.put("error", error);
        return node;
    }

    /**
     * {@code demo --json}: an array of {@code {"deployment": {"title", "description"}, "report": {...}}}, the report
     * exactly the module's.
     *
     * @param deployments the deployments, in order
     * @param reports     their reports, in the same order
     * @return the array, indented
     */
    static String demo(List<Deployment> deployments, List<ValidationReport> reports) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < reports.size(); i++) {
            ObjectNode entry = array.addObject();
            ObjectNode about = entry.putObject("deployment");
            about.put("title", deployments.get(i).title());
            about.put("description", deployments.get(i).description());
            entry.set("report", dev.mtasts.json.ReportJson.toTree(reports.get(i)));
        }
        return PRETTY.toJson(array);
    }
}
