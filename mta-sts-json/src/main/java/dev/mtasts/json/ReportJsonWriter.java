package dev.mtasts.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mtasts.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Writes reports as JSON text, compact or indented. Made by {@link ReportJson#writer()}; the compact writer is
 * also behind {@link ReportJson#toJson(ValidationReport)}.
 *
 * <p>Compact output is one line (a line break inside a string is written {@code \n}), ready for JSON Lines;
 * pretty output indents by two spaces and ends lines with {@code "\n"} on every platform. Either way control
 * characters, U+2028, U+2029 and surrogates inside strings are written as {@code \\uXXXX} escapes, and parsing
 * the text gives back exactly the report's strings. No method closes the {@link Writer} it is given.
 *
 * <p>An immutable value, safe to share between threads.
 *
 * <pre>{@code
 * ValidationReport other = MtaStsValidator.validate("example.org");
 * ReportJsonWriter json = ReportJson.writer().pretty(true).build();
 * System.out.println(json.toJson(report));                  // one report, indented
 * System.out.println(json.toJson(List.of(report, other)));  // a JSON array of reports
 *
 * ObjectNode page = JsonNodeFactory.instance.objectNode();   // a report inside a larger document
 * page.put("requestId", "42");
 * page.set("report", ReportJson.toTree(report));
 * json.write(page, new PrintWriter(System.out));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ReportJsonWriter {

    static final ReportJsonWriter COMPACT = new ReportJsonWriter(false);
    private static final ReportJsonWriter PRETTY = new ReportJsonWriter(true);

    private final boolean pretty;
    private final ObjectWriter writer;

    private ReportJsonWriter(boolean pretty) {
        this.pretty = pretty;
        this.writer = pretty ? JsonOutput.PRETTY : JsonOutput.COMPACT;
    }

    /** @return true when this writer indents its output */
    public boolean pretty() {
        return pretty;
    }

    /**
     * @param report a report
     * @return its JSON text, an object as described by {@link ReportJson#schema()}
     */
    public String toJson(ValidationReport report) {
        return toJson(ReportJson.toTree(report));
    }

    /**
     * @param reports reports, in the order they are to be written
     * @return a JSON array of their objects, in that order
     */
    public String toJson(List<ValidationReport> reports) {
        Objects.requireNonNull(reports, "reports");
        return toJson(array(reports));
    }

    /**
     * Writes any tree with this writer's layout and escaping: a report embedded in a larger document, or a line of
     * a stream that is not a report.
     *
     * @param tree a JSON tree
     * @return its text
     */
    public String toJson(JsonNode tree) {
        Objects.requireNonNull(tree, "tree");
        try {
            return writer.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serialises; this would be a bug in Jackson
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param report a report
     * @param out    where to write its JSON text; flushed, not closed
     * @throws IOException when {@code out} fails
     */
    public void write(ValidationReport report, Writer out) throws IOException {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        write(ReportJson.toTree(report), out);
    }

    /**
     * @param reports reports, in the order they are to be written
     * @param out     where to write them as a JSON array; flushed, not closed
     * @throws IOException when {@code out} fails
     */
    public void write(List<ValidationReport> reports, Writer out) throws IOException {
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(out, "out");
        write(array(reports), out);
    }

    /**
     * @param tree a JSON tree
     * @param out  where to write its text with this writer's layout and escaping; flushed, not closed
     * @throws IOException when {@code out} fails
     */
    public void write(JsonNode tree, Writer out) throws IOException {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(out, "out");
        writer.writeValue(out, tree);
    }

    private static ArrayNode array(List<ValidationReport> reports) {
        ArrayNode array = ReportTree.NODES.arrayNode(reports.size());
        reports.forEach(r -> array.add(ReportJson.toTree(r)));
        return array;
    }

    /** @return {@code ReportJsonWriter[pretty=true]} */
    @Override
    public String toString() {
        return "ReportJsonWriter[pretty=" + pretty + "]";
    }

    /**
     * Configures a {@link ReportJsonWriter}; made by {@link ReportJson#writer()}. Each setting may be made once. Not
     * thread-safe.
     *
     * <pre>{@code
     * ReportJsonWriter lines = ReportJson.writer().build();              // compact: one report per line
     * ReportJsonWriter people = ReportJson.writer().pretty(true).build();
     * }</pre>
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private Boolean pretty;

        Builder() {
        }

        /**
         * @param value true to indent the output for people; default {@code false}: compact, one line
         * @return this
         * @throws IllegalStateException when set before
         */
        public Builder pretty(boolean value) {
            if (pretty != null) {
                throw new IllegalStateException("pretty is already set to " + pretty);
            }
            pretty = value;
            return this;
        }

        /** @return the writer */
        public ReportJsonWriter build() {
            return Boolean.TRUE.equals(pretty) ? PRETTY : COMPACT;
        }
    }
}
