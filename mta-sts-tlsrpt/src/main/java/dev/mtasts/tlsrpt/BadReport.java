package dev.mtasts.tlsrpt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file {@link TlsRptReports#read(Path...)} could not use, and why: not a report, malformed, too large, or not
 * readable. An immutable value.
 *
 * <pre>{@code
 * BadReport bad = new BadReport(Path.of("reports/broken.json"), "$.report-id: missing: the field is required");
 * System.out.println(bad); // reports/broken.json: $.report-id: missing: the field is required
 * }</pre>
 *
 * @param path   the file
 * @param reason what is wrong: the attachment (for an e-mail), the report id when known, the JSON path of the field
 *               at fault and the reason, as {@link TlsRptParseException} has them
 * @since 0.1.0
 */
public record BadReport(Path path, String reason) {

    /** Validates the components. */
    public BadReport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return {@code path: reason} */
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
