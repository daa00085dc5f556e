package dev.mtasts.report;

import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import java.util.EnumSet;
import java.util.List;
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
 * {@link #senderClasses()} names the classes of real senders ({@link SenderClass}) that treat what the finding
 * reports otherwise than RFC 8461 senders: that ignore or reject the policy because of it, read it otherwise, or
 * accept it anyway (and so hide the problem).
 *
 * <p>An immutable value.
 *
 * <pre>{@code
 * for (Finding f : report.findings()) {
 *     System.out.printf("%s %s: %s%n  fix: %s%n", f.severity(), f.code(), f.message(), f.remediation());
 *     f.senderClasses().forEach(c -> System.out.println("  " + c.effect().words() + " " + c.title()));
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
 * @param senderClasses the classes of real senders this finding concerns, each once, in {@link SenderClass}
 *                    order; empty when it concerns none (since 0.2.0)
 * @since 0.1.0
 */
public record Finding(FindingCode code, Severity severity, Layer layer, String message, String remediation,
                      Optional<String> subject, Optional<ProblemCode> problem, List<SenderClass> senderClasses) {

    /** Validates the components, and puts the sender classes in enum order without repeats. */
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remediation, "remediation");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(problem, "problem");
        senderClasses = ordered(Objects.requireNonNull(senderClasses, "senderClasses"));
    }

    /**
     * A finding that names no sender class, as findings before 0.2.0 were made.
     *
     * @param code        the stable code
     * @param severity    how much it matters for mail today
     * @param layer       the layer that found it
     * @param message     what was observed
     * @param remediation what to do about it
     * @param subject     what was looked at, when it helps
     * @param problem     the parser problem behind the finding
     */
    public Finding(FindingCode code, Severity severity, Layer layer, String message, String remediation,
                   Optional<String> subject, Optional<ProblemCode> problem) {
        this(code, severity, layer, message, remediation, subject, problem, List.of());
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
        return new Finding(code, severity, layer, message, remediation, Optional.of(what), problem, senderClasses);
    }

    /**
     * @param cause the parser problem behind this finding
     * @return this finding, naming the problem
     */
    public Finding because(ProblemCode cause) {
        Objects.requireNonNull(cause, "cause");
        return new Finding(code, severity, layer, message, remediation, subject, Optional.of(cause), senderClasses);
    }

    /**
     * @param classes the classes of real senders this finding concerns, in any order (repeats are dropped)
     * @return this finding, naming those classes and no others
     * @since 0.2.0
     */
    public Finding concerning(List<SenderClass> classes) {
        Objects.requireNonNull(classes, "classes");
        return new Finding(code, severity, layer, message, remediation, subject, problem, classes);
    }

    private static List<SenderClass> ordered(List<SenderClass> classes) {
        if (classes.isEmpty()) {
            return List.of();
        }
        classes.forEach(c -> Objects.requireNonNull(c, "senderClasses element"));
        return List.copyOf(EnumSet.copyOf(classes));
    }

    /** @return {@code "ERROR POLICY_HTTP_STATUS: ..."} */
    @Override
    public String toString() {
        return severity + " " + code + ": " + message;
    }
}
