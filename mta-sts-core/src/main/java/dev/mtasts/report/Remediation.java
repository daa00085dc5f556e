package dev.mtasts.report;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The exact text to publish to fix the deployment, or to take the next step.
 *
 * <ul>
 *   <li>{@link #stsRecord()}: the {@code _mta-sts.<domain>} TXT record, with a fresh {@code id} (a UTC timestamp);
 *       present whenever the record or the policy must change (a changed policy needs a new id).</li>
 *   <li>{@link #policy()}: the policy file for {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}, listing every
 *       MX host found and keeping working patterns, in the current mode (testing when there is none).</li>
 *   <li>{@link #tlsRptRecord()}: the {@code _smtp._tls.<domain>} TXT record, when it is missing or invalid (and its
 *       look-up did not fail: a second record would make both count for nothing).</li>
 *   <li>{@link #enforcePolicy()}: the {@code mode: enforce} version of the policy, for the promotion, and
 *       {@link #enforceStsRecord()}: the {@code _mta-sts} record with a fresh id to publish with it.</li>
 * </ul>
 *
 * <pre>{@code
 * Remediation fix = report.remediation();
 * fix.policy().ifPresent(text -> System.out.println("serve as mta-sts.txt (text/plain):\n" + text));
 * fix.stsRecord().ifPresent(txt -> System.out.println("_mta-sts." + report.domain() + " TXT \"" + txt + "\""));
 * fix.tlsRptRecord().ifPresent(txt -> System.out.println("_smtp._tls." + report.domain() + " TXT \"" + txt + "\""));
 * }</pre>
 *
 * <p>Nothing is proposed for a name that cannot exist (a domain of 243 characters or more has no room for
 * {@code _smtp._tls.}, from 245 none for {@code _mta-sts.}), for a domain that does not exist or accepts no mail
 * (null MX), and a TLS-RPT record only when there is one to move from the draft name {@code _smtp-tlsrpt} (as it
 * is, or corrected), or when {@code mailto:tls-reports@<domain>} is a valid destination (it is not for a domain
 * with {@code _} in a label; the TLS-RPT finding then says what to publish with your own address).
 * A broken or unknown deployment gets its repair, not the enforce texts: promotion comes after the repair.
 *
 * @param stsRecord       the {@code _mta-sts} record to publish
 * @param policy          the policy file to publish
 * @param tlsRptRecord    the {@code _smtp._tls} record to publish
 * @param enforcePolicy   the enforce version of the policy
 * @param enforceStsRecord the {@code _mta-sts} record to publish together with the enforce policy
 * @param suggestedMaxAge 86400 seconds while testing, 604800 once stable
 * @since 0.1.0
 */
public record Remediation(Optional<String> stsRecord, Optional<String> policy, Optional<String> tlsRptRecord,
                          Optional<String> enforcePolicy, Optional<String> enforceStsRecord,
                          Optional<Duration> suggestedMaxAge) {

    /** Validates the components. */
    public Remediation {
        Objects.requireNonNull(stsRecord, "stsRecord");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(tlsRptRecord, "tlsRptRecord");
        Objects.requireNonNull(enforcePolicy, "enforcePolicy");
        Objects.requireNonNull(enforceStsRecord, "enforceStsRecord");
        Objects.requireNonNull(suggestedMaxAge, "suggestedMaxAge");
    }

    /** @return a remediation with nothing to publish */
    public static Remediation none() {
        return new Remediation(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
