package dev.mtasts.validate;

import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyParseResult;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy served at the policy host counts for, decided once from the {@code _mta-sts} record's state, the
 * parse result and the media type. Every later step (which findings are reported, the verdict, MX coverage, the
 * remediation) reads this one decision.
 *
 * <ul>
 *   <li>The fetch and parse findings are {@linkplain #reported() reported} when a record announces a policy (valid
 *       or not), or when a valid policy is served anyway. Without a record, whatever answers at the policy host
 *       (often a catch-all web site) is nobody's policy, and an HTML page there is nobody's mistake.</li>
 *   <li>{@link #valid()} is the policy when its text is valid; {@link #usable()} is that policy when senders that
 *       follow RFC 8461 also accept how it is served ({@code text/plain}): the policy they apply.</li>
 *   <li>MX coverage is judged only against a usable policy that a valid record announces.</li>
 * </ul>
 *
 * @param record   the record's state
 * @param reported true when the fetch and parse findings belong in the report
 * @param reading  what the parser read, when reported: the best reading of each field even of an invalid policy
 * @param valid    the policy, when its text is valid
 * @param usable   the policy senders apply: valid and served as {@code text/plain}
 */
record Disclosure(RecordState record, boolean reported, Optional<PolicyParseResult> reading,
                  Optional<MtaStsPolicy> valid, Optional<MtaStsPolicy> usable) {

    Disclosure {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(usable, "usable");
    }

    /**
     * @param record            the {@code _mta-sts} record's state
     * @param parsed            what the parser read of the fetched body, when one was fetched
     * @param servedAsTextPlain true when the body came as {@code text/plain}
     * @return the decision
     */
    static Disclosure decide(RecordState record, Optional<PolicyParseResult> parsed, boolean servedAsTextPlain) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(parsed, "parsed");
        Optional<MtaStsPolicy> valid = parsed.flatMap(PolicyParseResult::policy);
        boolean reported = record.announcesPolicy() || valid.isPresent();
        return new Disclosure(record, reported, reported ? parsed : Optional.empty(), valid,
                valid.filter(p -> servedAsTextPlain));
    }

    /** @return true when MX hosts are judged against the policy: a valid record announces a usable policy */
    boolean coverageChecked() {
        return record == RecordState.FOUND && usable.isPresent();
    }

    /** @return true when a valid policy is served but no record announces it */
    boolean servedWithoutRecord() {
        return (record == RecordState.ABSENT || record == RecordState.CANNOT_EXIST) && valid.isPresent();
    }
}
