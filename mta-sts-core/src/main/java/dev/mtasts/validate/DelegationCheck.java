package dev.mtasts.validate;

import java.util.Objects;

/**
 * Deep diagnostics: CNAME chains of _mta-sts and mta-sts, dangling CNAMEs, v=STSv1 at the apex, unrelated records at _mta-sts. (Scaffold.)
 */
final class DelegationCheck {

    private final PolicyNames names;
    private final FindingList findings;

    DelegationCheck(PolicyNames names, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    void check(DiagnosticInput input) {
        Objects.requireNonNull(input, "input");
    }
}
