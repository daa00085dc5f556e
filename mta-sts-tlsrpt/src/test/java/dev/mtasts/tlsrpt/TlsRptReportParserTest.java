package dev.mtasts.tlsrpt;

import static dev.mtasts.tlsrpt.Samples.email;
import static dev.mtasts.tlsrpt.Samples.failure;
import static dev.mtasts.tlsrpt.Samples.gzip;
import static dev.mtasts.tlsrpt.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.DomainName;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsRptReportParserTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-20");
    private static final DomainName DOMAIN = DomainName.of("example.com");
    private final TlsRptReportParser parser = TlsRptReportParser.defaults();

    /** The RFC 8460 §4.4 example, every field of the schema present. */
    private static final String RFC_EXAMPLE = """
            {
              "organization-name": "Company-X",
              "date-range": {
                "start-datetime": "2016-04-01T00:00:00Z",
                "end-datetime": "2016-04-01T23:59:59Z"
              },
              "contact-info": "sts-reporting@company-x.example",
              "report-id": "5065427c-23d3-47ca-b6e0-946ea0e8c4be",
              "policies": [{
                "policy": {
                  "policy-type": "sts",
                  "policy-string": ["version: STSv1", "mode: testing", "mx: *.mail.company-y.example",
                                    "max_age: 86400"],
                  "policy-domain": "company-y.example",
                  "mx-host": ["*.mail.company-y.example"]
                },
                "summary": {
                  "total-successful-session-count": 5326,
                  "total-failure-session-count": 303
                },
                "failure-details": [{
                  "result-type": "certificate-expired",
                  "sending-mta-ip": "2001:db8:abcd:0012::1",
                  "receiving-mx-hostname": "mx1.mail.company-y.example",
                  "failed-session-count": 100
                }, {
                  "result-type": "starttls-not-supported",
                  "sending-mta-ip": "2001:db8:abcd:0013::1",
                  "receiving-mx-hostname": "mx2.mail.company-y.example",
                  "receiving-ip": "203.0.113.56",
                  "failed-session-count": 200,
                  "additional-information": "https://reports.company-x.example/report_info?id=5065427c-23d3#StarttlsNotSupported"
                }, {
                  "result-type": "validation-failure",
                  "sending-mta-ip": "198.51.100.62",
                  "receiving-ip": "203.0.113.58",
                  "receiving-mx-hostname": "mx-backup.mail.company-y.example",
                  "receiving-mx-helo": "mx-backup.mail.company-y.example",
                  "failed-session-count": 3,
                  "failure-reason-code": "X509_V_ERR_PROOF_OF_POSSESSION"
                }]
              }]
            }
            """;

    @Test
    void theRfcExampleIsReadFieldByField() throws Exception {
        TlsRptReport report = parser.parseJson(utf8(RFC_EXAMPLE), "rfc.json");

        assertThat(report.organizationName()).isEqualTo("Company-X");
        assertThat(report.dateRange()).isEqualTo(DateRange.of(Instant.parse("2016-04-01T00:00:00Z"),
                Instant.parse("2016-04-01T23:59:59Z")));
        assertThat(report.contactInfo()).contains("sts-reporting@company-x.example");
        assertThat(report.reportId()).isEqualTo("5065427c-23d3-47ca-b6e0-946ea0e8c4be");
        PolicyReport policy = report.policies().get(0);
        assertThat(policy.policyType()).isEqualTo(PolicyType.STS);
        assertThat(policy.policyStrings()).hasSize(4).first().isEqualTo("version: STSv1");
        assertThat(policy.policyDomain()).isEqualTo(DomainName.of("company-y.example"));
        assertThat(policy.mxHosts()).containsExactly("*.mail.company-y.example");
        assertThat(policy.totalSuccessfulSessionCount()).isEqualTo(5326);
        assertThat(policy.totalFailureSessionCount()).isEqualTo(303);
        assertThat(policy.isClean()).isFalse();
        assertThat(policy.failureDetails()).extracting(FailureDetail::resultType).containsExactly(
                ResultType.CERTIFICATE_EXPIRED, ResultType.STARTTLS_NOT_SUPPORTED, ResultType.VALIDATION_FAILURE);
        FailureDetail first = policy.failureDetails().get(0);
        assertThat(first.sendingMtaIp()).contains("2001:db8:abcd:0012::1");
        assertThat(first.receivingIp()).isEmpty();
        assertThat(first.failedSessionCount()).isEqualTo(100);
        assertThat(policy.failureDetails().get(1).additionalInformation()).hasValueSatisfying(
                info -> assertThat(info).endsWith("#StarttlsNotSupported"));
        FailureDetail third = policy.failureDetails().get(2);
        assertThat(third.receivingMxHelo()).contains("mx-backup.mail.company-y.example");
        assertThat(third.receivingIp()).contains("203.0.113.58");
        assertThat(third.failureReasonCode()).contains("X509_V_ERR_PROOF_OF_POSSESSION");
        assertThat(third.additionalInformation()).isEmpty();
    }

    @Test
    void googlesShapeWithoutMxHostNorFailureDetailsIsRead() throws Exception {
        TlsRptReport report = parser.parseJson(utf8(Samples.google(DAY, 1180, 0)), "google.json");

        assertThat(report.organizationName()).isEqualTo("Google Inc.");
        assertThat(report.reportId()).isEqualTo("2026-11-20T00:00:00Z_example.com");
        assertThat(report.dateRange().days()).containsExactly(DAY);
        assertThat(report.policiesFor(DOMAIN)).singleElement().satisfies(p -> {
            assertThat(p.mxHosts()).isEmpty();
            assertThat(p.failureDetails()).isEmpty();
            assertThat(p.isClean()).isTrue();
        });
    }

    @Test
    void microsoftsShapeWithMxHostsAndFailuresIsRead() throws Exception {
        TlsRptReport report = parser.parseJson(utf8(Samples.microsoft(DAY, 90, 10,
                failure("certificate-host-mismatch", "mx2.example.com", 10))), "microsoft.json");

        assertThat(report.reportId()).endsWith("+example.com");
        PolicyReport policy = report.policies().get(0);
        assertThat(policy.mxHosts()).containsExactly("mx1.example.com", "mx2.example.com");
        assertThat(policy.failureDetails()).singleElement().satisfies(f -> {
            assertThat(f.resultType()).isEqualTo(ResultType.CERTIFICATE_HOST_MISMATCH);
            assertThat(f.receivingMxHostname()).contains("mx2.example.com");
            assertThat(f.failedSessionCount()).isEqualTo(10);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-11-20T00:00:00Z,          2026-11-20T00:00:00Z",
            "2026-11-20T00:00:00.000Z,      2026-11-20T00:00:00Z",
            "2026-11-20T00:00:00.123456Z,   2026-11-20T00:00:00.123456Z",
            "2026-11-20T01:00:00+01:00,     2026-11-20T00:00:00Z",
            "2026-11-19T19:00:00-0500,      2026-11-20T00:00:00Z",
            "2026-11-20T00:00:00,           2026-11-20T00:00:00Z",
            "2026-11-20t00:00:00z,          2026-11-20T00:00:00Z",
            "2026-11-20 00:00:00Z,          2026-11-20T00:00:00Z",
    })
    void dateTimesOfEverySenderShapeAreRead(String written, String expected) throws Exception {
        TlsRptReport report = parser.parseJson(utf8(Samples.report("Sender", null, "id-1", written,
                "2026-11-20T23:59:59Z", Samples.sts("example.com", false, 1, 0))), "dates.json");

        assertThat(report.dateRange().start()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void contactInfoLeftOutIsEmpty() throws Exception {
        TlsRptReport report = parser.parseJson(utf8(Samples.report("Sender", null, "id-1", "2026-11-20T00:00:00Z",
                "2026-11-21T00:00:00Z", Samples.sts("example.com", false, 1, 0))), "no-contact.json");

        assertThat(report.contactInfo()).isEmpty();
        assertThat(report.dateRange().days()).containsExactly(DAY);
    }

    @Test
    void fieldsOfNoRfcAreIgnoredAndTypesOfNoRfcKeptWithTheirText() throws Exception {
        String json = """
                {"organization-name": "Sender", "x-sender-build": {"version": [1, 2, 3]},
                 "date-range": {"start-datetime": "2026-11-20T00:00:00Z", "end-datetime": "2026-11-20T23:59:59Z",
                                "time-zone": "UTC"},
                 "report-id": "r1",
                 "policies": [{"policy": {"policy-type": "x-future", "policy-domain": "Example.COM.",
                                          "mx-host": "mx1.example.com", "policy-string": "one line"},
                               "summary": {"total-successful-session-count": 0, "total-failure-session-count": 2,
                                           "x-average": 1.5},
                               "failure-details": [{"result-type": "x-new-failure", "failed-session-count": 2,
                                                    "x-extra": null}]}]}
                """;
        TlsRptReport report = parser.parseJson(utf8(json), "extras.json");

        PolicyReport policy = report.policies().get(0);
        assertThat(policy.policyType()).isEqualTo(PolicyType.UNKNOWN);
        assertThat(policy.policyTypeName()).isEqualTo("x-future");
        assertThat(policy.policyDomain()).isEqualTo(DOMAIN);
        assertThat(policy.mxHosts()).containsExactly("mx1.example.com");
        assertThat(policy.policyStrings()).containsExactly("one line");
        assertThat(policy.failureDetails().get(0).resultType()).isEqualTo(ResultType.UNKNOWN);
        assertThat(policy.failureDetails().get(0).resultTypeName()).isEqualTo("x-new-failure");
    }

    @Test
    void noPolicyFoundHasNoPolicyStrings() throws Exception {
        TlsRptReport report = parser.parseJson(utf8(Samples.report("Google Inc.", "smtp-tls-reporting@google.com",
                "r-npf", "2026-11-20T00:00:00Z", "2026-11-20T23:59:59Z",
                Samples.noPolicyFound("example.com", 40, 0))), "npf.json");

        assertThat(report.policies().get(0).policyType()).isEqualTo(PolicyType.NO_POLICY_FOUND);
        assertThat(report.policies().get(0).policyStrings()).isEmpty();
    }

    @Test
    void gzipIsInflatedAndReadBySniffingToo() throws Exception {
        byte[] gz = gzip(utf8(Samples.google(DAY, 5, 0)));

        assertThat(parser.parseGzip(gz, "google.json.gz").reportId()).startsWith("2026-11-20");
        assertThat(parser.parse(gz, "whatever")).hasSize(1);
    }

    @Test
    void anEmailWithTheReportAsBase64GzipAttachmentIsRead() throws Exception {
        byte[] mail = email("application/tlsrpt+gzip",
                "google.com!example.com!1795132800!1795219199!001.json.gz", gzip(utf8(Samples.google(DAY, 5, 0))));

        List<TlsRptReport> reports = parser.parseEmail(mail, "report.eml");

        assertThat(reports).singleElement().extracting(TlsRptReport::organizationName).isEqualTo("Google Inc.");
        assertThat(parser.parse(mail, "report.eml")).isEqualTo(reports);
    }

    @Test
    void attachmentsAreFoundByTypeOrByFileNameAndEachOneIsRead() throws Exception {
        byte[] mail = email(List.of(
                new Samples.Attachment("application/tlsrpt+json", null, utf8(Samples.google(DAY, 1, 0))),
                new Samples.Attachment("application/octet-stream", "microsoft.json.gz",
                        gzip(utf8(Samples.microsoft(DAY, 2, 0)))),
                new Samples.Attachment("application/octet-stream", "notes.txt", utf8("not a report"))));

        assertThat(parser.parseEmail(mail, "two.eml")).extracting(TlsRptReport::organizationName)
                .containsExactly("Google Inc.", "Microsoft Corporation");
    }

    @Test
    void aForwardedReportMailIsSearchedToo() throws Exception {
        byte[] inner = email("application/tlsrpt+gzip", "r.json.gz", gzip(utf8(Samples.google(DAY, 3, 0))));
        String outer = "From: admin@example.com\r\nSubject: Fwd: report\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
                + "--outer\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                + "--outer\r\nContent-Type: message/rfc822\r\n\r\n"
                + new String(inner, java.nio.charset.StandardCharsets.US_ASCII) + "\r\n--outer--\r\n";

        assertThat(parser.parseEmail(utf8(outer), "fwd.eml")).hasSize(1);
    }

    @Test
    void anEmailWithoutAReportSaysSo() {
        byte[] mail = email("application/pdf", "invoice.pdf", utf8("%PDF-1.4"));

        assertThatThrownBy(() -> parser.parseEmail(mail, "spam.eml"))
                .isInstanceOf(TlsRptParseException.class)
                .hasMessageStartingWith("spam.eml: no TLS-RPT report in the e-mail");
    }

    @Test
    void aBadReportInsideAnEmailIsNamedByItsAttachment() {
        byte[] mail = email("application/tlsrpt+json", "broken.json", utf8("{\"organization-name\": 3}"));

        assertThatThrownBy(() -> parser.parseEmail(mail, "mail.eml"))
                .isInstanceOfSatisfying(TlsRptParseException.class, e -> {
                    assertThat(e.source()).isEqualTo("mail.eml > broken.json");
                    assertThat(e.path()).contains("$.organization-name");
                });
    }

    @Test
    void filesAndStreamsAreReadWhateverTheirName(@TempDir Path dir) throws Exception {
        Path json = Files.write(dir.resolve("a.json"), utf8(Samples.google(DAY, 1, 0)));
        Path gz = Files.write(dir.resolve("b.bin"), gzip(utf8(Samples.microsoft(DAY, 1, 0))));
        Path eml = Files.write(dir.resolve("c.eml"), email("application/tlsrpt+json", "c.json",
                utf8(Samples.google(DAY.plusDays(1), 1, 0))));

        assertThat(parser.read(json)).hasSize(1);
        assertThat(parser.read(gz)).hasSize(1);
        assertThat(parser.read(eml)).hasSize(1);
        assertThat(parser.read(new ByteArrayInputStream(Files.readAllBytes(gz)), "stdin")).hasSize(1);
    }

    @Test
    void aMissingFileIsAParseErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("gone.json");

        assertThatThrownBy(() -> parser.read(missing)).isInstanceOfSatisfying(TlsRptParseException.class,
                e -> assertThat(e.getMessage()).isEqualTo(missing + ": no such file"));
    }

    @Test
    void inputBeyondTheLimitIsRefusedWithoutReadingItAll() {
        TlsRptReportParser small = TlsRptReportParser.builder().maxInputBytes(1024).build();
        byte[] big = utf8(Samples.google(DAY, 1, 0) + " ".repeat(2000));

        assertThatThrownBy(() -> small.parseJson(big, "big.json")).hasMessageContaining("limit of 1 KiB");
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(big), "big.json"))
                .hasMessage("big.json: the input is larger than the limit of 1 KiB");
    }

    @Test
    void builderRefusesLimitsThatAreNotPositive() {
        assertThatThrownBy(() -> TlsRptReportParser.builder().maxInputBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInputBytes");
        assertThatThrownBy(() -> TlsRptReportParser.builder().maxInflatedBytes(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInflatedBytes");
        assertThat(TlsRptReportParser.defaults().maxInputBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(TlsRptReportParser.defaults().maxInflatedBytes()).isEqualTo(16L * 1024 * 1024);
    }

    @Test
    void theExceptionKeepsItsParts() {
        TlsRptParseException e = new TlsRptParseException("a.json", Optional.of("r1"), Optional.of("$.x"),
                "wrong", Optional.empty());

        assertThat(e).hasMessage("a.json (report-id r1): $.x: wrong").hasNoCause();
        assertThat(e.reason()).isEqualTo("wrong");
    }
}
