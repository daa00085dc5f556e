package dev.mtasts.record;

import java.net.URI;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of valid TXT records and of hostile TXT text. */
final class RecordGenerators {

    private RecordGenerators() {
    }

    static Arbitrary<String> stsId() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(32);
    }

    static Arbitrary<RecordExtension> extension(String... reserved) {
        Arbitrary<String> first = Arbitraries.strings().alpha().numeric().ofLength(1);
        Arbitrary<String> rest = Arbitraries.strings().alpha().numeric().withChars('_', '-', '.').ofMaxLength(31);
        Arbitrary<String> name = Combinators.combine(first, rest).as(String::concat)
                .filter(n -> !List.of(reserved).contains(n));
        Arbitrary<String> value = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(20)
                .filter(v -> v.indexOf(';') < 0 && v.indexOf('=') < 0);
        return Combinators.combine(name, value).as(RecordExtension::new);
    }

    static Arbitrary<StsRecord> stsRecord() {
        return Combinators.combine(stsId(), extension("id", "v").list().ofMaxSize(3)
                        .uniqueElements(RecordExtension::name))
                .as((id, ext) -> new StsRecord(StsRecord.VERSION_STSV1, id, ext));
    }

    static Arbitrary<URI> rua() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(8);
        Arbitrary<URI> mailto = Combinators.combine(word, word, word)
                .as((l, d, t) -> URI.create("mailto:" + l + "@" + d + "." + t));
        Arbitrary<URI> https = Combinators.combine(word, word, word)
                .as((h, t, p) -> URI.create("https://" + h + "." + t + "/" + p + "?x=%21%2C%3B"));
        return Arbitraries.oneOf(mailto, https);
    }

    static Arbitrary<TlsRptRecord> tlsRptRecord() {
        return Combinators.combine(rua().list().ofMinSize(1).ofMaxSize(3), extension("rua", "v").list().ofMaxSize(3)
                        .uniqueElements(RecordExtension::name))
                .as((rua, ext) -> new TlsRptRecord(TlsRptRecord.VERSION_TLSRPTV1, rua, ext));
    }

    /** Record-like text: real and broken versions, delimiters, fields, hostile characters. */
    static Arbitrary<String> recordLike() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("v=STSv1", "v=TLSRPTv1", "v=STSv10", "V=STSv1", ";", " ; ", " ", "\t", "id=", "id=1",
                        "rua=", "rua=mailto:a@b.c", ",", " , ", "mailto:", "https://", "=", "x=y", "!", "%", "%2",
                        "\u0000", "\u00e9", "\ud800", "\udc00", "id", "rua=https:///", "rua=mailto:@"),
                Arbitraries.strings().ofMaxLength(6));
        return piece.list().ofMaxSize(10).map(l -> String.join("", l));
    }
}
