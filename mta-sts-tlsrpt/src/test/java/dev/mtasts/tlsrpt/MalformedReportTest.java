package dev.mtasts.tlsrpt;

import static dev.mtasts.tlsrpt.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each malformed report fails with a {@link TlsRptParseException} naming the report and the field. */
class MalformedReportTest {

    private static final String GOOD = Samples.microsoft(LocalDate.parse("2026-11-20"), 90, 10,
            Samples.failure("certificate-expired", "mx1.example.com", 10));
    private static final String ID = "133000000000020777+example.com";

    private static TlsRptParseException parseFailure(String json) {
        return catchThrowableOfType(TlsRptParseException.class,
                () -> TlsRptReportParser.defaults().parseJson(utf8(json), "report.json"));
    }

    @Test
    void badJsonNamesTheLineAndWhereTheParserWas() {
        TlsRptParseException e = parseFailure("{\"organization-name\": \"X\",\n \"date-range\": {\"start-datetime\": }");

        assertThat(e.source()).isEqualTo("report.json");
        assertThat(e.reason()).startsWith("not valid JSON").contains("line 2");
        assertThat(e.path()).contains("$.date-range.start-datetime");
    }

    @Test
    void truncatedJsonIsBadJson() {
        TlsRptParseException e = parseFailure(GOOD.substring(0, GOOD.length() / 2));

        assertThat(e.reason()).startsWith("not valid JSON");
    }

    @ParameterizedTest(name = "{0} replaced: {2}")
    @CsvSource(delimiter = '|', value = {
            "\"organization-name\": \"Microsoft Corporation\"|\"organization-name\": 42|$.organization-name|expected a string, found the number 42",
            "\"start-datetime\": \"2026-11-20T00:00:00Z\"|\"start-datetime\": 1795132800|$.date-range.start-datetime|expected a string, found the number 1795132800",
            "\"date-range\": {|\"date-range\": [], \"x\": {|$.date-range|expected an object, found an array",
            "\"total-successful-session-count\": 90|\"total-successful-session-count\": \"90\"|$.policies[0].summary.total-successful-session-count|expected a whole number, found the string \"90\"",
            "\"total-failure-session-count\": 10|\"total-failure-session-count\": 10.5|$.policies[0].summary.total-failure-session-count|expected a whole number, found the number 10.5",
            "\"failed-session-count\": 10|\"failed-session-count\": -1|$.policies[0].failure-details[0].failed-session-count|negative: -1; a session count is 0 or more",
            "\"failed-session-count\": 10|\"failed-session-count\": 99999999999999999999|$.policies[0].failure-details[0].failed-session-count|too large: 99999999999999999999",
            "\"policy-type\": \"sts\"|\"policy-type\": [\"sts\"]|$.policies[0].policy.policy-type|expected a string, found an array",
            "\"policy-domain\": \"example.com\"|\"policy-domain\": \"exa mple.com\"|$.policies[0].policy.policy-domain|not a domain name: domain name 'exa mple.com' contains whitespace at position 4",
            "\"mx-host\": [\"mx1.example.com\"|\"mx-host\": [7|$.policies[0].policy.mx-host[0]|expected a string, found the number 7",
            "\"result-type\": \"certificate-expired\"|\"result-type\": \"\"|$.policies[0].failure-details[0].result-type|empty: the field must name something",
            "\"receiving-ip\": \"192.0.2.25\"|\"receiving-ip\": {}|$.policies[0].failure-details[0].receiving-ip|expected a string, found an object",
            "\"contact-info\": \"tlsrpt-noreply@microsoft.com\"|\"contact-info\": true|$.contact-info|expected a string, found true",
            "\"policies\": [|\"policies\": {\"a\": 1}, \"x\": [|$.policies|expected an array, found an object",
    })
    void aWrongTypeNamesTheField(String original, String replacement, String path, String reason) {
        assertThat(GOOD).contains(original);
        TlsRptParseException e = parseFailure(GOOD.replace(original, replacement));

        assertThat(e.path()).contains(path);
        assertThat(e.getMessage()).isEqualTo("report.json (report-id " + ID + "): " + path + ": " + reason);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "\"organization-name\": \"Microsoft Corporation\",|$.organization-name",
            "\"report-id\": \"" + ID + "\",|$.report-id",
            ", \"end-datetime\": \"2026-11-20T23:59:59Z\"|$.date-range.end-datetime",
            "\"policy-type\": \"sts\", |$.policies[0].policy.policy-type",
            "\"policy-domain\": \"example.com\", |$.policies[0].policy.policy-domain",
            ", \"total-failure-session-count\": 10|$.policies[0].summary.total-failure-session-count",
            ", \"failed-session-count\": 10|$.policies[0].failure-details[0].failed-session-count",
    })
    void aMissingRequiredFieldIsNamed(String removed, String path) {
        String json = GOOD.replace(removed, "");
        assertThat(json).isNotEqualTo(GOOD);
        TlsRptParseException e = parseFailure(json);

        assertThat(e.path()).contains(path);
        assertThat(e.reason()).isEqualTo("missing: the field is required (RFC 8460 §4.4)");
    }

    @Test
    void aNullRequiredFieldIsNamedAsNull() {
        TlsRptParseException e = parseFailure(GOOD.replace("\"report-id\": \"" + ID + "\"", "\"report-id\": null"));

        assertThat(e.reportId()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("report.json: $.report-id: null: the field is required (RFC 8460 §4.4)");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        TlsRptParseException e = parseFailure(GOOD.replace("\"end-datetime\": \"2026-11-20T23:59:59Z\"",
                "\"end-datetime\": \"2026-11-19T23:59:59Z\""));

        assertThat(e.path()).contains("$.date-range.end-datetime");
        assertThat(e.reason()).isEqualTo("end-datetime 2026-11-19T23:59:59Z is before start-datetime 2026-11-20T00:00:00Z");
        assertThat(e.reportId()).contains(ID);
    }

    @Test
    void aRangeOfYearsIsRefused() {
        TlsRptParseException e = parseFailure(GOOD.replace("\"start-datetime\": \"2026-11-20T00:00:00Z\"",
                "\"start-datetime\": \"1970-01-01T00:00:00Z\""));

        assertThat(e.path()).contains("$.date-range");
        assertThat(e.reason()).contains("more than the 366");
    }

    @Test
    void aDateThatIsNotRfc3339IsNamed() {
        TlsRptParseException e = parseFailure(GOOD.replace("2026-11-20T00:00:00Z", "20/11/2026"));

        assertThat(e.path()).contains("$.date-range.start-datetime");
        assertThat(e.reason()).contains("not an RFC 3339 date-time").contains("20/11/2026");
    }

    @Test
    void aDuplicateFieldIsRefused() {
        TlsRptParseException e = parseFailure(GOOD.replace("\"report-id\"", "\"report-id\": \"other\", \"report-id\""));

        assertThat(e.reason()).startsWith("not valid JSON").contains("report-id");
    }

    @Test
    void trailingContentIsRefused() {
        assertThat(parseFailure(GOOD + " {}").reason()).startsWith("not valid JSON");
    }

    @Test
    void aTopLevelArrayOrScalarIsNotAReport() {
        assertThat(parseFailure("[" + GOOD + "]").getMessage())
                .isEqualTo("report.json: $: expected an object, found an array");
        assertThat(parseFailure("\"text\"").path()).contains("$");
        assertThat(parseFailure("  ").reason()).isEqualTo("is empty: no JSON value");
    }

    @Test
    void deepNestingIsRefusedByTheParserLimit() {
        String deep = "{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}";

        TlsRptParseException e = parseFailure(deep);

        assertThat(e.reason()).startsWith("exceeds a limit of the parser").contains("nesting depth");
    }

    @Test
    void aHostileReportIdIsShownCutAndWithoutControlCharacters() {
        String id = "evil\\u001b[31m" + "x".repeat(500); // JSON's escape: the id holds an ESC
        TlsRptParseException e = parseFailure(GOOD.replace(ID, id).replace("\"policy-type\": \"sts\"",
                "\"policy-type\": 1"));

        assertThat(e.reportId()).hasValueSatisfying(shown -> assertThat(shown).doesNotContain("\u001b")
                .contains("\\u001b").hasSizeLessThan(100));
    }

    @Test
    void bytesThatAreNotGzipAreNamedSo() {
        byte[] notGzip = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};

        TlsRptParseException e = catchThrowableOfType(TlsRptParseException.class,
                () -> TlsRptReportParser.defaults().parse(notGzip, "r.json.gz"));

        assertThat(e.reason()).startsWith("not valid gzip data");
    }
}
