/**
 * The JSON form of a validation report, as API: {@link dev.mtasts.json.ReportJson} (the tree, the text and the
 * JSON Schema), {@link dev.mtasts.json.ReportJsonWriter} (compact or indented text, to a {@link java.io.Writer})
 * and {@link dev.mtasts.json.ReportJsonModule} (for an {@code ObjectMapper} of your own).
 *
 * <pre>{@code
 * ValidationReport report = MtaStsValidator.validate("example.com");
 * String json = ReportJson.toJson(report);   // {"schemaVersion":"1.3","domain":"example.com",...}
 * String schema = ReportJson.schema();       // the JSON Schema, draft 2020-12
 * }</pre>
 *
 * <p>No method of this package returns or accepts {@code null}; absent values in the JSON are absent fields.
 *
 * @since 0.1.0
 */
package dev.mtasts.json;
