package dev.mtasts.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The check behind each module's {@code NullRefusalTest}: every public constructor and method of every public type
 * of the configured packages refuses {@code null} in each reference parameter with a {@link NullPointerException}
 * whose message is that parameter's name ({@code Objects.requireNonNull(text, "text")}): never a {@code false}, an
 * empty result, an {@link IllegalArgumentException} or a JDK message about some inner call.
 *
 * <p>The classes are found on disk, in the directory (or jar) the first expected type was loaded from, so a new
 * public type cannot slip past, and the parameter names are read from the compiled classes (the
 * {@code LocalVariableTable} that {@code javac -g} writes), so a message that names some other parameter fails.
 * Exempt are {@code equals(Object)} (whose contract is to answer {@code false}), the {@code valueOf(String)} the
 * compiler writes for an enum, the methods of the callback types, the abstract methods of the SPIs implemented
 * elsewhere, and the pinned methods.
 *
 * <p>Immutable once built; the test classes of mta-sts-core's test-jar, for the other modules' tests.
 */
public final class NullRefusalCheck {

    private final List<String> packages;
    private final List<Class<?>> expected;
    private final Map<Class<?>, Supplier<Object>> samples;
    private final Map<Class<?>, Supplier<List<?>>> receivers;
    private final Set<Class<?>> callbacks;
    private final Set<Class<?>> implementedElsewhere;
    private final Set<String> pinned;

    private NullRefusalCheck(Builder builder) {
        this.packages = List.copyOf(builder.packages);
        this.expected = List.copyOf(builder.expected);
        this.samples = Map.copyOf(builder.samples);
        this.receivers = Map.copyOf(builder.receivers);
        this.callbacks = Set.copyOf(builder.callbacks);
        this.implementedElsewhere = Set.copyOf(builder.implementedElsewhere);
        this.pinned = Set.copyOf(builder.pinned);
        if (packages.isEmpty()) {
            throw new IllegalStateException("no packages to check");
        }
        if (expected.isEmpty()) {
            throw new IllegalStateException("no expected types: the first one tells where the classes are");
        }
    }

    /** @return a builder with no packages, no expected types, no samples, receivers, callbacks, SPIs or pins */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One dynamic test per reference parameter of every public constructor and method that is not exempt, named
     * like {@code DomainName.of(String) null #1}; each passes {@code null} there, samples elsewhere, on every
     * receiver, within ten seconds.
     *
     * @return the tests, for a {@code @TestFactory}
     */
    public Stream<DynamicTest> tests() {
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
                            () -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                                    () -> assertRefusesNull(member, index))));
                }
            }
        }
        return tests.stream();
    }

    /**
     * The search on disk found every expected type, and each type with instance methods that take arguments has
     * receivers (or is an enum).
     */
    public void assertEveryTypeCovered() {
        Set<Class<?>> types = apiTypes();
        assertThat(types).containsAll(expected);
        for (Class<?> type : types) {
            boolean needsReceiver = members(type).stream()
                    .anyMatch(m -> m instanceof Method && !Modifier.isStatic(m.getModifiers())
                            && m.getParameterCount() > 0);
            if (needsReceiver) {
                assertThat(receivers.containsKey(type) || type.isEnum())
                        .as("an instance of %s to call its methods on", type.getName()).isTrue();
            }
        }
    }

    /** Each pinned method exists and still fails the check: once it refuses null by name, it must be unpinned. */
    public void assertPinnedStillAnswerNullOtherwise() {
        List<Method> found = new ArrayList<>();
        for (Class<?> type : apiTypes()) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && pinned.contains(describe(m))) {
                    found.add(m);
                }
            }
        }
        assertThat(found.stream().map(NullRefusalCheck::describe)).containsExactlyInAnyOrderElementsOf(pinned);
        for (Method m : found) {
            assertThatThrownBy(() -> assertRefusesNull(m, 0))
                    .as("%s refuses null by name now: take it out of the pinned methods", describe(m))
                    .isInstanceOf(AssertionError.class);
        }
    }

    /** The parameter names of a method of this class come out of its class file as the source has them. */
    public void assertParameterNamesReadable() {
        Method own;
        try {
            own = NullRefusalCheck.class.getDeclaredMethod("assertRefusesNull", Executable.class, int.class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        assertThat(ParameterNames.of(own, NullRefusalCheck.class)).contains(List.of("member", "index"));
    }

    private void assertRefusesNull(Executable member, int index) throws ReflectiveOperationException {
        Class<?>[] types = member.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (i != index) {
                Supplier<Object> sample = samples.get(types[i]);
                assertThat(sample).as("a sample %s for %s", types[i].getName(), describe(member)).isNotNull();
                arguments[i] = sample.get();
            }
        }
        Optional<String> expectedName = Optional.empty();
        for (Object receiver : receivers(member)) {
            // a lambda has no class file: it is held to the names of the receiver listed before it
            Optional<List<String>> names = ParameterNames.of(member, implementor(member, receiver));
            if (names.isPresent()) {
                expectedName = Optional.of(names.get().get(index));
            }
            try {
                Object result = member instanceof Constructor<?> constructor
                        ? constructor.newInstance(arguments)
                        : ((Method) member).invoke(receiver, arguments);
                if (result instanceof AutoCloseable closeable && result != receiver) {
                    closeable.close(); // a server started despite the null: stop it before failing
                }
                fail("%s on %s accepted null as parameter #%d", describe(member), receiver, index + 1);
            } catch (InvocationTargetException e) {
                assertThat(e.getCause()).as("%s on %s with null as parameter #%d", describe(member), receiver,
                        index + 1).isInstanceOf(NullPointerException.class);
                String message = e.getCause().getMessage();
                assertThat(message).as("message of %s on %s with null as parameter #%d (the parameter's name)",
                        describe(member), receiver, index + 1).isNotNull().matches("[a-z][A-Za-z0-9]*");
                assertThat(expectedName).as("the name of parameter #%d of %s, from its class file", index + 1,
                        describe(member)).isPresent();
                assertThat(message).as("message of %s on %s with null as parameter #%d", describe(member),
                        receiver, index + 1).isEqualTo(expectedName.get());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The class whose code runs when {@code member} is called on {@code receiver}. */
    private static Class<?> implementor(Executable member, Object receiver) {
        if (receiver == null) {
            return member.getDeclaringClass();
        }
        for (Class<?> c = receiver.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(member.getName(), member.getParameterTypes());
                if (!Modifier.isAbstract(m.getModifiers())) {
                    return c;
                }
            } catch (NoSuchMethodException e) {
                // inherited from further up
            }
        }
        return member.getDeclaringClass();
    }

    private List<?> receivers(Executable member) {
        if (member instanceof Constructor<?> || Modifier.isStatic(member.getModifiers())) {
            return Collections.singletonList(null);
        }
        Class<?> type = member.getDeclaringClass();
        if (type.isEnum()) {
            return List.of(type.getEnumConstants());
        }
        Supplier<List<?>> supplier = receivers.get(type);
        assertThat(supplier).as("an instance of %s", type.getName()).isNotNull();
        return supplier.get();
    }

    private List<Executable> members(Class<?> type) {
        List<Executable> members = new ArrayList<>();
        if (callbacks.contains(type)) {
            return members;
        }
        if (!Modifier.isAbstract(type.getModifiers()) && !type.isEnum()) {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers()) && !c.isSynthetic()) {
                    members.add(c);
                }
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            boolean exempt = m.getName().equals("equals") && m.getParameterCount() == 1
                    || type.isEnum() && m.getName().equals("valueOf") && m.getParameterCount() == 1
                    || Modifier.isAbstract(m.getModifiers()) && implementedElsewhere.contains(type)
                    || pinned.contains(describe(m));
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !exempt) {
                members.add(m);
            }
        }
        return members;
    }

    /** Every public type, nested ones included, compiled into the packages under test. */
    private Set<Class<?>> apiTypes() {
        Path classes;
        try {
            classes = Path.of(expected.get(0).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        ClassLoader loader = expected.get(0).getClassLoader();
        Set<Class<?>> types = new LinkedHashSet<>();
        for (String pkg : packages) {
            try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
                        continue;
                    }
                    addPublic(types, loadClass(pkg + "." + name.substring(0, name.length() - ".class".length()),
                            loader));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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

    private static Class<?> loadClass(String name, ClassLoader loader) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param member a constructor or a method
     * @return its simple form, as the test names and the pinned methods have it: {@code Type.name(Param, Param)},
     *     or {@code Type(Param)} for a constructor
     */
    public static String describe(Executable member) {
        StringBuilder out = new StringBuilder(member.getDeclaringClass().getSimpleName());
        out.append(member instanceof Constructor<?> ? "" : "." + member.getName()).append('(');
        Class<?>[] types = member.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            out.append(i > 0 ? ", " : "").append(types[i].getSimpleName());
        }
        return out.append(')').toString();
    }

    /** Collects a check's configuration; each setter replaces what it sets. Not thread-safe, and not needed to be. */
    public static final class Builder {

        private List<String> packages = List.of();
        private List<Class<?>> expected = List.of();
        private Map<Class<?>, Supplier<Object>> samples = Map.of();
        private Map<Class<?>, Supplier<List<?>>> receivers = Map.of();
        private Set<Class<?>> callbacks = Set.of();
        private Set<Class<?>> implementedElsewhere = Set.of();
        private Set<String> pinned = Set.of();

        private Builder() {
        }

        /** @param packages the packages whose public types are checked, e.g. {@code "dev.mtasts.dns"} */
        public Builder packages(List<String> packages) {
            this.packages = List.copyOf(Objects.requireNonNull(packages, "packages"));
            return this;
        }

        /**
         * @param expected types the search on disk must find; the first one tells where the compiled classes are
         */
        public Builder expectedTypes(List<Class<?>> expected) {
            this.expected = List.copyOf(Objects.requireNonNull(expected, "expected"));
            return this;
        }

        /** @param samples a non-null argument of each parameter type; nulls are checked first, so any will do */
        public Builder samples(Map<Class<?>, Supplier<Object>> samples) {
            this.samples = Map.copyOf(Objects.requireNonNull(samples, "samples"));
            return this;
        }

        /** @param receivers instances of each type with instance methods, made afresh for every call */
        public Builder receivers(Map<Class<?>, Supplier<List<?>>> receivers) {
            this.receivers = Map.copyOf(Objects.requireNonNull(receivers, "receivers"));
            return this;
        }

        /** @param callbacks types whose methods an application overrides and the library calls: not checked */
        public Builder callbacks(Set<Class<?>> callbacks) {
            this.callbacks = Set.copyOf(Objects.requireNonNull(callbacks, "callbacks"));
            return this;
        }

        /** @param spis SPIs whose abstract methods other modules implement and test: those are not checked */
        public Builder implementedElsewhere(Set<Class<?>> spis) {
            this.implementedElsewhere = Set.copyOf(Objects.requireNonNull(spis, "spis"));
            return this;
        }

        /**
         * @param pinned methods, as {@link NullRefusalCheck#describe} has them, that another test pins to a
         *     different answer for {@code null}: not checked, and expected to keep failing the check
         */
        public Builder pinned(Set<String> pinned) {
            this.pinned = Set.copyOf(Objects.requireNonNull(pinned, "pinned"));
            return this;
        }

        /** @return the check, immutable */
        public NullRefusalCheck build() {
            return new NullRefusalCheck(this);
        }
    }

    /**
     * The names of a method's parameters as its class file records them: in the {@code MethodParameters} attribute
     * ({@code javac -parameters}) or else in the {@code LocalVariableTable} of its code ({@code javac -g}, Maven's
     * default). Empty for a class without a class file (a lambda's) and for a method without code.
     */
    static final class ParameterNames {

        private ParameterNames() {
        }

        static Optional<List<String>> of(Executable member, Class<?> owner) {
            Map<String, MethodEntry> methods;
            try {
                methods = read(owner);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the class file of " + owner.getName(), e);
            }
            String name = member instanceof Constructor<?> ? "<init>" : member.getName();
            MethodEntry entry = methods.get(name + descriptor(member));
            if (entry == null) {
                return Optional.empty();
            }
            Class<?>[] types = member.getParameterTypes();
            if (entry.parameters != null && entry.parameters.size() == types.length) {
                return Optional.of(entry.parameters);
            }
            List<String> names = new ArrayList<>();
            int slot = Modifier.isStatic(member.getModifiers()) ? 0 : 1;
            for (Class<?> type : types) {
                String local = entry.locals.get(slot);
                if (local == null) {
                    return Optional.empty();
                }
                names.add(local);
                slot += type == long.class || type == double.class ? 2 : 1;
            }
            return Optional.of(names);
        }

        private static String descriptor(Executable member) {
            StringBuilder out = new StringBuilder("(");
            for (Class<?> type : member.getParameterTypes()) {
                out.append(type.descriptorString());
            }
            out.append(')');
            return out.append(member instanceof Method m ? m.getReturnType().descriptorString() : "V").toString();
        }

        private static Map<String, MethodEntry> read(Class<?> owner) throws IOException {
            String resource = owner.getName().replace('.', '/') + ".class";
            ClassLoader loader = owner.getClassLoader() != null ? owner.getClassLoader()
                    : ClassLoader.getSystemClassLoader();
            Map<String, MethodEntry> methods = new HashMap<>();
            try (InputStream raw = owner.isHidden() ? null : loader.getResourceAsStream(resource)) {
                if (raw == null) {
                    return methods;
                }
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
                in.skipNBytes(8); // magic, minor and major version
                String[] utf8 = readConstantPool(in);
                in.skipNBytes(6); // access flags, this class, super class
                in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
                int fields = in.readUnsignedShort();
                for (int f = 0; f < fields; f++) {
                    in.skipNBytes(6); // access flags, name, descriptor
                    skipAttributes(in);
                }
                int count = in.readUnsignedShort();
                for (int m = 0; m < count; m++) {
                    in.skipNBytes(2); // access flags
                    String key = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
                    methods.put(key, readMethod(in, utf8));
                }
            }
            return methods;
        }

        private static String[] readConstantPool(DataInputStream in) throws IOException {
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++; // a long or a double takes two entries
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            return utf8;
        }

        private static MethodEntry readMethod(DataInputStream in, String[] utf8) throws IOException {
            MethodEntry entry = new MethodEntry();
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String name = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (name.equals("MethodParameters")) {
                    int n = in.readUnsignedByte();
                    List<String> parameters = new ArrayList<>();
                    for (int p = 0; p < n; p++) {
                        int index = in.readUnsignedShort();
                        in.skipNBytes(2); // access flags
                        parameters.add(index == 0 ? null : utf8[index]);
                    }
                    entry.parameters = parameters.contains(null) ? null : parameters;
                } else if (name.equals("Code")) {
                    in.skipNBytes(4); // max stack, max locals
                    in.skipNBytes(in.readInt()); // the code
                    in.skipNBytes(8L * in.readUnsignedShort()); // the exception table
                    int codeAttributes = in.readUnsignedShort();
                    for (int c = 0; c < codeAttributes; c++) {
                        String codeAttribute = utf8[in.readUnsignedShort()];
                        int codeAttributeLength = in.readInt();
                        if (!codeAttribute.equals("LocalVariableTable")) {
                            in.skipNBytes(codeAttributeLength);
                            continue;
                        }
                        int locals = in.readUnsignedShort();
                        for (int l = 0; l < locals; l++) {
                            int start = in.readUnsignedShort();
                            in.skipNBytes(2); // length
                            String local = utf8[in.readUnsignedShort()];
                            in.skipNBytes(2); // descriptor
                            int slot = in.readUnsignedShort();
                            if (start == 0) {
                                entry.locals.putIfAbsent(slot, local);
                            }
                        }
                    }
                } else {
                    in.skipNBytes(length);
                }
            }
            return entry;
        }

        private static void skipAttributes(DataInputStream in) throws IOException {
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipNBytes(2); // name
                in.skipNBytes(in.readInt());
            }
        }

        /** What the class file says about one method's parameters. */
        private static final class MethodEntry {
            private List<String> parameters;
            private final Map<Integer, String> locals = new HashMap<>();
        }
    }
}
