package dev.mtasts.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mtasts.DomainName;
import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.internal.ExtensionSyntax;
import dev.mtasts.internal.Quoting;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyExtension;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.record.RecordExtension;
import dev.mtasts.record.RecordParseException;
import dev.mtasts.record.RecordSelection;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public constructor and method of {@code dev.mtasts.policy}, {@code dev.mtasts.record},
 * {@code dev.mtasts.internal} and {@link Problem} refuses {@code null} in each reference parameter with a
 * {@link NullPointerException} whose message is the parameter's name ({@code Objects.requireNonNull(text, "text")}):
 * never a {@code false}, an empty result or an {@link IllegalArgumentException}, and never a JDK message about some
 * inner call.
 *
 * <p>The classes are found on disk, so a new public type cannot slip past. Only {@code equals(Object)} (whose
 * contract is to answer {@code false}) and the {@code valueOf(String)} the compiler writes for an enum are exempt.
 */
class NullRefusalTest {

    private static final URI MAILTO = URI.create("mailto:tls@example.com");
    private static final Problem PROBLEM = Problem.of(ProblemCode.POLICY_EMPTY, 1, 1, "policy is empty");

    /** A non-null argument of each parameter type; which value does not matter, since nulls are checked first. */
    private static final Map<Class<?>, Supplier<Object>> SAMPLES = Map.ofEntries(
            Map.entry(String.class, () -> "x"),
            Map.entry(Object.class, () -> "x"),
            Map.entry(List.class, List::of),
            Map.entry(Optional.class, Optional::empty),
            Map.entry(Duration.class, () -> Duration.ZERO),
            Map.entry(PolicyMode.class, () -> PolicyMode.NONE),
            Map.entry(MxPattern.class, () -> MxPattern.of("mx.example.com")),
            Map.entry(DomainName.class, () -> DomainName.of("mx.example.com")),
            Map.entry(URI.class, () -> MAILTO),
            Map.entry(URI[].class, () -> new URI[] {MAILTO}),
            Map.entry(byte[].class, () -> new byte[0]),
            Map.entry(Problem.class, () -> PROBLEM),
            Map.entry(ProblemCode.class, () -> ProblemCode.POLICY_EMPTY),
            Map.entry(Severity.class, () -> Severity.ERROR),
            Map.entry(RecordSelection.Status.class, () -> RecordSelection.Status.NONE),
            Map.entry(int.class, () -> 1),
            Map.entry(boolean.class, () -> false));

    /** An instance of each type with instance methods, made fresh for every call (builders are mutable). */
    private static final Map<Class<?>, Supplier<Object>> RECEIVERS = Map.ofEntries(
            Map.entry(MtaStsPolicy.class, () -> MtaStsPolicy.builder().mode(PolicyMode.NONE).build()),
            Map.entry(MtaStsPolicy.Builder.class, MtaStsPolicy::builder),
            Map.entry(MxPattern.class, () -> MxPattern.of("*.example.com")),
            Map.entry(PolicyExtension.class, () -> new PolicyExtension("note", "x")),
            Map.entry(dev.mtasts.policy.PolicyParseResult.class, () -> PolicyParser.lenient().parse("")),
            Map.entry(PolicyParser.class, PolicyParser::lenient),
            Map.entry(PolicyParseException.class, () -> new PolicyParseException(PROBLEM, List.of(PROBLEM))),
            Map.entry(RecordExtension.class, () -> new RecordExtension("x", "1")),
            Map.entry(dev.mtasts.record.RecordParser.class, StsRecord::lenient),
            Map.entry(dev.mtasts.record.RecordParseResult.class, () -> StsRecord.lenient().parse("")),
            Map.entry(RecordParseException.class, () -> new RecordParseException(PROBLEM, List.of(PROBLEM))),
            Map.entry(RecordSelection.class, () -> StsRecord.select(List.of())),
            Map.entry(StsRecord.class, () -> StsRecord.of("1")),
            Map.entry(TlsRptRecord.class, () -> TlsRptRecord.of(MAILTO)),
            Map.entry(Problem.class, () -> PROBLEM));

    /** Enum constants are receivers too: every constant of an enum with instance methods is tried. */
    private static final Map<Class<?>, List<Object>> ENUM_RECEIVERS = Map.of(
            ExtensionSyntax.class, List.of(ExtensionSyntax.POLICY_FILE, ExtensionSyntax.TXT_RECORD));

    @TestFactory
    Stream<DynamicTest> everyReferenceParameterRefusesNullByName() throws IOException, URISyntaxException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> type : apiTypes()) {
            for (Executable member : members(type)) {
                Class<?>[] parameters = member.getParameterTypes();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].isPrimitive()) {
                        continue;
                    }
                    int index = i;
                    tests.add(DynamicTest.dynamicTest(describe(member) + " null #" + (i + 1),
                            () -> assertRefusesNull(member, index)));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyPublicTypeOfTheParserPackagesIsCovered() throws IOException, URISyntaxException {
        assertThat(apiTypes()).contains(MtaStsPolicy.class, MtaStsPolicy.Builder.class, StsRecord.class,
                TlsRptRecord.class, Quoting.class, ExtensionSyntax.class, Problem.class);
        for (Class<?> type : apiTypes()) {
            boolean needsReceiver = members(type).stream()
                    .anyMatch(m -> m instanceof Method && !Modifier.isStatic(m.getModifiers())
                            && m.getParameterCount() > 0);
            if (needsReceiver) {
                assertThat(RECEIVERS.containsKey(type) || ENUM_RECEIVERS.containsKey(type))
                        .as("an instance of %s to call its methods on", type.getName()).isTrue();
            }
        }
    }

    private static void assertRefusesNull(Executable member, int index) throws ReflectiveOperationException {
        Class<?>[] types = member.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (i != index) {
                Supplier<Object> sample = SAMPLES.get(types[i]);
                assertThat(sample).as("a sample %s for %s", types[i].getName(), describe(member)).isNotNull();
                arguments[i] = sample.get();
            }
        }
        for (Object receiver : receivers(member)) {
            try {
                if (member instanceof Constructor<?> constructor) {
                    constructor.newInstance(arguments);
                } else {
                    ((Method) member).invoke(receiver, arguments);
                }
                fail("%s accepted null as parameter #%d", describe(member), index + 1);
            } catch (InvocationTargetException e) {
                assertThat(e.getCause()).as("%s with null as parameter #%d", describe(member), index + 1)
                        .isInstanceOf(NullPointerException.class);
                String message = e.getCause().getMessage();
                assertThat(message).as("message of %s with null as parameter #%d (the parameter's name)",
                        describe(member), index + 1).isNotNull().matches("[a-z][A-Za-z0-9]*");
                componentName(member, index).ifPresent(name -> assertThat(message).isEqualTo(name));
            }
        }
    }

    /** The name of a record component, for a canonical constructor, where reflection knows the parameter names. */
    private static Optional<String> componentName(Executable member, int index) {
        Class<?> type = member.getDeclaringClass();
        if (!(member instanceof Constructor<?>) || !type.isRecord()) {
            return Optional.empty();
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != member.getParameterCount()) {
            return Optional.empty();
        }
        return Optional.of(components[index].getName());
    }

    private static List<Object> receivers(Executable member) {
        if (member instanceof Constructor<?> || Modifier.isStatic(member.getModifiers())) {
            return java.util.Collections.singletonList(null);
        }
        Class<?> type = member.getDeclaringClass();
        if (ENUM_RECEIVERS.containsKey(type)) {
            return ENUM_RECEIVERS.get(type);
        }
        Supplier<Object> receiver = RECEIVERS.get(type);
        assertThat(receiver).as("an instance of %s", type.getName()).isNotNull();
        return List.of(receiver.get());
    }

    private static List<Executable> members(Class<?> type) {
        List<Executable> members = new ArrayList<>();
        if (!Modifier.isAbstract(type.getModifiers()) && !type.isEnum()) {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers()) && !c.isSynthetic()) {
                    members.add(c);
                }
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            boolean exempt = m.getName().equals("equals") && m.getParameterCount() == 1
                    || type.isEnum() && m.getName().equals("valueOf") && m.getParameterCount() == 1;
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !exempt) {
                members.add(m);
            }
        }
        return members;
    }

    /** Every public type, nested ones included, compiled into the packages under test, plus {@link Problem}. */
    private static Set<Class<?>> apiTypes() throws IOException, URISyntaxException {
        Path classes = Path.of(MtaStsPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> types = new LinkedHashSet<>();
        for (String pkg : List.of("dev.mtasts.policy", "dev.mtasts.record", "dev.mtasts.internal")) {
            try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
                        continue;
                    }
                    addPublic(types, loadClass(pkg + "." + name.substring(0, name.length() - ".class".length())));
                }
            }
        }
        types.add(Problem.class);
        return types;
    }

    private static void addPublic(Set<Class<?>> types, Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return;
        }
        types.add(type);
        for (Class<?> nested : type.getDeclaredClasses()) {
            addPublic(types, nested);
        }
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Executable member) {
        StringBuilder out = new StringBuilder(member.getDeclaringClass().getSimpleName());
        out.append(member instanceof Constructor<?> ? "" : "." + member.getName()).append('(');
        Class<?>[] types = member.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            out.append(i > 0 ? ", " : "").append(types[i].getSimpleName());
        }
        return out.append(')').toString();
    }
}
