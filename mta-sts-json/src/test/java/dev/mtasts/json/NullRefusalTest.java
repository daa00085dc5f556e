package dev.mtasts.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mtasts.conformance.NullRefusalCheck;
import dev.mtasts.conformance.NullRefusalTestCase;
import dev.mtasts.report.ValidationReport;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every public constructor and method of {@code dev.mtasts.json} refuses {@code null} in each reference parameter
 * with a {@link NullPointerException} whose message is that parameter's name, as the rest of the library does
 * (the same {@link NullRefusalCheck}, from mta-sts-core's test-jar, checks the core module's packages).
 *
 * <p>The classes are found on disk and the parameter names read from their class files. Exempt is
 * {@code equals(Object)}, whose contract is to answer {@code false}.
 */
class NullRefusalTest extends NullRefusalTestCase {

    /** The packages under test: the module's only one. */
    private static final List<String> PACKAGES = List.of("dev.mtasts.json");

    /** Types whose methods are callbacks: none here. */
    private static final Set<Class<?>> CALLBACKS = Set.of();

    /** SPIs whose abstract methods other modules implement: none here. */
    private static final Set<Class<?>> IMPLEMENTED_ELSEWHERE = Set.of();

    /** Methods that another test pins to a different answer for {@code null}: none here. */
    private static final Set<String> PINNED = Set.of();

    /** Types that must be among those found: the search on disk is not allowed to come back short. */
    private static final List<Class<?>> EXPECTED = List.of(ReportJson.class, ReportJsonWriter.class,
            ReportJsonWriter.Builder.class, ReportJsonModule.class);

    /** A non-null argument of each parameter type; which value does not matter, since nulls are checked first. */
    private static final Map<Class<?>, Supplier<Object>> SAMPLES = Map.ofEntries(
            Map.entry(boolean.class, () -> false),
            Map.entry(List.class, List::of),
            Map.entry(Writer.class, StringWriter::new),
            Map.entry(JsonNode.class, JsonNodeFactory.instance::objectNode),
            Map.entry(ValidationReport.class, SampleReports::bare));

    /** Instances of each type with instance methods, made fresh for every call (builders are mutable). */
    private static final Map<Class<?>, Supplier<List<?>>> RECEIVERS = Map.ofEntries(
            Map.entry(ReportJsonWriter.class, () -> List.of(ReportJson.writer().build(),
                    ReportJson.writer().pretty(true).build())),
            Map.entry(ReportJsonWriter.Builder.class, () -> List.of(ReportJson.writer())),
            Map.entry(ReportJsonModule.class, () -> List.of(new ReportJsonModule())));

    /** The check of this module's packages, configured by the constants above. */
    private static final NullRefusalCheck CHECK = NullRefusalCheck.builder()
            .packages(PACKAGES)
            .expectedTypes(EXPECTED)
            .samples(SAMPLES)
            .receivers(RECEIVERS)
            .callbacks(CALLBACKS)
            .implementedElsewhere(IMPLEMENTED_ELSEWHERE)
            .pinned(PINNED)
            .build();

    @Override
    protected NullRefusalCheck check() {
        return CHECK;
    }

}
