package dev.mtasts.validate;

import dev.mtasts.ProblemCode;
import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Collects the findings of one validation; not thread-safe (a validation assembles its report on one thread). */
final class FindingList {

    private final List<Finding> findings = new ArrayList<>();

    /** Adds a finding in its code's own layer. */
    void add(FindingCode code, Severity severity, String subject, String message, String remediation) {
        addIn(Objects.requireNonNull(code, "code").layer(), code, severity, subject, message, remediation);
    }

    /** Adds a finding in another layer than its code's ({@code DNS_LOOKUP_FAILED} of the MX look-up, say). */
    void addIn(Layer layer, FindingCode code, Severity severity, String subject, String message, String remediation) {
        Objects.requireNonNull(subject, "subject");
        findings.add(new Finding(code, severity, layer, message, remediation, Optional.of(subject), Optional.empty()));
    }

    /** Adds a finding made from a parser problem, naming the problem. */
    void add(FindingCode code, Severity severity, String subject, String message, String remediation,
             ProblemCode cause) {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(subject, "subject");
        findings.add(Finding.of(code, severity, message, remediation).about(subject).because(cause));
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
