package dev.mtasts.record;

import dev.mtasts.Problem;
import dev.mtasts.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link RecordParser#parse(String)} made of a TXT record: the record when valid, and every problem.
 * {@link #record()} is present exactly when no problem is an {@code ERROR}.
 *
 * <pre>{@code
 * RecordParseResult<StsRecord> r = StsRecord.lenient().parse("v=STSv1; id=abc; id=def");
 * r.record();     // Optional[v=STSv1; id=abc]
 * r.problems();   // [WARNING RECORD_FIELD_DUPLICATE ...]
 * }</pre>
 *
 * @param record   the record, present when there is no error
 * @param problems every problem, in order of position
 * @param <T>      {@link StsRecord} or {@link TlsRptRecord}
 * @since 0.1.0
 */
public record RecordParseResult<T>(Optional<T> record, List<Problem> problems) {

    /** Copies the components. */
    public RecordParseResult {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(problems, "problems");
        problems = List.copyOf(problems);
    }

    /** @return true when there is no error */
    public boolean isValid() {
        return record.isPresent();
    }

    /** @return the errors, in order */
    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    /** @return the record, or a {@link RecordParseException} at the first error: the throwing parse */
    T orElseThrow() {
        if (record.isEmpty()) {
            throw new RecordParseException(errors().get(0), problems);
        }
        return record.get();
    }
}
