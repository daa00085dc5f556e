package dev.mtasts.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.MxProbeRequest;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.testkit.IssuedCertificate;
import dev.mtasts.testkit.TestCertificateAuthority;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each outcome of a probe, against real SMTP servers scripted on loopback, and the connection closed every time. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartTlsProbeTest {

    /** @return a probe builder with the TLS provider under test: the JDK's here, another in a subclass */
    StartTlsProbe.Builder newBuilder() {
        return StartTlsProbe.builder();
    }

    static final DomainName MX = DomainName.of("mx1.example.test");
    private static TestCertificateAuthority ca;
    private ScriptedSmtpServer server;

    @BeforeAll
    static void authority() {
        ca = TestCertificateAuthority.create();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** A well-behaved server that offers STARTTLS and presents this certificate. */
    static ScriptedSmtpServer.Script goodServer(IssuedCertificate certificate) {
        return c -> {
            c.lines("220 mx1.example.test ESMTP ready");
            c.expect("EHLO ");
            c.lines("250-mx1.example.test hello", "250-PIPELINING", "250-SIZE 10240000", "250-STARTTLS",
                    "250 8BITMIME");
            c.expect("STARTTLS");
            c.lines("220 2.0.0 ready to start TLS");
            c.startTls(certificate);
            c.expect("QUIT");
            c.lines("221 bye");
        };
    }

    private AddressProbe probe(ScriptedSmtpServer.Script script) throws Exception {
        return probe(MX, script, newBuilder().replyTimeout(Duration.ofSeconds(5)));
    }

    private AddressProbe probe(DomainName host, ScriptedSmtpServer.Script script, StartTlsProbe.Builder builder)
            throws Exception {
        server = ScriptedSmtpServer.start(script);
        StartTlsProbe probe = builder.port(server.port()).trustOnly(List.of(ca.rootCertificate())).build();
        MxProbe result = probe.probe(MxProbeRequest.of(host, List.of(server.address()))
                .withDeadline(Duration.ofSeconds(20))).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(result.host()).isEqualTo(host);
        assertThat(result.addresses()).hasSize(1);
        boolean closed = server.clientClosedWithin(Duration.ofSeconds(5));
        assertThat(server.failures()).isEmpty();
        assertThat(closed).as("the probe closed the connection").isTrue();
        return result.addresses().get(0);
    }

    @Test
    void aServerWithStartTlsAndAValidCertificateIsStartTlsOk() throws Exception {
        AddressProbe a = probe(goodServer(ca.issue("mx1.example.test")));

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.STARTTLS_OK);
        assertThat(a.connected()).isTrue();
        assertThat(a.tlsFailure()).isEmpty();
        assertThat(a.detail()).isEmpty();
        assertThat(a.greeting()).hasValue("mx1.example.test ESMTP ready");
        assertThat(a.extensions()).containsExactly("PIPELINING", "SIZE", "STARTTLS", "8BITMIME");
        assertThat(a.tlsVersion()).hasValueSatisfying(v -> assertThat(v).isIn("TLSv1.2", "TLSv1.3"));
        assertThat(a.cipherSuite()).isPresent();
        assertThat(a.chain()).hasSize(2);
        assertThat(a.leaf().orElseThrow().dnsNames()).containsExactly("mx1.example.test");
        assertThat(server.commands()).containsExactly("EHLO mta-sts-probe.invalid", "STARTTLS", "QUIT");
    }

    @Test
    void theEhloNameIsTheConfiguredOne() throws Exception {
        probe(MX, goodServer(ca.issue("mx1.example.test")),
                newBuilder().ehloName("probe.example.net"));

        assertThat(server.commands()).first().isEqualTo("EHLO probe.example.net");
    }

    @Test
    void aServerWithoutStartTlsIsNoStartTlsAndGetsQuit() throws Exception {
        AddressProbe a = probe(c -> {
            c.lines("220 mx1.example.test ESMTP");
            c.expect("EHLO");
            c.lines("250-mx1.example.test", "250-PIPELINING", "250 SIZE 1000");
            c.expect("QUIT");
            c.lines("221 bye");
        });

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.NO_STARTTLS);
        assertThat(a.connected()).isTrue();
        assertThat(a.extensions()).containsExactly("PIPELINING", "SIZE");
        assertThat(a.detail()).contains("does not offer STARTTLS").contains("PIPELINING, SIZE");
        assertThat(a.chain()).isEmpty();
        assertThat(server.commands()).containsExactly("EHLO mta-sts-probe.invalid", "QUIT");
    }

    @Test
    void aRefusedStartTlsIsNoStartTlsWithTheReply() throws Exception {
        AddressProbe a = probe(c -> {
            c.lines("220 mx1.example.test ESMTP");
            c.expect("EHLO");
            c.lines("250-mx1.example.test", "250 STARTTLS");
            c.expect("STARTTLS");
            c.lines("454 4.7.0 TLS not available due to local problem");
            c.expect("QUIT");
            c.lines("221 bye");
        });

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.NO_STARTTLS);
        assertThat(a.detail()).contains("'454 4.7.0 TLS not available due to local problem'");
    }

    @Test
    void a554GreetingIsRejectedAndQuoted() throws Exception {
        AddressProbe a = probe(c -> {
            c.lines("554 5.7.1 mx1.example.test: your address is on a block list");
            c.expect("QUIT");
            c.lines("221 bye");
        });

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.GREETING_REJECTED);
        assertThat(a.connected()).isTrue();
        assertThat(a.greeting()).hasValue("5.7.1 mx1.example.test: your address is on a block list");
        assertThat(a.detail()).contains("'554 5.7.1 mx1.example.test: your address is on a block list'")
                .contains("instead of 220");
    }

    @Test
    void a421GreetingIsRejectedEvenWhenTheServerHangsUpAtOnce() throws Exception {
        AddressProbe a = probe(c -> c.lines("421 4.3.2 Service not available, closing transmission channel"));

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.GREETING_REJECTED);
        assertThat(a.detail()).contains("'421 4.3.2 Service not available");
    }

    @Test
    void multiLineGreetingAndEhloRepliesAreReadWhole() throws Exception {
        IssuedCertificate certificate = ca.issue("mx1.example.test");
        AddressProbe a = probe(c -> {
            c.send("220-mx1.example.test ESMTP first line\r\n220-second line\r\n");
            c.sleep(Duration.ofMillis(100)); // the rest in another segment
            c.send("220 last line\r\n");
            c.expect("EHLO");
            c.send("250-mx1.example.test\r\n250-PIPE");
            c.sleep(Duration.ofMillis(100));
            c.send("LINING\r\n250-starttls\n250 SMTPUTF8\r\n"); // lower case, a bare LF
            c.expect("STARTTLS");
            c.lines("220 go ahead");
            c.startTls(certificate);
            c.expect("QUIT");
            c.lines("221 bye");
        });

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.STARTTLS_OK);
        assertThat(a.greeting()).hasValue("mx1.example.test ESMTP first line");
        assertThat(a.extensions()).containsExactly("PIPELINING", "STARTTLS", "SMTPUTF8");
    }

    @Test
    void anEndlessGreetingIsCutOffAtTheCap() throws Exception {
        AddressProbe a = probe(MX, c -> c.sendForever("220-" + "x".repeat(70)),
                newBuilder().maxReplyBytes(4096));

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.GREETING_REJECTED);
        assertThat(a.connected()).isTrue();
        assertThat(a.detail()).startsWith("The greeting was cut off after").contains("bytes")
                .contains("does not end");
        assertThat(a.elapsed()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anEndlessEhloReplyIsCutOffAtTheCap() throws Exception {
        AddressProbe a = probe(MX, c -> {
            c.lines("220 mx1.example.test ESMTP");
            c.expect("EHLO");
            c.sendForever("250-X-FILLER " + "y".repeat(60));
        }, newBuilder().maxReplyBytes(8192));

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.NO_STARTTLS);
        assertThat(a.detail()).startsWith("The reply to EHLO was cut off after");
    }

    @Test
    void aSlowGreetingIsATimeoutNamingTheGreeting() throws Exception {
        AddressProbe a = probe(MX, c -> {
            c.sleep(Duration.ofSeconds(3));
            c.lines("220 too late");
        }, newBuilder().replyTimeout(Duration.ofMillis(400)));

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.TIMEOUT);
        assertThat(a.connected()).isTrue();
        assertThat(a.detail()).isEqualTo("the server accepted the connection but sent no complete greeting within"
                + " 400 ms");
        assertThat(a.elapsed()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void startTlsAcceptedThenSilenceIsATimeoutOfTheHandshake() throws Exception {
        AddressProbe a = probe(MX, c -> {
            c.lines("220 mx1.example.test ESMTP");
            c.expect("EHLO");
            c.lines("250-mx1.example.test", "250 STARTTLS");
            c.expect("STARTTLS");
            c.lines("220 go ahead");
            c.sleep(Duration.ofSeconds(3)); // never answers the ClientHello
        }, newBuilder().replyTimeout(Duration.ofMillis(500)));

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.TIMEOUT);
        assertThat(a.connected()).isTrue();
        assertThat(a.detail()).isEqualTo("the TLS handshake did not complete within 500 ms");
    }

    @Test
    void aServerThatClosesAfterTheClientHelloIsAHandshakeFailure() throws Exception {
        AddressProbe a = probe(c -> {
            c.lines("220 mx1.example.test ESMTP");
            c.expect("EHLO");
            c.lines("250-mx1.example.test", "250 STARTTLS");
            c.expect("STARTTLS");
            c.lines("220 go ahead");
            c.readSomeAndClose();
        });

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.TLS_FAILED);
        assertThat(a.tlsFailure()).hasValue(TlsFailureCategory.HANDSHAKE);
        assertThat(a.detail()).contains("closed the connection during the TLS handshake");
        assertThat(a.tlsVersion()).isEmpty();
    }

    @Test
    void aSelfSignedCertificateIsUntrustedAndItsChainIsKept() throws Exception {
        AddressProbe a = probe(goodServer(ca.certificate("mx1.example.test").selfSigned().issue()));

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.TLS_FAILED);
        assertThat(a.tlsFailure()).hasValue(TlsFailureCategory.UNTRUSTED);
        assertThat(a.detail()).contains("self-signed");
        assertThat(a.chain()).hasSize(1);
        assertThat(a.tlsVersion()).isPresent();
        assertThat(server.commands()).last().isEqualTo("QUIT"); // sent over TLS: the session was up
    }

    @Test
    void anExpiredCertificateIsExpired() throws Exception {
        AddressProbe a = probe(goodServer(ca.certificate("mx1.example.test").expired().issue()));

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.TLS_FAILED);
        assertThat(a.tlsFailure()).hasValue(TlsFailureCategory.EXPIRED);
        assertThat(a.detail()).contains("expired on");
        assertThat(a.leaf().orElseThrow().daysLeft(java.time.Instant.now())).isNegative();
    }

    @Test
    void aCertificateNotYetValidIsNotYetValid() throws Exception {
        AddressProbe a = probe(goodServer(ca.certificate("mx1.example.test").notYetValid().issue()));

        assertThat(a.tlsFailure()).hasValue(TlsFailureCategory.NOT_YET_VALID);
    }

    @Test
    void aCertificateForAnotherNameIsAMismatchNamingItsNames() throws Exception {
        AddressProbe a = probe(goodServer(ca.issue("mail.other.test", "smtp.other.test")));

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.TLS_FAILED);
        assertThat(a.tlsFailure()).hasValue(TlsFailureCategory.HOSTNAME_MISMATCH);
        assertThat(a.detail()).isEqualTo("the certificate is for [mail.other.test, smtp.other.test], not for"
                + " mx1.example.test");
    }

    @Test
    void aCertificateWithTheNameOnlyInTheCommonNameIsAMismatch() throws Exception {
        AddressProbe a = probe(goodServer(ca.certificate().commonName("mx1.example.test").issue()));

        assertThat(a.tlsFailure()).hasValue(TlsFailureCategory.HOSTNAME_MISMATCH);
        assertThat(a.detail()).contains("no DNS names");
    }

    @Test
    void aWildcardCertificateIsValidForOneLabelOnly() throws Exception {
        IssuedCertificate wildcard = ca.issue("*.example.test");

        AddressProbe one = probe(MX, goodServer(wildcard), newBuilder());
        server.close();
        AddressProbe two = probe(DomainName.of("a.mx1.example.test"), goodServer(wildcard), newBuilder());

        assertThat(one.outcome()).isEqualTo(ProbeOutcome.STARTTLS_OK);
        assertThat(two.outcome()).isEqualTo(ProbeOutcome.TLS_FAILED);
        assertThat(two.tlsFailure()).hasValue(TlsFailureCategory.HOSTNAME_MISMATCH);
        assertThat(two.detail()).contains("*.example.test").contains("a.mx1.example.test");
    }

    @Test
    void bytesSentAfterTheStartTlsReplyAreDiscardedAndReported() throws Exception {
        IssuedCertificate certificate = ca.issue("mx1.example.test");
        AddressProbe a = probe(c -> {
            c.lines("220 mx1.example.test ESMTP");
            c.expect("EHLO");
            c.lines("250-mx1.example.test", "250 STARTTLS");
            c.expect("STARTTLS");
            c.send("220 go ahead\r\n250 injected\r\n"); // one segment: the second reply is plaintext injected
            c.startTls(certificate);
            c.expect("QUIT");
            c.lines("221 bye");
        });

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.STARTTLS_OK);
        assertThat(a.detail()).contains("sent 14 bytes after its 220 reply to STARTTLS")
                .contains("'250 injected\\u000d\\u000a'").contains("discarded").contains("command injection");
    }

    @Test
    void aServerThatIsNotSmtpIsAMalformedGreeting() throws Exception {
        AddressProbe a = probe(c -> c.send("HTTP/1.1 400 Bad Request\r\n\r\n"));

        assertThat(a.outcome()).isEqualTo(ProbeOutcome.GREETING_REJECTED);
        assertThat(a.detail()).isEqualTo("The greeting is not an SMTP reply: 'HTTP/1.1 400 Bad Request' (is this"
                + " port an SMTP server?)");
    }

    @Test
    void controlCharactersInARejectedGreetingAreEscaped() throws Exception {
        AddressProbe a = probe(c -> c.send("554 go\u001b[31m away\r\n"));

        assertThat(a.detail()).contains("'554 go\\u001b[31m away'");
        assertThat(a.greeting()).hasValue("go\\u001b[31m away");
    }

    @Test
    void nothingListeningIsConnectFailed() throws Exception {
        StartTlsProbe probe = newBuilder().port(freePort()).build();
        InetAddress nowhere = InetAddress.getByName("127.0.0.254");

        MxProbe result = probe.probe(MxProbeRequest.of(MX, List.of(nowhere)).withDeadline(Duration.ofSeconds(10)))
                .toCompletableFuture().get(15, TimeUnit.SECONDS);

        AddressProbe a = result.addresses().get(0);
        assertThat(a.outcome()).isEqualTo(ProbeOutcome.CONNECT_FAILED);
        assertThat(a.connected()).isFalse();
        assertThat(a.detail()).contains("of 127.0.0.254 refused the connection");
        assertThat(result.reached()).isFalse();
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
