package dev.mtasts.plan;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.Finding;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.ValidationReport;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a live validation says about the deployment a change starts from: the policy senders get now and its record,
 * the MX hosts, and the TTLs the resolver gave for the {@code _mta-sts} TXT record and the MX records.
 *
 * @param domain     the policy domain
 * @param verdict    the validation's verdict
 * @param policy     the valid policy senders fetch now
 * @param record     the valid {@code _mta-sts} record
 * @param mx         the MX hosts, in preference order (the domain itself for an implicit MX)
 * @param mxKnown    false when the MX look-up failed
 * @param stsTxtTtl  the TTL of the {@code _mta-sts} TXT answer, zero when none was found
 * @param mxTtl      the TTL of the MX answer, zero when none was found
 * @param firstError the first {@code ERROR} finding, to name when the deployment is broken
 */
record CurrentState(DomainName domain, Verdict verdict, Optional<MtaStsPolicy> policy, Optional<StsRecord> record,
                    List<DomainName> mx, boolean mxKnown, Duration stsTxtTtl, Duration mxTtl,
                    Optional<Finding> firstError) {

    CurrentState {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(record, "record");
        mx = List.copyOf(Objects.requireNonNull(mx, "mx"));
        Objects.requireNonNull(stsTxtTtl, "stsTxtTtl");
        Objects.requireNonNull(mxTtl, "mxTtl");
        Objects.requireNonNull(firstError, "firstError");
    }

    static CurrentState of(ValidationReport report) {
        Objects.requireNonNull(report, "report");
        // a policy counts only when senders get it: a BROKEN deployment's best reading is not what they apply
        Verdict verdict = report.verdict();
        boolean applied = verdict == Verdict.TESTING || verdict == Verdict.ENFORCING || verdict == Verdict.INACTIVE;
        Optional<MtaStsPolicy> policy = applied ? report.policy() : Optional.empty();
        Duration txtTtl = report.observations().stsTxt().filter(DnsAnswer::isFound).map(a -> a.result().ttl())
                .orElse(Duration.ZERO);
        DnsAnswer mxAnswer = report.observations().mx();
        Duration mxTtl = mxAnswer.isFound() ? mxAnswer.result().ttl() : Duration.ZERO;
        List<DomainName> hosts = report.mxHosts().stream().map(MxHostResult::host).distinct().toList();
        Optional<Finding> firstError = report.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .findFirst();
        return new CurrentState(report.domain(), verdict, policy, report.stsRecord(), hosts,
                !mxAnswer.outcome().isFailure(), txtTtl, mxTtl, firstError);
    }
}
