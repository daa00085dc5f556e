package dev.mtasts.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever the bytes, the parser returns reports or throws its documented {@link TlsRptParseException}. */
class ParserPropertyTest {

    private static final byte[] GOOD = Samples.utf8(Samples.microsoft(LocalDate.parse("2026-11-20"), 90, 10,
            Samples.failure("certificate-expired", "mx1.example.com", 10)));
    private static final TlsRptReportParser PARSER = TlsRptReportParser.builder().maxInputBytes(64 * 1024)
            .maxInflatedBytes(64 * 1024).build();

    private static void parsesOrFailsAsDocumented(byte[] bytes) {
        try {
            List<TlsRptReport> reports = PARSER.parse(bytes, "fuzz");
            assertThat(reports).isNotEmpty();
        } catch (TlsRptParseException e) {
            assertThat(e.getMessage()).startsWith("fuzz");
            assertThat(e.reason()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void arbitraryBytes(@ForAll @Size(max = 2000) byte[] bytes) {
        parsesOrFailsAsDocumented(bytes);
    }

    @Property(tries = 300)
    void arbitraryBytesBehindAJsonOrGzipStart(@ForAll @Size(max = 500) byte[] bytes, @ForAll boolean gzip) {
        byte[] prefixed = new byte[bytes.length + 1];
        prefixed[0] = '{';
        System.arraycopy(bytes, 0, prefixed, 1, bytes.length);
        parsesOrFailsAsDocumented(gzip ? Samples.gzip(prefixed) : prefixed);
    }

    @Property(tries = 500)
    void aReportWithBytesChanged(@ForAll("mutations") List<int[]> changes, @ForAll("wrappers") int wrapper) {
        byte[] json = GOOD.clone();
        for (int[] change : changes) {
            json[change[0] % json.length] = (byte) change[1];
        }
        byte[] bytes = switch (wrapper) {
            case 0 -> json;
            case 1 -> Samples.gzip(json);
            default -> Samples.email("application/tlsrpt+json", "r.json", json);
        };
        parsesOrFailsAsDocumented(bytes);
    }

    @Property(tries = 300)
    void anEmailWithChangedBytes(@ForAll("mutations") List<int[]> changes) {
        byte[] mail = Samples.email("application/tlsrpt+gzip", "r.json.gz", Samples.gzip(GOOD));
        for (int[] change : changes) {
            mail[change[0] % mail.length] = (byte) change[1];
        }
        parsesOrFailsAsDocumented(mail);
    }

    @Property(tries = 300)
    void reportsWithValuesOfAnyJsonType(@ForAll("values") String value, @ForAll("fields") String field) {
        String json = new String(GOOD, java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(\"" + field + "\": )(\"[^\"]*\"|-?[0-9]+|\\[[^\\]]*\\])", "$1" + java.util.regex.Matcher.quoteReplacement(value));
        parsesOrFailsAsDocumented(Samples.utf8(json));
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> change = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .flatMap(at -> Arbitraries.integers().between(0, 255).map(b -> new int[] {at, b}));
        return change.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> wrappers() {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("organization-name", "start-datetime", "end-datetime", "contact-info", "report-id",
                "policy-type", "policy-string", "policy-domain", "mx-host", "total-successful-session-count",
                "total-failure-session-count", "result-type", "sending-mta-ip", "receiving-mx-hostname",
                "receiving-ip", "failed-session-count");
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "{}", "[]", "[null]", "-0", "1e400", "0.5", "\"\"", "\" \"",
                        "\"2026-13-45T99:99:99Z\"", "\"9999999-01-01T00:00:00Z\"", "18446744073709551616",
                        "\"..\"", "\"*.example.com\"", "\"\\u0000\""),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().ofMaxLength(30).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
                        + "\""));
    }
}
