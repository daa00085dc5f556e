package dev.mtasts.validate;

import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.SenderClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Collects the findings of one validation; not thread-safe (a validation assembles its report on one thread).
 *
 * <p>This is the one place where a finding gets the classes of real senders it concerns: every finding added names
 * {@link SenderClass#of(FindingCode, Optional, Severity) the classes of its code, problem and severity}, and an
 * {@link FindingCode#INTEROP_RISK} names the classes its check gives as well.
 */
final class FindingList {

    private final List<Finding> findings = new ArrayList<>();

    /** Adds a finding in its code's own layer. */
    void add(FindingCode code, Severity severity, String subject, String message, String remediation) {
        addIn(Objects.requireNonNull(code, "code").layer(), code, severity, subject, message, remediation);
    }

    /** Adds a finding in another layer than its code's ({@code DNS_LOOKUP_FAILED} of the MX look-up, say). */
    void addIn(Layer layer, FindingCode code, Severity severity, String subject, String message, String remediation) {
        Objects.requireNonNull(subject, "subject");
        keep(new Finding(code, severity, layer, message, remediation, Optional.of(subject), Optional.empty()),
                List.of());
    }

    /** Adds a finding made from a parser problem, naming the problem. */
    void add(FindingCode code, Severity severity, String subject, String message, String remediation,
             ProblemCode cause) {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(subject, "subject");
        keep(Finding.of(code, severity, message, remediation).about(subject).because(cause), List.of());
    }

    /**
     * Adds an {@link FindingCode#INTEROP_RISK} {@code WARNING}: the RFC allows it, the classes reject it.
     *
     * @param layer   the layer of what triggers it
     * @param classes the classes of real senders that ignore or reject the policy because of it, at least one
     */
    void addInteropRisk(Layer layer, List<SenderClass> classes, String subject, String message, String remediation) {
        addInteropRisk(Severity.WARNING, layer, classes, subject, message, remediation);
    }

    /** As {@link #addInteropRisk(Layer, List, String, String, String)}, with a severity below the usual WARNING. */
    void addInteropRisk(Severity severity, Layer layer, List<SenderClass> classes, String subject, String message,
                        String remediation) {
        Objects.requireNonNull(severity, "severity");
        if (severity == Severity.ERROR) {
            throw new IllegalArgumentException("an interoperability risk is what RFC senders accept: never an ERROR");
        }
        Objects.requireNonNull(classes, "classes");
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("an interoperability risk names at least one class of senders");
        }
        Objects.requireNonNull(subject, "subject");
        keep(new Finding(FindingCode.INTEROP_RISK, severity, layer, message, remediation,
                Optional.of(subject), Optional.empty()), classes);
    }

    private void keep(Finding finding, List<SenderClass> named) {
        List<SenderClass> classes = new ArrayList<>(SenderClass.of(finding.code(), finding.problem(),
                finding.severity()));
        classes.addAll(named);
        findings.add(classes.isEmpty() ? finding : finding.concerning(classes));
    }

    /** Moves every finding of another list into this one, in order. */
    void addAll(FindingList other) {
        findings.addAll(Objects.requireNonNull(other, "other").findings);
    }

    boolean has(FindingCode code) {
        Objects.requireNonNull(code, "code");
        return findings.stream().anyMatch(f -> f.code() == code);
    }

    /** @return the findings sorted by layer, keeping the order within a layer */
    List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparingInt(f -> f.layer().ordinal()));
        return List.copyOf(out);
    }
}
