package dev.mtasts.testkit;

import dev.mtasts.conformance.NullRefusalCheck;
import dev.mtasts.conformance.NullRefusalTestCase;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Every public constructor and method of {@code dev.mtasts.testkit} refuses {@code null} in each reference
 * parameter with a {@link NullPointerException} whose message is that parameter's name, as the rest of the library
 * does (the same {@link NullRefusalCheck}, from mta-sts-core's test-jar, checks the core module's packages), and
 * before it binds a socket, writes a file or changes a zone.
 *
 * <p>The classes are found on disk and the parameter names read from their class files. The servers are those of
 * one sandbox, on loopback, shared by every call; no call is meant to get past its null check, and no sample
 * names an address beyond loopback. Exempt is {@code equals(Object)}, whose contract is to answer {@code false}.
 */
class NullRefusalTest extends NullRefusalTestCase {

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
            DnsFault.class, Deployment.class, Deployments.class, MtaStsSandboxExtension.class, TestSmtpServer.class,
            SmtpBehaviour.class, SmtpSession.class);

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
            Map.entry(SmtpBehaviour.class, SmtpBehaviour::healthy),
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
            Map.entry(TestSmtpServer.class, () -> List.of(SANDBOX.smtpServer())),
            Map.entry(SmtpBehaviour.class, () -> List.of(SmtpBehaviour.healthy())),
            Map.entry(SmtpSession.class, () -> List.of(new SmtpSession(NOWHERE, NOWHERE, Optional.empty(), List.of(),
                    false, Optional.empty(), Optional.empty(), Optional.empty()))),
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
