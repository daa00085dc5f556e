package dev.mtasts.testkit;

import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test class one {@link MtaStsSandbox}: started before the class's first test,
 * {@linkplain MtaStsSandbox#reset() reset} before each test (so every test starts with an empty sandbox, whatever
 * the one before set up), and closed after the class's last test. Tests get the sandbox as a parameter of a test
 * method, a {@code @BeforeEach} method or the constructor, or from {@link #sandbox()}.
 *
 * <p>Register it declaratively:
 * <pre>{@code
 * // not compiled: a test class, not statements (mta-sts-testkit's README has one that is compiled and run)
 * @ExtendWith(MtaStsSandboxExtension.class)
 * class PolicyTest {
 *     @Test
 *     void enforcing(MtaStsSandbox sandbox) {
 *         sandbox.domain("good.test").stsRecord("v=STSv1; id=1");   // ...
 *     }
 * }
 * }</pre>
 * or on a static field, to reach the sandbox from the field:
 * <pre>{@code
 * // not compiled: a field declaration, not statements
 * @RegisterExtension
 * static final MtaStsSandboxExtension SANDBOX = MtaStsSandboxExtension.perClass();
 * }</pre>
 *
 * <p>Since each test starts empty, set domains up in the test or in a {@code @BeforeEach} method (which runs after
 * the reset), not in {@code @BeforeAll}. {@code @Nested} classes share their enclosing class's sandbox. Tests of one
 * class must not run concurrently with each other (JUnit's default): a reset would remove what another test set up.
 *
 * <p>This class needs {@code org.junit.jupiter:junit-jupiter-api}, an optional dependency of
 * {@code mta-sts-testkit}: projects that do not use JUnit 5 do not get it, and the rest of the testkit works
 * without it. A test project has it anyway.
 *
 * @since 0.1.0
 */
public final class MtaStsSandboxExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MtaStsSandboxExtension.class);
    private static final String KEY = "sandbox";

    private volatile MtaStsSandbox current;

    /** For {@code @ExtendWith(MtaStsSandboxExtension.class)}; in a field, {@link #perClass()} reads better. */
    public MtaStsSandboxExtension() {
    }

    /**
     * @return an extension that starts one sandbox per test class and resets it before each test, for a
     *         {@code @RegisterExtension static} field
     */
    public static MtaStsSandboxExtension perClass() {
        return new MtaStsSandboxExtension();
    }

    /**
     * The sandbox of the test class that is running, for tests that reach it through the extension's field rather
     * than a parameter. With several classes running in parallel that share one extension field (of a common base
     * class), take the sandbox as a parameter instead.
     *
     * @return the running sandbox
     * @throws IllegalStateException before the extension has started a sandbox (outside a test class's run)
     */
    public MtaStsSandbox sandbox() {
        MtaStsSandbox sandbox = current;
        if (sandbox == null) {
            throw new IllegalStateException("no sandbox yet: the extension starts one when the test class starts"
                    + " (register it with @ExtendWith or on a static @RegisterExtension field)");
        }
        return sandbox;
    }

    /**
     * Starts the class's sandbox, unless an enclosing class's is running.
     *
     * @param context the test class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        Objects.requireNonNull(context, "context");
        obtain(context);
    }

    /**
     * Empties the sandbox: every domain, zone, fault and response of the test before is gone.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        Objects.requireNonNull(context, "context");
        obtain(context).reset();
    }

    /**
     * Closes the sandbox this class started; that of an enclosing class stays for the enclosing class's tests.
     *
     * @param context the test class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        Objects.requireNonNull(context, "context");
        MtaStsSandbox started = context.getStore(NAMESPACE).remove(KEY, MtaStsSandbox.class);
        if (started != null) {
            if (current == started) {
                current = null;
            }
            started.close();
        }
    }

    /**
     * @param parameterContext the parameter
     * @param extensionContext the test's or the class's context
     * @return true for a parameter of type {@link MtaStsSandbox}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Objects.requireNonNull(parameterContext, "parameterContext");
        Objects.requireNonNull(extensionContext, "extensionContext");
        return parameterContext.getParameter().getType() == MtaStsSandbox.class;
    }

    /**
     * @param parameterContext the parameter
     * @param extensionContext the test's or the class's context
     * @return the class's sandbox, started now if the parameter is needed before the class's first test (a
     *         constructor parameter with {@code @TestInstance(PER_CLASS)})
     */
    @Override
    public MtaStsSandbox resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Objects.requireNonNull(parameterContext, "parameterContext");
        Objects.requireNonNull(extensionContext, "extensionContext");
        return obtain(extensionContext);
    }

    /**
     * @return the sandbox of the context's class or of a class enclosing it, started and kept in the store of the
     *         class's context when there is none (the store of a context also answers for its ancestors')
     */
    private synchronized MtaStsSandbox obtain(ExtensionContext context) {
        ExtensionContext owner = classContext(context);
        MtaStsSandbox sandbox = owner.getStore(NAMESPACE).get(KEY, MtaStsSandbox.class);
        if (sandbox == null) {
            sandbox = MtaStsSandbox.start();
            owner.getStore(NAMESPACE).put(KEY, sandbox);
        }
        current = sandbox;
        return sandbox;
    }

    /** @return the context of the class a test (or a test template's invocation) belongs to */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent()) {
            Optional<ExtensionContext> parent = c.getParent();
            if (parent.isEmpty()) {
                break;
            }
            c = parent.get();
        }
        return c;
    }
}
