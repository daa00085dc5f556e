package dev.mtasts.report;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.record.StsRecord;
import dev.mtasts.record.TlsRptRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of validating one domain: what was observed, one {@link LayerResult} per {@link Layer}, every
 * {@link Finding}, the {@link Verdict}, whether mail is {@linkplain #atRisk() at risk} now, the {@link Promotion}
 * readiness, and the {@link Remediation} to publish.
 *
 * <p>The verdict and {@code atRisk} follow from the findings, never the other way round. An immutable value, safe
 * to share between threads.
 *
 * <pre>{@code
 * ValidationReport report = MtaStsValidator.builder().build().validate("example.com");
 * System.out.println(report.verdict() + (report.atRisk() ? " (mail at risk)" : ""));
 * report.errors().forEach(f -> System.out.println(f.message() + " -> " + f.remediation()));
 * if (report.promotion().status() == PromotionStatus.READY) {
 *     System.out.println(report.remediation().enforcePolicy().orElseThrow());
 * }
 * }</pre>
 *
 * @param domain       the policy domain
 * @param checkedAt    when the validation started
 * @param elapsed      how long it took
 * @param observations the DNS answers and the fetch, as seen
 * @param stsRecord    the selected {@code _mta-sts} record, when valid
 * @param policy       the policy, when fetched and valid
 * @param mxHosts      the domain's MX hosts, in preference order, with coverage
 * @param tlsRptRecord the selected TLS-RPT record, when valid
 * @param layers       one result per layer, in {@link Layer} order
 * @param findings     every finding, in layer order
 * @param verdict      the verdict
 * @param atRisk       true when senders would refuse mail now (enforce with an MX outside the policy or failing TLS)
 * @param inconclusive true when a DNS look-up the verdict rests on failed (the {@code _mta-sts} TXT record, or the
 *                     policy host's addresses when a record was seen): the verdict says what senders that see the
 *                     same failure do, but the deployment itself may be fine; check again, or from another resolver.
 *                     Also true when this check's own deadline cut the fetch of an announced policy short, before
 *                     the minute senders wait (the verdict is then {@link Verdict#UNKNOWN})
 * @param promotion    promotion readiness
 * @param remediation  what to publish
 * @param snapshot     a snapshot to pass to the next validation, when a record and policy were seen
 * @since 0.1.0
 */
public record ValidationReport(DomainName domain, Instant checkedAt, Duration elapsed, Observations observations,
                               Optional<StsRecord> stsRecord, Optional<MtaStsPolicy> policy,
                               List<MxHostResult> mxHosts, Optional<TlsRptRecord> tlsRptRecord,
                               List<LayerResult> layers, List<Finding> findings, Verdict verdict, boolean atRisk,
                               boolean inconclusive, Promotion promotion, Remediation remediation, Optional<PolicySnapshot> snapshot) {

    /** Validates and copies the components. */
    public ValidationReport {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(stsRecord, "stsRecord");
        Objects.requireNonNull(policy, "policy");
        mxHosts = List.copyOf(Objects.requireNonNull(mxHosts, "mxHosts"));
        Objects.requireNonNull(tlsRptRecord, "tlsRptRecord");
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(promotion, "promotion");
        Objects.requireNonNull(remediation, "remediation");
        Objects.requireNonNull(snapshot, "snapshot");
        if (layers.size() != Layer.values().length) {
            throw new IllegalArgumentException("a report has one result per layer");
        }
    }

    /**
     * @param total how long the validation took, start to report
     * @return a copy with that elapsed time
     */
    public ValidationReport withElapsed(Duration total) {
        Objects.requireNonNull(total, "total");
        return new ValidationReport(domain, checkedAt, total, observations, stsRecord, policy, mxHosts, tlsRptRecord,
                layers, findings, verdict, atRisk, inconclusive, promotion, remediation, snapshot);
    }

    /**
     * @param layer a layer
     * @return its result
     */
    public LayerResult layer(Layer layer) {
        Objects.requireNonNull(layer, "layer");
        return layers.get(layer.ordinal());
    }

    /** @return the findings of severity {@code ERROR} */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** @return the findings of severity {@code WARNING} */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** @return true when at least one finding is an {@code ERROR} */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /**
     * @param code a finding code
     * @return the findings with that code
     */
    public List<Finding> findings(FindingCode code) {
        Objects.requireNonNull(code, "code");
        return findings.stream().filter(f -> f.code() == code).toList();
    }

    /**
     * @param code a finding code
     * @return true if the report has a finding with that code
     */
    public boolean has(FindingCode code) {
        Objects.requireNonNull(code, "code");
        return findings.stream().anyMatch(f -> f.code() == code);
    }
}
