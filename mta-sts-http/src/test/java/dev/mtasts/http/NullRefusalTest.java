package dev.mtasts.http;

import dev.mtasts.DomainName;
import dev.mtasts.conformance.NullRefusalCheck;
import dev.mtasts.conformance.NullRefusalTestCase;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.PolicyFetcherSettings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Every public constructor and method of {@code dev.mtasts.http} refuses {@code null} in each reference parameter
 * with a {@link NullPointerException} whose message is that parameter's name, as the rest of the library does
 * (the same {@link NullRefusalCheck}, from mta-sts-core's test-jar, checks the core module's packages).
 *
 * <p>The classes are found on disk and the parameter names read from their class files. No connection is made: a
 * fetcher refuses {@code null} before it opens a socket, and the only address in the samples is loopback. Exempt
 * is {@code equals(Object)}, whose contract is to answer {@code false}.
 */
class NullRefusalTest extends NullRefusalTestCase {

    /** The packages under test: the module's only one. */
    private static final List<String> PACKAGES = List.of("dev.mtasts.http");

    /** Types whose methods are callbacks: none here. */
    private static final Set<Class<?>> CALLBACKS = Set.of();

    /** SPIs whose abstract methods other modules implement: none here. */
    private static final Set<Class<?>> IMPLEMENTED_ELSEWHERE = Set.of();

    /** Methods that another test pins to a different answer for {@code null}: none here. */
    private static final Set<String> PINNED = Set.of();

    /** Types that must be among those found: the search on disk is not allowed to come back short. */
    private static final List<Class<?>> EXPECTED = List.of(HttpsPolicyFetcher.class, HttpsPolicyFetcher.Builder.class,
            HttpsPolicyFetcherFactory.class);

    /** A non-null argument of each parameter type; which value does not matter, since nulls are checked first. */
    private static final Map<Class<?>, Supplier<Object>> SAMPLES = Map.ofEntries(
            Map.entry(String.class, () -> "x"),
            Map.entry(int.class, () -> 443),
            Map.entry(boolean.class, () -> false),
            Map.entry(Duration.class, () -> Duration.ofSeconds(1)),
            Map.entry(Executor.class, () -> (Executor) Runnable::run),
            Map.entry(PolicyFetchRequest.class, () -> PolicyFetchRequest.of(DomainName.of("mta-sts.example.com"),
                    List.of(InetAddress.getLoopbackAddress()))),
            Map.entry(PolicyFetcherSettings.class, PolicyFetcherSettings::defaults));

    /** Instances of each type with instance methods, made fresh for every call (builders are mutable). */
    private static final Map<Class<?>, Supplier<List<?>>> RECEIVERS = Map.ofEntries(
            Map.entry(HttpsPolicyFetcher.class, () -> List.of(HttpsPolicyFetcher.builder().build(),
                    HttpsPolicyFetcher.builder().plainHttpDiagnostic(false).callbackExecutor(Runnable::run).build())),
            Map.entry(HttpsPolicyFetcher.Builder.class, () -> List.of(HttpsPolicyFetcher.builder())),
            Map.entry(HttpsPolicyFetcherFactory.class, () -> List.of(new HttpsPolicyFetcherFactory())));

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
