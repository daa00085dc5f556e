package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyExtension;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.policy.PolicyParseResult;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.report.Remediation;
import dev.mtasts.report.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the exact records and policy to publish, from one {@link RemediationInput}: a policy covering every MX
 * host found (keeping the patterns that work), a {@code _mta-sts} record with a fresh id, a TLS-RPT record when
 * there is none, and, for a deployment that is not broken, the enforce version for the promotion. {@code max_age}:
 * 86400 while testing, 604800 once enforcing.
 */
final class RemediationWriter {

    static final Duration TESTING_MAX_AGE = Duration.ofDays(1);
    static final Duration ENFORCE_MAX_AGE = Duration.ofDays(7);
    private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    private RemediationWriter() {
    }

    /** @return a fresh policy id: the UTC time as {@code yyyyMMddTHHmmss} */
    static String freshId(Instant now) {
        return ID_FORMAT.format(Objects.requireNonNull(now, "now"));
    }

    /**
     * @return a fresh id for the clock's instant that differs from the current id (ids are compared as opaque
     *         strings, so a "new" id equal to the published one would change nothing)
     */
    /** @return a fresh id, later than the clock's instant, that differs from both given ids */
    static String idAfter(String nextId, Optional<String> currentId, Instant now) {
        Instant t = now.plusSeconds(1);
        String id = freshId(t);
        while (id.equals(nextId) || currentId.filter(id::equals).isPresent()) {
            t = t.plusSeconds(1);
            id = freshId(t);
        }
        return id;
    }

    static String freshId(Instant now, Optional<String> currentId) {
        Objects.requireNonNull(currentId, "currentId");
        String id = freshId(now);
        return currentId.filter(id::equals).isPresent() ? freshId(now.plusSeconds(1)) : id;
    }

    /**
     * Writes the remediation. Never throws for a report the checks could make: every text it proposes is built
     * through this library's own types, a record is proposed only for a name that can exist, and a TLS-RPT record
     * only when its {@code mailto:} address is valid.
     *
     * @param in what the checks established
     * @return the exact texts to publish
     */
    static Remediation write(RemediationInput in) {
        Objects.requireNonNull(in, "in");
        RecordState state = in.record().state();
        if (!in.domainExists() || in.mx().nullMx() || state == RecordState.CANNOT_EXIST) {
            return Remediation.none(); // no mail to protect, or no record can announce a policy
        }
        Optional<String> tlsRptText = in.tlsRpt().proposal();
        Optional<MtaStsPolicy> current = in.policy().valid();
        Optional<MtaStsPolicy> proposed = propose(state, current, in.policy().reading(), in.mx());
        boolean policyChanges = proposed.isPresent() && !proposed.equals(current);
        Optional<String> policyText = policyChanges ? proposed.map(MtaStsPolicy::toText) : Optional.empty();
        boolean recordChanges = policyChanges || state != RecordState.FOUND || in.idMustChange();
        // after a failed _mta-sts look-up a record may well exist: a second one would break the domain
        boolean recordKnown = state != RecordState.LOOKUP_FAILED;
        String freshId = freshId(in.now(), in.record().id());
        String freshRecord = StsRecord.of(freshId).toText();
        Optional<String> stsText = recordChanges && recordKnown && proposed.isPresent()
                ? Optional.of(freshRecord) : Optional.empty();
        Optional<MtaStsPolicy> target = proposed.isPresent() ? proposed : current;
        // promotion comes after the repair: a broken or unknown deployment gets the fix, not the enforce text yet
        boolean nextStep = in.verdict() == Verdict.TESTING || in.verdict() == Verdict.NOT_DEPLOYED;
        // never an enforce policy that would refuse mail: it must cover every MX host (one that no pattern can name,
        // such as a host with '_', leaves nothing safe to enforce)
        Optional<String> enforce = target.filter(p -> nextStep && p.mode() == PolicyMode.TESTING)
                .filter(p -> coversEvery(p, in.mx()))
                .map(p -> p.withMode(PolicyMode.ENFORCE).withMaxAge(ENFORCE_MAX_AGE).toText());
        // the enforce policy is published after what is to be published now: its record needs an id of its own, or
        // senders that already fetched the repaired policy under that id would never fetch the enforce one
        String enforceId = stsText.isPresent() ? idAfter(freshId, in.record().id(), in.now()) : freshId;
        Optional<String> enforceRecord = enforce.isPresent() && recordKnown
                ? Optional.of(StsRecord.of(enforceId).toText()) : Optional.empty();
        Optional<Duration> maxAge = target.map(p -> p.mode() == PolicyMode.ENFORCE ? ENFORCE_MAX_AGE : TESTING_MAX_AGE);
        return new Remediation(stsText, policyText, tlsRptText, enforce, enforceRecord, maxAge);
    }

    /** @return true when the policy covers every MX host found (or the MX hosts are not known) */
    private static boolean coversEvery(MtaStsPolicy policy, MxCoverageCheck.Result mx) {
        return !mx.known() || mx.hosts().stream().allMatch(h -> policy.matches(h.host()));
    }

    /**
     * The policy to publish. It never guesses a mode: the mode is the valid policy's, or the best reading of an invalid
     * one; only a domain without any MTA-STS record starts at testing. When neither exists (the policy cannot be
     * fetched), nothing is proposed: a guess could downgrade what senders cached. Patterns are kept unless the parser
     * flags them (a wildcard over a top-level name, an address): an unused pattern may be a planned MX. Each MX host
     * not covered is added (mode testing or enforce only); {@code max_age} is kept when it is a day or more.
     */
    private static Optional<MtaStsPolicy> propose(RecordState recordState, Optional<MtaStsPolicy> current,
                                                  Optional<PolicyParseResult> parsed, MxCoverageCheck.Result mx) {
        Optional<PolicyMode> readMode = current.map(MtaStsPolicy::mode).or(() -> parsed.flatMap(PolicyParseResult::mode));
        if (readMode.isEmpty() && recordState != RecordState.ABSENT) {
            return Optional.empty();
        }
        PolicyMode mode = readMode.orElse(PolicyMode.TESTING);
        Set<MxPattern> patterns = new LinkedHashSet<>();
        List<MxPattern> existing = current.map(MtaStsPolicy::mx)
                .orElse(parsed.map(PolicyParseResult::mx).orElse(List.of()));
        for (MxPattern pattern : existing) {
            if (!pattern.isBroad() && !pattern.looksLikeIpAddress() && !pattern.hasNumericTopLevelLabel()) {
                patterns.add(pattern);
            }
        }
        if (mx.known() && mode != PolicyMode.NONE) {
            for (MxHostResult host : mx.hosts()) {
                // the exact pattern first: a set look-up, so thousands of MX hosts stay linear
                Optional<MxPattern> exact = exact(host.host());
                if (exact.filter(patterns::contains).isEmpty()
                        && patterns.stream().noneMatch(p -> p.matches(host.host()))) {
                    covering(host.host()).ifPresent(patterns::add);
                }
            }
        }
        if (patterns.isEmpty() && mode != PolicyMode.NONE) {
            return Optional.empty();
        }
        Duration fallback = mode == PolicyMode.ENFORCE ? ENFORCE_MAX_AGE : TESTING_MAX_AGE;
        Duration maxAge = current.map(MtaStsPolicy::maxAge).or(() -> parsed.flatMap(PolicyParseResult::maxAge))
                .filter(a -> a.compareTo(TESTING_MAX_AGE) >= 0).orElse(fallback);
        List<PolicyExtension> extensions = current.map(MtaStsPolicy::extensions).orElse(List.of());
        return withinSizeLimit(new ArrayList<>(patterns), extensions)
                .map(fitting -> new MtaStsPolicy(MtaStsPolicy.VERSION_STSV1, mode, fitting, maxAge, extensions));
    }

    /**
     * Keeps the proposed policy within the {@value PolicyParser#MAX_POLICY_BYTES} bytes that senders read (RFC 8461
     * §3.3, B15): a longer one is ignored by every sender that applies the suggested limit, and refused by this
     * library's own parser. With thousands of MX hosts, the exact patterns of the hosts that share a parent domain are
     * replaced by one wildcard over that parent ({@code mx1.example.com}, {@code mx2.example.com}, ... become
     * {@code *.example.com}), the largest groups first, until the policy fits. A wildcard covers exactly the hosts it
     * replaces and their siblings, so every MX host is still covered; it is never written over a top-level name.
     *
     * <p>When even that does not fit (tens of thousands of hosts under as many parents), no policy is proposed: a
     * truncated list would leave MX hosts out, and in {@code enforce} mode senders would refuse mail to them. The
     * findings of the MX coverage layer still name the hosts.
     *
     * @return the patterns, shortened with wildcards where needed, or empty when no policy within the limit covers them
     */
    static Optional<List<MxPattern>> withinSizeLimit(List<MxPattern> patterns, List<PolicyExtension> extensions) {
        // the fixed part: version, mode and max_age lines at their longest ("testing"/"enforce", 10 digits), CRLF
        long fixed = "version: STSv1\r\nmode: testing\r\nmax_age: 0000000000\r\n".length();
        for (PolicyExtension e : extensions) {
            fixed += utf8Length(e.name()) + 2 + utf8Length(e.value()) + 2;
        }
        long size = fixed;
        for (MxPattern p : patterns) {
            size += mxLineLength(p.text());
        }
        if (size <= PolicyParser.MAX_POLICY_BYTES) {
            return Optional.of(patterns);
        }
        // group the exact patterns by parent domain (two labels or more, so no wildcard over a top-level name)
        Map<String, List<MxPattern>> byParent = new LinkedHashMap<>();
        for (MxPattern p : patterns) {
            int dot = p.text().indexOf('.');
            if (!p.isWildcard() && dot > 0 && p.text().indexOf('.', dot + 1) > 0) {
                byParent.computeIfAbsent(p.text().substring(dot + 1), k -> new ArrayList<>()).add(p);
            }
        }
        List<Map.Entry<String, List<MxPattern>>> groups = new ArrayList<>(byParent.entrySet());
        groups.sort(Comparator.comparingInt((Map.Entry<String, List<MxPattern>> g) -> g.getValue().size()).reversed());
        Map<MxPattern, MxPattern> replaced = new HashMap<>();
        Set<MxPattern> present = new HashSet<>(patterns);
        for (Map.Entry<String, List<MxPattern>> group : groups) {
            if (size <= PolicyParser.MAX_POLICY_BYTES || group.getValue().size() < 2) {
                break;
            }
            Optional<MxPattern> wildcard = wildcardOver(group.getKey());
            if (wildcard.isEmpty()) {
                continue;
            }
            for (MxPattern p : group.getValue()) {
                size -= mxLineLength(p.text());
                replaced.put(p, wildcard.get());
            }
            if (present.add(wildcard.get())) {
                size += mxLineLength(wildcard.get().text());
            }
        }
        if (size > PolicyParser.MAX_POLICY_BYTES) {
            return Optional.empty();
        }
        Set<MxPattern> out = new LinkedHashSet<>();
        for (MxPattern p : patterns) {
            out.add(replaced.getOrDefault(p, p)); // the wildcard takes the place of its group's first host
        }
        return Optional.of(new ArrayList<>(out));
    }

    private static Optional<MxPattern> wildcardOver(String parent) {
        try {
            return Optional.of(MxPattern.of("*." + parent));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a parent a pattern cannot name
        }
    }

    /** @return the bytes of {@code mx: <pattern>\r\n}; patterns are ASCII */
    private static long mxLineLength(String pattern) {
        return "mx: ".length() + pattern.length() + 2;
    }

    private static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A pattern that covers the host: the host itself, or, for a host a policy cannot name (a label with {@code _}),
     * a wildcard over its parent when that is not a top-level name.
     */
    static Optional<MxPattern> covering(DomainName host) {
        Objects.requireNonNull(host, "host");
        Optional<MxPattern> exact = exact(host);
        if (exact.isPresent()) {
            return exact;
        }
        return host.parent().filter(p -> p.labelCount() >= 2).flatMap(p -> {
            try {
                return Optional.of(MxPattern.of("*." + p.value()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<MxPattern> exact(DomainName host) {
        try {
            return Optional.of(MxPattern.exact(host));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a host a policy cannot name (such as one with '_') cannot be covered
        }
    }
}
