package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.fetcher.CertificateFacts;
import dev.mtasts.fetcher.FetchOutcome;
import dev.mtasts.fetcher.MediaType;
import dev.mtasts.fetcher.PolicyFetch;
import dev.mtasts.fetcher.TlsFailureCategory;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Layer;
import dev.mtasts.resolver.AddressAnswer;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Layer 2, {@code POLICY_FETCH}: {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (RFC 8461 §3.3, rules
 * B1 to B16). Failures are findings only when the {@code _mta-sts} record announces a policy; without a record,
 * an unreachable policy host is simply part of "not deployed".
 */
final class PolicyFetchCheck {

    /** Certificates expiring sooner than this are flagged. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(14);

    private final DomainName host;
    private final String url;
    private final FindingList findings;
    private final boolean announced;
    private Optional<byte[]> body = Optional.empty();

    PolicyFetchCheck(DomainName domain, RecordState recordState, FindingList findings) {
        this.host = domain.prefixedWith("mta-sts");
        this.url = "https://" + host + "/.well-known/mta-sts.txt";
        this.findings = findings;
        this.announced = recordState.announcesPolicy();
    }

    /** @return the body of a 200 {@code OK} fetch */
    Optional<byte[]> body() {
        return body;
    }

    void check(Optional<AddressAnswer> addresses, Map<InetAddress, String> refused, Optional<PolicyFetch> fetch,
               Instant now) {
        if (!addressesUsable(addresses, refused)) {
            return;
        }
        if (fetch.isEmpty()) {
            return;
        }
        PolicyFetch f = fetch.get();
        if (f.outcome() == FetchOutcome.OK) {
            body = Optional.of(f.body());
            checkMediaType(f);
            checkExpiry(f, now);
            return;
        }
        if (!announced) {
            return;
        }
        failure(f);
        f.plainHttp().filter(p -> p.policyServed()).ifPresent(p ->
                findings.add(FindingCode.POLICY_HTTP_ONLY, Severity.ERROR, "http://" + host + "/.well-known/mta-sts.txt",
                        "The policy is served over plain http:// but not over https://; senders only fetch it over"
                                + " HTTPS with a valid certificate.",
                        "Serve the same file over HTTPS on " + host + " with a certificate valid for that name."));
        findings.add(FindingCode.STS_RECORD_WITHOUT_POLICY, Severity.ERROR, url, "The _mta-sts record announces a"
                        + " policy, but it cannot be fetched from " + url + "; senders act as if the domain had no"
                        + " MTA-STS (or keep a policy they cached earlier).",
                "Fix the fetch problem above, or, to retire MTA-STS, follow RFC 8461 §8.3 (publish mode: none first).");
    }

    private boolean addressesUsable(Optional<AddressAnswer> addresses, Map<InetAddress, String> refused) {
        String subject = "dns:" + host + " A/AAAA";
        if (addresses.isEmpty()) {
            return false;
        }
        AddressAnswer answer = addresses.get();
        if (answer.outcome().isFailure()) {
            if (announced) {
                findings.addIn(Layer.POLICY_FETCH, FindingCode.DNS_LOOKUP_FAILED, Severity.ERROR, subject,
                        "The look-up of " + host
                        + " A/AAAA failed with " + Dns.describeFailure(answer.result()) + ".",
                        Dns.lookupFailedRemediation(host.value()));
                notFetched();
            }
            return false;
        }
        if (answer.addresses().isEmpty()) {
            if (announced) {
                findings.add(FindingCode.POLICY_HOST_NOT_FOUND, Severity.ERROR, subject, "The policy host " + host
                        + (answer.outcome() == dev.mtasts.resolver.DnsOutcome.NXDOMAIN ? " does not exist (NXDOMAIN)"
                        : " has no A or AAAA record") + ", so no sender can fetch the policy.",
                        "Create " + host + " (an A/AAAA record or a CNAME to your web host) and serve the policy there"
                                + " over HTTPS.");
                notFetched();
            }
            return false;
        }
        if (answer.addresses().stream().allMatch(refused::containsKey)) {
            if (announced) {
                findings.add(FindingCode.POLICY_HOST_ADDRESS_REFUSED, Severity.ERROR, subject, "Every address of "
                        + host + " was refused by the validator's address policy: " + refusals(refused)
                        + "; the validator did not connect, and senders on the Internet cannot reach such addresses.",
                        "Point " + host + " at a public address; to check an internal deployment, allow private"
                                + " addresses in the validator.");
                notFetched();
            }
            return false;
        }
        if (!refused.isEmpty() && announced) {
            findings.add(FindingCode.POLICY_HOST_ADDRESS_REFUSED, Severity.WARNING, subject, "Some addresses of "
                    + host + " were refused by the validator's address policy: " + refusals(refused) + "; senders"
                    + " that pick them fail to fetch the policy and must try another address.",
                    "Publish only public addresses for " + host + ".");
        }
        return true;
    }

    private static String refusals(Map<InetAddress, String> refused) {
        StringBuilder out = new StringBuilder();
        refused.forEach((address, why) -> out.append(out.length() == 0 ? "" : "; ")
                .append(address.getHostAddress()).append(" (").append(why).append(')'));
        return out.toString();
    }

    private void notFetched() {
        findings.add(FindingCode.STS_RECORD_WITHOUT_POLICY, Severity.ERROR, url, "The _mta-sts record announces a"
                        + " policy, but " + url + " cannot be reached; senders act as if the domain had no MTA-STS"
                        + " (or keep a policy they cached earlier).",
                "Fix the policy host above, or, to retire MTA-STS, follow RFC 8461 §8.3 (publish mode: none first).");
    }

    private void failure(PolicyFetch f) {
        String at = f.address().map(a -> " (at " + a.getAddress().getHostAddress() + ")").orElse("");
        String detail = f.detail().isEmpty() ? "" : ": " + f.detail();
        switch (f.outcome()) {
            case HTTP_STATUS -> findings.add(FindingCode.POLICY_HTTP_STATUS, Severity.ERROR, url, url + " answered HTTP "
                    + status(f) + at + "; only 200 counts, so senders see no policy.",
                    "Serve the policy file at exactly /.well-known/mta-sts.txt with status 200.");
            case REDIRECT -> findings.add(FindingCode.POLICY_REDIRECT, Severity.ERROR, url, url + " answered HTTP "
                    + status(f) + " redirecting to '" + Quote.of(f.location().orElse("?")) + "'" + at
                    + "; senders never follow redirects (RFC 8461 §3.3).",
                    "Serve the file directly from " + host + " with status 200; exempt /.well-known/mta-sts.txt from"
                            + " any redirect to www or to another host.");
            case TLS_FAILURE -> tlsFailure(f, at, detail);
            case CONNECT_FAILURE -> findings.add(FindingCode.POLICY_CONNECT_FAILED, Severity.ERROR, url,
                    "No address of " + host + " accepted an HTTPS connection" + failedAddresses(f) + detail + ".",
                    "Make " + host + " listen on port 443 with HTTPS.");
            case TIMEOUT -> findings.add(FindingCode.POLICY_TIMEOUT, Severity.ERROR, url, "Fetching " + url
                    + " did not complete in time (" + f.elapsed().toMillis() + " ms)" + at + detail + ".",
                    "Make the policy host answer within a few seconds: RFC 8461 §3.3 suggests senders wait a minute"
                            + " at most, and many wait far less (postfix-mta-sts-resolver: 4 seconds).");
            case TOO_LARGE -> findings.add(FindingCode.POLICY_TOO_LARGE, Severity.ERROR, url, url
                    + " sent more than 64 KiB" + at + "; senders stop reading at 64 KiB and ignore the policy.",
                    "Serve only the policy file: a few lines of version, mode, mx and max_age.");
            case PROTOCOL_ERROR -> findings.add(FindingCode.POLICY_PROTOCOL_ERROR, Severity.ERROR, url, url
                    + " sent a malformed HTTP response" + at + detail + ".",
                    "Check the web server or proxy in front of " + host + ".");
            default -> throw new IllegalStateException(f.outcome().name());
        }
    }

    private void tlsFailure(PolicyFetch f, String at, String detail) {
        TlsFailureCategory category = f.tlsFailure().orElse(TlsFailureCategory.HANDSHAKE);
        Optional<CertificateFacts> leaf = f.certificates().stream().findFirst();
        String names = leaf.map(c -> c.dnsNames().isEmpty() ? "no DNS names" : "names " + String.join(", ", c.dnsNames()))
                .orElse("an unknown certificate");
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
                    "The certificate of " + host + at + " is not valid for " + host + ": it has " + names
                            + "; senders reject the policy.",
                    "Install a certificate whose subjectAltName lists " + host + " (a wildcard *."
                            + host.parent().map(DomainName::value).orElse("") + " also works).");
            case HANDSHAKE -> findings.add(FindingCode.POLICY_TLS_HANDSHAKE, Severity.ERROR, url, "The TLS handshake"
                    + " with " + host + at + " failed" + detail + ".", "Serve HTTPS with TLS 1.2 or newer and a"
                    + " certificate for " + host + ".");
            default -> throw new IllegalStateException(category.name());
        }
    }

    private void checkMediaType(PolicyFetch f) {
        Optional<MediaType> type = f.mediaType();
        if (f.contentType().isEmpty()) {
            findings.add(FindingCode.POLICY_CONTENT_TYPE, Severity.WARNING, url, url + " has no Content-Type header;"
                    + " senders that check the media type (such as postfix-mta-sts-resolver) ignore the policy.",
                    "Serve the file as 'Content-Type: text/plain'.");
        } else if (f.headers().getOrDefault("content-type", java.util.List.of()).size() > 1) {
            findings.add(FindingCode.POLICY_CONTENT_TYPE, Severity.WARNING, url, url + " sends "
                    + f.headers().get("content-type").size() + " Content-Type headers ("
                    + Quote.of(String.join(" | ", f.headers().get("content-type"))) + "); the field may appear once"
                    + " (RFC 9110), and senders may read either value.", "Send exactly one 'Content-Type: text/plain'.");
        } else if (type.isEmpty() || !type.get().isTextPlain()) {
            findings.add(FindingCode.POLICY_CONTENT_TYPE, Severity.WARNING, url, url + " is served as '"
                    + Quote.of(f.contentType().get()) + "', not text/plain; senders that check the media type"
                    + " ignore the policy.", "Serve the file as 'Content-Type: text/plain'.");
        }
    }

    private void checkExpiry(PolicyFetch f, Instant now) {
        f.certificates().stream().findFirst().ifPresent(leaf -> {
            Duration left = Duration.between(now, leaf.notAfter());
            if (left.compareTo(EXPIRY_WARNING) < 0) {
                findings.add(FindingCode.POLICY_CERT_EXPIRING, Severity.WARNING, url, "The certificate of " + host
                        + " expires on " + leaf.notAfter() + ", in " + Math.max(0, left.toDays()) + " days; after that,"
                        + " senders cannot fetch the policy.", "Renew the certificate of " + host
                        + " now and automate renewal.");
            }
        });
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
            dev.mtasts.fetcher.AddressFailure failure = f.failedAddresses().get(i);
            out.append(failure.address().getAddress().getHostAddress()).append(": ").append(failure.reason());
        }
        return out.append(')').toString();
    }

}
