package dev.mtasts.policy;

import dev.mtasts.Problem;
import dev.mtasts.SyntaxException;
import java.util.List;
import java.util.Objects;

/**
 * A policy file that RFC 8461 §3.2 makes invalid. Carries the first error ({@link #problem()}, with its line,
 * column and reason) and every problem found ({@link #problems()}).
 *
 * <pre>{@code
 * try {
 *     MtaStsPolicy.parse(text);
 * } catch (PolicyParseException e) {
 *     e.line();        // 3
 *     e.getMessage();  // "line 3, column 10: max_age '86400s' is not 1-10 digits"
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PolicyParseException extends SyntaxException {

    private static final long serialVersionUID = 1L;

    /**
     * @param problem  the first error
     * @param problems every problem found
     */
    public PolicyParseException(Problem problem, List<Problem> problems) {
        super(Objects.requireNonNull(problem, "problem").describe(), problem,
                Objects.requireNonNull(problems, "problems"));
    }
}
