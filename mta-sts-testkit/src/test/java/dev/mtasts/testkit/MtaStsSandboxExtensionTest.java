package dev.mtasts.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.xbill.DNS.Section;

/**
 * {@link MtaStsSandboxExtension}, through the JUnit Platform: each scenario below is a test class of its own, run by
 * a launcher from a test here, and records the sandboxes it saw. The scenarios are static nested classes, which
 * neither Surefire nor JUnit runs on their own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MtaStsSandboxExtensionTest {

    /** The sandboxes the scenario's tests saw, in the order they ran. */
    static final List<MtaStsSandbox> SEEN = new CopyOnWriteArrayList<>();

    /** The number of TXT records each scenario test found at the name it had just set up. */
    static final List<Integer> RECORDS = new CopyOnWriteArrayList<>();

    private static TestExecutionSummary run(Class<?> scenario) {
        SEEN.clear();
        RECORDS.clear();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(scenario))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("junit-jupiter")).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getFailures()).as("failures of %s", scenario.getSimpleName())
                .extracting(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException()).isEmpty();
        return summary;
    }

    /** Sets up the same record as every other scenario test, and counts the records DNS then gives. */
    static void setUpTheSameDomain(MtaStsSandbox sandbox) throws IOException {
        SEEN.add(sandbox);
        sandbox.domain("same.test").stsRecord("v=STSv1; id=20260101T000000").mx(10, "mx1.same.test");
        RECORDS.add(new DnsWireClient(sandbox.dnsServer().address())
                .udp(DnsWireClient.query("_mta-sts.same.test", "TXT", false)).getSection(Section.ANSWER).size());
    }

    static boolean isClosed(MtaStsSandbox sandbox) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(sandbox.httpsServer().address(), sandbox.httpsServer().httpsPort()),
                    2_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ExtendWith(MtaStsSandboxExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DeclaredWithExtendWith {
        @Test
        @Order(1)
        void first(MtaStsSandbox sandbox) throws IOException {
            setUpTheSameDomain(sandbox);
        }

        @Test
        @Order(2)
        void second(MtaStsSandbox sandbox) throws IOException {
            setUpTheSameDomain(sandbox);
        }
    }

    @Test
    void twoTestsThatSetUpTheSameDomainEachSeeOneRecordInOneSandboxClosedAfterTheClass() {
        TestExecutionSummary summary = run(DeclaredWithExtendWith.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(RECORDS).containsExactly(1, 1);
        assertThat(SEEN).hasSize(2).containsOnly(SEEN.get(0));
        assertThat(isClosed(SEEN.get(0))).isTrue();
    }

    static class RegisteredOnAStaticField {
        @RegisterExtension
        static final MtaStsSandboxExtension SANDBOX = MtaStsSandboxExtension.perClass();

        private final MtaStsSandbox injected;

        RegisteredOnAStaticField(MtaStsSandbox injected) {
            this.injected = injected;
        }

        @BeforeEach
        void setUp(MtaStsSandbox sandbox) throws IOException {
            assertThat(sandbox).isSameAs(SANDBOX.sandbox()).isSameAs(injected);
            setUpTheSameDomain(sandbox);
        }

        @Test
        void one() {
            assertThat(SANDBOX.sandbox().domainNames()).containsExactly("same.test");
        }

        @Test
        void another() {
            assertThat(SANDBOX.sandbox().domainNames()).containsExactly("same.test");
        }
    }

    @Test
    void aStaticFieldGivesTheSandboxToTheFieldTheConstructorAndBeforeEachMethods() {
        assertThat(run(RegisteredOnAStaticField.class).getTestsSucceededCount()).isEqualTo(2);

        assertThat(RECORDS).containsExactly(1, 1);
        assertThat(SEEN).containsOnly(SEEN.get(0));
        assertThat(isClosed(SEEN.get(0))).isTrue();
        assertThatThrownBy(RegisteredOnAStaticField.SANDBOX::sandbox).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no sandbox yet");
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @ExtendWith(MtaStsSandboxExtension.class)
    static class OneInstanceForTheClass {
        private final MtaStsSandbox sandbox;

        OneInstanceForTheClass(MtaStsSandbox sandbox) {
            this.sandbox = sandbox;   // resolved before the class's beforeAll: the extension starts it here
        }

        @Test
        void one(MtaStsSandbox given) throws IOException {
            assertThat(given).isSameAs(sandbox);
            setUpTheSameDomain(sandbox);
        }

        @Test
        void another(MtaStsSandbox given) throws IOException {
            assertThat(given).isSameAs(sandbox);
            setUpTheSameDomain(sandbox);
        }
    }

    @Test
    void aConstructorParameterOfAPerClassInstanceIsTheClasssSandbox() {
        assertThat(run(OneInstanceForTheClass.class).getTestsSucceededCount()).isEqualTo(2);

        assertThat(RECORDS).containsExactly(1, 1);
        assertThat(SEEN).containsOnly(SEEN.get(0));
        assertThat(isClosed(SEEN.get(0))).isTrue();
    }

    @ExtendWith(MtaStsSandboxExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class WithNestedTests {
        @Test
        @Order(1)
        void before(MtaStsSandbox sandbox) throws IOException {
            setUpTheSameDomain(sandbox);
        }

        @Nested
        class Inner {
            @Test
            void inside(MtaStsSandbox sandbox) throws IOException {
                setUpTheSameDomain(sandbox);
            }
        }

        @Test
        @Order(2)
        void after(MtaStsSandbox sandbox) throws IOException {
            setUpTheSameDomain(sandbox);
        }
    }

    @Test
    void nestedTestsShareTheEnclosingClasssSandboxWhichOutlivesThem() {
        assertThat(run(WithNestedTests.class).getTestsSucceededCount()).isEqualTo(3);

        assertThat(RECORDS).containsExactly(1, 1, 1);
        assertThat(SEEN).hasSize(3).containsOnly(SEEN.get(0));
        assertThat(isClosed(SEEN.get(0))).isTrue();
    }

    @Test
    void onlyASandboxParameterIsResolved() {
        assertThatThrownBy(() -> MtaStsSandboxExtension.perClass().sandbox()).isInstanceOf(IllegalStateException.class);
        assertThat(run(OtherParameters.class).getTestsSucceededCount()).isEqualTo(1);
    }

    @ExtendWith(MtaStsSandboxExtension.class)
    static class OtherParameters {
        @Test
        void aTestInfoComesFromJUnit(org.junit.jupiter.api.TestInfo info, MtaStsSandbox sandbox) {
            assertThat(info.getDisplayName()).isNotBlank();
            assertThat(sandbox.domainNames()).isEmpty();
        }
    }
}
