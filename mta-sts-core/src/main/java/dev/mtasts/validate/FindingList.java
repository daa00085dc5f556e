package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the findings of one validation; not thread-safe (a validation assembles its report on one thread). */
final class FindingList {

    private final List<Finding> findings = new ArrayList<>();

    void add(FindingCode code, Severity severity, String message, String remediation) {
        findings.add(Finding.of(code, severity, message, remediation));
    }

    void add(FindingCode code, Severity severity, String subject, String message, String remediation) {
        findings.add(Finding.of(code, severity, message, remediation).about(subject));
    }

    void addIn(Layer layer, FindingCode code, Severity severity, String subject, String message, String remediation) {
        findings.add(new Finding(code, severity, layer, message, remediation, Optional.of(subject), Optional.empty()));
    }

    /** Moves every finding of another list into this one, in order. */
    void addAll(FindingList other) {
        findings.addAll(other.findings);
    }

    /** Adds a finding made from a parser problem, naming the problem. */
    void add(FindingCode code, Severity severity, String subject, String message, String remediation,
             dev.mtasts.ProblemCode cause) {
        findings.add(Finding.of(code, severity, message, remediation).about(subject).because(cause));
    }

    boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }

    List<Finding> inLayer(Layer layer) {
        return findings.stream().filter(f -> f.layer() == layer).toList();
    }

    /** @return the findings sorted by layer, keeping the order within a layer */
    List<Finding> sorted() {
        List<Finding> out = new ArrayList<>(findings);
        out.sort((a, b) -> Integer.compare(a.layer().ordinal(), b.layer().ordinal()));
        return out;
    }
}
