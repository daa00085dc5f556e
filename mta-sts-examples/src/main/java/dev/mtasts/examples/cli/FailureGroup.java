package dev.mtasts.examples.cli;

import dev.mtasts.report.EvidenceFailure;
import dev.mtasts.report.PromotionEvidence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The failures TLS-RPT reports show for one result type at one receiving MX host (and policy type), over every day
 * and reporter: what {@code mta-sts reports} lists under "Failures".
 *
 * @param resultType      the RFC 8460 §4.3 result type, such as {@code certificate-host-mismatch}
 * @param receivingMxHost the MX host the senders tried, when the reports name it
 * @param policyType      {@code sts}, {@code tlsa} or {@code no-policy-found}
 * @param failedSessions  the failed sessions, summed
 * @param days            the days with such failures, oldest first
 * @param reporters       the organisations that reported them, sorted
 */
record FailureGroup(String resultType, Optional<String> receivingMxHost, String policyType, long failedSessions,
                    List<LocalDate> days, List<String> reporters) {

    /** Most failed sessions first, then by result type, host and policy type. */
    private static final Comparator<FailureGroup> ORDER = Comparator
            .comparingLong(FailureGroup::failedSessions).reversed()
            .thenComparing(FailureGroup::resultType)
            .thenComparing(g -> g.receivingMxHost().orElse(""))
            .thenComparing(FailureGroup::policyType);

    /**
     * @param evidence what the reports show for a domain
     * @return its failures grouped by result type, receiving MX host and policy type, most failed sessions first
     */
    static List<FailureGroup> of(PromotionEvidence evidence) {
        record Key(String resultType, String host, String policyType) { }
        final class Sum {
            long sessions;
            final SortedSet<LocalDate> days = new TreeSet<>();
            final SortedSet<String> reporters = new TreeSet<>();
        }
        Map<Key, Sum> sums = new TreeMap<>(Comparator.comparing(Key::resultType).thenComparing(Key::host)
                .thenComparing(Key::policyType));
        for (EvidenceFailure f : evidence.failures()) {
            Sum sum = sums.computeIfAbsent(new Key(f.resultType(), f.receivingMxHost().orElse(""), f.policyType()),
                    k -> new Sum());
            sum.sessions = sum.sessions + f.failedSessions() < 0 ? Long.MAX_VALUE : sum.sessions + f.failedSessions();
            sum.days.add(f.day());
            sum.reporters.add(f.reporter());
        }
        List<FailureGroup> groups = new ArrayList<>();
        sums.forEach((k, s) -> groups.add(new FailureGroup(k.resultType(),
                k.host().isEmpty() ? Optional.empty() : Optional.of(k.host()), k.policyType(), s.sessions,
                List.copyOf(s.days), List.copyOf(s.reporters))));
        groups.sort(ORDER);
        return List.copyOf(groups);
    }
}
