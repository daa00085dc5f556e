package dev.mtasts.json;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * The report schema, loaded by networknt's validator from {@link ReportJson#schema()} with {@code format}
 * asserted ({@code date-time} is checked, not only noted). The 2020-12 meta-schema comes from the validator's
 * jar: nothing is fetched.
 */
final class Schemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .build()));

    static final Schema REPORT = REGISTRY.getSchema(ReportJson.schema(), InputFormat.JSON);

    static final Schema META = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

    private Schemas() {
    }

    /**
     * @param json a JSON text
     * @return what the report schema finds wrong with it, one line per error; empty when it is valid
     */
    static List<String> errors(String json) {
        return messages(REPORT.validate(json, InputFormat.JSON));
    }

    static List<String> messages(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();
    }
}
