package dev.mtasts.validate;

import java.util.Objects;

/**
 * Deep diagnostics: what the RFC allows but a class of real senders (SenderClass) ignores or rejects. (Scaffold.)
 */
final class InteropCheck {

    private final PolicyNames names;
    private final FindingList findings;

    InteropCheck(PolicyNames names, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    void check(DiagnosticInput input) {
        Objects.requireNonNull(input, "input");
    }
}
