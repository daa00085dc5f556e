package dev.mtasts.tests;

import static dev.mtasts.tests.E2e.finding;
import static dev.mtasts.tests.E2e.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.ValidationRequest;
import dev.mtasts.Validator;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.tlsrpt.TlsRptReports;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence-based rollout end to end: TLS-RPT report files, as the big senders send them, read by
 * mta-sts-tlsrpt, given to a validator that checks a sandbox deployment live (policy and MX probe), and the
 * promotion readiness that follows.
 */
@Timeout(60)
class EvidencePromotionTest extends SandboxTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static Validator validator;

    @BeforeAll
    static void deploy() {
        validator = sandbox.validatorBuilder().build();
        for (String name : new String[] {"ready.evidence.test", "short.evidence.test", "failing.evidence.test"}) {
            sandbox.domain(name).stsRecord("v=STSv1; id=" + E2e.ID).tlsRpt("v=TLSRPTv1; rua=mailto:tls@" + name)
                    .policy(policy("testing", 86400, "mx1." + name)).mx(10, "mx1." + name);
        }
        sandbox.domain("failing.evidence.test")
                .mxCertificateFor("mx1.failing.evidence.test", c -> c, "mail.elsewhere.test");
    }

    /** One daily report in Google's shape (JSON, gzip), and Microsoft's for the same day (plain JSON). */
    private static void writeDay(Path dir, String domain, LocalDate day, long failures) throws IOException {
        String mx = "mx1." + domain;
        String failure = failures == 0 ? "" : ", \"failure-details\": [{\"result-type\": \"certificate-host-mismatch\","
                + " \"sending-mta-ip\": \"209.85.220.41\", \"receiving-mx-hostname\": \"" + mx + "\","
                + " \"receiving-ip\": \"192.0.2.25\", \"failed-session-count\": " + failures + "}]";
        String google = "{\"organization-name\": \"Google Inc.\", \"date-range\": {\"start-datetime\": \"" + day
                + "T00:00:00Z\", \"end-datetime\": \"" + day + "T23:59:59Z\"}, \"contact-info\":"
                + " \"smtp-tls-reporting@google.com\", \"report-id\": \"" + day + "T00:00:00Z_" + domain + "\","
                + " \"policies\": [{\"policy\": {\"policy-type\": \"sts\", \"policy-string\": [\"version: STSv1\","
                + " \"mode: testing\", \"mx: " + mx + "\", \"max_age: 86400\"], \"policy-domain\": \"" + domain
                + "\", \"mx-host\": [\"" + mx + "\"]}, \"summary\": {\"total-successful-session-count\": 120,"
                + " \"total-failure-session-count\": " + failures + "}" + failure + "}]}";
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("google.com!" + domain + "!"
                + day + ".json.gz")))) {
            out.write(google.getBytes(StandardCharsets.UTF_8));
        }
        String microsoft = "{\"organization-name\":\"Microsoft Corporation\",\"date-range\":{\"start-datetime\":\""
                + day + "T00:00:00.000Z\",\"end-datetime\":\"" + day + "T23:59:59.999Z\"},\"contact-info\":"
                + "\"tlsrpt-noreply@microsoft.com\",\"report-id\":\"ms-" + day + "-" + domain + "\",\"policies\":[{"
                + "\"policy\":{\"policy-type\":\"sts\",\"policy-string\":[\"version: STSv1\",\"mode: testing\","
                + "\"mx: " + mx + "\",\"max_age: 86400\"],\"policy-domain\":\"" + domain + "\",\"mx-host\":[\""
                + mx + "\"]},\"summary\":{\"total-successful-session-count\":30,\"total-failure-session-count\":0}}]}";
        Files.writeString(dir.resolve("microsoft.com!" + domain + "!" + day + ".json"), microsoft);
    }

    private static ValidationReport validateWith(String domain, Path reports) {
        TlsRptReports read = TlsRptReports.read(reports);
        assertThat(read.bad()).isEmpty();
        return validator.validate(ValidationRequest.of(domain).withEvidence(read.evidenceFor(DomainName.of(domain))));
    }

    @Test
    void fourteenCleanDaysUpToYesterdayMakeTheTestingPolicyReady(@TempDir Path dir) throws IOException {
        for (int i = 1; i <= 14; i++) {
            writeDay(dir, "ready.evidence.test", TODAY.minusDays(i), 0);
        }

        ValidationReport r = validateWith("ready.evidence.test", dir);

        assertThat(r.promotion().status()).as(E2e.describe(r)).isEqualTo(PromotionStatus.READY);
        assertThat(r.promotion().advice()).contains("Google Inc.", "Microsoft Corporation",
                "14 consecutive clean days", "Every MX host offers STARTTLS");
        assertThat(r.promotion().evidence()).hasValueSatisfying(e -> assertThat(e.totalStsSessions())
                .isEqualTo(14 * 150));
    }

    @Test
    void thirteenCleanDaysAreNotEnough(@TempDir Path dir) throws IOException {
        for (int i = 1; i <= 13; i++) {
            writeDay(dir, "short.evidence.test", TODAY.minusDays(i), 0);
        }

        ValidationReport r = validateWith("short.evidence.test", dir);

        assertThat(r.promotion().status()).isEqualTo(PromotionStatus.NOT_READY);
        assertThat(finding(r, FindingCode.TLSRPT_EVIDENCE_SHORT, Severity.WARNING).message())
                .contains("13 consecutive clean days");
    }

    @Test
    void aFailureOnDayTenBlocksAndTheLiveProbeConfirmsTheWrongCertificate(@TempDir Path dir) throws IOException {
        for (int i = 1; i <= 20; i++) {
            writeDay(dir, "failing.evidence.test", TODAY.minusDays(i), i == 10 ? 7 : 0);
        }

        ValidationReport r = validateWith("failing.evidence.test", dir);

        Finding reported = finding(r, FindingCode.TLSRPT_REPORTED_FAILURES, Severity.WARNING);
        assertThat(reported.message()).contains("Google Inc.", "7 failed sessions", "certificate-host-mismatch",
                "mx1.failing.evidence.test", TODAY.minusDays(10).toString());
        assertThat(reported.remediation()).contains("'mx1.failing.evidence.test'", "MX_CERT_HOSTNAME_MISMATCH");
        assertThat(r.promotion().blockers()).extracting(Finding::code).contains(FindingCode.TLSRPT_REPORTED_FAILURES,
                FindingCode.TLSRPT_EVIDENCE_SHORT, FindingCode.MX_CERT_HOSTNAME_MISMATCH);
    }
}
