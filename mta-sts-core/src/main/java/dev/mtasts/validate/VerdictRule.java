package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.Observations;
import dev.mtasts.report.Verdict;
import dev.mtasts.resolver.DnsAnswer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The verdict, {@code atRisk} and {@code inconclusive}, derived from what was found, never the other way round.
 *
 * <ul>
 *   <li>{@code UNKNOWN} when the check could not run: every DNS answer the validation got is a failure (time-out,
 *       network error, SERVFAIL, REFUSED, malformed), so nothing is known about the domain; or a valid record was
 *       found but the policy fetch was cut short by the validation's own deadline, before the minute senders
 *       wait, so whether they get a policy is unknown.</li>
 *   <li>{@code NOT_DEPLOYED} without a record (none published, or none can exist at a name over 253
 *       characters).</li>
 *   <li>{@code BROKEN} when a record is there (or its look-up failed) but senders get no usable policy.</li>
 *   <li>{@code INACTIVE}, {@code TESTING}, {@code ENFORCING}: the mode of the usable policy a valid record
 *       announces.</li>
 * </ul>
 */
final class VerdictRule {

    private VerdictRule() {
    }

    /**
     * @param observations what was seen
     * @param record       the record's state
     * @param usable       the policy senders apply
     * @param cutShort     true when the policy fetch was cut short by the validation's deadline
     * @return the verdict
     */
    static Verdict verdict(Observations observations, RecordState record, Optional<MtaStsPolicy> usable,
                           boolean cutShort) {
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(usable, "usable");
        if (noLookupAnswered(observations)) {
            return Verdict.UNKNOWN;
        }
        return switch (record) {
            case ABSENT, CANNOT_EXIST -> Verdict.NOT_DEPLOYED;
            case BROKEN, LOOKUP_FAILED -> Verdict.BROKEN;
            case FOUND -> usable.map(p -> switch (p.mode()) {
                case NONE -> Verdict.INACTIVE;
                case TESTING -> Verdict.TESTING;
                case ENFORCE -> Verdict.ENFORCING;
            }).orElse(cutShort ? Verdict.UNKNOWN : Verdict.BROKEN);
        };
    }

    /** @return true when every DNS answer present in the observations is a failure: no look-up got an answer */
    static boolean noLookupAnswered(Observations o) {
        Objects.requireNonNull(o, "o");
        return Stream.of(o.stsTxt(), Optional.of(o.mx()), o.tlsRptTxt(), o.policyHostAddresses())
                .flatMap(Optional::stream).map(DnsAnswer::outcome).allMatch(outcome -> outcome.isFailure());
    }

    /**
     * A report is inconclusive when what its verdict rests on is not known: no look-up got an answer, the
     * {@code _mta-sts} look-up failed, the policy host's look-up failed while a record announces a policy, or the
     * fetch of an announced policy was cut short before the minute senders wait.
     */
    static boolean inconclusive(Verdict verdict, Observations observations, RecordState record, boolean cutShort) {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(record, "record");
        boolean policyHostLookupFailed = observations.policyHostAddresses().map(a -> a.outcome().isFailure())
                .orElse(false);
        return verdict == Verdict.UNKNOWN || record == RecordState.LOOKUP_FAILED
                || (record.announcesPolicy() && policyHostLookupFailed)
                || (record == RecordState.FOUND && cutShort);
    }

    /**
     * Mail is at risk when the policy is enforced and an MX host fails it: an ERROR in the MX coverage layer. A failed
     * MX look-up is not one: it says nothing about the policy, and claiming a risk there would be a guess.
     */
    static boolean atRisk(Verdict verdict, List<Finding> findings) {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(findings, "findings");
        // DANE senders refuse a host whose signed TLSA records match nothing, whatever the MTA-STS mode
        boolean daneRefuses = findings.stream().anyMatch(f -> f.code() == FindingCode.DANE_MISMATCH);
        return daneRefuses || verdict == Verdict.ENFORCING && findings.stream().anyMatch(f -> f.severity()
                == Severity.ERROR && f.code() != FindingCode.DNS_LOOKUP_FAILED
                && (f.layer() == Layer.MX_COVERAGE || f.code() == FindingCode.POLICY_MX_COVERS_NO_MX));
    }
}
