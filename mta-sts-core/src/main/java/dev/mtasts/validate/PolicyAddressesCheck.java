package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.MediaType;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.internal.Quoting;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.resolver.AddressAnswer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Deep diagnostics: the policy fetched from each address of the policy host on its own, compared by what a sender
 * that connects to that address gets: the status, the policy (and the SHA-256 digest of its bytes) and the leaf
 * certificate (its SHA-256 fingerprint). A sender picks one address; when they disagree, what it applies depends on
 * the address it picked. One {@code POLICY_ADDRESSES_DIFFER} finding, the most severe that applies:
 * <ul>
 *   <li>{@code ERROR} when some address serves a usable policy and another one serves what RFC 8461 senders ignore
 *       (a status other than 200, a redirect, a TLS failure, a type other than {@code text/plain}, a policy that
 *       does not parse): a sender that connects there ignores the policy.</li>
 *   <li>{@code WARNING} when addresses serve different valid policies (the fields that differ are named): each
 *       sender applies, and caches for its {@code max_age}, whichever it got.</li>
 *   <li>{@code INFO} when nothing a sender acts on differs: the same policy in other bytes, different
 *       certificates (common on CDNs, each edge with its own), or addresses that all fail, in different ways.</li>
 * </ul>
 * Addresses that could not be reached from where the check ran (no connection, or no answer before the check's own
 * deadline) are not compared: that says more about the network of the check than about the host, and senders move
 * on to the next address when a connection fails. Neither are the addresses the address policy refused, nor those
 * beyond the first {@code 8}; the message says which. A certificate about to expire at an address other than the one
 * the POLICY_FETCH layer checked is a {@code POLICY_CERT_EXPIRING} warning naming the address.
 *
 * <p>Nothing is compared when the fetch findings are not reported ({@link Disclosure#reported()}: no record
 * announces a policy and none is served), since whatever answers there is then nobody's policy.
 */
final class PolicyAddressesCheck {

    /** How many hex digits of a digest or fingerprint a message shows: 64 bits tell two apart. */
    private static final int SHOWN_DIGITS = 16;

    private final PolicyNames names;
    private final FindingList findings;
    private final Duration expiryWarning;

    PolicyAddressesCheck(PolicyNames names, FindingList findings) {
        this(names, findings, CertificateExpiry.MINIMUM);
    }

    /** @param expiryWarning the least time a certificate must stay valid (see {@link CertificateExpiry}) */
    PolicyAddressesCheck(PolicyNames names, FindingList findings, Duration expiryWarning) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
        this.expiryWarning = Objects.requireNonNull(expiryWarning, "expiryWarning");
    }

    /** What a sender connecting to one address gets, as far as comparing goes. */
    private enum Kind {
        /** A valid policy, served with status 200 as {@code text/plain}. */
        USABLE,
        /** An answer RFC 8461 senders ignore. */
        IGNORED,
        /** No answer to compare: not reached from here, or cut short by the check's deadline. */
        NOT_REACHED
    }

    /**
     * One address's answer.
     *
     * @param address what was fetched
     * @param kind    how senders take it
     * @param what    what it serves, in words ("answers HTTP 404", "serves mode enforce, max_age 604800, mx ...")
     * @param policy  the valid policy served, for {@link Kind#USABLE}
     * @param digest  the SHA-256 of the body of a 200 answer, in hex
     * @param leaf    the leaf certificate, when a TLS handshake completed
     */
    private record Served(InetAddress address, Kind kind, String what, Optional<MtaStsPolicy> policy,
                          Optional<String> digest, Optional<CertificateFacts> leaf) {

        String text() {
            return address.getHostAddress();
        }
    }

    void check(DiagnosticInput input) {
        Objects.requireNonNull(input, "input");
        List<PolicyFetch> fetches = input.observations().diagnostics().policyFetchesByAddress();
        if (fetches.size() < 2 || !input.policy().reported()) {
            return;
        }
        List<Served> served = new ArrayList<>();
        for (PolicyFetch f : fetches) {
            addressOf(f).ifPresent(a -> served.add(served(a, f)));
        }
        List<Served> reached = served.stream().filter(s -> s.kind() != Kind.NOT_REACHED).toList();
        String notCompared = notCompared(input, served);
        if (reached.size() >= 2) {
            compare(reached, notCompared);
        }
        expiringElsewhere(input, reached);
    }

    private void compare(List<Served> reached, String notCompared) {
        String host = names.policyHost();
        String url = names.policyUrl();
        List<Served> usable = reached.stream().filter(s -> s.kind() == Kind.USABLE).toList();
        List<Served> ignored = reached.stream().filter(s -> s.kind() == Kind.IGNORED).toList();
        String certificates = certificates(reached);
        Map<String, List<Served>> byPolicy = group(usable, s -> policyKey(s.policy().orElseThrow()));
        List<MtaStsPolicy> distinct = byPolicy.values().stream().map(g -> g.get(0).policy().orElseThrow()).toList();
        if (!usable.isEmpty() && !ignored.isEmpty()) {
            findings.add(FindingCode.POLICY_ADDRESSES_DIFFER, Severity.ERROR, url, "The addresses of " + host
                    + " answer differently: " + describe(usable) + ", but " + describe(ignored) + "; senders that"
                    + " connect to " + addresses(ignored) + " see no policy" + (distinct.size() < 2 ? ""
                    : ", and the policies served differ in " + differingFields(distinct))
                    + (certificates.isEmpty() ? ""
                    : " (the certificates differ too: " + certificates + ")") + notCompared + ".",
                    "Make every address of " + host + " serve the same policy file, with status 200 and"
                            + " 'Content-Type: text/plain' and a valid certificate: fix what answers at "
                            + addresses(ignored) + " (a CDN edge or an old server still in DNS), or remove it from"
                            + " DNS.");
            return;
        }
        if (byPolicy.size() >= 2) {
            findings.add(FindingCode.POLICY_ADDRESSES_DIFFER, Severity.WARNING, url, "The addresses of " + host
                    + " serve different policies: " + byPolicy.values().stream().map(PolicyAddressesCheck::describe)
                    .collect(Collectors.joining("; "))
                    + "; they differ in " + differingFields(distinct) + ", so each sender applies (and caches for its"
                    + " max_age) whichever it fetched" + (certificates.isEmpty() ? "" : " (the certificates differ"
                    + " too: " + certificates + ")") + notCompared + ".",
                    "Serve one policy file from every address of " + host + " (deploy it to every CDN edge or"
                            + " origin), then publish a new id in the _mta-sts record so that senders fetch it"
                            + " again.");
            return;
        }
        if (ignored.size() == reached.size() && group(ignored, Served::what).size() >= 2) {
            findings.add(FindingCode.POLICY_ADDRESSES_DIFFER, Severity.INFO, url, "No address of " + host
                    + " serves a usable policy, and they fail differently: " + describe(ignored) + notCompared + ".",
                    "Fix the policy host (see the findings above) at every address: " + addresses(ignored) + ".");
            return;
        }
        Map<String, List<Served>> byDigest = group(usable, s -> s.digest().orElse(""));
        if (byDigest.size() >= 2) {
            findings.add(FindingCode.POLICY_ADDRESSES_DIFFER, Severity.INFO, url, "The addresses of " + host
                    + " serve the same policy in different bytes (SHA-256 " + byDigest.entrySet().stream()
                    .map(e -> short16(e.getKey()) + "… at " + addresses(e.getValue()))
                    .collect(Collectors.joining(", ")) + "): line endings, comments or spacing differ"
                    + (certificates.isEmpty() ? "" : "; the certificates differ too: " + certificates)
                    + notCompared + ".", "Nothing breaks; serve one file everywhere, so that a later change"
                    + " reaches every address.");
            return;
        }
        if (!certificates.isEmpty()) {
            findings.add(FindingCode.POLICY_ADDRESSES_DIFFER, Severity.INFO, url, "The addresses of " + host
                    + " serve the same policy with different certificates: " + certificates + notCompared + ".",
                    "Nothing breaks while each is valid; renew them together and watch the expiry of each (every"
                            + " CDN edge may hold its own).");
        }
    }

    /**
     * {@code POLICY_CERT_EXPIRING} for a certificate about to expire at an address whose certificate the
     * POLICY_FETCH layer did not see (it checked the one of the validation's own fetch).
     */
    private void expiringElsewhere(DiagnosticInput input, List<Served> reached) {
        Optional<String> checked = input.observations().policyFetch().filter(f -> f.outcome() == FetchOutcome.OK)
                .flatMap(f -> f.certificates().stream().findFirst()).map(CertificateFacts::sha256Fingerprint);
        CertificateExpiry expiry = CertificateExpiry.of(expiryWarning, input.policy().usable());
        Instant now = input.checkedAt();
        Map<String, List<Served>> byLeaf = group(reached.stream().filter(s -> s.kind() == Kind.USABLE
                && s.leaf().isPresent()).toList(), s -> s.leaf().get().sha256Fingerprint());
        byLeaf.forEach((fingerprint, group) -> {
            CertificateFacts leaf = group.get(0).leaf().get();
            if (!checked.map(fingerprint::equals).orElse(false) && expiry.expiresSoon(leaf, now)) {
                PolicyFetchCheck.expiring(names, findings, expiry, leaf, " (at " + addresses(group) + ")", now);
            }
        });
    }

    /** @return ", not compared: ..." naming the addresses that were left out, and why; or "" */
    private static String notCompared(DiagnosticInput input, List<Served> served) {
        List<String> parts = new ArrayList<>();
        List<Served> unreached = served.stream().filter(s -> s.kind() == Kind.NOT_REACHED).toList();
        if (!unreached.isEmpty()) {
            parts.add(addresses(unreached) + " (" + Quoting.message(unreached.get(0).what()) + ")");
        }
        List<RefusedAddress> refused = input.observations().refusedAddresses();
        if (!refused.isEmpty()) {
            parts.add(Quoting.list(refused.stream().map(r -> r.address().getHostAddress()).toList(), 4)
                    + " (refused by the address policy)");
        }
        int all = input.observations().policyHostAddresses().map(AddressAnswer::addresses).map(List::size).orElse(0);
        int beyond = all - refused.size() - served.size();
        if (beyond > 0) {
            parts.add(beyond + " more address" + (beyond == 1 ? "" : "es") + " (beyond the first "
                    + served.size() + ")");
        }
        return parts.isEmpty() ? "" : "; not compared: " + String.join(", ", parts);
    }

    /** @return the address a fetch of one address was for: where it connected, or where it failed to */
    private static Optional<InetAddress> addressOf(PolicyFetch f) {
        return f.address().or(() -> f.failedAddresses().stream().findFirst().map(a -> a.address()))
                .map(InetSocketAddress::getAddress);
    }

    private static Served served(InetAddress address, PolicyFetch f) {
        Optional<CertificateFacts> leaf = f.outcome() == FetchOutcome.TLS_FAILURE ? Optional.empty()
                : f.certificates().stream().findFirst();
        if (f.address().isEmpty()) {
            String why = f.failedAddresses().stream().findFirst().map(a -> a.reason()).orElse(f.detail());
            return new Served(address, Kind.NOT_REACHED, why.isEmpty() ? "not reached" : why, Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        String status = f.statusCode().isPresent() ? String.valueOf(f.statusCode().getAsInt()) : "?";
        return switch (f.outcome()) {
            case OK -> ok(address, f, leaf);
            case HTTP_STATUS -> ignored(address, "answers HTTP " + status, leaf);
            case REDIRECT -> ignored(address, "answers HTTP " + status + " redirecting to '"
                    + Quoting.message(f.location().orElse("?")) + "'", leaf);
            case TLS_FAILURE -> ignored(address, "fails TLS (" + tlsFailure(f) + ")", Optional.empty());
            case TOO_LARGE -> ignored(address, "sends more than 64 KiB", leaf);
            case PROTOCOL_ERROR -> ignored(address, "sends a malformed HTTP response", leaf);
            case TIMEOUT -> f.elapsed().compareTo(PolicyFetchCheck.MINUTE_REACHED) >= 0
                    ? ignored(address, "sends no complete response within a minute", leaf)
                    : new Served(address, Kind.NOT_REACHED, "no answer before this check's deadline",
                    Optional.empty(), Optional.empty(), Optional.empty());
            case CONNECT_FAILURE -> new Served(address, Kind.NOT_REACHED, f.detail().isEmpty() ? "not reached"
                    : f.detail(), Optional.empty(), Optional.empty(), Optional.empty());
        };
    }

    private static Served ok(InetAddress address, PolicyFetch f, Optional<CertificateFacts> leaf) {
        Optional<String> digest = Optional.of(sha256(f.body()));
        List<String> types = f.headers().getOrDefault("content-type", List.of());
        if (types.isEmpty() || !types.stream().allMatch(t -> MediaType.parse(t).map(MediaType::isTextPlain)
                .orElse(false))) {
            String type = types.isEmpty() ? "no Content-Type" : "Content-Type '" + Quoting.message(String.join(
                    " | ", types)) + "'";
            return new Served(address, Kind.IGNORED, "answers 200 with " + type + ", not text/plain",
                    Optional.empty(), digest, leaf);
        }
        Optional<MtaStsPolicy> policy = PolicyParser.lenient().parse(f.body()).policy();
        if (policy.isEmpty()) {
            return new Served(address, Kind.IGNORED, "serves a policy that does not parse (SHA-256 "
                    + short16(digest.get()) + "…)", Optional.empty(), digest, leaf);
        }
        return new Served(address, Kind.USABLE, "serves " + summary(policy.get()), policy, digest, leaf);
    }

    private static Served ignored(InetAddress address, String what, Optional<CertificateFacts> leaf) {
        return new Served(address, Kind.IGNORED, what, Optional.empty(), Optional.empty(), leaf);
    }

    private static String tlsFailure(PolicyFetch f) {
        TlsFailureCategory category = f.tlsFailure().orElse(TlsFailureCategory.HANDSHAKE);
        Optional<CertificateFacts> leaf = f.certificates().stream().findFirst();
        return switch (category) {
            case EXPIRED -> "certificate expired" + leaf.map(c -> " on " + CertificateExpiry.date(c.notAfter()))
                    .orElse("");
            case NOT_YET_VALID -> "certificate not valid until" + leaf.map(c -> " " + CertificateExpiry.date(
                    c.notBefore())).orElse(" later");
            case UNTRUSTED -> "untrusted certificate";
            case HOSTNAME_MISMATCH -> "certificate for " + leaf.map(c -> c.dnsNames().isEmpty() ? "no DNS names"
                    : Quoting.list(c.dnsNames(), 4)).orElse("another name");
            default -> "handshake failed" + (f.detail().isEmpty() ? "" : ": " + Quoting.message(f.detail()));
        };
    }

    /** @return "mode enforce, max_age 604800, mx mx1.example.com, mx2.example.com" */
    private static String summary(MtaStsPolicy p) {
        return "mode " + p.mode().token() + ", max_age " + p.maxAgeSeconds() + (p.mx().isEmpty() ? ", no mx"
                : ", mx " + Quoting.list(p.mx().stream().map(MxPattern::text).toList(), 6))
                + (p.extensions().isEmpty() ? "" : ", " + p.extensions().size() + " extension field"
                + (p.extensions().size() == 1 ? "" : "s"));
    }

    /** @return what makes two policies the same for a sender: the fields, with the mx patterns as a set */
    private static String policyKey(MtaStsPolicy p) {
        Set<String> mx = new java.util.TreeSet<>(p.mx().stream().map(MxPattern::text).toList());
        return p.version() + "|" + p.mode() + "|" + p.maxAgeSeconds() + "|" + mx + "|" + p.extensions();
    }

    /** @return "mode and max_age": the fields in which the policies differ */
    private static String differingFields(List<MtaStsPolicy> policies) {
        List<String> fields = new ArrayList<>();
        if (policies.stream().map(MtaStsPolicy::mode).distinct().count() > 1) {
            fields.add("mode");
        }
        if (policies.stream().map(p -> new java.util.TreeSet<>(p.mx().stream().map(MxPattern::text).toList()))
                .distinct().count() > 1) {
            fields.add("mx");
        }
        if (policies.stream().map(MtaStsPolicy::maxAgeSeconds).distinct().count() > 1) {
            fields.add("max_age");
        }
        if (policies.stream().map(MtaStsPolicy::extensions).distinct().count() > 1) {
            fields.add("extension fields");
        }
        if (fields.isEmpty()) {
            return "the order of their fields";
        }
        return fields.size() == 1 ? fields.get(0) : String.join(", ", fields.subList(0, fields.size() - 1))
                + " and " + fields.get(fields.size() - 1);
    }

    /** @return "127.0.0.1 serves mode enforce, ...; 127.0.0.2 and 127.0.0.3 answer HTTP 404", grouped by answer */
    private static String describe(List<Served> served) {
        return group(served, Served::what).values().stream().map(g -> addresses(g) + " " + (g.size() == 1
                ? g.get(0).what() : plural(g.get(0).what()))).collect(Collectors.joining(", "));
    }

    /** @return the verb of a description in the plural: "answers HTTP 404" to "answer HTTP 404" */
    private static String plural(String what) {
        int space = what.indexOf(' ');
        String verb = space < 0 ? what : what.substring(0, space);
        return (verb.endsWith("s") ? verb.substring(0, verb.length() - 1) : verb)
                + (space < 0 ? "" : what.substring(space));
    }

    /** @return "127.0.0.1 presents SHA-256 ab12…(expires 2027-01-01), 127.0.0.2 presents ..."; "" when all agree */
    private static String certificates(List<Served> reached) {
        Map<String, List<Served>> byLeaf = group(reached.stream().filter(s -> s.leaf().isPresent()).toList(),
                s -> s.leaf().get().sha256Fingerprint());
        if (byLeaf.size() < 2) {
            return "";
        }
        return byLeaf.values().stream().map(g -> {
            CertificateFacts leaf = g.get(0).leaf().get();
            return addresses(g) + " present" + (g.size() == 1 ? "s" : "") + " SHA-256 "
                    + short16(leaf.sha256Fingerprint()) + "… (expires " + CertificateExpiry.date(leaf.notAfter())
                    + ")";
        }).collect(Collectors.joining(", "));
    }

    private static <K> Map<K, List<Served>> group(List<Served> served, Function<Served, K> key) {
        Map<K, List<Served>> out = new LinkedHashMap<>();
        served.forEach(s -> out.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s));
        return out;
    }

    private static String addresses(List<Served> served) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(served.stream().map(Served::text).toList()));
        if (all.size() <= 1) {
            return String.join("", all);
        }
        return String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.get(all.size() - 1);
    }

    private static String short16(String hex) {
        return hex.length() <= SHOWN_DIGITS ? hex : hex.substring(0, SHOWN_DIGITS);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
