package dev.mtasts.smtp;

import dev.mtasts.DomainName;
import dev.mtasts.conformance.NullRefusalCheck;
import dev.mtasts.conformance.NullRefusalTestCase;
import dev.mtasts.probe.MxProbeRequest;
import dev.mtasts.probe.MxProbeSettings;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Every public constructor and method of {@code dev.mtasts.smtp} refuses {@code null} in each reference parameter
 * with a {@link NullPointerException} whose message is that parameter's name, as the rest of the library does (the
 * {@link NullRefusalCheck} of mta-sts-core's test-jar). No connection is made: a probe refuses {@code null} before
 * it opens a socket. Exempt is {@code equals(Object)}, whose contract is to answer {@code false}.
 */
class NullRefusalTest extends NullRefusalTestCase {

    private static final NullRefusalCheck CHECK = NullRefusalCheck.builder()
            .packages(List.of("dev.mtasts.smtp"))
            .expectedTypes(List.of(StartTlsProbe.class, StartTlsProbe.Builder.class, StartTlsProbeFactory.class))
            .samples(Map.<Class<?>, Supplier<Object>>ofEntries(
                    Map.entry(String.class, () -> "probe.example.net"),
                    Map.entry(int.class, () -> 2525),
                    Map.entry(Duration.class, () -> Duration.ofSeconds(1)),
                    Map.entry(Executor.class, () -> (Executor) Runnable::run),
                    Map.entry(MxProbeRequest.class, () -> MxProbeRequest.of(DomainName.of("mx1.example.test"),
                            List.of(InetAddress.getLoopbackAddress()))),
                    Map.entry(MxProbeSettings.class, MxProbeSettings::defaults)))
            .receivers(Map.<Class<?>, Supplier<List<?>>>ofEntries(
                    Map.entry(StartTlsProbe.class, () -> List.of(StartTlsProbe.builder().build(),
                            StartTlsProbe.builder().callbackExecutor(Runnable::run).build())),
                    Map.entry(StartTlsProbe.Builder.class, () -> List.of(StartTlsProbe.builder())),
                    Map.entry(StartTlsProbeFactory.class, () -> List.of(new StartTlsProbeFactory()))))
            .callbacks(Set.of())
            .implementedElsewhere(Set.of())
            .pinned(Set.of())
            .build();

    @Override
    protected NullRefusalCheck check() {
        return CHECK;
    }
}
