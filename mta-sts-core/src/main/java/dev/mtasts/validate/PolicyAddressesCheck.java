package dev.mtasts.validate;

import java.util.Objects;

/**
 * Deep diagnostics: the policy fetched from each address of the policy host, compared (status, body digest, certificate). (Scaffold.)
 */
final class PolicyAddressesCheck {

    private final PolicyNames names;
    private final FindingList findings;

    PolicyAddressesCheck(PolicyNames names, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    void check(DiagnosticInput input) {
        Objects.requireNonNull(input, "input");
    }
}
