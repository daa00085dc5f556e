package dev.mtasts.json;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The two Jackson writers behind {@link ReportJsonWriter}: compact (one line, for JSON Lines) and pretty (two
 * spaces, {@code "\n"} on every platform, Jackson's {@code "name" : value}, arrays one element a line, {@code []} and
 * {@code {}} when empty). Both use {@link SafeEscapes} and never close
 * the caller's {@link java.io.Writer}. Jackson's {@link ObjectWriter} is immutable, so both are shared.
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    new JsonFactoryBuilder().characterEscapes(new SafeEscapes()).build())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    static final ObjectWriter COMPACT = MAPPER.writer();

    static final ObjectWriter PRETTY = MAPPER.writer(prettyPrinter());

    private JsonOutput() {
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
