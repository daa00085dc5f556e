package dev.mtasts.policy;

import dev.mtasts.Problem;
import dev.mtasts.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PolicyParser#lenient()} made of a policy file: the policy when it is valid, the best reading of
 * each field even when it is not, and every {@link Problem}.
 *
 * <p>{@link #policy()} is present exactly when no problem has severity {@code ERROR}. The field readings
 * ({@link #mode()}, {@link #maxAge()}, {@link #mx()}) hold the first well-formed value of each field, so a
 * report can still say, for a policy with a broken {@code max_age}, which MX hosts it would cover.
 *
 * <pre>{@code
 * PolicyParseResult r = PolicyParser.lenient().parse(text);
 * if (r.isValid()) {
 *     System.out.println(r.policy().orElseThrow().mode());
 * }
 * r.problems().forEach(System.out::println);   // "ERROR POLICY_BLANK_LINE line 3, column 1: ..."
 * }</pre>
 *
 * @param policy   the policy, present when there is no error
 * @param version  the first well-formed {@code version} value
 * @param mode     the first well-formed {@code mode} value
 * @param mx       every well-formed {@code mx} pattern, in order
 * @param maxAge   the first well-formed, in-range {@code max_age} value
 * @param problems every problem, in order of position
 * @since 0.1.0
 */
public record PolicyParseResult(Optional<MtaStsPolicy> policy, Optional<String> version, Optional<PolicyMode> mode,
                                List<MxPattern> mx, Optional<Duration> maxAge, List<Problem> problems) {

    /** Validates and copies the components. */
    public PolicyParseResult {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(mx, "mx");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(problems, "problems");
        mx = List.copyOf(mx);
        problems = List.copyOf(problems);
    }

    /** @return true when the policy is valid (no {@code ERROR} problem) */
    public boolean isValid() {
        return policy.isPresent();
    }

    /** @return the problems of severity {@code ERROR} */
    public List<Problem> errors() {
        return ofSeverity(Severity.ERROR);
    }

    /** @return the problems of severity {@code WARNING} */
    public List<Problem> warnings() {
        return ofSeverity(Severity.WARNING);
    }

    /**
     * @param severity a severity
     * @return the problems of that severity, in order
     */
    public List<Problem> ofSeverity(Severity severity) {
        Objects.requireNonNull(severity, "severity");
        return problems.stream().filter(p -> p.severity() == severity).toList();
    }
}
