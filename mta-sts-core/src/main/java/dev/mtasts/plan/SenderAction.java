package dev.mtasts.plan;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyMode;
import java.util.Objects;

/**
 * What a sender that follows RFC 8461 does with mail for one MX host under one policy (§5): deliver, deliver and
 * report the host through TLS-RPT, or refuse it.
 *
 * <pre>{@code
 * MtaStsPolicy cached = MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: mx1.example.com\nmax_age: 604800\n");
 * SenderAction.under(cached, DomainName.of("mx1.example.com"));   // DELIVER
 * SenderAction.under(cached, DomainName.of("mx2.example.com"));   // REFUSE
 * SenderAction.under(cached.withMode(PolicyMode.TESTING), DomainName.of("mx2.example.com"));   // REPORT
 * }</pre>
 *
 * <p>Only the {@code mx} match counts here; the certificate and STARTTLS checks of §4.2 are the report's.
 *
 * @since 0.2.0
 */
public enum SenderAction {
    /** Delivers as usual: the policy lists the host, or is in mode {@code none}. */
    DELIVER,
    /** Delivers anyway and reports the host as a policy failure through TLS-RPT: mode {@code testing}. */
    REPORT,
    /**
     * Refuses the host: mode {@code enforce}. The mail waits in the sender's queue and bounces when the retries run
     * out, unless another MX host of the domain is listed.
     */
    REFUSE;

    /**
     * @param policy the policy the sender applies
     * @param host   an MX host
     * @return what the sender does with mail for the host
     */
    public static SenderAction under(MtaStsPolicy policy, DomainName host) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(host, "host");
        if (policy.mode() == PolicyMode.NONE || policy.matches(host)) {
            return DELIVER;
        }
        return policy.mode() == PolicyMode.ENFORCE ? REFUSE : REPORT;
    }
}
