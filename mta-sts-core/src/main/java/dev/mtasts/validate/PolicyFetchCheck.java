package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.internal.Quoting;
import dev.mtasts.Severity;
import dev.mtasts.fetcher.AddressFailure;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.MediaType;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.PolicyFetchRequest;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.PolicyParser;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.report.RefusedAddress;
import dev.mtasts.resolver.AddressAnswer;
import dev.mtasts.resolver.DnsOutcome;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Layer 2, {@code POLICY_FETCH}: {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (RFC 8461 §3.3, rules
 * B1 to B16). Reports everything it sees; whether its findings reach the report is the {@link Disclosure}'s call.
 *
 * <p>Time: a response within the minute RFC 8461 §3.3 suggests is a policy, but one slower than
 * {@link #SLOW} is a {@code WARNING} ({@code POLICY_SLOW}) naming the real senders' budgets it exceeds. A time-out
 * that reached the minute is an {@code ERROR}; one that came earlier because the validation's own deadline was
 * shorter is a {@code WARNING}, and the check is then cut short (the report is {@code inconclusive}).
 */
final class PolicyFetchCheck {

    /**
     * Certificates expiring sooner than this are flagged, or sooner than the served policy's {@code max_age} when
     * that is longer (see {@link CertificateExpiry}: senders that cache the policy must refresh it from this host
     * within {@code max_age}).
     */
    static final Duration EXPIRY_WARNING = CertificateExpiry.MINIMUM;

    /** A fetch that took longer than this is slow. */
    static final Duration SLOW = Duration.ofSeconds(2);

    /** How long real senders wait for a policy (many far less than the RFC's minute). */
    static final List<Duration> SENDER_BUDGETS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(15), Duration.ofSeconds(30));

    /**
     * A time-out at or after this reached the minute senders wait: the fetcher gives HTTPS
     * {@link PolicyFetchRequest#RESPONSE_LIMIT 60 seconds} of its budget, and a second is allowed for scheduling.
     */
    static final Duration MINUTE_REACHED = PolicyFetchRequest.RESPONSE_LIMIT.minusSeconds(1);

    /**
     * What the fetch established.
     *
     * @param body              the body of a 200 {@code OK} fetch
     * @param servedAsTextPlain true when that body came as {@code text/plain}, so that senders that check the media
     *                          type use it
     * @param cutShort          true when the check gave up before the minute senders wait (its own deadline was
     *                          shorter): whether the policy is there is unknown
     */
    record Result(Optional<byte[]> body, boolean servedAsTextPlain, boolean cutShort) {
        Result {
            Objects.requireNonNull(body, "body");
        }

        static final Result NOTHING = new Result(Optional.empty(), false, false);
    }

    private final PolicyNames names;
    private final String url;
    private final FindingList findings;
    private final Duration expiryWarning;
    /** The CNAME chain of the policy host, for a certificate mismatch behind an alias (RFC 8461 §8.2). */
    private List<DomainName> policyHostAliases = List.of();

    PolicyFetchCheck(PolicyNames names, FindingList findings) {
        this(names, findings, EXPIRY_WARNING);
    }

    /**
     * @param expiryWarning the least time a certificate must stay valid (the policy's {@code max_age} counts too
     *                      when longer); positive
     */
    PolicyFetchCheck(PolicyNames names, FindingList findings, Duration expiryWarning) {
        this.names = Objects.requireNonNull(names, "names");
        this.url = names.policyUrl();
        this.findings = Objects.requireNonNull(findings, "findings");
        this.expiryWarning = Objects.requireNonNull(expiryWarning, "expiryWarning");
    }

    /**
     * @param addresses the policy host's addresses, empty when the host name cannot exist
     * @param refused   the addresses the address policy refused, with reasons
     * @param fetch     the fetch, empty when it did not run
     * @param now       the time of the check, for certificate expiry
     */
    Result check(Optional<AddressAnswer> addresses, List<RefusedAddress> refused, Optional<PolicyFetch> fetch,
                 Instant now) {
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(refused, "refused");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(now, "now");
        if (addresses.isEmpty() || !addressesUsable(addresses.get(), refused) || fetch.isEmpty()) {
            return Result.NOTHING;
        }
        PolicyFetch f = fetch.get();
        policyHostAliases = addresses.get().result().cnameChain();
        if (f.outcome() == FetchOutcome.OK && f.elapsed().compareTo(PolicyFetchRequest.RESPONSE_LIMIT) > 0) {
            // a fetcher with a budget over the minute (no diagnostic to keep time for) got it, senders would not
            findings.add(FindingCode.POLICY_TIMEOUT, Severity.ERROR, url, "Fetching " + url + " took "
                            + f.elapsed().toMillis() + " ms" + at(f) + ", more than the minute RFC 8461 §3.3 suggests"
                            + " senders wait; senders that follow it give up first and apply no policy.",
                    "Make " + names.policyHost() + " answer within a second or two: serve the policy as a static"
                            + " file, without a slow back end or proxy.");
            findings.add(FindingCode.STS_RECORD_WITHOUT_POLICY, Severity.ERROR, url, "The _mta-sts record announces a"
                            + " policy, but " + url + " answers too late for senders; they act as if the domain had no"
                            + " MTA-STS (or keep a policy they cached earlier).",
                    "Fix the slow policy host above.");
            return Result.NOTHING;
        }
        if (f.outcome() == FetchOutcome.OK) {
            boolean textPlain = checkMediaType(f);
            checkTime(f);
            // the policy senders apply, for its max_age (parsed again, with its findings, by the POLICY_PARSE layer)
            Optional<MtaStsPolicy> usable = textPlain ? PolicyParser.lenient().parse(f.body()).policy()
                    : Optional.empty();
            checkExpiry(f, now, usable);
            return new Result(Optional.of(f.body()), textPlain, false);
        }
        if (f.outcome() == FetchOutcome.TIMEOUT && f.elapsed().compareTo(MINUTE_REACHED) < 0) {
            cutShort(f);
            return new Result(Optional.empty(), false, true);
        }
        failure(f);
        f.plainHttp().filter(p -> p.policyServed()).ifPresent(p ->
                findings.add(FindingCode.POLICY_HTTP_ONLY, Severity.ERROR, "http://" + names.policyHost()
                                + "/.well-known/mta-sts.txt", "The policy is served over plain http:// but not over"
                                + " https://; senders only fetch it over HTTPS with a valid certificate.",
                        "Serve the same file over HTTPS on " + names.policyHost() + " with a certificate valid for"
                                + " that name."));
        findings.add(FindingCode.STS_RECORD_WITHOUT_POLICY, Severity.ERROR, url, "The _mta-sts record announces a"
                        + " policy, but it cannot be fetched from " + url + "; senders act as if the domain had no"
                        + " MTA-STS (or keep a policy they cached earlier).",
                "Fix the fetch problem above, or, to retire MTA-STS, follow RFC 8461 §8.3 (publish mode: none first).");
        return Result.NOTHING;
    }

    private boolean addressesUsable(AddressAnswer answer, List<RefusedAddress> refused) {
        String subject = names.policyHostSubject();
        String host = names.policyHost();
        if (answer.outcome().isFailure()) {
            findings.addIn(Layer.POLICY_FETCH, FindingCode.DNS_LOOKUP_FAILED, Severity.ERROR, subject,
                    "The look-up of " + host + " A/AAAA failed with " + DnsWording.failure(answer.result()) + ".",
                    DnsWording.lookupFailedRemediation(host));
            notFetched();
            return false;
        }
        if (answer.addresses().isEmpty()) {
            findings.add(FindingCode.POLICY_HOST_NOT_FOUND, Severity.ERROR, subject, "The policy host " + host
                    + (answer.outcome() == DnsOutcome.NXDOMAIN ? " does not exist (NXDOMAIN)"
                    : " has no A or AAAA record") + ", so no sender can fetch the policy.",
                    "Create " + host + " (an A/AAAA record or a CNAME to your web host) and serve the policy there"
                            + " over HTTPS.");
            notFetched();
            return false;
        }
        if (refused.isEmpty()) {
            return true;
        }
        boolean allRefused = refused.stream().map(RefusedAddress::address).toList().containsAll(answer.addresses());
        if (allRefused) {
            findings.add(FindingCode.POLICY_HOST_ADDRESS_REFUSED, Severity.ERROR, subject, "Every address of "
                    + host + " was refused by the validator's address policy: " + refusals(refused)
                    + "; the validator did not connect, and senders on the Internet cannot reach such addresses.",
                    "Point " + host + " at a public address; to check an internal deployment, allow private"
                            + " addresses in the validator.");
            notFetched();
            return false;
        }
        findings.add(FindingCode.POLICY_HOST_ADDRESS_REFUSED, Severity.WARNING, subject, "Some addresses of "
                + host + " were refused by the validator's address policy: " + refusals(refused) + "; senders"
                + " that pick them fail to fetch the policy and must try another address.",
                "Publish only public addresses for " + host + ".");
        return true;
    }

    private static String refusals(List<RefusedAddress> refused) {
        return refused.stream().map(r -> r.address().getHostAddress() + " (" + r.reason() + ")")
                .collect(Collectors.joining("; "));
    }

    private void notFetched() {
        findings.add(FindingCode.STS_RECORD_WITHOUT_POLICY, Severity.ERROR, url, "The _mta-sts record announces a"
                        + " policy, but " + url + " cannot be reached; senders act as if the domain had no MTA-STS"
                        + " (or keep a policy they cached earlier).",
                "Fix the policy host above, or, to retire MTA-STS, follow RFC 8461 §8.3 (publish mode: none first).");
    }

    private void failure(PolicyFetch f) {
        String at = at(f);
        String detail = f.detail().isEmpty() ? "" : ": " + f.detail();
        String host = names.policyHost();
        switch (f.outcome()) {
            case HTTP_STATUS -> findings.add(FindingCode.POLICY_HTTP_STATUS, Severity.ERROR, url, url + " answered HTTP "
                    + status(f) + at + "; only 200 counts, so senders see no policy.",
                    "Serve the policy file at exactly /.well-known/mta-sts.txt with status 200.");
            case REDIRECT -> findings.add(FindingCode.POLICY_REDIRECT, Severity.ERROR, url, url + " answered HTTP "
                    + status(f) + " redirecting to '" + Quoting.message(f.location().orElse("?")) + "'" + at
                    + "; senders never follow redirects (RFC 8461 §3.3).",
                    "Serve the file directly from " + host + " with status 200; exempt /.well-known/mta-sts.txt from"
                            + " any redirect to www or to another host.");
            case TLS_FAILURE -> tlsFailure(f, at, detail);
            case CONNECT_FAILURE -> findings.add(FindingCode.POLICY_CONNECT_FAILED, Severity.ERROR, url,
                    "No address of " + host + " accepted an HTTPS connection" + failedAddresses(f) + detail + ".",
                    "Make " + host + " listen on port 443 with HTTPS.");
            case TIMEOUT -> findings.add(FindingCode.POLICY_TIMEOUT, Severity.ERROR, url, "Fetching " + url
                    + " got no complete response in " + f.elapsed().toMillis() + " ms" + at + detail + ": senders"
                    + " wait at most the minute RFC 8461 §3.3 suggests, so they apply no policy.",
                    "Make the policy host answer within a second or two: serve the file as a static file, and check"
                            + " the network path and any proxy in front of " + host + ".");
            case TOO_LARGE -> findings.add(FindingCode.POLICY_TOO_LARGE, Severity.ERROR, url, url
                    + " sent more than 64 KiB" + at + "; senders stop reading at 64 KiB and ignore the policy.",
                    "Serve only the policy file: a few lines of version, mode, mx and max_age.");
            case PROTOCOL_ERROR -> findings.add(FindingCode.POLICY_PROTOCOL_ERROR, Severity.ERROR, url, url
                    + " sent a malformed HTTP response" + at + detail + ".",
                    "Check the web server or proxy in front of " + host + ".");
            case OK -> throw new IllegalStateException("an OK fetch is not a failure");
        }
    }

    /** The validation's deadline ended the fetch before the minute: a warning, and nothing is known. */
    private void cutShort(PolicyFetch f) {
        long ms = f.elapsed().toMillis();
        String slowFor = budgetsExceeded(f.elapsed()).map(b -> "; senders that wait " + b + " give up already")
                .orElse("");
        findings.add(FindingCode.POLICY_TIMEOUT, Severity.WARNING, url, "This check gave up on " + url + " after " + ms
                        + " ms" + at(f) + ", before the minute that senders following RFC 8461 §3.3 wait: its own"
                        + " deadline was shorter, so whether those senders get the policy is unknown" + slowFor + ".",
                "Check again with a longer deadline (the validator's default of 75 seconds covers the minute), and"
                        + " make " + names.policyHost() + " answer within a second or two.");
    }

    private void checkTime(PolicyFetch f) {
        Optional<String> exceeded = budgetsExceeded(f.elapsed());
        exceeded.ifPresent(budgets -> findings.add(FindingCode.POLICY_SLOW, Severity.WARNING, url, "Fetching " + url
                        + " took " + f.elapsed().toMillis() + " ms" + at(f) + ": within the minute RFC 8461 §3.3"
                        + " suggests, but senders that wait " + budgets + " give up before it answers and apply no"
                        + " policy.",
                "Make " + names.policyHost() + " answer within a second or two: serve the policy as a static file,"
                        + " close to its clients, without a slow back end or proxy."));
    }

    /** @return the sender budgets a fetch of this duration exceeds, in words ({@code "2 s or 4 s"}), when slow */
    static Optional<String> budgetsExceeded(Duration elapsed) {
        Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.compareTo(SLOW) <= 0) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (Duration budget : SENDER_BUDGETS) {
            if (elapsed.compareTo(budget) > 0) {
                names.add(budget.toSeconds() + " s");
            }
        }
        if (names.size() == 1) {
            return Optional.of(names.get(0));
        }
        return Optional.of(String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
    }

    private void tlsFailure(PolicyFetch f, String at, String detail) {
        String host = names.policyHost();
        TlsFailureCategory category = f.tlsFailure().orElse(TlsFailureCategory.HANDSHAKE);
        Optional<CertificateFacts> leaf = f.certificates().stream().findFirst();
        String dnsNames = leaf.map(c -> c.dnsNames().isEmpty() ? "no DNS names" : "names "
                + String.join(", ", c.dnsNames())).orElse("an unknown certificate");
        String fix = "Install a certificate for " + host + " from a public CA (such as Let's Encrypt), with the full"
                + " chain, valid now.";
        switch (category) {
            case UNTRUSTED -> findings.add(FindingCode.POLICY_TLS_UNTRUSTED, Severity.ERROR, url, "The certificate of "
                    + host + at + " does not chain to a trusted root" + leaf.map(c -> " (issuer " + c.issuer() + ")")
                    .orElse("") + detail + "; senders reject the policy.", fix);
            case EXPIRED -> findings.add(FindingCode.POLICY_TLS_EXPIRED, Severity.ERROR, url, "The certificate of "
                    + host + at + " expired" + leaf.map(c -> " on " + c.notAfter()).orElse("")
                    + "; senders reject the policy.", "Renew the certificate of " + host + " and automate renewal.");
            case NOT_YET_VALID -> findings.add(FindingCode.POLICY_TLS_NOT_YET_VALID, Severity.ERROR, url,
                    "The certificate of " + host + at + " is not valid until" + leaf.map(c -> " " + c.notBefore())
                            .orElse(" later") + "; senders reject the policy.",
                    "Check the clock of the issuing system and install a certificate that is valid now.");
            case HOSTNAME_MISMATCH -> findings.add(FindingCode.POLICY_TLS_HOSTNAME_MISMATCH, Severity.ERROR, url,
                    "The certificate of " + host + at + " is not valid for " + host + ": it has " + dnsNames
                            + (policyHostAliases.isEmpty() ? ""
                            : AliasWording.certificateBehindAlias(host, policyHostAliases))
                            + "; senders reject the policy.", policyHostAliases.isEmpty()
                            ? "Install a certificate whose subjectAltName lists " + host + " (a wildcard *."
                            + names.domain() + " also works)."
                            : AliasWording.certificateBehindAliasRemediation(host, policyHostAliases));
            default -> findings.add(FindingCode.POLICY_TLS_HANDSHAKE, Severity.ERROR, url, "The TLS handshake"
                    + " with " + host + at + " failed" + detail + ".", "Serve HTTPS with TLS 1.2 or newer and a"
                    + " certificate for " + host + ".");
        }
    }

    /**
     * RFC 8461 §3.2: senders SHOULD check that the media type is {@code text/plain}. A missing header or another
     * type is an {@code ERROR} (a sender following that SHOULD ignores the policy; B13); several headers are an
     * {@code ERROR} unless every one says {@code text/plain}, and then a {@code WARNING} (the field is a singleton,
     * RFC 9110 §8.3).
     *
     * @return true when senders that check the media type accept it
     */
    private boolean checkMediaType(PolicyFetch f) {
        List<String> values = f.headers().getOrDefault("content-type", List.of());
        String fix = "Serve the file with exactly one 'Content-Type: text/plain' header.";
        if (values.isEmpty()) {
            findings.add(FindingCode.POLICY_CONTENT_TYPE, Severity.ERROR, url, url + " has no Content-Type header;"
                    + " senders that follow RFC 8461 §3.2 check for text/plain and ignore the policy.", fix);
            return false;
        }
        if (values.size() > 1) {
            boolean allPlain = values.stream().allMatch(PolicyFetchCheck::isTextPlain);
            String listed = Quoting.message(String.join(" | ", values));
            if (allPlain) {
                findings.add(FindingCode.POLICY_CONTENT_TYPE, Severity.WARNING, url, url + " sends " + values.size()
                        + " Content-Type headers (" + listed + "); all say text/plain, but the field may appear once"
                        + " (RFC 9110), and strict HTTP clients may refuse the response.", fix);
                return true;
            }
            findings.add(FindingCode.POLICY_CONTENT_TYPE, Severity.ERROR, url, url + " sends " + values.size()
                    + " Content-Type headers (" + listed + "), not all text/plain; the field may appear once (RFC"
                    + " 9110), and senders that read a value other than text/plain ignore the policy.", fix);
            return false;
        }
        if (!isTextPlain(values.get(0))) {
            findings.add(FindingCode.POLICY_CONTENT_TYPE, Severity.ERROR, url, url + " is served as '"
                    + Quoting.message(values.get(0)) + "', not text/plain; senders that follow RFC 8461 §3.2 check the"
                    + " media type and ignore the policy.", fix);
            return false;
        }
        return true;
    }

    private static boolean isTextPlain(String contentType) {
        return MediaType.parse(contentType).map(MediaType::isTextPlain).orElse(false);
    }

    private void checkExpiry(PolicyFetch f, Instant now, Optional<MtaStsPolicy> usable) {
        CertificateExpiry expiry = CertificateExpiry.of(expiryWarning, usable);
        f.certificates().stream().findFirst().filter(leaf -> expiry.expiresSoon(leaf, now))
                .ifPresent(leaf -> expiring(names, findings, expiry, leaf, at(f), now));
    }

    /**
     * Adds a {@code POLICY_CERT_EXPIRING} warning.
     *
     * @param at where the certificate was presented, " (at 192.0.2.1)", or ""
     */
    static void expiring(PolicyNames names, FindingList findings, CertificateExpiry expiry, CertificateFacts leaf,
                         String at, Instant now) {
        String host = names.policyHost();
        String date = CertificateExpiry.date(leaf.notAfter());
        findings.add(FindingCode.POLICY_CERT_EXPIRING, Severity.WARNING, names.policyUrl(), "The certificate of "
                + host + at + " expires " + CertificateExpiry.when(leaf, now) + ", " + expiry.tooSoon(now)
                + "; from then on senders cannot fetch the policy" + (expiry.byMaxAge() ? " or refresh a cached one:"
                + " they keep applying what they cached, changes included, until it runs out, and then none" : "")
                + ".", "Renew the certificate of " + host + " before " + date + " and automate renewal"
                + (expiry.byMaxAge() ? ", so that it always stays valid longer than the policy's max_age ("
                + CertificateExpiry.days(expiry.horizon()) + "), or lower max_age" : "") + ".");
    }

    private static String at(PolicyFetch f) {
        return f.address().map(a -> " (at " + hostAddress(a) + ")").orElse("");
    }

    private static String status(PolicyFetch f) {
        return f.statusCode().isPresent() ? String.valueOf(f.statusCode().getAsInt()) : "?";
    }

    private static String failedAddresses(PolicyFetch f) {
        if (f.failedAddresses().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (");
        for (int i = 0; i < f.failedAddresses().size(); i++) {
            if (i > 0) {
                out.append("; ");
            }
            AddressFailure failure = f.failedAddresses().get(i);
            out.append(hostAddress(failure.address())).append(": ").append(failure.reason());
        }
        return out.append(')').toString();
    }

    /** @return the address in words; a fetcher may report an unresolved one, which has only its host string */
    private static String hostAddress(InetSocketAddress address) {
        return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    }
}
