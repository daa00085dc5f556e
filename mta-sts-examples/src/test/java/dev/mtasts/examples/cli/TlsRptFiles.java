package dev.mtasts.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes TLS-RPT aggregate reports (RFC 8460 §4) as the big senders publish them, for the command-line tests: one
 * report per day and reporter, Google's date range ending at 23:59:59Z, Microsoft's at the next midnight, gzip for
 * Microsoft as it mails them. Addresses are loopback only.
 */
final class TlsRptFiles {

    static final String GOOGLE = "Google Inc.";
    static final String MICROSOFT = "Microsoft Corporation";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TlsRptFiles() {
    }

    /** @return today, UTC: reports are dated before it, so the evidence is never stale */
    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /**
     * @param day the day of a run of {@code days} ending yesterday, 1-based
     * @return that day
     */
    static LocalDate day(int day, int days) {
        return today().minusDays(days - day + 1L);
    }

    /** A failure detail to put into a report. */
    record Failure(String resultType, String receivingMx, long sessions) {
    }

    /**
     * Writes a clean (or, with failures, not clean) {@code sts} report of {@code reporter} for {@code domain} on
     * {@code day} into {@code dir}.
     *
     * @return the file written
     */
    static Path write(Path dir, String reporter, String domain, String mx, LocalDate day, long successful,
                      Failure... failures) {
        ObjectNode report = report(reporter, domain, mx, day, successful, failures);
        boolean gzip = reporter.equals(MICROSOFT);
        String name = (gzip ? "microsoft.com!" : "google.com!") + domain + "!" + day + (gzip ? ".json.gz"
                : ".json");
        Path file = dir.resolve(name);
        try {
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
            if (gzip) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(bytes);
                }
            } else {
                Files.write(file, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static ObjectNode report(String reporter, String domain, String mx, LocalDate day, long successful,
                             Failure... failures) {
        ObjectNode report = JSON.createObjectNode();
        report.put("organization-name", reporter);
        ObjectNode range = report.putObject("date-range");
        boolean google = !reporter.equals(MICROSOFT);
        range.put("start-datetime", day + "T00:00:00Z");
        range.put("end-datetime", google ? day + "T23:59:59Z" : day.plusDays(1) + "T00:00:00Z");
        report.put("contact-info", google ? "smtp-tls-reporting@google.com" : "tlsrpt-noreply@microsoft.com");
        report.put("report-id", google ? day + "T00:00:00Z_" + domain
                : "133" + day.toEpochDay() + "+" + domain);
        ArrayNode policies = report.putArray("policies");
        ObjectNode entry = policies.addObject();
        ObjectNode policy = entry.putObject("policy");
        policy.put("policy-type", "sts");
        ArrayNode strings = policy.putArray("policy-string");
        strings.add("version: STSv1").add("mode: testing").add("mx: " + mx).add("max_age: 86400");
        policy.put("policy-domain", domain);
        policy.putArray("mx-host").add(mx);
        ObjectNode summary = entry.putObject("summary");
        summary.put("total-successful-session-count", successful);
        long failed = 0;
        List<ObjectNode> details = new ArrayList<>();
        for (Failure f : failures) {
            failed += f.sessions();
            ObjectNode d = JSON.createObjectNode();
            d.put("result-type", f.resultType());
            d.put("sending-mta-ip", "127.0.0.1");
            d.put("receiving-mx-hostname", f.receivingMx());
            d.put("receiving-ip", "127.0.0.1");
            d.put("failed-session-count", f.sessions());
            details.add(d);
        }
        summary.put("total-failure-session-count", failed);
        if (!details.isEmpty()) {
            entry.putArray("failure-details").addAll(details);
        }
        return report;
    }

    /**
     * Writes {@code days} days of clean reports from Google and Microsoft, ending yesterday.
     *
     * @return the directory
     */
    static Path cleanDays(Path dir, String domain, String mx, int days) {
        for (int i = 1; i <= days; i++) {
            write(dir, GOOGLE, domain, mx, day(i, days), 1000 + i);
            write(dir, MICROSOFT, domain, mx, day(i, days), 500 + i);
        }
        return dir;
    }
}
