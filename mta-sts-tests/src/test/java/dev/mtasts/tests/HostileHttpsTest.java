package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.codes;
import static dev.mtasts.tests.E2e.describe;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Validator;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.CertificateChains;
import dev.mtasts.testkit.HttpResponse;
import dev.mtasts.testkit.SandboxDomain;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile HTTPS policy hosts, end to end through the validator and real loopback sockets: each one gets a clear
 * finding within the validation's deadline, the fetcher reads a bounded number of bytes, nothing is followed, and
 * no connection outlives its report.
 */
@Timeout(60)
class HostileHttpsTest extends SandboxTest {

    private static final Duration DEADLINE = Duration.ofSeconds(4);
    /** What a report may take beyond its deadline. */
    private static final Duration SLACK = Duration.ofSeconds(1);
    /** The fetcher reads at most 64 KiB of body + 64 KiB of framing; the server's count adds the socket buffers. */
    private static final long SENT_BOUND = 128 * 1024 + (16L << 20);

    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().deadline(DEADLINE).build();
    }

    private static SandboxDomain domain(String name) {
        return sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).mx(10, "mx1." + name)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name)
                .policy(policy("enforce", 604800, "mx1." + name));
    }

    /** Validates, and checks the promises every hostile case shares: in time, bounded, every connection closed. */
    private static ValidationReport validate(String name) throws InterruptedException {
        ValidationReport r = validator.validate(name);
        assertThat(r.elapsed()).as(describe(r)).isLessThan(DEADLINE.plus(SLACK));
        assertThat(sandbox.httpsServer().bytesSent("mta-sts." + name)).as("bytes sent").isLessThan(SENT_BOUND);
        awaitNoOpenConnection();
        return r;
    }

    private static void awaitNoOpenConnection() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sandbox.httpsServer().openConnections() > 0) {
            assertThat(System.nanoTime() - end).as("a connection outlived its report").isNegative();
            Thread.sleep(10);
        }
    }

    private static Finding only(ValidationReport r, FindingCode code) {
        List<Finding> found = r.findings(code);
        assertThat(found).as(describe(r)).hasSize(1);
        return found.get(0);
    }

    private static long httpsRequests(String name) {
        return sandbox.httpsServer().requests().stream()
                .filter(q -> q.tls() && q.host().orElse("").equals("mta-sts." + name)).count();
    }

    @Test
    void bodyThatNeverEndsIsTooLarge() throws Exception {
        domain("endless.hostile.test").policyResponse(HttpResponse.ok("text/plain",
                policy("enforce", 604800, "mx1.endless.hostile.test")).withEndlessBody());

        ValidationReport r = validate("endless.hostile.test");

        only(r, FindingCode.POLICY_TOO_LARGE);
        assertThat(codes(r)).doesNotContain(FindingCode.POLICY_TIMEOUT);
    }

    @Test
    void bodyTrickledAtOneBytePerSecondTimesOutWithinTheDeadline() throws Exception {
        domain("trickle.hostile.test").policyResponse(HttpResponse.ok("text/plain",
                policy("enforce", 604800, "mx1.trickle.hostile.test")).trickling(Duration.ofSeconds(1)));

        ValidationReport r = validate("trickle.hostile.test");

        assertThat(only(r, FindingCode.POLICY_TIMEOUT).message()).contains("gave up");
    }

    @Test
    void headersThatNeverEndAreAProtocolError() throws Exception {
        domain("endless-headers.hostile.test").policyResponse(
                HttpResponse.rawEndless("HTTP/1.1 200 OK\r\n", "X-Filler: x\r\n"));

        ValidationReport r = validate("endless-headers.hostile.test");

        assertThat(only(r, FindingCode.POLICY_PROTOCOL_ERROR).message()).contains("head is longer than");
    }

    @Test
    void tenThousandHeadersAreAProtocolError() throws Exception {
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n");
        for (int i = 0; i < 10_000; i++) {
            head.append("X-Header-").append(i).append(": value\r\n");
        }
        domain("many-headers.hostile.test").policyResponse(HttpResponse.raw(head + "Content-Length: 0\r\n\r\n"));

        ValidationReport r = validate("many-headers.hostile.test");

        assertThat(only(r, FindingCode.POLICY_PROTOCOL_ERROR).message()).contains("head is longer than");
    }

    @Test
    void endlessInterimResponsesStopAtTheResponseBudget() throws Exception {
        domain("endless-100.hostile.test").policyResponse(
                HttpResponse.rawEndless("", "HTTP/1.1 100 Continue\r\n\r\n"));

        ValidationReport r = validate("endless-100.hostile.test");

        assertThat(only(r, FindingCode.POLICY_PROTOCOL_ERROR).message()).contains("interim (1xx) responses");
    }

    @Test
    void redirectLoopIsReportedAndNotFollowed() throws Exception {
        String name = "loop.hostile.test";
        domain(name).policyResponse(HttpResponse.redirect(301, "https://mta-sts." + name
                + "/.well-known/mta-sts.txt"));

        ValidationReport r = validate(name);

        assertThat(only(r, FindingCode.POLICY_REDIRECT).message()).contains("https://mta-sts." + name);
        assertThat(httpsRequests(name)).isEqualTo(1);
    }

    @Test
    void redirectToPlainHttpIsNotFollowed() throws Exception {
        String name = "to-http.hostile.test";
        domain(name).policyResponse(HttpResponse.redirect(301, "http://mta-sts." + name + "/.well-known/mta-sts.txt"))
                .plainHttpResponse(HttpResponse.status(404));

        ValidationReport r = validate(name);

        assertThat(only(r, FindingCode.POLICY_REDIRECT).message()).contains("http://mta-sts." + name);
        assertThat(httpsRequests(name)).isEqualTo(1);
        assertThat(codes(r)).doesNotContain(FindingCode.POLICY_HTTP_ONLY);
    }

    @Test
    void redirectToAnInternalAddressIsNotFollowed() throws Exception {
        String name = "to-internal.hostile.test";
        int before = sandbox.httpsServer().requestCount();
        domain(name).policyResponse(HttpResponse.redirect(301, "https://127.0.0.1:"
                + sandbox.httpsServer().httpsPort() + "/internal/secret"));

        ValidationReport r = validate(name);

        assertThat(only(r, FindingCode.POLICY_REDIRECT).message()).contains("https://127.0.0.1:");
        assertThat(sandbox.httpsServer().requests().subList(before, sandbox.httpsServer().requestCount()))
                .noneMatch(q -> q.target().startsWith("/internal"));
    }

    @Test
    void gzipCompressionBombIsNamedAndNeverInflated() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 16];
            for (int i = 0; i < 1024; i++) { // 64 MiB of zeros
                gzip.write(zeros);
            }
        }
        domain("gzip.hostile.test").policyResponse(HttpResponse.ok("text/plain", bomb.toByteArray())
                .withHeader("Content-Encoding", "gzip"));

        ValidationReport r = validate("gzip.hostile.test");

        assertThat(only(r, FindingCode.POLICY_PROTOCOL_ERROR).message()).contains("Content-Encoding: gzip")
                .contains("asked for none");
        assertThat(codes(r)).doesNotContain(FindingCode.POLICY_SYNTAX);
    }

    @Test
    void certificateChainOfAHundredCertificatesFailsTheHandshake() throws Exception {
        String name = "long-chain.hostile.test";
        domain(name);
        sandbox.httpsServer().certificate("mta-sts." + name,
                CertificateChains.padded(sandbox.authority().issue("mta-sts." + name), 100));

        ValidationReport r = validate(name);

        assertThat(codes(r)).as(describe(r)).containsAnyOf(FindingCode.POLICY_TLS_HANDSHAKE,
                FindingCode.POLICY_TLS_UNTRUSTED);
        assertThat(codes(r)).doesNotContain(FindingCode.POLICY_TIMEOUT);
    }

    @Test
    void tlsHandshakeThatStallsHalfWayTimesOutWithinTheDeadline() throws Exception {
        domain("stall.hostile.test").policyResponse(HttpResponse.status(200).stallingHandshake());

        ValidationReport r = validate("stall.hostile.test");

        assertThat(only(r, FindingCode.POLICY_TIMEOUT).message()).contains("gave up");
        assertThat(r.observations().policyFetch().map(f -> f.detail()).orElse("")).contains("TLS handshake");
    }

    @Test
    void connectionResetMidResponseIsAProtocolError() throws Exception {
        String text = policy("enforce", 604800, "mx1.reset.hostile.test");
        domain("reset.hostile.test").policyResponse(HttpResponse.ok("text/plain", text).resettingAfter(10));

        ValidationReport r = validate("reset.hostile.test");

        assertThat(only(r, FindingCode.POLICY_PROTOCOL_ERROR).message()).containsIgnoringCase("reset");
    }

    @Test
    void responseStartingWithAnEmptyLineIsAProtocolErrorAtOnce() throws Exception {
        domain("empty-line.hostile.test").policyResponse(HttpResponse.raw(
                "\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n"));

        ValidationReport r = validate("empty-line.hostile.test");

        assertThat(only(r, FindingCode.POLICY_PROTOCOL_ERROR).message()).contains("empty line");
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void policySentAsOneByteTlsRecordsIsRead() throws Exception {
        String name = "tiny-records.hostile.test";
        StringBuilder text = new StringBuilder(policy("enforce", 604800, "mx1." + name));
        while (text.length() < 20_000) {
            text.append("mx: mx").append(text.length()).append('.').append(name).append("\r\n");
        }
        domain(name).policyResponse(HttpResponse.ok("text/plain", text.toString()).inPiecesOf(1));

        ValidationReport r = validate(name);

        assertThat(r.policy()).as(describe(r)).isPresent();
        assertThat(codes(r)).doesNotContain(FindingCode.POLICY_TIMEOUT, FindingCode.POLICY_PROTOCOL_ERROR);
    }

    /** The known flake: under load, an endless body must still stop at 64 KiB, never at the deadline. */
    @Test
    @Timeout(120)
    void endlessBodyIsTooLargeWithTwoHundredValidationsInFlight() throws Exception {
        String name = "endless-load.hostile.test";
        domain(name).policyResponse(HttpResponse.ok("text/plain", policy("enforce", 604800, "mx1." + name))
                .withEndlessBody());
        Validator loaded = sandbox.validatorBuilder().deadline(Duration.ofSeconds(20)).build();

        List<CompletableFuture<ValidationReport>> inFlight = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            inFlight.add(loaded.validateAsync(name));
        }

        for (CompletableFuture<ValidationReport> f : inFlight) {
            ValidationReport r = f.get(60, TimeUnit.SECONDS);
            assertThat(codes(r)).as(describe(r)).contains(FindingCode.POLICY_TOO_LARGE)
                    .doesNotContain(FindingCode.POLICY_TIMEOUT);
        }
        awaitNoOpenConnection();
    }
}
