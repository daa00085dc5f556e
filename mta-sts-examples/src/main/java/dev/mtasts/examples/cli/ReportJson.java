package dev.mtasts.examples.cli;

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
 * {@code docs/validation-report.schema.json}; only the two shapes around reports are the command line's own (a bad
 * {@code scan} line, a {@code demo} entry). Thread-safe.
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
     * @param reports reports, in argument order
     * @return a JSON array of them, indented ({@code check --json} of several domains)
     */
    static String pretty(List<ValidationReport> reports) {
        return PRETTY.toJson(reports);
    }

    /**
     * @param report a report
     * @return its JSON on one line ({@code scan})
     */
    static String line(ValidationReport report) {
        return COMPACT.toJson(report);
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
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("input", input);
        node.put("error", error);
        return COMPACT.toJson(node);
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
