package dev.mtasts.tlsrpt;

import dev.mtasts.DomainName;
import dev.mtasts.report.EvidenceFailure;
import dev.mtasts.report.PromotionEvidence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a set of TLS-RPT reports says about one policy domain, for promotion from {@code mode: testing} to
 * {@code mode: enforce}: the {@link PromotionEvidence} the validator's {@code PROMOTION} layer reads. Made by
 * {@link TlsRptReports#evidenceFor(DomainName)}; an immutable value.
 *
 * <p><b>The rules.</b> Only the policies of the reports whose {@code policy-domain} is the domain count.
 * <ul>
 * <li>A report <em>covers</em> each UTC day its date range overlaps, an end at exactly midnight excluded
 *     ({@link DateRange#days()}). {@link #daysCovered()}, {@link #firstDay()} and {@link #lastDay()} are over those
 *     days, all policy types together.</li>
 * <li>A day is <em>clean</em> when the {@code sts} policies of the reports covering it show at least one session
 *     and none of them shows a failure (a {@code total-failure-session-count} above 0, or a failure detail with
 *     failed sessions). A multi-day report thus makes each of its days clean, or each of them not clean: a
 *     failure in a weekly report could have happened on any of its days, so none of them counts as clean.</li>
 * <li>{@link #consecutiveCleanStsDays()} counts clean days backwards from {@link #lastDay()}, the newest day any
 *     report for the domain covers; a day that is not clean, or that no report covers, ends the run. Days with
 *     only {@code no-policy-found} reports (before the policy was published) or only {@code tlsa} reports are
 *     not clean.</li>
 * <li>Counts are added once per report: {@link #totalStsSessions()} and {@link #failedStsSessions()} over
 *     {@code sts} policies (a policy's failures are its summary's count, or the sum of its failure details when
 *     that is larger); {@link #failuresByResultType()} and {@link #failuresByReceivingMx()} over the failure
 *     details of every policy type; {@link #failures()} dates each failure detail on the last day its report
 *     covers.</li>
 * </ul>
 *
 * <p>For example, Google and Microsoft each send one clean {@code sts} report a day for 2026-11-01 to 2026-11-14:
 * 14 clean days. Had Microsoft's report of 2026-11-10 shown one {@code certificate-host-mismatch} on mx2, the run
 * would be 4 (11-11 to 11-14), and {@link #failures()} would name that day, Microsoft, mx2 and the result type.
 *
 * <pre>{@code
 * // not run: needs a directory of the domain's TLS-RPT reports
 * TlsRptEvidence evidence = TlsRptReports.read(Path.of("reports")).evidenceFor(domain);
 * if (evidence.consecutiveCleanStsDays() >= 14) {
 *     System.out.println("14 clean days from " + evidence.reporters());
 * }
 * evidence.failures().forEach(f -> System.out.println(f.day() + " " + f.reporter() + " " + f.resultType()
 *         + " on " + f.receivingMxHost().orElse("?") + ": " + f.failedSessions()));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TlsRptEvidence implements PromotionEvidence {

    private final DomainName domain;
    private final List<LocalDate> coveredDays;
    private final List<LocalDate> cleanStsDays;
    private final int consecutiveCleanStsDays;
    private final long totalStsSessions;
    private final long failedStsSessions;
    private final List<String> reporters;
    private final Map<String, Long> failuresByResultType;
    private final Map<String, Long> failuresByReceivingMx;
    private final List<EvidenceFailure> failures;

    private TlsRptEvidence(DomainName domain, SortedSet<LocalDate> covered, SortedSet<LocalDate> clean, int run,
                           long totalSts, long failedSts, SortedSet<String> reporters, Map<String, Long> byType,
                           Map<String, Long> byMx, List<EvidenceFailure> failures) {
        this.domain = domain;
        this.coveredDays = List.copyOf(covered);
        this.cleanStsDays = List.copyOf(clean);
        this.consecutiveCleanStsDays = run;
        this.totalStsSessions = totalSts;
        this.failedStsSessions = failedSts;
        this.reporters = List.copyOf(reporters);
        this.failuresByResultType = sorted(byType);
        this.failuresByReceivingMx = sorted(byMx);
        this.failures = List.copyOf(failures);
    }

    /** The evidence of {@code reports} (already without duplicates) for {@code domain}, by the rules above. */
    static TlsRptEvidence of(DomainName domain, List<TlsRptReport> reports) {
        SortedSet<LocalDate> covered = new TreeSet<>();
        Map<LocalDate, Long> stsSessionsByDay = new TreeMap<>();
        SortedSet<LocalDate> stsFailureDays = new TreeSet<>();
        SortedSet<String> reporters = new TreeSet<>();
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byMx = new TreeMap<>();
        Map<FailureKey, long[]> failureSums = new TreeMap<>();
        Map<FailureKey, String> information = new TreeMap<>();
        long totalSts = 0;
        long failedSts = 0;
        for (TlsRptReport report : reports) {
            List<PolicyReport> policies = report.policiesFor(domain);
            if (policies.isEmpty()) {
                continue;
            }
            reporters.add(report.organizationName());
            List<LocalDate> days = report.dateRange().days();
            covered.addAll(days);
            LocalDate countDay = report.dateRange().lastDay();
            for (PolicyReport policy : policies) {
                if (policy.policyType() == PolicyType.STS) {
                    long failed = failedSessions(policy);
                    totalSts = saturatedAdd(totalSts, saturatedAdd(policy.totalSuccessfulSessionCount(), failed));
                    failedSts = saturatedAdd(failedSts, failed);
                    for (LocalDate day : days) {
                        stsSessionsByDay.merge(day, policy.totalSessions(), TlsRptEvidence::saturatedAdd);
                        if (!policy.isClean()) {
                            stsFailureDays.add(day);
                        }
                    }
                }
                for (FailureDetail detail : policy.failureDetails()) {
                    if (detail.failedSessionCount() == 0) {
                        continue;
                    }
                    String type = detail.resultTypeName().toLowerCase(Locale.ROOT);
                    Optional<String> mx = detail.receivingMxHostname().map(TlsRptEvidence::hostName);
                    byType.merge(type, detail.failedSessionCount(), TlsRptEvidence::saturatedAdd);
                    mx.ifPresent(host -> byMx.merge(host, detail.failedSessionCount(), TlsRptEvidence::saturatedAdd));
                    FailureKey key = new FailureKey(countDay, report.organizationName(),
                            policy.policyTypeName().toLowerCase(Locale.ROOT), type, mx.orElse(""));
                    long[] sum = failureSums.computeIfAbsent(key, k -> new long[1]);
                    sum[0] = saturatedAdd(sum[0], detail.failedSessionCount());
                    detail.additionalInformation().ifPresent(info -> information.putIfAbsent(key, info));
                }
            }
        }
        SortedSet<LocalDate> clean = new TreeSet<>();
        stsSessionsByDay.forEach((day, sessions) -> {
            if (sessions > 0 && !stsFailureDays.contains(day)) {
                clean.add(day);
            }
        });
        int run = 0;
        if (!covered.isEmpty()) {
            for (LocalDate day = covered.last(); clean.contains(day); day = day.minusDays(1)) {
                run++;
            }
        }
        List<EvidenceFailure> failures = new ArrayList<>();
        failureSums.forEach((key, sum) -> failures.add(new EvidenceFailure(key.day, key.reporter, key.policyType,
                key.resultType, key.mx.isEmpty() ? Optional.empty() : Optional.of(key.mx), sum[0],
                Optional.ofNullable(information.get(key)))));
        return new TlsRptEvidence(domain, covered, clean, run, totalSts, failedSts, reporters, byType, byMx,
                failures);
    }

    private static long failedSessions(PolicyReport policy) {
        long details = 0;
        for (FailureDetail detail : policy.failureDetails()) {
            details = saturatedAdd(details, detail.failedSessionCount());
        }
        return Math.max(policy.totalFailureSessionCount(), details);
    }

    /** @return the host name as DNS compares it: lower case, without a trailing dot */
    private static String hostName(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static Map<String, Long> sorted(Map<String, Long> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(map)));
    }

    /** The grouping of {@link #failures()}. */
    private record FailureKey(LocalDate day, String reporter, String policyType, String resultType, String mx)
            implements Comparable<FailureKey> {

        private static final Comparator<FailureKey> ORDER = Comparator.comparing(FailureKey::day)
                .thenComparing(FailureKey::reporter).thenComparing(FailureKey::policyType)
                .thenComparing(FailureKey::resultType).thenComparing(FailureKey::mx);

        @Override
        public int compareTo(FailureKey other) {
            return ORDER.compare(this, other);
        }
    }

    @Override
    public DomainName domain() {
        return domain;
    }

    @Override
    public Optional<LocalDate> firstDay() {
        return coveredDays.isEmpty() ? Optional.empty() : Optional.of(coveredDays.get(0));
    }

    @Override
    public Optional<LocalDate> lastDay() {
        return coveredDays.isEmpty() ? Optional.empty() : Optional.of(coveredDays.get(coveredDays.size() - 1));
    }

    @Override
    public int daysCovered() {
        return coveredDays.size();
    }

    /** @return every UTC day a report for the domain covers, oldest first */
    public List<LocalDate> coveredDays() {
        return coveredDays;
    }

    /** @return every clean day (see the rules above), oldest first; not necessarily consecutive */
    public List<LocalDate> cleanStsDays() {
        return cleanStsDays;
    }

    @Override
    public int consecutiveCleanStsDays() {
        return consecutiveCleanStsDays;
    }

    @Override
    public long totalStsSessions() {
        return totalStsSessions;
    }

    @Override
    public long failedStsSessions() {
        return failedStsSessions;
    }

    @Override
    public List<String> reporters() {
        return reporters;
    }

    /** @return failed sessions by {@code result-type} (lower case), any policy type, sorted by type */
    @Override
    public Map<String, Long> failuresByResultType() {
        return failuresByResultType;
    }

    /** @return failed sessions by receiving MX host (lower case, no trailing dot), any policy type, sorted */
    @Override
    public Map<String, Long> failuresByReceivingMx() {
        return failuresByReceivingMx;
    }

    /**
     * @return the failure details with failed sessions, summed per day (the last day of their report), reporter,
     *         policy type, result type and receiving MX host, in that order; the additional information is the
     *         first one given. A policy whose summary counts failures without details adds none here (its days
     *         are not clean all the same).
     */
    @Override
    public List<EvidenceFailure> failures() {
        return failures;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsRptEvidence e && domain.equals(e.domain) && coveredDays.equals(e.coveredDays)
                && cleanStsDays.equals(e.cleanStsDays) && consecutiveCleanStsDays == e.consecutiveCleanStsDays
                && totalStsSessions == e.totalStsSessions && failedStsSessions == e.failedStsSessions
                && reporters.equals(e.reporters) && failuresByResultType.equals(e.failuresByResultType)
                && failuresByReceivingMx.equals(e.failuresByReceivingMx) && failures.equals(e.failures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, coveredDays, cleanStsDays, consecutiveCleanStsDays, totalStsSessions,
                failedStsSessions, reporters, failuresByResultType, failuresByReceivingMx, failures);
    }

    /** @return a one-line summary: domain, days, the clean run, sessions and failures */
    @Override
    public String toString() {
        return "TlsRptEvidence[" + domain + ": " + daysCovered() + " days" + firstDay().map(d -> " from " + d)
                .orElse("") + lastDay().map(d -> " to " + d).orElse("") + ", " + consecutiveCleanStsDays
                + " clean sts days, " + totalStsSessions + " sts sessions, " + failedStsSessions + " failed, "
                + "reporters " + reporters + ", failures " + failuresByResultType + "]";
    }
}
