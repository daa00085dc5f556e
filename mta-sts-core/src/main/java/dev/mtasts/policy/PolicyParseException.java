package dev.mtasts.policy;

import dev.mtasts.Problem;
import java.util.List;

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
public final class PolicyParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient List<Problem> problems;

    /**
     * @param problem  the first error
     * @param problems every problem found, errors and others
     */
    public PolicyParseException(Problem problem, List<Problem> problems) {
        super(problem.describe());
        this.problem = problem;
        this.problems = List.copyOf(problems);
    }

    /** @return the first error */
    public Problem problem() {
        return problem;
    }

    /** @return every problem the parser found, in order */
    public List<Problem> problems() {
        return problems;
    }

    /** @return the 1-based line of the first error */
    public int line() {
        return problem.line();
    }

    /** @return the 1-based column of the first error */
    public int column() {
        return problem.column();
    }

    /** @return the reason, without the position */
    public String reason() {
        return problem.message();
    }
}
