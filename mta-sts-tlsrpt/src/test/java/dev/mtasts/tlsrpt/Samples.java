package dev.mtasts.tlsrpt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Reports as the tests write them, in the shapes the big senders publish: Google's ({@code Google Inc.},
 * {@code smtp-tls-reporting@google.com}, report ids like {@code 2026-11-20T00:00:00Z_example.com}, no
 * {@code mx-host}, no {@code failure-details} when there is no failure), Microsoft's ({@code Microsoft Corporation},
 * {@code tlsrpt-noreply@microsoft.com}, numeric ids with {@code +domain}, {@code mx-host} listed) and the RFC's own
 * example fields; the gzip and MIME wrappers senders send them in.
 */
final class Samples {

    static final String POLICY_STRING = "[\"version: STSv1\", \"mode: testing\", \"mx: mx1.example.com\","
            + " \"mx: mx2.example.com\", \"max_age: 604800\"]";

    private Samples() {
    }

    /** Google's daily report: the whole UTC day, 00:00:00Z to 23:59:59Z. */
    static String google(LocalDate day, long successful, long failed, String... details) {
        return report("Google Inc.", "smtp-tls-reporting@google.com", day + "T00:00:00Z_example.com",
                day + "T00:00:00Z", day + "T23:59:59Z",
                sts("example.com", false, successful, failed, details));
    }

    /** Microsoft's daily report: mx-host listed, an id of digits and the domain. */
    static String microsoft(LocalDate day, long successful, long failed, String... details) {
        return report("Microsoft Corporation", "tlsrpt-noreply@microsoft.com",
                (133_000_000_000_000_000L + day.toEpochDay()) + "+example.com",
                day + "T00:00:00Z", day + "T23:59:59Z",
                sts("example.com", true, successful, failed, details));
    }

    static String report(String organization, String contact, String reportId, String start, String end,
                         String... policies) {
        return "{\"organization-name\": \"" + organization + "\",\n"
                + " \"date-range\": {\"start-datetime\": \"" + start + "\", \"end-datetime\": \"" + end + "\"},\n"
                + (contact == null ? "" : " \"contact-info\": \"" + contact + "\",\n")
                + " \"report-id\": \"" + reportId + "\",\n"
                + " \"policies\": [" + String.join(",\n", policies) + "]}\n";
    }

    static String sts(String domain, boolean mxHosts, long successful, long failed, String... details) {
        return policy("sts", POLICY_STRING, domain, mxHosts ? "[\"mx1.example.com\", \"mx2.example.com\"]" : null,
                successful, failed, details);
    }

    static String noPolicyFound(String domain, long successful, long failed, String... details) {
        return policy("no-policy-found", null, domain, null, successful, failed, details);
    }

    static String policy(String type, String policyStrings, String domain, String mxHosts, long successful,
                         long failed, String... details) {
        return "{\"policy\": {\"policy-type\": \"" + type + "\", "
                + (policyStrings == null ? "" : "\"policy-string\": " + policyStrings + ", ")
                + "\"policy-domain\": \"" + domain + "\""
                + (mxHosts == null ? "" : ", \"mx-host\": " + mxHosts) + "},\n"
                + "  \"summary\": {\"total-successful-session-count\": " + successful
                + ", \"total-failure-session-count\": " + failed + "}"
                + (details.length == 0 ? "" : ",\n  \"failure-details\": [" + String.join(", ", details) + "]")
                + "}";
    }

    static String failure(String resultType, String mx, long count) {
        return "{\"result-type\": \"" + resultType + "\", \"sending-mta-ip\": \"209.85.220.41\", "
                + "\"receiving-mx-hostname\": \"" + mx + "\", \"receiving-ip\": \"192.0.2.25\", "
                + "\"failed-session-count\": " + count + "}";
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An attachment of {@link #email}. */
    record Attachment(String contentType, String fileName, byte[] content) {
    }

    /**
     * A report mail as RFC 8460 §5.3 has senders write it: {@code multipart/report; report-type="tlsrpt"}, a text
     * part, and each report as a base64 attachment in lines of 76.
     */
    static byte[] email(List<Attachment> attachments) {
        StringBuilder m = new StringBuilder();
        m.append("From: noreply-smtp-tls-reporting@google.com\r\n")
                .append("To: tlsrpt@example.com\r\n")
                .append("Subject: Report Domain: example.com Submitter: google.com Report-ID: <2026.11.20>\r\n")
                .append("TLS-Report-Domain: example.com\r\n")
                .append("TLS-Report-Submitter: google.com\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/report; report-type=\"tlsrpt\"; boundary=\"=_b0undary\"\r\n")
                .append("\r\n")
                .append("This is a multipart message in MIME format.\r\n")
                .append("--=_b0undary\r\n")
                .append("Content-Type: text/plain; charset=\"us-ascii\"\r\n\r\n")
                .append("This is an aggregate TLS report from google.com\r\n");
        for (Attachment a : attachments) {
            m.append("--=_b0undary\r\n")
                    .append("Content-Type: ").append(a.contentType())
                    .append(a.fileName() == null ? "" : "; name=\"" + a.fileName() + "\"").append("\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n");
            if (a.fileName() != null) {
                m.append("Content-Disposition: attachment; filename=\"").append(a.fileName()).append("\"\r\n");
            }
            m.append("\r\n").append(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'})
                    .encodeToString(a.content())).append("\r\n");
        }
        m.append("--=_b0undary--\r\n");
        return utf8(m.toString());
    }

    static byte[] email(String contentType, String fileName, byte[] content) {
        return email(List.of(new Attachment(contentType, fileName, content)));
    }
}
