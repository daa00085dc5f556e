package dev.mtasts.record;

import dev.mtasts.ParserContract;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * The record parsers' contract ({@link ParserContract#stsRecord}, {@link ParserContract#tlsRptRecord}) over arbitrary
 * input, 10 000 tries each (issue 16): {@link StsRecord#parse} and {@link TlsRptRecord#parse} throw nothing but
 * {@link RecordParseException}; their {@code lenient()} forms throw nothing at all; for any string, and for any bytes
 * decoded as UTF-8 and as ISO-8859-1 (a TXT record is bytes; a resolver may hand them on either way).
 */
class RecordParserPropertiesTest {

    @Property(tries = 10_000)
    void anyStringKeepsTheContract(@ForAll String text) {
        ParserContract.stsRecord(text);
        ParserContract.tlsRptRecord(text);
    }

    @Property(tries = 10_000)
    void anyRecordShapedStringKeepsTheContract(@ForAll("recordShaped") String text) {
        ParserContract.stsRecord(text);
        ParserContract.tlsRptRecord(text);
    }

    @Property(tries = 10_000)
    void anyBytesDecodedAsUtf8AndLatin1KeepTheContract(@ForAll @Size(max = 300) byte[] bytes) {
        for (String text : new String[] {new String(bytes, StandardCharsets.UTF_8),
                new String(bytes, StandardCharsets.ISO_8859_1)}) {
            ParserContract.stsRecord(text);
            ParserContract.tlsRptRecord(text);
        }
    }

    /** Records built from the grammar's own pieces, both versions, so that the tries reach the field readers. */
    @Provide
    Arbitrary<String> recordShaped() {
        Arbitrary<String> head = Arbitraries.of("v=STSv1", "v=TLSRPTv1", "v=STSv1;", "v=TLSRPTv1;", "V=STSv1",
                "v=STSv10", " v=STSv1", "");
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("; id=20260101T000000", "; id=a", "; id=", "; rua=mailto:tls@example.com",
                        "; rua=https://r.example.com/tls", "; rua=mailto:a@b.c,https://x.example/",
                        "; x-ext=1", "; ID=1")),
                Tuple.of(4, Arbitraries.of(";", "; ", " ;", "=", "==", "id", "rua", "v", ",", ", ", "!", "%21",
                        "mailto:", "https://", "https://[::1]/", "https://a:99999/", "mailto:@", "mailto:a@[1.2.3.4]",
                        "@", "?", "#", "%", "[", "]", ":", "a".repeat(33), "0123456789abcdef0123456789abcdef0")),
                Tuple.of(3, Arbitraries.of(" ", "\t", "\u0000", "\r\n", "\u007f", "\u00a0", "\u00e9", "\ud800",
                        "\ufeff", "\u0085")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(8)));
        return head.flatMap(h -> token.list().ofMaxSize(25).map(l -> h + String.join("", l)));
    }
}
