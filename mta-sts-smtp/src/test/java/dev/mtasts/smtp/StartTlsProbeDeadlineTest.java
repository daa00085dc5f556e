package dev.mtasts.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.MxProbeRequest;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.testkit.TestCertificateAuthority;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The request's deadline covers every address, which are probed in parallel, and every step is bounded by it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartTlsProbeDeadlineTest {

    private final List<ScriptedSmtpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (ScriptedSmtpServer server : servers) {
            server.close();
        }
    }

    /** Servers on 127.0.0.1, .2 and .3, all on one port (the probe has one port for every address). */
    private int start(ScriptedSmtpServer.Script... scripts) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            stop();
            servers.clear();
            try {
                ScriptedSmtpServer first = ScriptedSmtpServer.start(scripts[0]);
                servers.add(first);
                for (int i = 1; i < scripts.length; i++) {
                    servers.add(ScriptedSmtpServer.on(InetAddress.getByName("127.0.0." + (i + 1)), first.port(),
                            scripts[i]));
                }
                return first.port();
            } catch (java.net.BindException taken) {
                // another process has that port on one of the addresses: try another
            }
        }
        throw new IOException("no port free on 127.0.0.1-3");
    }

    @Test
    void threeStalledAddressesEndTogetherAtTheDeadlineNotOneAfterTheOther() throws Exception {
        ScriptedSmtpServer.Script silent = c -> c.sleep(Duration.ofSeconds(10));
        int port = start(silent, silent, silent);
        StartTlsProbe probe = StartTlsProbe.builder().port(port).build(); // reply timeout 30 s: the deadline rules
        List<InetAddress> addresses = List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"),
                InetAddress.getByName("127.0.0.3"));

        long start = System.nanoTime();
        MxProbe result = probe.probe(MxProbeRequest.of(StartTlsProbeTest.MX, addresses)
                .withDeadline(Duration.ofMillis(1500))).toCompletableFuture().get(20, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofMillis(3000));
        assertThat(result.addresses()).extracting(AddressProbe::address).containsExactlyElementsOf(addresses);
        assertThat(result.addresses()).allSatisfy(a -> {
            assertThat(a.outcome()).isEqualTo(ProbeOutcome.TIMEOUT);
            assertThat(a.connected()).isTrue();
            assertThat(a.detail()).startsWith("the server accepted the connection but sent no complete greeting within")
                    .endsWith("what was left of the probe's deadline of 1.5 s");
        });
        for (ScriptedSmtpServer server : servers) {
            assertThat(server.clientClosedWithin(Duration.ofSeconds(12))).isTrue();
        }
    }

    @Test
    void aGoodAddressAStalledOneAndARefusedOneEachGetTheirOwnOutcome() throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create();
        int port = start(StartTlsProbeTest.goodServer(ca.issue("mx1.example.test")),
                c -> c.sleep(Duration.ofSeconds(10)));
        StartTlsProbe probe = StartTlsProbe.builder().port(port).trustOnly(List.of(ca.rootCertificate()))
                .replyTimeout(Duration.ofSeconds(3)).build();
        List<InetAddress> addresses = List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("127.0.0.2"),
                InetAddress.getByName("127.0.0.254"));

        MxProbe result = probe.probe(MxProbeRequest.of(StartTlsProbeTest.MX, addresses)
                .withDeadline(Duration.ofSeconds(10))).toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertThat(result.addresses()).extracting(AddressProbe::outcome).as(result.addresses().toString())
                .containsExactly(ProbeOutcome.STARTTLS_OK, ProbeOutcome.TIMEOUT, ProbeOutcome.CONNECT_FAILED);
        assertThat(result.addresses().get(1).detail()).endsWith("greeting within 3 s");
        assertThat(result.outcome()).isEqualTo(ProbeOutcome.TIMEOUT);
        assertThat(result.differing()).isNotEmpty();
        assertThat(result.reached()).isTrue();
    }

    @Test
    void aDeadlineShorterThanTheConnectTimeoutBoundsTheConnectAttempt() throws Exception {
        // a listener whose accept queue is full: further connects neither succeed nor fail (Linux drops the SYN)
        try (FullQueue full = FullQueue.open()) {
            StartTlsProbe probe = StartTlsProbe.builder().port(full.port()).build(); // connect timeout 10 s

            MxProbe result = probe.probe(MxProbeRequest.of(StartTlsProbeTest.MX, List.of(full.address()))
                    .withDeadline(Duration.ofMillis(700))).toCompletableFuture().get(20, TimeUnit.SECONDS);

            AddressProbe a = result.addresses().get(0);
            assertThat(a.outcome()).isEqualTo(ProbeOutcome.CONNECT_FAILED);
            assertThat(a.connected()).isFalse();
            assertThat(a.detail()).matches("no answer to the connection attempt within \\d+ ms, what was left of the"
                    + " probe's deadline of 700 ms: port " + full.port() + " may be blocked on this network");
            assertThat(a.elapsed()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void noAnswerWithinTheConnectTimeoutSaysThePortMayBeBlocked() throws Exception {
        try (FullQueue full = FullQueue.open()) {
            StartTlsProbe probe = StartTlsProbe.builder().port(full.port()).connectTimeout(Duration.ofMillis(500))
                    .build();

            AddressProbe a = probe.probe(MxProbeRequest.of(StartTlsProbeTest.MX, List.of(full.address())))
                    .toCompletableFuture().get(20, TimeUnit.SECONDS).addresses().get(0);

            assertThat(a.outcome()).isEqualTo(ProbeOutcome.CONNECT_FAILED);
            assertThat(a.detail()).isEqualTo("no answer to the connection attempt within 500 ms: port " + full.port()
                    + " may be blocked on this network");
        }
    }
}
