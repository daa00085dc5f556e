package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyParseResult;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.LayerResult;
import dev.mtasts.report.LayerStatus;
import dev.mtasts.report.Observations;
import dev.mtasts.report.PolicySnapshot;
import dev.mtasts.report.Promotion;
import dev.mtasts.report.Remediation;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a validation observed into its {@link ValidationReport}: runs the layer checks in order, then derives
 * the verdict, promotion and remediation from the findings. Pure: no network, no clock of its own; the same
 * observations always give the same report. Not API (see the package documentation).
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
     */
    public static ValidationReport assemble(DomainName domain, Instant checkedAt, Duration elapsed,
                                            Observations observations,
                                            Optional<PolicySnapshot> previous) {
        Map<InetAddress, String> refused = new LinkedHashMap<>();
        observations.refusedAddresses().forEach(r -> refused.put(r.address(), r.reason()));
        FindingList findings = new FindingList();

        DnsRecordCheck dnsRecord = new DnsRecordCheck(domain, findings);
        dnsRecord.check(observations.stsTxt());

        // Without a record, whatever answers at the policy host (often a catch-all web site) is reported only when
        // it is a valid policy: MTA-STS is not in use, and an HTML page there is nobody's mistake.
        boolean announced = dnsRecord.state().announcesPolicy();
        FindingList fetchAndParse = announced ? findings : new FindingList();
        PolicyFetchCheck fetch = new PolicyFetchCheck(domain, dnsRecord.state(), fetchAndParse);
        fetch.check(observations.policyHostAddresses(), refused, observations.policyFetch(), checkedAt);

        PolicyParseCheck parse = new PolicyParseCheck(domain, fetchAndParse);
        parse.check(fetch.body());
        Optional<PolicyParseResult> parsed = parse.result();
        Optional<MtaStsPolicy> policy = parsed.flatMap(PolicyParseResult::policy);
        if (!announced && policy.isPresent()) {
            findings.addAll(fetchAndParse);
        }
        if (!announced && policy.isEmpty()) {
            parsed = Optional.empty();
        }
        if (dnsRecord.state() == RecordState.ABSENT && policy.isPresent()) {
            findings.add(FindingCode.POLICY_WITHOUT_STS_RECORD, Severity.ERROR, "dns:" + domain.prefixedWith("_mta-sts")
                    + " TXT", "A valid policy (mode " + policy.get().mode().token() + ") is served at https://"
                    + domain.prefixedWith("mta-sts") + "/.well-known/mta-sts.txt, but no _mta-sts TXT record announces"
                    + " it, so senders never fetch it.", "Publish the _mta-sts TXT record shown in the remediation.");
        }

        MxCoverageCheck coverage = new MxCoverageCheck(domain, findings);
        List<MxPattern> readable = parsed.map(PolicyParseResult::mx).orElse(List.of());
        coverage.check(Optional.of(observations.mx()), policy.map(MtaStsPolicy::mx).orElse(readable),
                dnsRecord.state() == RecordState.FOUND ? policy : Optional.empty());

        TlsRptCheck tlsRpt = new TlsRptCheck(domain, findings);
        tlsRpt.check(observations.tlsRptTxt());

        Optional<PolicySnapshot> snapshot = new SnapshotCheck(domain, findings)
                .check(dnsRecord.record(), fetch.body(), policy, checkedAt, previous);

        Verdict verdict = VerdictRule.verdict(dnsRecord.state(), policy);
        List<Finding> sorted = findings.sorted();
        boolean atRisk = VerdictRule.atRisk(verdict, sorted);
        Promotion promotion = PromotionRule.promotion(verdict, sorted, tlsRpt.record());
        Remediation remediation = RemediationWriter.write(domain, checkedAt, dnsRecord.state(),
                dnsRecord.record().map(dev.mtasts.record.StsRecord::id), policy, parsed, coverage.hosts(),
                coverage.mxKnown(), coverage.nullMx(), tlsRpt.record(), tlsRpt.lookupFailed(),
                findings.has(FindingCode.POLICY_CHANGED_WITHOUT_NEW_ID));
        if (verdict == Verdict.BROKEN && remediation.enforcePolicy().isPresent()) {
            // promotion comes after the repair: a broken deployment gets the fix, not the enforce text yet
            remediation = new Remediation(remediation.stsRecord(), remediation.policy(), remediation.tlsRptRecord(),
                    Optional.empty(), Optional.empty(), remediation.suggestedMaxAge());
        }

        List<LayerResult> layers = new ArrayList<>();
        layers.add(status(Layer.DNS_RECORD, findings, Optional.empty()));
        Optional<String> fetchSkipped = announced || policy.isPresent() ? Optional.empty()
                : Optional.of(dnsRecord.state() == RecordState.LOOKUP_FAILED
                        ? "the _mta-sts look-up failed, and no valid policy was found"
                        : "no _mta-sts record announces a policy");
        layers.add(status(Layer.POLICY_FETCH, findings, fetchSkipped));
        layers.add(status(Layer.POLICY_PARSE, findings, parsed.isPresent() ? Optional.empty()
                : Optional.of(fetchSkipped.orElse("no policy was fetched"))));
        layers.add(status(Layer.MX_COVERAGE, findings, policy.isPresent() && dnsRecord.state() == RecordState.FOUND
                ? Optional.empty() : Optional.of("no valid policy to match MX hosts against")));
        layers.add(status(Layer.TLS_RPT, findings, Optional.empty()));
        layers.add(promotionLayer(promotion));

        boolean policyHostLookupFailed = observations.policyHostAddresses()
                .map(a -> a.outcome().isFailure()).orElse(false);
        boolean inconclusive = dnsRecord.state() == RecordState.LOOKUP_FAILED
                || (dnsRecord.state().announcesPolicy() && policyHostLookupFailed);
        return new ValidationReport(domain, checkedAt, elapsed, observations, dnsRecord.record(), policy,
                coverage.hosts(), tlsRpt.record(), layers, sorted, verdict, atRisk, inconclusive, promotion,
                remediation, snapshot);
    }

    private static LayerResult status(Layer layer, FindingList findings, Optional<String> skippedBecause) {
        List<Finding> here = findings.inLayer(layer);
        boolean error = here.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        boolean warning = here.stream().anyMatch(f -> f.severity() == Severity.WARNING);
        if (error) {
            return new LayerResult(layer, LayerStatus.FAIL, Optional.empty());
        }
        if (warning) {
            return new LayerResult(layer, LayerStatus.WARN, Optional.empty());
        }
        if (skippedBecause.isPresent()) {
            return new LayerResult(layer, LayerStatus.SKIPPED, skippedBecause);
        }
        return new LayerResult(layer, LayerStatus.PASS, Optional.empty());
    }

    private static LayerResult promotionLayer(Promotion promotion) {
        return switch (promotion.status()) {
            case READY -> new LayerResult(Layer.PROMOTION, LayerStatus.PASS, Optional.of("ready for enforce"));
            case NOT_READY -> new LayerResult(Layer.PROMOTION, LayerStatus.WARN, Optional.of(
                    promotion.blockers().size() + " blocker(s)"));
            case NOT_APPLICABLE -> new LayerResult(Layer.PROMOTION, LayerStatus.SKIPPED,
                    Optional.of(promotion.advice()));
        };
    }
}
