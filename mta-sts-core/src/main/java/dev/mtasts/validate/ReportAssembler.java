package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyParseResult;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Observations;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.PromotionEvidence;
import dev.mtasts.report.Promotion;
import dev.mtasts.report.Remediation;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns what a validation observed into its {@link ValidationReport}: runs the layer checks in order, lets the
 * {@link Disclosure} decide once what the served policy counts for, then derives the verdict, promotion,
 * remediation and layer statuses from the findings. Pure: no network, no clock of its own; the same observations
 * always give the same report, and every observation a validation can make gives one (nothing here throws for a
 * domain {@link DomainName} accepts). Not API (see the package documentation).
 *
 * @since 0.1.0
 */
public final class ReportAssembler {

    private ReportAssembler() {
    }

    /**
     * @param domain       the policy domain
     * @param checkedAt    when the validation started
     * @param elapsed      how long the network part took
     * @param observations what was observed
     * @param previous     the snapshot of an earlier validation, to detect a policy change without a new id
     * @return the report
     * @throws NullPointerException if an argument is null
     */
    public static ValidationReport assemble(DomainName domain, Instant checkedAt, Duration elapsed,
                                            Observations observations, Optional<PolicySnapshot> previous) {
        return assemble(domain, checkedAt, elapsed, observations, previous, Optional.empty(),
                dev.mtasts.Validator.DEFAULT_MINIMUM_CLEAN_DAYS);
    }

    /**
     * @param domain           the policy domain
     * @param checkedAt        when the validation started
     * @param elapsed          how long the network part took
     * @param observations     what was observed
     * @param previous         the snapshot of an earlier validation
     * @param evidence         what the domain's TLS-RPT reports show
     * @param minimumCleanDays the consecutive clean days of reports promotion needs
     * @return the report
     * @throws NullPointerException if an argument is null
     */
    public static ValidationReport assemble(DomainName domain, Instant checkedAt, Duration elapsed,
                                            Observations observations, Optional<PolicySnapshot> previous,
                                            Optional<PromotionEvidence> evidence, int minimumCleanDays) {
        return assemble(domain, checkedAt, elapsed, observations, previous, evidence, minimumCleanDays,
                dev.mtasts.Validator.DEFAULT_CERTIFICATE_EXPIRY_WARNING);
    }

    /**
     * @param domain                   the policy domain
     * @param checkedAt                when the validation started
     * @param elapsed                  how long the network part took
     * @param observations             what was observed
     * @param previous                 the snapshot of an earlier validation
     * @param evidence                 what the domain's TLS-RPT reports show
     * @param minimumCleanDays         the consecutive clean days of reports promotion needs
     * @param certificateExpiryWarning the least time a certificate must stay valid (the policy's {@code max_age}
     *                                 extends it when longer)
     * @return the report
     * @throws NullPointerException if an argument is null
     */
    public static ValidationReport assemble(DomainName domain, Instant checkedAt, Duration elapsed,
                                            Observations observations, Optional<PolicySnapshot> previous,
                                            Optional<PromotionEvidence> evidence, int minimumCleanDays,
                                            Duration certificateExpiryWarning) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(certificateExpiryWarning, "certificateExpiryWarning");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(previous, "previous");
        PolicyNames names = PolicyNames.of(domain);
        FindingList findings = new FindingList();

        boolean domainExists = DomainCheck.exists(names, observations.mx(), findings);
        DnsRecordCheck dnsRecord = new DnsRecordCheck(names, domainExists, findings);
        DnsRecordCheck.Result record = dnsRecord.check(observations.stsTxt());

        FindingList served = new FindingList();
        PolicyFetchCheck.Result fetched = new PolicyFetchCheck(names, served, certificateExpiryWarning).check(
                observations.policyHostAddresses(), observations.refusedAddresses(), observations.policyFetch(),
                checkedAt);
        Optional<PolicyParseResult> parsed = new PolicyParseCheck(names, served).check(fetched.body());
        Disclosure policy = Disclosure.decide(record.state(), parsed, fetched.servedAsTextPlain());
        if (policy.reported()) {
            findings.addAll(served);
        }
        policy.valid().filter(p -> policy.servedWithoutRecord())
                .ifPresent(p -> dnsRecord.policyWithoutRecord(p, record.state()));

        List<MxPattern> patterns = policy.valid().map(MtaStsPolicy::mx)
                .orElse(policy.reading().map(PolicyParseResult::mx).orElse(List.of()));
        MxCoverageCheck.Result mx = new MxCoverageCheck(names, findings).check(observations.mx(), patterns,
                policy.coverageChecked() ? policy.usable() : Optional.empty());
        MxTransportCheck.Result transport = new MxTransportCheck(findings, checkedAt, certificateExpiryWarning).check(mx.hosts(),
                observations.mxHosts(), policy.usable());
        TlsRptCheck.Result tlsRpt = new TlsRptCheck(names, domainExists, findings).check(observations.tlsRptTxt(),
                observations.diagnostics().legacyTlsRptTxt());
        DiagnosticInput diagnostics = new DiagnosticInput(observations, record, fetched, policy, mx, transport, tlsRpt,
                checkedAt);
        new PolicyAddressesCheck(names, findings, certificateExpiryWarning).check(diagnostics);
        new DelegationCheck(names, findings).check(diagnostics);
        new RuaDestinationCheck(names, findings).check(diagnostics);
        new InteropCheck(names, findings).check(diagnostics);
        Optional<PolicySnapshot> snapshot = new SnapshotCheck(names, findings)
                .check(record.record(), fetched.body(), policy.valid(), checkedAt, previous);

        Verdict verdict = VerdictRule.verdict(observations, record.state(), policy.usable(), fetched.cutShort());
        List<Finding> sorted = findings.sorted();
        EvidenceCheck.Result reported = new EvidenceCheck(names, findings, checkedAt, minimumCleanDays)
                .check(verdict, policy.usable(), tlsRpt, evidence, previous, transport);
        sorted = findings.sorted();
        Promotion promotion = PromotionRule.promotion(verdict, sorted, tlsRpt, transport, reported);
        Remediation remediation = RemediationWriter.write(new RemediationInput(names, checkedAt, verdict, record,
                findings.has(FindingCode.POLICY_CHANGED_WITHOUT_NEW_ID), policy, mx, tlsRpt, domainExists));
        return new ValidationReport(domain, checkedAt, elapsed, observations, record.record(), policy.usable(),
                transport.hosts(), tlsRpt.record(), LayerSummary.of(sorted, policy, domainExists, promotion), sorted,
                verdict, VerdictRule.atRisk(verdict, sorted),
                VerdictRule.inconclusive(verdict, observations, record.state(), fetched.cutShort()), promotion,
                remediation, snapshot);
    }
}
