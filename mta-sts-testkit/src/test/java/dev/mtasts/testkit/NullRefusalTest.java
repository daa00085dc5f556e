package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Every public constructor and method of {@code dev.mtasts.testkit} refuses {@code null} in each reference
 * parameter with a {@link NullPointerException} whose message is that parameter's name, as the rest of the library
 * does (the core module's {@code NullRefusalTest} checks its packages the same way), and before it binds a socket,
 * writes a file or changes a zone.
 *
 * <p>The classes are found on disk and the parameter names read from their class files. The servers are those of
 * one sandbox, on loopback, shared by every call; no call is meant to get past its null check, and no sample
 * names an address beyond loopback. Exempt is {@code equals(Object)}, whose contract is to answer {@code false}.
 */
class NullRefusalTest {

    /** The packages under test: the module's only one. */
    private static final List<String> PACKAGES = List.of("dev.mtasts.testkit");

    /** Types whose methods are callbacks: none here. */
    private static final Set<Class<?>> CALLBACKS = Set.of();

    /** SPIs whose abstract methods other modules implement: none here. */
    private static final Set<Class<?>> IMPLEMENTED_ELSEWHERE = Set.of();

    /** Methods that another test pins to a different answer for {@code null}: none here. */
    private static final Set<String> PINNED = Set.of();

    /** Types that must be among those found: the search on disk is not allowed to come back short. */
    private static final List<Class<?>> EXPECTED = List.of(MtaStsSandbox.class, SandboxDomain.class, DnsZone.class,
            TestDnsServer.class, TestHttpsServer.class, TestCertificateAuthority.class, CertificateSpec.class,
            IssuedCertificate.class, HttpResponse.class, HttpRecordedRequest.class, DnsRecordedQuery.class,
            DnsFault.class, Deployment.class, Deployments.class, MtaStsSandboxExtension.class);

    /** The servers and the authority the receivers below belong to, all on loopback; closed after the last call. */
    private static final MtaStsSandbox SANDBOX = MtaStsSandbox.start();
    private static final String DOMAIN = "null-refusal.test";
    private static final IssuedCertificate ISSUED = SANDBOX.authority().issue("mta-sts." + DOMAIN);
    private static final InetSocketAddress NOWHERE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);

    /** A non-null argument of each parameter type; which value does not matter, since nulls are checked first. */
    private static final Map<Class<?>, Supplier<Object>> SAMPLES = Map.ofEntries(
            Map.entry(String.class, () -> "x"),
            Map.entry(String[].class, () -> new String[] {"x"}),
            Map.entry(int.class, () -> 1),
            Map.entry(boolean.class, () -> false),
            Map.entry(byte[].class, () -> new byte[0]),
            Map.entry(char[].class, () -> new char[0]),
            Map.entry(List.class, List::of),
            Map.entry(Optional.class, Optional::empty),
            Map.entry(Duration.class, () -> Duration.ofSeconds(1)),
            Map.entry(Instant.class, () -> Instant.EPOCH),
            Map.entry(InetAddress.class, InetAddress::getLoopbackAddress),
            Map.entry(InetSocketAddress.class, () -> NOWHERE),
            // inside target/, should a call get past its null check and write it
            Map.entry(Path.class, () -> Path.of("target", "null-refusal-never-written.pem")),
            Map.entry(Consumer.class, () -> (Consumer<Object>) d -> { }),
            Map.entry(UnaryOperator.class, UnaryOperator::identity),
            Map.entry(MtaStsSandbox.class, () -> SANDBOX),
            Map.entry(TestCertificateAuthority.class, SANDBOX::authority),
            Map.entry(IssuedCertificate.class, () -> ISSUED),
            Map.entry(HttpResponse.class, () -> HttpResponse.status(404)),
            Map.entry(DnsFault.class, DnsFault::servfail),
            Map.entry(DnsFault.Kind.class, () -> DnsFault.Kind.SERVFAIL),
            Map.entry(DnsRecordedQuery.Transport.class, () -> DnsRecordedQuery.Transport.UDP),
            // JUnit's contexts, for the extension's callbacks: any use of one fails the call
            Map.entry(ExtensionContext.class, () -> unusable(ExtensionContext.class)),
            Map.entry(ParameterContext.class, () -> unusable(ParameterContext.class)));

    /** Instances of each type with instance methods: the sandbox's, shared, and fresh values and specs. */
    private static final Map<Class<?>, Supplier<List<?>>> RECEIVERS = Map.ofEntries(
            Map.entry(MtaStsSandbox.class, () -> List.of(SANDBOX)),
            Map.entry(SandboxDomain.class, () -> List.of(SANDBOX.domain(DOMAIN))),
            Map.entry(DnsZone.class, () -> List.of(SANDBOX.dnsServer().zone(DOMAIN))),
            Map.entry(TestDnsServer.class, () -> List.of(SANDBOX.dnsServer())),
            Map.entry(TestHttpsServer.class, () -> List.of(SANDBOX.httpsServer())),
            Map.entry(TestCertificateAuthority.class, () -> List.of(SANDBOX.authority())),
            Map.entry(CertificateSpec.class, () -> List.of(SANDBOX.authority().certificate("mta-sts." + DOMAIN))),
            Map.entry(IssuedCertificate.class, () -> List.of(ISSUED)),
            Map.entry(HttpResponse.class, () -> List.of(HttpResponse.ok("text/plain", "x"))),
            Map.entry(HttpRecordedRequest.class, () -> List.of(new HttpRecordedRequest("GET", "/", List.of(), false,
                    Optional.empty(), NOWHERE))),
            Map.entry(Deployment.class, () -> List.of(Deployments.all().get(0))),
            Map.entry(MtaStsSandboxExtension.class, () -> List.of(MtaStsSandboxExtension.perClass())));

    /** @return an implementation of the interface whose every method throws: a sample that must stay unused */
    private static Object unusable(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(method.getName() + " called on a sample " + type.getSimpleName()
                    + " (the null check should come first)");
        });
    }

    @AfterAll
    static void closeTheSandbox() {
        SANDBOX.close();
    }

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
                            () -> assertTimeoutPreemptively(Duration.ofSeconds(10),
                                    () -> assertRefusesNull(member, index))));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void everyPublicTypeOfEveryPackageIsCovered() throws IOException, URISyntaxException {
        Set<Class<?>> types = apiTypes();
        assertThat(types).containsAll(EXPECTED);
        for (Class<?> type : types) {
            boolean needsReceiver = members(type).stream()
                    .anyMatch(m -> m instanceof Method && !Modifier.isStatic(m.getModifiers())
                            && m.getParameterCount() > 0);
            if (needsReceiver) {
                assertThat(RECEIVERS.containsKey(type) || type.isEnum())
                        .as("an instance of %s to call its methods on", type.getName()).isTrue();
            }
        }
    }

    @Test
    void eachPinnedMethodStillAnswersNullOtherwise() throws IOException, URISyntaxException {
        List<Method> pinned = new ArrayList<>();
        for (Class<?> type : apiTypes()) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && PINNED.contains(describe(m))) {
                    pinned.add(m);
                }
            }
        }
        assertThat(pinned.stream().map(NullRefusalTest::describe)).containsExactlyInAnyOrderElementsOf(PINNED);
        for (Method m : pinned) {
            assertThatThrownBy(() -> assertRefusesNull(m, 0))
                    .as("%s refuses null by name now: take it out of PINNED", describe(m))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void parameterNamesComeFromTheClassFiles() throws ReflectiveOperationException {
        Method own = NullRefusalTest.class.getDeclaredMethod("assertRefusesNull", Executable.class, int.class);
        assertThat(ParameterNames.of(own, NullRefusalTest.class)).contains(List.of("member", "index"));
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
        Optional<String> expected = Optional.empty();
        for (Object receiver : receivers(member)) {
            // a lambda has no class file: it is held to the names of the receiver listed before it
            Optional<List<String>> names = ParameterNames.of(member, implementor(member, receiver));
            if (names.isPresent()) {
                expected = Optional.of(names.get().get(index));
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
                assertThat(expected).as("the name of parameter #%d of %s, from its class file", index + 1,
                        describe(member)).isPresent();
                assertThat(message).as("message of %s on %s with null as parameter #%d", describe(member),
                        receiver, index + 1).isEqualTo(expected.get());
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

    private static List<?> receivers(Executable member) {
        if (member instanceof Constructor<?> || Modifier.isStatic(member.getModifiers())) {
            return java.util.Collections.singletonList(null);
        }
        Class<?> type = member.getDeclaringClass();
        if (type.isEnum()) {
            return List.of(type.getEnumConstants());
        }
        Supplier<List<?>> receivers = RECEIVERS.get(type);
        assertThat(receivers).as("an instance of %s", type.getName()).isNotNull();
        return receivers.get();
    }

    private static List<Executable> members(Class<?> type) {
        List<Executable> members = new ArrayList<>();
        if (CALLBACKS.contains(type)) {
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
                    || Modifier.isAbstract(m.getModifiers()) && IMPLEMENTED_ELSEWHERE.contains(type)
                    || PINNED.contains(describe(m));
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !exempt) {
                members.add(m);
            }
        }
        return members;
    }

    /** Every public type, nested ones included, compiled into the packages under test. */
    private static Set<Class<?>> apiTypes() throws IOException, URISyntaxException {
        Path classes = Path.of(EXPECTED.get(0).getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> types = new LinkedHashSet<>();
        for (String pkg : PACKAGES) {
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
