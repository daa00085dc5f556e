package dev.mtasts.report;

import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import java.util.Objects;
import java.util.Optional;

/**
 * One observation of a validation: what is wrong or worth knowing, where, and how to fix it.
 *
 * <p>{@link #code()} is stable and documented; {@link #severity()} says what happens to mail today and can differ
 * by mode for the same code (an MX outside the policy is an {@code ERROR} in {@code enforce}, a {@code WARNING} in
 * {@code testing}); {@link #message()} is one sentence with the observed values; {@link #remediation()} is the fix.
 * {@link #subject()} names what was looked at ({@code dns:_mta-sts.example.com TXT},
 * {@code https://mta-sts.example.com/.well-known/mta-sts.txt}, {@code policy line 3}, {@code mx mx2.example.com}).
 *
 * <pre>{@code
 * for (Finding f : report.findings()) {
 *     System.out.printf("%s %s: %s%n  fix: %s%n", f.severity(), f.code(), f.message(), f.remediation());
 * }
 * }</pre>
 *
 * @param code        the stable code
 * @param severity    how much it matters for mail today
 * @param layer       the layer that found it
 * @param message     what was observed
 * @param remediation what to do about it
 * @param subject     what was looked at, when it helps
 * @param problem     the parser problem behind the finding, for findings made from a policy or record
 *                    {@link dev.mtasts.Problem} ({@code POLICY_SYNTAX} from a {@code POLICY_BLANK_LINE},
 *                    {@code POLICY_NOTE} from an {@code EXTENSION_UNKNOWN})
 * @since 0.1.0
 */
public record Finding(FindingCode code, Severity severity, Layer layer, String message, String remediation,
                      Optional<String> subject, Optional<ProblemCode> problem) {

    /** Validates the components. */
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remediation, "remediation");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * A finding in the code's own layer.
     *
     * @param code        the code
     * @param severity    the severity
     * @param message     what was observed
     * @param remediation what to do
     * @return the finding
     */
    public static Finding of(FindingCode code, Severity severity, String message, String remediation) {
        Objects.requireNonNull(code, "code");
        return new Finding(code, severity, code.layer(), message, remediation, Optional.empty(), Optional.empty());
    }

    /**
     * @param what what was looked at
     * @return this finding with a subject
     */
    public Finding about(String what) {
        Objects.requireNonNull(what, "what");
        return new Finding(code, severity, layer, message, remediation, Optional.of(what), problem);
    }

    /**
     * @param cause the parser problem behind this finding
     * @return this finding, naming the problem
     */
    public Finding because(ProblemCode cause) {
        Objects.requireNonNull(cause, "cause");
        return new Finding(code, severity, layer, message, remediation, subject, Optional.of(cause));
    }

    /** @return {@code "ERROR POLICY_HTTP_STATUS: ..."} */
    @Override
    public String toString() {
        return severity + " " + code + ": " + message;
    }
}
