package dev.mtasts.json;

import static dev.mtasts.json.ReportJsonTest.sameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.report.ValidationReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportJsonWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void compactIsOneLineAndPrettyIndentsByTwoSpacesWithLineFeeds() {
        ValidationReport report = SampleReports.full();
        ReportJsonWriter compact = ReportJson.writer().build();
        ReportJsonWriter pretty = ReportJson.writer().pretty(true).build();

        String line = compact.toJson(report);
        String text = pretty.toJson(report);

        assertThat(compact.pretty()).isFalse();
        assertThat(pretty.pretty()).isTrue();
        assertThat(line).isEqualTo(ReportJson.toJson(report)).doesNotContain("\n", "\r").startsWith(
                "{\"schemaVersion\":\"1.3\",\"domain\":\"example.com\",");
        assertThat(text).startsWith("{\n  \"schemaVersion\" : \"1.3\",\n  \"domain\" : \"example.com\",\n")
                .doesNotContain("\r").endsWith("\n}");
        assertThat(text).contains("\n  \"layers\" : [\n    {\n      \"layer\" : \"DNS_RECORD\",");
        assertThat(pretty.toJson(SampleReports.bare())).contains("\"findings\" : [],", "\"remediation\" : {}");
        assertThat(sameJson(read(text), read(line))).isTrue();
    }

    @Test
    void severalReportsAreOneArrayInTheirOrder() {
        List<ValidationReport> reports = List.of(SampleReports.full(), SampleReports.bare(), SampleReports.hostile());

        JsonNode array = read(ReportJson.writer().pretty(true).build().toJson(reports));

        assertThat(array.isArray()).isTrue();
        assertThat(array).extracting(r -> r.get("domain").asText())
                .containsExactly("example.com", "bare.example", "xn--bcher-kva.example");
        assertThat(read(ReportJson.writer().build().toJson(List.of()))).isEmpty();
    }

    @Test
    void writingNeitherClosesTheWriterNorDiffersFromTheText() throws IOException {
        ReportJsonWriter pretty = ReportJson.writer().pretty(true).build();
        ValidationReport report = SampleReports.full();
        TrackingWriter out = new TrackingWriter();

        pretty.write(report, out);
        out.write('\n');
        pretty.write(List.of(report), out);

        assertThat(out.closed).isFalse();
        assertThat(out.text.toString()).isEqualTo(pretty.toJson(report) + "\n" + pretty.toJson(List.of(report)));
    }

    @Test
    void aReportInsideALargerDocumentIsWrittenWithTheSameLayout() {
        ReportJsonWriter pretty = ReportJson.writer().pretty(true).build();
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.put("requestId", "42");
        page.set("report", ReportJson.toTree(SampleReports.full()));

        String text = pretty.toJson(page);

        assertThat(text).startsWith("{\n  \"requestId\" : \"42\",\n  \"report\" : {\n    \"schemaVersion\" : \"1.3\",");
        assertThat(read(text).get("report")).isEqualTo(read(ReportJson.toJson(SampleReports.full())));
    }

    @Test
    void eachSettingIsMadeOnce() {
        ReportJsonWriter.Builder builder = ReportJson.writer().pretty(false);

        assertThatThrownBy(() -> builder.pretty(true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pretty");
        assertThat(builder.build().pretty()).isFalse();
        assertThat(ReportJson.writer().pretty(true).build()).hasToString("ReportJsonWriter[pretty=true]");
    }

    @Test
    void hostileStringsAreEscapedAndComeBackExactly() {
        ValidationReport report = SampleReports.hostile();

        for (ReportJsonWriter writer : List.of(ReportJson.writer().build(), ReportJson.writer().pretty(true).build())) {
            String text = writer.toJson(report);

            // no raw control character, JavaScript line break or surrogate: every one is a \\u escape
            assertThat(text.chars().filter(c -> (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F)
                    || c == 0x2028 || c == 0x2029 || Character.isSurrogate((char) c))).isEmpty();
            assertThat(text).contains("\\\"quoted\\\" \\\\ </script>", "\\u0000\\u0007\\u001B[31m\\n\\r\\t",
                    "\\u007F\\u0085\\u009B", "\\u2028\\u2029", "\\uD800", "\\uD83D\\uDCE7", " é");
            // valid UTF-8 whatever the strings hold: a strict encoder accepts it
            assertThat(encodesStrictly(text)).isTrue();
            // and parsing gives back the very strings of the report
            JsonNode back = read(text);
            assertThat(sameJson(back, ReportJson.toTree(report))).isTrue();
            assertThat(back.get("dns").get(0).get("records").get(0).get("strings").get(1).asText())
                    .isEqualTo(SampleReports.HOSTILE);
            assertThat(back.get("findings").get(0).get("message").asText()).isEqualTo(SampleReports.HOSTILE);
            assertThat(back.get("fetch").get("contentType").asText()).isEqualTo(SampleReports.HOSTILE);
            assertThat(back.get("refusedAddresses").get(0).get("reason").asText()).isEqualTo(SampleReports.HOSTILE);
        }
        assertThat(ReportJson.toJson(report)).doesNotContain("\n");
    }

    @Test
    void theJacksonModuleWritesTheSameTreeInsideAnyValue() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new ReportJsonModule());
        ValidationReport report = SampleReports.full();

        JsonNode answer = read(mapper.writeValueAsString(Map.of("report", report)));
        JsonNode list = read(mapper.writeValueAsString(List.of(report, SampleReports.hostile())));

        assertThat(answer.get("report")).isEqualTo(read(ReportJson.toJson(report)));
        assertThat(list.get(1)).isEqualTo(read(ReportJson.toJson(SampleReports.hostile())));
        assertThat(sameJson(mapper.valueToTree(report), ReportJson.toTree(report))).isTrue();
    }

    private static boolean encodesStrictly(String text) {
        try {
            StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    /** A writer that remembers whether it was closed. */
    private static final class TrackingWriter extends Writer {
        final StringWriter text = new StringWriter();
        boolean closed;

        @Override
        public void write(char[] buffer, int offset, int length) {
            text.write(buffer, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
