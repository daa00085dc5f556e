package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.report.FindingCode;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.MxAnswer;
import java.util.Objects;

/**
 * Whether the domain exists at all: an NXDOMAIN answer to its MX look-up (a typo, an unregistered or undelegated
 * domain) means no mail can be delivered to it and nothing below it exists (RFC 8020), so the report says that
 * once, as an {@code ERROR} of its own, in place of a "missing record" per layer.
 */
final class DomainCheck {

    private DomainCheck() {
    }

    /** @return true unless the MX look-up answered NXDOMAIN; adds {@code DOMAIN_NOT_FOUND} when it did */
    static boolean exists(PolicyNames names, MxAnswer mx, FindingList findings) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(mx, "mx");
        Objects.requireNonNull(findings, "findings");
        if (mx.outcome() != DnsOutcome.NXDOMAIN) {
            return true;
        }
        findings.add(FindingCode.DOMAIN_NOT_FOUND, Severity.ERROR, names.mxSubject(), "The domain " + names.domain()
                        + " does not exist: its MX look-up answered NXDOMAIN, so no mail can be delivered to it and no"
                        + " MTA-STS or TLS-RPT record can exist below it.",
                "Check the spelling of " + names.domain() + "; if it is the right name, check that it is registered"
                        + " and delegated to name servers that answer for it.");
        return false;
    }
}
