package dev.mtasts;

import java.util.Objects;

/**
 * One defect or remark found while parsing a policy file or a TXT record: what it is ({@link #code()}),
 * how much it matters ({@link #severity()}), where it is ({@link #line()}, {@link #column()}, both
 * 1-based) and a sentence a person can act on ({@link #message()}), quoting the observed value.
 *
 * <p>An immutable value. For a TXT record, {@code line} is always 1 and {@code column} counts characters
 * of the record joined from its strings.
 *
 * <pre>{@code
 * PolicyParseResult result = PolicyParser.lenient().parse("version: STSv1\nmode: enforce\nmax_age: 86400s\n");
 * for (Problem p : result.problems()) {
 *     System.out.println(p);   // "ERROR MAX_AGE_INVALID line 3, column 10: max_age '86400s' is not 1-10 digits ..."
 * }
 * }</pre>
 *
 * @param code     the stable code, documented in the README
 * @param severity the severity, by default {@code code.severity()}
 * @param line     the 1-based line of the problem
 * @param column   the 1-based column (in characters) of the problem
 * @param message  one sentence with the observed value
 * @since 0.1.0
 */
public record Problem(ProblemCode code, Severity severity, int line, int column, String message) {

    /** Validates the components. */
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ", " + column);
        }
    }

    /**
     * A problem with the code's own severity.
     *
     * @param code    the code
     * @param line    1-based line
     * @param column  1-based column
     * @param message the sentence
     * @return the problem
     */
    public static Problem of(ProblemCode code, int line, int column, String message) {
        Objects.requireNonNull(code, "code");
        return new Problem(code, code.severity(), line, column, message);
    }

    /** @return the message with its position: {@code "line 3, column 10: max_age '86400s' is not 1-10 digits"} */
    public String describe() {
        return "line " + line + ", column " + column + ": " + message;
    }

    @Override
    public String toString() {
        return severity + " " + code + " " + describe();
    }
}
