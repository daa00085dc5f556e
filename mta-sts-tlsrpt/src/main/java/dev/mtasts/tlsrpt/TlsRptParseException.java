package dev.mtasts.tlsrpt;

import java.util.Objects;
import java.util.Optional;

/**
 * A TLS-RPT report could not be read: not JSON, not gzip, no report in an e-mail, a required field missing or of the
 * wrong type, dates out of order, or a limit of {@link TlsRptReportParser} exceeded. The message names the report
 * (its source, and its {@code report-id} when that much was read), the JSON path of the field at fault and the
 * reason, for example
 * {@code google.json.gz (report-id 2026-11-20T00:00:00Z_example.com): $.policies[0].summary.total-failure-session-count:
 * expected a whole number, found "3"}; each part is also available on its own.
 *
 * <pre>{@code
 * try {
 *     byte[] json = "{\"report-id\": \"r1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
 *     TlsRptReportParser.defaults().parseJson(json, "bad.json");
 * } catch (TlsRptParseException e) {
 *     assertThat(e).hasMessage("bad.json (report-id r1): $.organization-name: missing: the field is required"
 *             + " (RFC 8460 §4.4)");
 *     assertThat(e.path()).contains("$.organization-name");
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TlsRptParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String reportId;
    private final String path;
    private final String reason;

    /**
     * @param source   what was read: a file name, an attachment ({@code mail.eml > report.json.gz})
     * @param reportId the report's {@code report-id}, when it was read before the fault
     * @param path     the JSON path of the field at fault ({@code $.date-range.end-datetime}), when there is one
     * @param reason   what is wrong, one sentence
     * @param cause    the underlying exception, when there is one
     */
    public TlsRptParseException(String source, Optional<String> reportId, Optional<String> path, String reason,
                                Optional<Throwable> cause) {
        super(message(Objects.requireNonNull(source, "source"), Objects.requireNonNull(reportId, "reportId"),
                Objects.requireNonNull(path, "path"), Objects.requireNonNull(reason, "reason")),
                Objects.requireNonNull(cause, "cause").orElse(null));
        this.source = source;
        this.reportId = reportId.orElse(null);
        this.path = path.orElse(null);
        this.reason = reason;
    }

    private static String message(String source, Optional<String> reportId, Optional<String> path, String reason) {
        StringBuilder b = new StringBuilder(source);
        reportId.ifPresent(id -> b.append(" (report-id ").append(id).append(')'));
        b.append(": ");
        path.ifPresent(p -> b.append(p).append(": "));
        return b.append(reason).toString();
    }

    /** @return what was read: a file name, or an attachment of an e-mail ({@code mail.eml > report.json.gz}) */
    public String source() {
        return source;
    }

    /** @return the report's {@code report-id}, when it was read before the fault */
    public Optional<String> reportId() {
        return Optional.ofNullable(reportId);
    }

    /** @return the JSON path of the field at fault, such as {@code $.policies[0].policy.policy-type} */
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    /** @return what is wrong, without the source, report id and path */
    public String reason() {
        return reason;
    }

    /**
     * @param newSource the source to name instead, such as the attachment inside an e-mail
     * @return this fault, naming {@code newSource}
     */
    TlsRptParseException withSource(String newSource) {
        return new TlsRptParseException(newSource, reportId(), path(), reason, Optional.ofNullable(getCause()));
    }
}
