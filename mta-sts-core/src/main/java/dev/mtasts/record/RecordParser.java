package dev.mtasts.record;

import java.util.Objects;
import java.util.function.Function;

/**
 * The lenient reader of one kind of TXT record: {@link StsRecord#lenient()} for {@code _mta-sts}, and
 * {@link TlsRptRecord#lenient()} for {@code _smtp._tls}. {@link #parse(String)} never throws for any text: it returns
 * the record when it is valid and every {@link dev.mtasts.Problem} found. The throwing path is
 * {@link StsRecord#parse(String)} / {@link TlsRptRecord#parse(String)}, which read the same way and reject exactly
 * the results that hold an {@code ERROR}.
 *
 * <p>Immutable and thread-safe: each record type has one shared instance.
 *
 * <pre>{@code
 * RecordParseResult<StsRecord> r = StsRecord.lenient().parse("v=STSv1; id=abc; id=def");
 * r.record();     // Optional[StsRecord[version=STSv1, id=abc, extensions=[]]]
 * r.problems();   // [WARNING RECORD_FIELD_DUPLICATE line 1, column 18: field 'id' appears again; ...]
 * }</pre>
 *
 * @param <T> {@link StsRecord} or {@link TlsRptRecord}
 * @since 0.1.0
 */
public final class RecordParser<T> {

    private final String versionField;
    private final Function<String, RecordParseResult<T>> reader;

    /**
     * @param versionField the version field the records begin with, {@code v=STSv1} or {@code v=TLSRPTv1}
     * @param reader       reads one record, never throwing
     */
    RecordParser(String versionField, Function<String, RecordParseResult<T>> reader) {
        this.versionField = versionField;
        this.reader = reader;
    }

    /**
     * Parses one record. Never throws for any text.
     *
     * @param text the record, its character-strings joined without spaces (RFC 8461 §3.1 A13, RFC 8460 §3 G7)
     * @return the record when there is no {@code ERROR} problem, and every problem
     */
    public RecordParseResult<T> parse(String text) {
        Objects.requireNonNull(text, "text");
        return reader.apply(text);
    }

    /** @return the version field the records begin with, {@code v=STSv1} or {@code v=TLSRPTv1} */
    String versionField() {
        return versionField;
    }

    @Override
    public String toString() {
        return "RecordParser[" + versionField + "]";
    }
}
