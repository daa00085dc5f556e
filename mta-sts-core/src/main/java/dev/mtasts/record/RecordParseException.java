package dev.mtasts.record;

import dev.mtasts.Problem;
import dev.mtasts.SyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * A TXT record ({@code _mta-sts} or {@code _smtp._tls}) that its RFC makes invalid. Carries the first error
 * ({@link #problem()}: code, column, reason) and every problem found.
 *
 * <pre>{@code
 * try {
 *     StsRecord.parse("v=STSv1; id=2026-01-01");
 * } catch (RecordParseException e) {
 *     e.problem().code();   // STS_ID_INVALID
 *     e.getMessage();       // "column 13: id '2026-01-01' has '-'; ..."
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RecordParseException extends SyntaxException {

    private static final long serialVersionUID = 1L;

    /**
     * @param problem  the first error
     * @param problems every problem found
     */
    public RecordParseException(Problem problem, List<Problem> problems) {
        super("column " + Objects.requireNonNull(problem, "problem").column() + ": " + problem.message(), problem,
                Objects.requireNonNull(problems, "problems"));
    }
}
