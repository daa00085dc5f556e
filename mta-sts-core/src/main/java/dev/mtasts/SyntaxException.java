package dev.mtasts;

import java.util.List;

/**
 * Text that its RFC makes invalid: a policy file ({@link dev.mtasts.policy.PolicyParseException}) or a TXT record
 * ({@link dev.mtasts.record.RecordParseException}). Carries the first error ({@link #problem()}, with its line,
 * column and reason) and every problem found ({@link #problems()}), so one {@code catch} serves both.
 *
 * <pre>{@code
 * try {
 *     StsRecord.parse("v=STSv1; id=20260101T000000");
 *     MtaStsPolicy.parse(text);
 * } catch (SyntaxException e) {
 *     System.out.println(e.problem().code() + " at line " + e.line() + ", column " + e.column() + ": " + e.reason());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public abstract class SyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient List<Problem> problems;

    /**
     * @param message  the message, with the position
     * @param problem  the first error
     * @param problems every problem found
     */
    protected SyntaxException(String message, Problem problem, List<Problem> problems) {
        super(message);
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

    /** @return the 1-based line of the first error (always 1 for a TXT record) */
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
