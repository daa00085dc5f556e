package dev.mtasts.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.mtasts.report.ValidationReport;
import java.io.IOException;

/**
 * A Jackson module that writes every {@link ValidationReport} an {@link com.fasterxml.jackson.databind.ObjectMapper}
 * meets in the form of {@link ReportJson#toTree(ValidationReport)}: for a web framework, or a report inside your
 * own response types. Layout and escaping are then the mapper's own; {@link ReportJsonWriter} is the writer with
 * this module's escaping. Reports are written only: reading JSON back into a report is not supported.
 *
 * <p>Immutable once registered, thread-safe.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new ReportJsonModule());
 * record Answer(String requestId, ValidationReport report) {}
 * String json = mapper.writeValueAsString(new Answer("42", report));
 * // {"requestId":"42","report":{"schemaVersion":"1.0","domain":"example.com",...}}
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ReportJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** A module with the serializer of {@link ValidationReport}. */
    public ReportJsonModule() {
        super("mta-sts-json", Version.unknownVersion());
        addSerializer(ValidationReport.class, new ReportSerializer());
    }

    private static final class ReportSerializer extends StdSerializer<ValidationReport> {

        private static final long serialVersionUID = 1L;

        ReportSerializer() {
            super(ValidationReport.class);
        }

        @Override
        public void serialize(ValidationReport report, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeTree(ReportTree.of(report));
        }
    }
}
