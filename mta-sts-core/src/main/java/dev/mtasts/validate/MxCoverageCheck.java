package dev.mtasts.validate;

import dev.mtasts.internal.Quoting;
import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxMatchExplanation;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyMode;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.MxHostResult;
import dev.mtasts.resolver.DnsOutcome;
import dev.mtasts.resolver.MxAnswer;
import dev.mtasts.resolver.MxRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Layer 4, {@code MX_COVERAGE}: every MX host of the domain matches an {@code mx} pattern (RFC 8461 §4.1, rules
 * D1 to D11). Severity follows the mode: an uncovered MX is refused now in {@code enforce} (ERROR), would be in
 * {@code testing} (WARNING), and is moot in {@code none} (INFO). A domain that does not exist has no MX hosts to
 * match; {@code DOMAIN_NOT_FOUND} says so once.
 */
final class MxCoverageCheck {

    /**
     * What the MX look-up established.
     *
     * @param hosts  the MX hosts in preference order (the domain itself for an implicit MX), with coverage
     * @param known  true when the MX hosts are known: the look-up worked and the domain exists and accepts mail
     * @param nullMx true when the domain publishes only a null MX: it accepts no mail
     */
    record Result(List<MxHostResult> hosts, boolean known, boolean nullMx) {
        Result {
            hosts = List.copyOf(Objects.requireNonNull(hosts, "hosts"));
        }
    }

    /** How many hosts the finding about a policy that covers none of them explains one by one. */
    private static final int REASONS_LISTED = 3;

    private final PolicyNames names;
    private final DomainName domain;
    private final FindingList findings;
    private final List<MxHostResult> hosts = new ArrayList<>();

    MxCoverageCheck(PolicyNames names, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.domain = names.domain();
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    /**
     * @param mx       the MX answer
     * @param patterns the patterns to match (of the usable policy, or the best reading of another one)
     * @param policy   the policy senders apply, when coverage is judged: findings are made only then
     */
    Result check(MxAnswer mx, List<MxPattern> patterns, Optional<MtaStsPolicy> policy) {
        Objects.requireNonNull(mx, "mx");
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(policy, "policy");
        String subject = names.mxSubject();
        if (mx.outcome().isFailure()) {
            findings.addIn(Layer.MX_COVERAGE, FindingCode.DNS_LOOKUP_FAILED, Severity.ERROR, subject,
                    "The look-up of " + domain + " MX failed with " + DnsWording.failure(mx.result())
                            + ", so MX coverage cannot be checked.", DnsWording.lookupFailedRemediation(domain.value()));
            return new Result(List.of(), false, false);
        }
        if (mx.outcome() == DnsOutcome.NXDOMAIN) {
            return new Result(List.of(), false, false); // DOMAIN_NOT_FOUND says it, in the DNS_RECORD layer
        }
        if (mx.isNullMxOnly()) {
            findings.add(FindingCode.MX_NULL, policy.isPresent() ? Severity.WARNING : Severity.INFO, subject,
                    domain + " publishes a null MX ('MX 0 .', RFC 7505): it accepts no mail, so an MTA-STS policy"
                            + " protects nothing.", "Remove the MTA-STS policy, or replace the null MX with real MX hosts.");
            return new Result(List.of(), false, true);
        }
        if (mx.nullMx()) {
            findings.add(FindingCode.MX_NULL_MIXED, Severity.WARNING, subject, domain + " publishes a null MX ('MX 0 .')"
                    + " next to other MX records; RFC 7505 §3 forbids that, and senders may treat the domain as"
                    + " accepting no mail.", "Remove the null MX record, or remove the other MX records if the domain"
                    + " should accept no mail.");
        }
        for (String invalid : mx.invalidHosts()) {
            findings.add(FindingCode.MX_HOST_INVALID, Severity.ERROR, subject, domain + " has an MX record for '"
                    + Quoting.message(invalid) + "', which is not a valid host name.", "Fix or remove that MX record.");
        }
        List<MxRecord> records = mx.byPreference();
        if (records.isEmpty() && mx.invalidHosts().isEmpty()) {
            // an implicit MX the policy lists works (RFC 5321 §5.1): worth knowing, not a warning
            boolean implicitCovered = patterns.stream().anyMatch(p -> p.matches(domain));
            findings.add(FindingCode.MX_NONE, implicitCovered ? Severity.INFO : Severity.WARNING, subject, domain
                    + " has no MX records; senders deliver to the domain's own address (implicit MX), so the"
                    + " policy must list '" + domain + "'.",
                    "Publish MX records for " + domain + " and list each MX host in the policy.");
            records = List.of(new MxRecord(0, domain));
        }
        for (MxRecord record : records) {
            hosts.add(new MxHostResult(record.host(), record.preference(),
                    MxMatchExplanation.of(record.host(), patterns)));
        }
        policy.ifPresent(p -> coverage(p, subject));
        return new Result(hosts, true, false);
    }

    /** Why each host is not covered, for the finding that names them all: the first few, one clause each. */
    private String reasons() {
        List<String> reasons = new ArrayList<>();
        for (MxHostResult host : hosts.subList(0, Math.min(hosts.size(), REASONS_LISTED))) {
            reasons.add(host.host() + ": " + host.match().text());
        }
        return String.join("; ", reasons) + (hosts.size() > REASONS_LISTED ? "; and "
                + (hosts.size() - REASONS_LISTED) + " more hosts" : "");
    }

    /** The fix for a host outside the policy: add it, or correct the pattern that was probably meant for it. */
    private static String notCoveredFix(DomainName host, MxMatchExplanation why) {
        String add = "Add 'mx: " + host + "' to the policy";
        String fix = switch (why.kind()) {
            case ONE_LABEL_DIFFERS -> add + ", or correct 'mx: " + why.pattern().orElseThrow() + "' if it was meant"
                    + " for this host";
            case EXACT_ABOVE_HOST -> add + " (an exact pattern covers one name only; 'mx: *."
                    + host.parent().map(DomainName::value).orElse("") + "' covers every host one label below "
                    + host.parent().map(DomainName::value).orElse("") + ")";
            case WILDCARD_NOT_ITSELF -> add + " next to 'mx: " + why.pattern().orElseThrow() + "', which covers"
                    + " only the names below it";
            default -> add;
        };
        return fix + ", with a new id.";
    }

    private void coverage(MtaStsPolicy policy, String subject) {
        Severity severity = switch (policy.mode()) {
            case ENFORCE -> Severity.ERROR;
            case TESTING -> Severity.WARNING;
            case NONE -> Severity.INFO;
        };
        String consequence = switch (policy.mode()) {
            case ENFORCE -> "senders that apply the policy refuse to deliver to it now";
            case TESTING -> "in enforce mode senders would refuse it; today they report failures";
            case NONE -> "this would matter once the mode is testing or enforce";
        };
        String patternList = Quoting.list(policy.mx().stream().map(MxPattern::text).toList(), 10);
        boolean noneCovered = !hosts.isEmpty() && hosts.stream().noneMatch(MxHostResult::covered)
                && policy.mode() != PolicyMode.NONE;
        if (noneCovered) {
            String hostList = Quoting.list(hosts.stream().map(h -> h.host().value()).toList(), 10);
            findings.add(FindingCode.POLICY_MX_COVERS_NO_MX, severity, subject, "No MX host of " + domain + " ("
                    + hostList + ") matches the policy's mx patterns (" + patternList + ")"
                    + (policy.mode() == PolicyMode.ENFORCE
                    ? ": all inbound mail from senders that apply MTA-STS is refused" : ": " + consequence)
                    + "; " + reasons() + ".",
                    "List the real MX hosts in the policy (see the remediation), with a new id.");
        }
        for (MxHostResult host : hosts) {
            if (host.covered()) {
                continue;
            }
            MxMatchExplanation why = host.match();
            if (why.kind() == MxMatchExplanation.Kind.WILDCARD_TOO_DEEP) {
                findings.add(FindingCode.MX_WILDCARD_TOO_DEEP, severity, "mx " + host.host(), "MX host " + host.host()
                        + " is not covered because " + why.text() + ", and a wildcard never matches more than one"
                        + " label: " + consequence + ".",
                        "Add 'mx: " + host.host() + "' (or 'mx: *." + host.host().parent().map(DomainName::value)
                                .orElse("") + "') to the policy, with a new id.");
            } else if (!noneCovered) { // when none is covered, POLICY_MX_COVERS_NO_MX above names every host
                findings.add(FindingCode.MX_NOT_COVERED, severity, "mx " + host.host(), "MX host " + host.host()
                        + " (preference " + host.preference() + ") matches no mx pattern of the policy (" + patternList
                        + "): " + why.text() + "; " + consequence + ".", notCoveredFix(host.host(), why));
            }
        }
        for (MxPattern pattern : noneCovered ? List.<MxPattern>of() : policy.mx()) {
            if (hosts.stream().noneMatch(h -> pattern.matches(h.host()))) {
                findings.add(FindingCode.MX_PATTERN_UNUSED, Severity.INFO, "policy mx " + pattern, "The pattern '"
                        + pattern + "' matches none of the MX hosts of " + domain + " ("
                        + Quoting.list(hosts.stream().map(h -> h.host().value()).toList(), 10) + ").",
                        "Remove 'mx: " + pattern + "' if no MX record points to " + (pattern.isWildcard()
                        ? "a host it covers" : "that host") + " any more and none will; keep it while an MX"
                        + " change is planned.");
            }
        }
    }
}
