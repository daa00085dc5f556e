package dev.mtasts.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.MxProbe;
import dev.mtasts.probe.MxProbeRequest;
import dev.mtasts.probe.MxProbeSettings;
import dev.mtasts.probe.MxTlsProbe;
import dev.mtasts.probe.MxTlsProbeFactory;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.testkit.IssuedCertificate;
import dev.mtasts.testkit.TestCertificateAuthority;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability of {@code StartTlsProbe} (found as any user finds it, through
 * {@link MxTlsProbeFactory#fromServiceLoader()}) with a mail server people really run: Debian's postfix, started by
 * {@link PostfixServer} with a configuration this test writes, smtpd on three free ports of 127.0.0.1 and nowhere
 * else, nothing ever queued or delivered, no name looked up.
 *
 * <ul>
 *   <li>{@code good}: STARTTLS with a certificate from the test authority for {@code mx1.interop.test};</li>
 *   <li>{@code wrongname}: STARTTLS with a certificate for another name;</li>
 *   <li>{@code plain}: no STARTTLS ({@code smtpd_tls_security_level = none}).</li>
 * </ul>
 *
 * <p>Each probe is also checked from postfix's side, in its log ({@code maillog_file}, postfix 3.4 and later): the
 * TLS version it negotiated and the command counts of the session, which show the probe said {@code QUIT}.
 *
 * <p>Skipped, saying why, where postfix is not installed ({@code apt-get install -y postfix} with debconf's
 * "No configuration", or {@code .ci/install-postfix.sh}) or the tests do not run as root (postfix's master daemon
 * runs only as root).
 */
@Tag("interop")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostfixInteropTest {

    private static final String MX = "mx1.interop.test";
    private static final String OTHER = "mail.elsewhere.test";
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private static final PostfixServer.Listener GOOD = new PostfixServer.Listener("good", Map.of());
    private static final PostfixServer.Listener WRONG_NAME = new PostfixServer.Listener("wrongname",
            Map.of("smtpd_tls_chain_files", "$queue_directory/../tls/other.pem"));
    private static final PostfixServer.Listener PLAIN = new PostfixServer.Listener("plain",
            Map.of("smtpd_tls_security_level", "none"));

    /** postfix's last line of a session: who, then how many of each command, "accepted/all" when some failed. */
    private static final Pattern DISCONNECT = Pattern.compile("disconnect from \\S+ (.*)$");
    /** EHLO (once, or again after TLS), STARTTLS and QUIT, every command accepted. */
    private static final String TLS_SESSION = "ehlo=\\d+ starttls=1 quit=1 commands=\\d+";

    @TempDir
    static Path dir;

    private static TestCertificateAuthority ca;
    private static PostfixServer postfix;
    private static MxTlsProbeFactory factory;

    @BeforeAll
    static void startPostfix() throws Exception {
        Optional<String> why = PostfixServer.whyNotRunnable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "PostfixInteropTest skipped: " + why.orElseThrow());
        factory = MxTlsProbeFactory.fromServiceLoader().orElseThrow(() -> new AssertionError(
                "no MxTlsProbeFactory on the class path: mta-sts-smtp registers StartTlsProbeFactory"));

        ca = TestCertificateAuthority.create("PostfixInteropTest");
        Path tls = Files.createDirectories(dir.resolve("tls"));
        Path good = writeKeyAndChain(tls.resolve("mx1.pem"), ca.issue(MX));
        writeKeyAndChain(tls.resolve("other.pem"), ca.issue(OTHER));
        postfix = PostfixServer.start(dir, Map.of(
                "smtpd_tls_security_level", "may",
                "smtpd_tls_chain_files", good.toString(),
                "smtpd_tls_protocols", ">=TLSv1.2"), List.of(GOOD, WRONG_NAME, PLAIN));
    }

    @AfterAll
    static void stopPostfix() {
        if (postfix != null) {
            postfix.close();
            assertThat(postfix.anyAlive()).as("a postfix process outlived the test").isFalse();
        }
    }

    /** smtpd_tls_chain_files: the private key first, then the certificates, leaf first (postfix 3.4+). */
    private static Path writeKeyAndChain(Path file, IssuedCertificate certificate) throws IOException {
        Files.writeString(file, certificate.privateKeyPem() + certificate.chainPem(), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static AddressProbe probe(PostfixServer.Listener listener) throws Exception {
        MxTlsProbe probe = factory.create(MxProbeSettings.defaults()
                .withTrustedCertificates(List.of(ca.rootCertificate()))
                .withPort(postfix.port(listener.name())));
        MxProbe result = probe.probe(MxProbeRequest.of(DomainName.of(MX), List.of(InetAddress.getByName("127.0.0.1")))
                        .withDeadline(Duration.ofSeconds(30)))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertThat(result.host()).isEqualTo(DomainName.of(MX));
        assertThat(result.addresses()).hasSize(1);
        AddressProbe address = result.addresses().get(0);
        assertThat(address.address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(address.connected()).as("%s%n%s", address, postfix.logs()).isTrue();
        return address;
    }

    @Test
    void starttlsWithACertificateForTheMxHostIsOk() throws Exception {
        AddressProbe a = probe(GOOD);

        assertThat(a.outcome()).as("%s%n%s", a, postfix.logs()).isEqualTo(ProbeOutcome.STARTTLS_OK);
        assertThat(a.tlsFailure()).isEmpty();
        assertThat(a.detail()).isEmpty();
        assertPostfixGreeting(a);
        assertThat(a.extensions()).contains("STARTTLS", "PIPELINING", "ENHANCEDSTATUSCODES");
        assertThat(a.tlsVersion()).hasValueSatisfying(v -> assertThat(v).isIn("TLSv1.2", "TLSv1.3"));
        assertThat(a.cipherSuite()).isPresent();
        assertThat(a.chain()).as("postfix sends the leaf and the intermediate").hasSize(2);
        assertThat(a.leaf().map(CertificateFacts::dnsNames)).hasValue(List.of(MX));

        if (logAssertions()) {
            String tlsLine = postfix.awaitLogLine(GOOD, l -> l.contains("TLS connection established"), LOG_WAIT)
                    .orElseThrow(() -> new AssertionError("postfix logged no TLS connection\n" + postfix.logs()));
            assertThat(tlsLine).contains(": " + a.tlsVersion().orElseThrow() + " with cipher ");
            assertThat(session(GOOD)).as("postfix's count of the probe's commands").matches(TLS_SESSION);
        }
    }

    @Test
    void aCertificateForAnotherNameIsAHostnameMismatchNamingTheCertificatesNames() throws Exception {
        AddressProbe a = probe(WRONG_NAME);

        assertThat(a.outcome()).as("%s%n%s", a, postfix.logs()).isEqualTo(ProbeOutcome.TLS_FAILED);
        assertThat(a.tlsFailure()).hasValue(TlsFailureCategory.HOSTNAME_MISMATCH);
        assertThat(a.detail()).contains(OTHER);
        assertPostfixGreeting(a);
        assertThat(a.extensions()).contains("STARTTLS");
        assertThat(a.tlsVersion()).as("the handshake ran; the name is judged after it")
                .hasValueSatisfying(v -> assertThat(v).isIn("TLSv1.2", "TLSv1.3"));
        assertThat(a.leaf().map(CertificateFacts::dnsNames)).hasValue(List.of(OTHER));

        if (logAssertions()) {
            assertThat(session(WRONG_NAME)).as("the probe still says QUIT, over TLS").matches(TLS_SESSION);
        }
    }

    @Test
    void withoutStarttlsTheOutcomeIsNoStarttls() throws Exception {
        AddressProbe a = probe(PLAIN);

        assertThat(a.outcome()).as("%s%n%s", a, postfix.logs()).isEqualTo(ProbeOutcome.NO_STARTTLS);
        assertThat(a.tlsFailure()).isEmpty();
        assertThat(a.detail()).contains("STARTTLS");
        assertPostfixGreeting(a);
        assertThat(a.extensions()).contains("PIPELINING", "ENHANCEDSTATUSCODES").doesNotContain("STARTTLS");
        assertThat(a.tlsVersion()).isEmpty();
        assertThat(a.chain()).isEmpty();

        if (logAssertions()) {
            assertThat(session(PLAIN)).as("postfix's count of the probe's commands").isEqualTo("ehlo=1 quit=1 commands=2");
        }
    }

    private static void assertPostfixGreeting(AddressProbe a) {
        assertThat(a.greeting()).hasValueSatisfying(g -> assertThat(g)
                .as("postfix's default smtpd_banner, $myhostname ESMTP $mail_name").startsWith(MX + " ESMTP Postfix"));
    }

    /** @return false (and says so) where postfix is older than 3.4 and cannot log to a file of the test */
    private static boolean logAssertions() {
        if (!postfix.logsToFile()) {
            System.out.println("PostfixInteropTest: postfix is older than 3.4 (no maillog_file): its log is not checked");
            return false;
        }
        return true;
    }

    /**
     * @return the command counts postfix logged when the probe's session ended, such as
     *         {@code ehlo=1 starttls=1 quit=1 commands=3}: the probe's session is the one that said EHLO (the start-up
     *         check only said QUIT)
     */
    private static String session(PostfixServer.Listener listener) throws InterruptedException {
        String line = postfix.awaitLogLine(listener, l -> l.contains("disconnect from ") && l.contains("ehlo="),
                LOG_WAIT).orElseThrow(() -> new AssertionError(
                        "postfix logged no end of the probe's session\n" + postfix.logs()));
        assertThat(postfix.smtpdLog(listener)).as("the probe's session ended cleanly")
                .noneMatch(l -> l.contains("lost connection") || l.contains("SSL_accept error")
                        || l.contains("improper command pipelining"));
        Matcher m = DISCONNECT.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return m.group(1).trim();
    }
}
