package dev.mtasts.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mtasts.Problem;
import dev.mtasts.ProblemCode;
import java.net.URI;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TlsRptRecordTest {

    @Test
    void parseKeepsUrisAsWrittenInOrder() {
        TlsRptRecord record = TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:tls%21x@example.com , https://r.example/a%2Cb");

        assertThat(record.rua()).extracting(URI::toString)
                .containsExactly("mailto:tls%21x@example.com", "https://r.example/a%2Cb");
    }

    @Test
    void repeatedRuaJoinsTheUris() {
        RecordParseResult<TlsRptRecord> result = TlsRptRecord.lenient().parse(
                "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com");

        assertThat(result.record().orElseThrow().rua()).extracting(URI::toString)
                .containsExactly("mailto:a@example.com", "mailto:b@example.com");
        assertThat(result.problems()).extracting(Problem::code).containsExactly(ProblemCode.RECORD_FIELD_DUPLICATE);
    }

    @Test
    void literalBangIsRejectedAskingForPercent21() {
        assertThatThrownBy(() -> TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a!b@example.com"))
                .isInstanceOfSatisfying(RecordParseException.class,
                        e -> assertThat(e.problem().code()).isEqualTo(ProblemCode.TLSRPT_RUA_UNENCODED))
                .hasMessageContaining("%21").hasMessageContaining("'mailto:a!b@example.com'");
    }

    @Test
    void unusableSchemeBesideAMailtoIsAWarning() {
        RecordParseResult<TlsRptRecord> result = TlsRptRecord.lenient().parse(
                "v=TLSRPTv1; rua=http://r.example/x,mailto:a@example.com");

        assertThat(result.isValid()).isTrue();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.TLSRPT_RUA_UNSUPPORTED_SCHEME);
            assertThat(p.column()).isEqualTo(17);
        });
    }

    @Test
    void httpsHostThatJavaNetUriCallsRegistryBasedIsStillAHost() {
        assertThat(TlsRptRecord.parse("v=TLSRPTv1; rua=https://tls_rpt.example.com/x").rua()).hasSize(1);
        assertThat(TlsRptRecord.parse("v=TLSRPTv1; rua=https://user@r.7z:8443/x").rua()).hasSize(1);
        assertThatThrownBy(() -> TlsRptRecord.parse("v=TLSRPTv1; rua=https://user@:8443/x"))
                .hasMessageContaining("no host");
    }

    @Test
    void toTextWritesTheCanonicalForm() {
        TlsRptRecord record = TlsRptRecord.of(URI.create("mailto:a@example.com"), URI.create("https://r.example/x"));

        assertThat(record.toText()).isEqualTo("v=TLSRPTv1; rua=mailto:a@example.com,https://r.example/x");
    }

    @Test
    void constructorNeedsAUsableUri() {
        assertThatThrownBy(() -> TlsRptRecord.of()).hasMessageContaining("at least one");
        assertThatThrownBy(() -> TlsRptRecord.of(URI.create("ftp://r.example/x")))
                .hasMessageContaining("mailto: or https:");
    }

    @Test
    void constructorRejectsRepeatedExtensionNames() {
        assertThatThrownBy(() -> new TlsRptRecord("TLSRPTv1", List.of(URI.create("mailto:a@example.com")),
                List.of(new RecordExtension("x", "1"), new RecordExtension("x", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
    }

    @Test
    void isUsableAcceptsMailtoAndHttpsInAnyCase() {
        assertThat(TlsRptRecord.isUsable(URI.create("MAILTO:a@example.com"))).isTrue();
        assertThat(TlsRptRecord.isUsable(URI.create("https://r.example/"))).isTrue();
        assertThat(TlsRptRecord.isUsable(URI.create("http://r.example/"))).isFalse();
        assertThat(TlsRptRecord.isUsable(URI.create("/relative"))).isFalse();
    }

    @Test
    void lenientParserIsOneSharedValueAndNullIsRefused() {
        assertThat(TlsRptRecord.lenient()).isSameAs(TlsRptRecord.lenient());
        assertThat(TlsRptRecord.lenient().parse("").problems()).extracting(Problem::code)
                .containsExactly(ProblemCode.RECORD_VERSION_INVALID);
        assertThatNullPointerException().isThrownBy(() -> TlsRptRecord.lenient().parse(null)).withMessage("text");
        assertThatNullPointerException().isThrownBy(() -> TlsRptRecord.parse(null)).withMessage("text");
        assertThatNullPointerException().isThrownBy(() -> TlsRptRecord.select(null)).withMessage("txtRecords");
        assertThatNullPointerException().isThrownBy(() -> TlsRptRecord.isUsable(null)).withMessage("uri");
        assertThatNullPointerException().isThrownBy(() -> TlsRptRecord.of((URI[]) null)).withMessage("rua");
    }

    @Property(tries = 300)
    void throwingParseThrowsExactlyWhenLenientHasAnError(@ForAll("recordLike") String text) {
        RecordParseResult<TlsRptRecord> lenient = TlsRptRecord.lenient().parse(text);
        if (lenient.isValid()) {
            assertThat(TlsRptRecord.parse(text)).isEqualTo(lenient.record().orElseThrow());
        } else {
            assertThatThrownBy(() -> TlsRptRecord.parse(text)).isInstanceOfSatisfying(RecordParseException.class,
                    e -> assertThat(e.problem()).isEqualTo(lenient.errors().get(0)));
        }
    }

    @Property(tries = 500)
    void parseOfToTextGivesAnEqualRecord(@ForAll("records") TlsRptRecord record) {
        assertThat(TlsRptRecord.parse(record.toText())).isEqualTo(record);
    }

    @Property(tries = 1000)
    void lenientParseNeverThrows(@ForAll("recordLike") String text) {
        RecordParseResult<TlsRptRecord> result = TlsRptRecord.lenient().parse(text);
        assertThat(result.isValid()).isEqualTo(result.errors().isEmpty());
        result.record().ifPresent(r -> assertThat(TlsRptRecord.parse(r.toText())).isEqualTo(r));
    }

    @Property(tries = 500)
    void lenientParseNeverThrowsForAnyString(@ForAll String text) {
        RecordParseResult<TlsRptRecord> result = TlsRptRecord.lenient().parse("v=TLSRPTv1; rua=" + text);
        assertThat(result.isValid()).isEqualTo(result.errors().isEmpty());
        assertThat(TlsRptRecord.lenient().parse(text).isValid()).isEqualTo(TlsRptRecord.lenient().parse(text).errors().isEmpty());
    }

    @Provide
    Arbitrary<TlsRptRecord> records() {
        return RecordGenerators.tlsRptRecord();
    }

    @Provide
    Arbitrary<String> recordLike() {
        return RecordGenerators.recordLike();
    }
}
