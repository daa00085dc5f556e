package dev.mtasts.validate;

import java.util.Objects;

/**
 * Deep diagnostics: the health of each TLS-RPT destination (mailto domains receive mail, https endpoints resolve and present a valid certificate). (Scaffold.)
 */
final class RuaDestinationCheck {

    private final PolicyNames names;
    private final FindingList findings;

    RuaDestinationCheck(PolicyNames names, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    void check(DiagnosticInput input) {
        Objects.requireNonNull(input, "input");
    }
}
