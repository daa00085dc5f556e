package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.Severity;
import dev.mtasts.Validator;
import dev.mtasts.probe.AddressProbe;
import dev.mtasts.probe.ProbeOutcome;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.testkit.SandboxDomain;
import dev.mtasts.testkit.SmtpBehaviour;
import dev.mtasts.testkit.SmtpSession;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile SMTP servers, end to end through the validator and real sockets: each ends with a report within the
 * deadline (plus the documented slack), a finding that names the host and what it did, bounded reading, and the
 * connection closed by us.
 */
@Timeout(60)
class HostileSmtpTest extends SandboxTest {

    private static final Duration DEADLINE = Duration.ofSeconds(4);
    /** The validator's promise: a report within the deadline plus one second. */
    private static final Duration SLACK = Duration.ofSeconds(1);
    private static Validator validator;

    @BeforeAll
    static void buildValidator() {
        validator = sandbox.validatorBuilder().deadline(DEADLINE).build();
    }

    private static ValidationReport hostile(String label, UnaryOperator<SmtpBehaviour> behaviour) {
        String name = label + ".hostile-smtp.test";
        String mx = "mx1." + name;
        SandboxDomain d = sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID)
                .tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name).policy(policy("enforce", 604800, mx)).mx(10, mx)
                .mxBehaviour(mx, behaviour);
        long start = System.nanoTime();
        ValidationReport r = validator.validate(name);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("report within the deadline plus slack")
                .isLessThan(DEADLINE.plus(SLACK));
        assertThat(r.findings()).as("no finding leaks a stack trace").noneMatch(f -> f.message().contains("\tat ")
                || f.message().contains("Exception:") && f.message().contains("at dev."));
        return r;
    }

    private static AddressProbe probed(ValidationReport r) {
        return r.mxHosts().stream().map(MxHostResult::probe).flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow().addresses().get(0);
    }


    @Test
    void anEndlessGreetingIsCutOffAtTheByteCap() {
        ValidationReport r = hostile("endless", SmtpBehaviour::withEndlessGreeting);

        AddressProbe a = probed(r);
        assertThat(a.outcome()).isIn(ProbeOutcome.GREETING_REJECTED, ProbeOutcome.TIMEOUT);
        assertThat(a.detail()).containsAnyOf("bytes", "KiB");
        assertThat(r.findings()).filteredOn(f -> f.layer() == Layer.MX_COVERAGE).isNotEmpty();
    }

    @Test
    void aMillionLineGreetingIsCutOffToo() {
        ValidationReport r = hostile("million", b -> b.withGreetingLines(1_000_000));

        assertThat(probed(r).detail()).containsAnyOf("bytes", "KiB");
    }

    @Test
    void starttlsAcceptedThenSilenceIsATimeoutNamingTheHandshake() {
        ValidationReport r = hostile("silent", SmtpBehaviour::withSilenceAfterStartTls);

        AddressProbe a = probed(r);
        assertThat(a.outcome()).isEqualTo(ProbeOutcome.TIMEOUT);
        assertThat(a.connected()).isTrue();
        assertThat(finding(r, FindingCode.MX_PROBE_TIMEOUT, Severity.WARNING).message())
                .contains("mx1.silent.hostile-smtp.test").containsIgnoringCase("handshake");
    }

    @Test
    void aGreetingThatArrivesAfterTheDeadlineStillGivesAReportInTime() {
        ValidationReport r = hostile("late", b -> b.withGreetingDelay(DEADLINE.multipliedBy(3)));

        AddressProbe a = probed(r);
        assertThat(a.outcome()).isEqualTo(ProbeOutcome.TIMEOUT);
        assertThat(finding(r, FindingCode.MX_PROBE_TIMEOUT, Severity.WARNING).message()).contains("greeting");
        assertThat(r.errors()).noneMatch(f -> f.layer() == Layer.MX_COVERAGE);
    }

    @Test
    void aHandshakeThatFailsHalfWayIsAHandshakeFailure() {
        ValidationReport r = hostile("halfway", SmtpBehaviour::withHandshakeFailure);

        assertThat(finding(r, FindingCode.MX_TLS_HANDSHAKE, Severity.ERROR).message())
                .contains("mx1.halfway.hostile-smtp.test");
        assertThat(r.atRisk()).isTrue();
    }

    @Test
    void everyProbedConnectionIsClosedByTheTimeTheReportIsOut() throws InterruptedException {
        hostile("closed", b -> b);
        hostile("closed-silent", SmtpBehaviour::withSilenceAfterStartTls);

        List<SmtpSession> sessions = sandbox.smtpServer().awaitSessions(2, Duration.ofSeconds(5));
        assertThat(sessions).isNotEmpty();
        Thread.sleep(500);
        assertThat(sandbox.smtpServer().sessions()).as("every SMTP session ended").allMatch(SmtpSession::ended);
    }
}
