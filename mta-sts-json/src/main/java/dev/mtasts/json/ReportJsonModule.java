package dev.mtasts.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.mtasts.report.ValidationReport;
import java.io.IOException;
import java.util.Objects;

/**
 * A Jackson module that writes every {@link ValidationReport} an {@link com.fasterxml.jackson.databind.ObjectMapper}
 * meets in the form of {@link ReportJson#toTree(ValidationReport)}: for a web framework, or a report inside your
 * own response types. Layout and escaping are then the mapper's own; {@link ReportJsonWriter} is the writer with
 * this module's escaping. Reports are written only: reading JSON back into a report is not supported.
 *
 * <p>Immutable and thread-safe; one instance may be registered with any number of mappers.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new ReportJsonModule());
 * record Answer(String requestId, ValidationReport report) {}
 * String json = mapper.writeValueAsString(new Answer("42", report));
 * // {"requestId":"42","report":{"schemaVersion":"1.3","domain":"example.com",...}}
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ReportJsonModule extends Module {

    private static final ReportSerializer SERIALIZER = new ReportSerializer();

    /** A module with the serializer of {@link ValidationReport}. */
    public ReportJsonModule() {
    }

    /** @return {@code "mta-sts-json"} */
    @Override
    public String getModuleName() {
        return "mta-sts-json";
    }

    /** @return {@link Version#unknownVersion()} */
    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    /** Adds the serializer of {@link ValidationReport}. */
    @Override
    public void setupModule(SetupContext context) {
        Objects.requireNonNull(context, "context");
        SimpleSerializers serializers = new SimpleSerializers();
        serializers.addSerializer(ValidationReport.class, SERIALIZER);
        context.addSerializers(serializers);
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
