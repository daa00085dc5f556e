package dev.mtasts.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.report.PromotionEvidence;
import dev.mtasts.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The JSON form of a {@link ValidationReport}: the one the {@code mta-sts} command line writes ({@code check --json},
 * {@code scan}) and the web endpoint serves, described by a JSON Schema (draft 2020-12) that ships with this module
 * ({@link #schema()}) and is checked in as {@code docs/validation-report.schema.json}.
 *
 * <p>The shape, in short (the schema is the full and exact description):
 * <pre>{@code
 * // not compiled: JSON, the shape of a report
 * {"schemaVersion": "1.3", "domain": "example.com", "checkedAt": "2026-11-29T12:00:00Z", "elapsed": 0.794,
 *  "verdict": "ENFORCING", "atRisk": false, "inconclusive": false,
 *  "promotion": {"status": "NOT_APPLICABLE", "blockers": [], "advice": "..."},
 *  "layers": [{"layer": "DNS_RECORD", "status": "PASS"}, ...],
 *  "findings": [{"code": "...", "severity": "WARNING", "layer": "...", "message": "...", "remediation": "...",
 *                "reference": "RFC 8461 §3.2"}],
 *  "stsRecord": "v=STSv1; id=...", "policy": {"mode": "enforce", "maxAge": 604800, "mx": ["mx1.example.com"]},
 *  "tlsRptRecord": "v=TLSRPTv1; rua=...",
 *  "mx": [{"host": "mx1.example.com", "preference": 10, "covered": true, "matchedBy": "mx1.example.com",
 *          "addressOutcome": "FOUND", "addresses": ["192.0.2.25"], "refused": [],
 *          "probe": {"result": "STARTTLS_OK", "addresses": [{"address": "192.0.2.25", "family": "IPv4",
 *                    "result": "STARTTLS_OK", "tlsVersion": "TLSv1.3", "certificates": [...], "daysLeft": 63, ...}],
 *                    "differing": []},
 *          "dane": {"status": "NONE", "authenticated": false, "records": [], "matched": [], ...}}],
 *  "dns": [{"purpose": "STS_RECORD", "name": "_mta-sts.example.com", "type": "TXT", "outcome": "FOUND", "ttl": 300,
 *           "records": [{"type": "TXT", "value": "v=STSv1; id=...", "strings": ["v=STSv1; id=..."]}], ...}, ...],
 *  "refusedAddresses": [], "fetch": {"outcome": "OK", "status": 200, ...}, "remediation": {}}
 * }</pre>
 * Its rules: a value that does not apply is an absent field, never {@code null}; a list is always present, possibly
 * empty; every duration is in seconds; enum values (verdict, finding code, ...) are written by name.
 * {@link #SCHEMA_VERSION} changes its minor number when fields are added and its major number when a field
 * changes meaning or shape or goes away.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * ValidationReport report = MtaStsValidator.validate("example.com");
 * Writer out = new StringWriter();
 * String line = ReportJson.toJson(report);                         // compact, one line
 * ReportJson.writer().pretty(true).build().write(report, out);      // indented, for people
 * ObjectNode tree = ReportJson.toTree(report);                      // to add to, or to read
 * tree.get("verdict").asText();                                     // "ENFORCING"
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ReportJson {

    /**
     * The version of the JSON shape, written first in every report as {@code "schemaVersion"}: {@value}.
     * The schema of this version is {@link #schema()}.
     */
    public static final String SCHEMA_VERSION = "1.3";

    /** Where {@link #schema()} is read from, on the class path of this module: {@value}. */
    public static final String SCHEMA_RESOURCE = "/dev/mtasts/json/validation-report.schema.json";

    private ReportJson() {
    }

    /**
     * @param report a report
     * @return its JSON tree: a new tree each call, the caller's to read or to add to
     */
    public static ObjectNode toTree(ValidationReport report) {
        return ReportTree.of(Objects.requireNonNull(report, "report"));
    }

    /**
     * The JSON tree of TLS-RPT evidence, exactly as a report's {@code promotion.evidence} has it (the schema's
     * {@code /properties/promotion/properties/evidence}), for programs that show evidence outside a report, such as
     * {@code mta-sts reports --json}.
     *
     * @param evidence the evidence
     * @return its JSON tree: a new tree each call
     * @since 0.1.0
     */
    public static ObjectNode toTree(PromotionEvidence evidence) {
        return ReportTree.evidence(Objects.requireNonNull(evidence, "evidence"));
    }

    /**
     * @param report a report
     * @return its JSON text, compact, on one line
     */
    public static String toJson(ValidationReport report) {
        return ReportJsonWriter.COMPACT.toJson(report);
    }

    /**
     * Writes the compact JSON text of a report.
     *
     * @param report a report
     * @param out    where to write; flushed, not closed
     * @throws IOException when {@code out} fails
     */
    public static void write(ValidationReport report, Writer out) throws IOException {
        ReportJsonWriter.COMPACT.write(report, out);
    }

    /**
     * A builder of writers, for indented output.
     *
     * <pre>{@code
     * ReportJsonWriter pretty = ReportJson.writer().pretty(true).build();
     * }</pre>
     *
     * @return a new builder; {@code build()} without settings gives the compact writer
     */
    public static ReportJsonWriter.Builder writer() {
        return new ReportJsonWriter.Builder();
    }

    /**
     * The JSON Schema (draft 2020-12) of the reports this version writes, as text. It is
     * {@code docs/validation-report.schema.json} of the repository, bundled at {@link #SCHEMA_RESOURCE}.
     *
     * @return the schema text (UTF-8 decoded)
     */
    public static String schema() {
        return SchemaText.TEXT;
    }

    /** Reads the bundled schema once, when first asked for. */
    private static final class SchemaText {
        static final String TEXT = read();

        private static String read() {
            try (InputStream in = ReportJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
            }
        }
    }
}
