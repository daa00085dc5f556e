package dev.mtasts.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.internal.DaemonPool;
import dev.mtasts.internal.tls.NetworkThreads;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.MxProbeRequest;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.testkit.TestCertificateAuthority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** No thread per probe: many probes in flight share the library's few network threads, and complete on its pool. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartTlsProbeThreadsTest {

    private static final int PROBES = 40;

    @Test
    void fortyProbesInFlightUseTheSharedThreadsAndCompleteOnTheCallbackPool() throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create();
        ScriptedSmtpServer.Script good = StartTlsProbeTest.goodServer(ca.issue("mx1.example.test"));
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(c -> {
            c.sleep(Duration.ofMillis(300)); // all probes wait for their greeting at once
            good.run(c);
        })) {
            StartTlsProbe probe = StartTlsProbe.builder().port(server.port()).trustOnly(List.of(ca.rootCertificate()))
                    .build();
            Set<String> completedOn = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<MxProbe>> probes = new ArrayList<>();
            for (int i = 0; i < PROBES; i++) {
                probes.add(probe.probe(MxProbeRequest.of(StartTlsProbeTest.MX, List.of(server.address())))
                        .toCompletableFuture().whenComplete((r, e) -> completedOn.add(Thread.currentThread().getName())));
            }
            long peak = 0;
            while (!probes.stream().allMatch(CompletableFuture::isDone)) {
                peak = Math.max(peak, Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("mta-sts-net-") || t.getName().startsWith("mta-sts-smtp-"))
                        .count());
                Thread.sleep(20);
            }

            assertThat(server.connections()).as("connections the server accepted").isEqualTo(PROBES);
            assertThat(probes).extracting(f -> f.join().addresses().get(0))
                    .allSatisfy(a -> assertThat(a.outcome()).as("%s: %s", a.outcome(), a.detail())
                            .isEqualTo(ProbeOutcome.STARTTLS_OK));
            assertThat(peak).isLessThanOrEqualTo(NetworkThreads.IO_THREADS + 1 + DaemonPool.THREADS);
            assertThat(completedOn).allSatisfy(name -> assertThat(name).startsWith(SmtpCallbacks.THREAD_PREFIX));
        }
    }
}
