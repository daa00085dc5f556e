package dev.mtasts.report;

/**
 * The catalogue of findings: each code has its {@link Layer}, the RFC rule it checks, a one-line summary and
 * whether it blocks promotion from {@code testing} to {@code enforce} when it is only a warning (every
 * {@code ERROR} blocks). Codes are stable and documented in the README. Where a code means what an RFC 8460 §4.3
 * result type means, the summary names it.
 *
 * <pre>{@code
 * FindingCode code = FindingCode.POLICY_CONTENT_TYPE;
 * System.out.println(code.layer() + " " + code.reference() + ": " + code.summary());
 * boolean outsidePolicy = report.has(FindingCode.MX_NOT_COVERED);
 * }</pre>
 *
 * @since 0.1.0
 */
public enum FindingCode {

    // ---- DNS_RECORD ----
    /**
     * The domain does not exist: its MX look-up answered NXDOMAIN (a typo, or a domain not registered or delegated),
     * so no mail can be delivered to it and nothing below it exists (RFC 8020). Always an {@code ERROR}.
     */
    DOMAIN_NOT_FOUND(Layer.DNS_RECORD, "RFC 8020 §2", true, "the domain does not exist (NXDOMAIN)"),
    /**
     * A name the RFCs put below the domain would be longer than the 253 characters DNS allows, so it cannot exist:
     * {@code _mta-sts.<domain>} for a domain of 245 characters or more (MTA-STS cannot be deployed; reported in
     * {@code DNS_RECORD}), {@code _smtp._tls.<domain>} for one of 243 or more (TLS-RPT cannot be deployed; reported
     * in {@code TLS_RPT}). A {@code WARNING}: nothing that works today breaks, but nothing can be published to fix it.
     */
    RECORD_NAME_TOO_LONG(Layer.DNS_RECORD, "RFC 1035 §2.3.4", false, "the record's name would exceed 253 characters"),
    /** No {@code v=STSv1} TXT record at {@code _mta-sts.<domain>}: MTA-STS is not deployed. */
    STS_RECORD_MISSING(Layer.DNS_RECORD, "RFC 8461 §3.1", false, "no _mta-sts TXT record"),
    /** More than one TXT record starts with {@code v=STSv1;}: senders assume there is no policy (A11). */
    STS_RECORD_MULTIPLE(Layer.DNS_RECORD, "RFC 8461 §3.1", true, "more than one v=STSv1 record"),
    /** The one {@code v=STSv1} record is invalid, or a look-alike record was discarded (A3 to A12). */
    STS_RECORD_INVALID(Layer.DNS_RECORD, "RFC 8461 §3.1", true, "the _mta-sts record is invalid"),
    /** The {@code id} is empty, too long, or has characters other than letters and digits (A6). */
    STS_ID_INVALID(Layer.DNS_RECORD, "RFC 8461 §3.1", true, "the id is not 1-32 letters or digits"),
    /** The record is valid but has something worth fixing (a duplicate field, whitespace before {@code ;}, an unknown field). */
    STS_RECORD_NOTE(Layer.DNS_RECORD, "RFC 8461 §3.1", false, "a remark on the _mta-sts record"),
    /** A DNS look-up failed (SERVFAIL, REFUSED, timeout, network error, malformed answer): not the same as absence. */
    DNS_LOOKUP_FAILED(Layer.DNS_RECORD, "RFC 8461 §3.1", true, "a DNS look-up failed"),
    /** A policy is served at the policy host, but no {@code _mta-sts} record announces it: senders never fetch it. */
    POLICY_WITHOUT_STS_RECORD(Layer.DNS_RECORD, "RFC 8461 §3", true, "policy served but no _mta-sts record"),
    /** The policy text changed since the previous snapshot but the {@code id} did not: senders keep the old policy (F8). */
    POLICY_CHANGED_WITHOUT_NEW_ID(Layer.DNS_RECORD, "RFC 8461 §3.1, §5.1", true, "policy changed, id did not"),
    /** The {@code id} changed since the previous snapshot. */
    STS_ID_CHANGED(Layer.DNS_RECORD, "RFC 8461 §3.1", false, "the id changed since the previous check"),
    /**
     * A name of the deployment ({@code _mta-sts.<domain>} or {@code mta-sts.<domain>}) is a CNAME to a name that
     * does not exist: whoever registers the target's domain, or claims it at the provider, can publish a record or
     * serve a policy for this domain (a takeover risk, not just an absent record). A {@code WARNING}, or an
     * {@code ERROR} when it leaves an announced policy unreachable.
     */
    CNAME_DANGLING(Layer.DNS_RECORD, "RFC 8461 §8.2, §10", true, "a CNAME points at a name that does not exist"),
    /** A name of the deployment is delegated by CNAME (RFC 8461 §8.2); the message shows the chain. An {@code INFO}. */
    CNAME_DELEGATED(Layer.DNS_RECORD, "RFC 8461 §8.2", false, "the name is delegated by CNAME"),
    /**
     * A {@code v=STSv1} record is published at the domain itself instead of {@code _mta-sts.<domain>}: senders never
     * look there.
     */
    STS_RECORD_AT_APEX(Layer.DNS_RECORD, "RFC 8461 §3.1", true, "v=STSv1 published at the domain, not at _mta-sts"),
    /**
     * A TXT record that is not {@code v=STSv1} (SPF, a verification token) shares {@code _mta-sts.<domain>}: RFC
     * senders discard it, some real senders join every record and fail. A {@code WARNING} beside a {@code v=STSv1}
     * record; an {@code INFO} while there is none, when it harms nothing yet.
     */
    STS_UNRELATED_RECORD(Layer.DNS_RECORD, "RFC 8461 §3.1", true, "an unrelated TXT record at _mta-sts"),

    // ---- POLICY_FETCH ----
    /** The record announces a policy, but none could be fetched (sts-policy-fetch-error): senders act as if there were no MTA-STS. */
    STS_RECORD_WITHOUT_POLICY(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "record present, policy absent"),
    /**
     * The addresses of the policy host answer differently (status, policy body or certificate), as CDNs and anycast
     * set-ups can: senders get one answer or the other. An {@code ERROR} when some address serves what senders
     * ignore, a {@code WARNING} for two different valid policies, an {@code INFO} for different certificates only.
     */
    POLICY_ADDRESSES_DIFFER(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "the policy host's addresses disagree"),
    /** {@code mta-sts.<domain>} has no address (NXDOMAIN or no A/AAAA). */
    POLICY_HOST_NOT_FOUND(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "the policy host does not resolve"),
    /** Every address of the policy host is private, loopback or otherwise refused by the address policy. */
    POLICY_HOST_ADDRESS_REFUSED(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "the policy host resolves to refused addresses"),
    /** No address of the policy host accepted a connection (refused or unreachable). */
    POLICY_CONNECT_FAILED(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "connection to the policy host failed"),
    /**
     * The fetch did not complete: an {@code ERROR} when no response came within the minute RFC 8461 §3.3 suggests
     * senders wait; a {@code WARNING} when the validation's own deadline was shorter and the check gave up first
     * (the report is then {@code inconclusive}).
     */
    POLICY_TIMEOUT(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "the policy fetch timed out"),
    /**
     * The policy was fetched, but took over 2 seconds: senders that wait less than the RFC's minute (2, 4, 15 or
     * 30 seconds) give up and apply no policy. A {@code WARNING}.
     */
    POLICY_SLOW(Layer.POLICY_FETCH, "RFC 8461 §3.3", false, "the policy host is slow to answer"),
    /** The certificate does not chain to a trusted root (sts-webpki-invalid). */
    POLICY_TLS_UNTRUSTED(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "untrusted certificate"),
    /** The certificate has expired (certificate-expired). */
    POLICY_TLS_EXPIRED(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "expired certificate"),
    /** The certificate is not yet valid. */
    POLICY_TLS_NOT_YET_VALID(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "certificate not yet valid"),
    /** The certificate has no DNS name matching {@code mta-sts.<domain>} (certificate-host-mismatch). */
    POLICY_TLS_HOSTNAME_MISMATCH(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "certificate for another name"),
    /** The TLS handshake failed for another reason (protocol version, ciphers, a broken server). */
    POLICY_TLS_HANDSHAKE(Layer.POLICY_FETCH, "RFC 8461 §3.3, §7.2", true, "TLS handshake failed"),
    /**
     * The certificate of the policy host expires within 14 days (or what {@code Validator.Builder
     * .certificateExpiryWarning} sets), or within the policy's {@code max_age} when that is longer (senders that
     * cache the policy must refresh it from this host within {@code max_age}).
     */
    POLICY_CERT_EXPIRING(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "certificate expires soon"),
    /** The HTTP status is not 200 (B9). */
    POLICY_HTTP_STATUS(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "HTTP status is not 200"),
    /** The server answered with a redirect, which senders never follow (B10). */
    POLICY_REDIRECT(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "redirect not followed"),
    /**
     * The media type is not {@code text/plain}, or missing (B12, B13): an {@code ERROR}, since senders that follow
     * the SHOULD of §3.2 ignore the policy; a {@code WARNING} for several {@code Content-Type} headers that all say
     * {@code text/plain}.
     */
    POLICY_CONTENT_TYPE(Layer.POLICY_FETCH, "RFC 8461 §3.2", true, "media type is not text/plain"),
    /** The body is over 64 KiB (B15). */
    POLICY_TOO_LARGE(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "policy body over 64 KiB"),
    /** The HTTP exchange was malformed. */
    POLICY_PROTOCOL_ERROR(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "malformed HTTP response"),
    /** The policy is served over plain {@code http://} only; senders only use HTTPS. */
    POLICY_HTTP_ONLY(Layer.POLICY_FETCH, "RFC 8461 §3.3", true, "policy only over plain HTTP"),

    // ---- POLICY_PARSE ----
    /** The policy text breaks the grammar (sts-policy-invalid); the message names the line. */
    POLICY_SYNTAX(Layer.POLICY_PARSE, "RFC 8461 §3.2", true, "policy syntax error"),
    /** {@code version} is missing or not {@code STSv1}. */
    POLICY_VERSION_INVALID(Layer.POLICY_PARSE, "RFC 8461 §3.2", true, "version missing or not STSv1"),
    /** {@code mode} is missing or not {@code enforce}, {@code testing} or {@code none}. */
    POLICY_MODE_INVALID(Layer.POLICY_PARSE, "RFC 8461 §3.2", true, "mode missing or invalid"),
    /** {@code max_age} is missing, not 1-10 digits, or over 31557600. */
    POLICY_MAX_AGE_INVALID(Layer.POLICY_PARSE, "RFC 8461 §3.2", true, "max_age missing or invalid"),
    /** {@code mx} is missing or malformed. */
    POLICY_MX_INVALID(Layer.POLICY_PARSE, "RFC 8461 §3.2", true, "mx missing or invalid"),
    /** {@code max_age} under one day. */
    POLICY_MAX_AGE_SHORT(Layer.POLICY_PARSE, "RFC 8461 §3.2, §10.2", false, "max_age under one day"),
    /** {@code max_age} over one week: changes propagate slowly. */
    POLICY_MAX_AGE_LONG(Layer.POLICY_PARSE, "RFC 8461 §3.2", false, "max_age over one week"),
    /** {@code mode: none}: the policy is inactive. */
    POLICY_MODE_NONE(Layer.POLICY_PARSE, "RFC 8461 §5", false, "mode none: inactive"),
    /** A remark on the policy text (legal but unwise lines, unknown fields, broad wildcards); {@code Finding.problem()} names it. */
    POLICY_NOTE(Layer.POLICY_PARSE, "RFC 8461 §3.2", false, "a remark on the policy text"),
    /**
     * The RFC allows it, but a class of real senders ignores or rejects it ({@link SenderClass} names them and the
     * rule they deviate from): a {@code WARNING}, never a silent pass; only an {@code INFO} for exactly
     * {@code text/plain; charset=utf-8} (or {@code us-ascii}), which RFC 8461 §3.2 names itself and no deployed MTA
     * is known to reject. Its layer is the layer of what triggers it.
     */
    INTEROP_RISK(Layer.POLICY_PARSE, "RFC 8461 §3", true, "some real senders would ignore or reject this"),

    // ---- MX_COVERAGE ----
    /** An MX host matches no {@code mx} pattern: in enforce, senders refuse it. */
    MX_NOT_COVERED(Layer.MX_COVERAGE, "RFC 8461 §4.1", true, "MX host outside the policy"),
    /** No {@code mx} pattern covers any MX host of the domain (in place of one {@code MX_NOT_COVERED} per host). */
    POLICY_MX_COVERS_NO_MX(Layer.MX_COVERAGE, "RFC 8461 §4.1", true, "the mx patterns cover no MX host"),
    /** An MX host is two or more labels below a wildcard ({@code *.example.com} vs {@code a.b.example.com}). */
    MX_WILDCARD_TOO_DEEP(Layer.MX_COVERAGE, "RFC 8461 §4.1", true, "wildcard would need to match two labels"),
    /** The domain has a null MX (RFC 7505): it accepts no mail, so MTA-STS is meaningless. */
    MX_NULL(Layer.MX_COVERAGE, "RFC 7505", true, "null MX: no mail accepted"),
    /** A null MX next to other MX records, which RFC 7505 §3 forbids. */
    MX_NULL_MIXED(Layer.MX_COVERAGE, "RFC 7505 §3", true, "null MX next to other MX records"),
    /** The domain has no MX records: senders use its address (implicit MX, RFC 5321 §5.1). */
    MX_NONE(Layer.MX_COVERAGE, "RFC 5321 §5.1", true, "no MX records (implicit MX)"),
    /** An MX record names a host that is not a valid domain name. */
    MX_HOST_INVALID(Layer.MX_COVERAGE, "RFC 5321", true, "MX host name invalid"),
    /** An {@code mx} pattern covers none of the MX hosts: a stale entry. */
    MX_PATTERN_UNUSED(Layer.MX_COVERAGE, "RFC 8461 §4.1", false, "mx pattern matches no MX host"),
    /**
     * An MX host has no address (NXDOMAIN, or neither A nor AAAA): no sender can deliver to it. An {@code ERROR}
     * when no MX host of the domain has an address, a {@code WARNING} while another one does.
     */
    MX_HOST_NO_ADDRESS(Layer.MX_COVERAGE, "RFC 5321 §5.1", false, "MX host has no address"),
    /** The address look-up of an MX host failed (time-out, SERVFAIL...): senders seeing the same skip the host. */
    MX_HOST_LOOKUP_FAILED(Layer.MX_COVERAGE, "RFC 5321 §5.1", false, "MX host address look-up failed"),
    /** An address of an MX host was refused by the validator's address policy (private, loopback...): not probed. */
    MX_ADDRESS_REFUSED(Layer.MX_COVERAGE, "RFC 8461 §4.2", false, "MX address refused by the address policy"),
    /**
     * An MX address could not be probed from where the check ran (connection refused, unreachable, no answer to
     * the connection attempt): nothing is known about its STARTTLS. Never a sign that the host is broken.
     */
    MX_NOT_PROBED(Layer.MX_COVERAGE, "RFC 8461 §4.2", false, "MX host could not be probed from here"),
    /** No MX host could be reached at all: outbound port 25 is probably blocked where the check ran. */
    MX_PROBE_BLOCKED(Layer.MX_COVERAGE, "RFC 8461 §4.2", false, "no MX host reachable: port 25 may be blocked here"),
    /** An MX host greeted with a 4xx or 5xx reply (perhaps only towards the checking address): TLS not checked. */
    MX_GREETING_REJECTED(Layer.MX_COVERAGE, "RFC 5321 §3.1", false, "MX host rejected the connection in its greeting"),
    /** An MX host accepted the connection but stalled (greeting, reply or handshake) past the probe's deadline. */
    MX_PROBE_TIMEOUT(Layer.MX_COVERAGE, "RFC 5321 §4.5.3.2", false, "MX host stalled during the probe"),
    /** An MX host does not offer STARTTLS ({@code starttls-not-supported}): enforce-mode senders refuse it. */
    MX_STARTTLS_MISSING(Layer.MX_COVERAGE, "RFC 8461 §4.2, §5", true, "MX host does not offer STARTTLS"),
    /** An MX host's certificate does not chain to a trusted root ({@code certificate-not-trusted}). */
    MX_CERT_UNTRUSTED(Layer.MX_COVERAGE, "RFC 8461 §4.2", true, "MX certificate untrusted"),
    /** An MX host's certificate has expired ({@code certificate-expired}). */
    MX_CERT_EXPIRED(Layer.MX_COVERAGE, "RFC 8461 §4.2", true, "MX certificate expired"),
    /** An MX host's certificate is not valid yet. */
    MX_CERT_NOT_YET_VALID(Layer.MX_COVERAGE, "RFC 8461 §4.2", true, "MX certificate not yet valid"),
    /** No DNS-ID of an MX host's certificate matches its name ({@code certificate-host-mismatch}). */
    MX_CERT_HOSTNAME_MISMATCH(Layer.MX_COVERAGE, "RFC 8461 §4.2, RFC 6125 §6.4", true, "MX certificate for another name"),
    /** The TLS handshake with an MX host failed ({@code validation-failure}). */
    MX_TLS_HANDSHAKE(Layer.MX_COVERAGE, "RFC 8461 §4.2", true, "TLS handshake with the MX host failed"),
    /**
     * An MX host's certificate expires within 14 days (or what {@code Validator.Builder.certificateExpiryWarning}
     * sets), or within the policy's {@code max_age} when that is longer
     * (senders that cached the policy insist on a valid certificate that long): renew it, or senders in enforce
     * mode refuse the host once it expires.
     */
    MX_CERT_EXPIRING(Layer.MX_COVERAGE, "RFC 8461 §4.2", false, "MX certificate expires soon"),
    /**
     * DNSSEC-authenticated, usable TLSA records match nothing the MX host presents ({@code tlsa-invalid}): DANE
     * senders refuse the host now, whatever the MTA-STS policy says. Always an {@code ERROR}.
     */
    DANE_MISMATCH(Layer.MX_COVERAGE, "RFC 7672 §3, RFC 8461 §2", true, "TLSA records match nothing the MX presents"),
    /** TLSA records are published in a zone that is not DNSSEC-signed (or not validated): senders ignore them. */
    DANE_INSECURE(Layer.MX_COVERAGE, "RFC 7672 §2.2", false, "TLSA records without DNSSEC"),
    /** Authenticated TLSA records exist, but none is usable for SMTP (usage 0 or 1, unknown selector or matching type). */
    DANE_UNUSABLE(Layer.MX_COVERAGE, "RFC 7672 §3.1", false, "no TLSA record usable for SMTP"),
    /**
     * The TLSA look-up failed: DANE senders in a signed zone defer mail to the host ({@code dnssec-invalid}). An
     * {@code INFO} when the resolver does not look up TLSA at all: DANE was not checked.
     */
    DANE_LOOKUP_FAILED(Layer.MX_COVERAGE, "RFC 7672 §2.2", false, "TLSA look-up failed"),
    /** Authenticated TLSA records match what the MX host presents: DANE senders deliver. An {@code INFO}. */
    DANE_VALID(Layer.MX_COVERAGE, "RFC 7672 §3", false, "DANE valid for the MX host"),

    // ---- TLS_RPT ----
    /** No {@code v=TLSRPTv1} record at {@code _smtp._tls.<domain>}: no failure reports. */
    TLSRPT_MISSING(Layer.TLS_RPT, "RFC 8460 §3", true, "no TLS-RPT record"),
    /** The TLS-RPT record is invalid: senders send no reports. */
    TLSRPT_INVALID(Layer.TLS_RPT, "RFC 8460 §3", true, "TLS-RPT record invalid"),
    /** More than one TLS-RPT record: senders send no reports (G6). */
    TLSRPT_MULTIPLE(Layer.TLS_RPT, "RFC 8460 §3", true, "more than one TLS-RPT record"),
    /** A {@code rua} URI is neither {@code mailto:} nor {@code https:}. */
    TLSRPT_RUA_SCHEME(Layer.TLS_RPT, "RFC 8460 §3", false, "rua scheme not mailto or https"),
    /** The TLS-RPT record is valid with remarks. */
    TLSRPT_NOTE(Layer.TLS_RPT, "RFC 8460 §3", false, "a remark on the TLS-RPT record"),
    /**
     * No {@code _smtp._tls} record, but a TLS-RPT record at the draft-era name {@code _smtp-tlsrpt.<domain>}, which
     * senders no longer look at. A {@code WARNING}.
     */
    TLSRPT_LEGACY_NAME(Layer.TLS_RPT, "RFC 8460 §3", true, "TLS-RPT record at the draft name _smtp-tlsrpt"),
    /**
     * A {@code mailto:} destination's domain cannot receive mail (no MX and no address, a null MX, NXDOMAIN), or the
     * look-up failed: reports sent there are lost. A {@code WARNING}.
     */
    TLSRPT_MAILTO_UNDELIVERABLE(Layer.TLS_RPT, "RFC 8460 §3, RFC 5321 §5.1", true,
            "a mailto destination cannot receive mail"),
    /**
     * Every report destination is a mailbox of the domain itself (or below it) while the policy is
     * {@code enforce}: when TLS to the domain fails, senders refuse the reports too. An {@code INFO} with the advice
     * to add a second destination.
     */
    TLSRPT_SAME_DOMAIN(Layer.TLS_RPT, "RFC 8460 §3", false, "reports go only to the domain's own MX hosts"),
    /**
     * An {@code https:} destination does not resolve, resolves only to addresses the address policy refuses, or
     * presents no valid certificate for its name: reporters cannot post there. A {@code WARNING}.
     */
    TLSRPT_HTTPS_UNREACHABLE(Layer.TLS_RPT, "RFC 8460 §3, §5.3", true, "an https destination cannot take reports"),

    // ---- PROMOTION ----
    /**
     * The TLS-RPT reports given as evidence show failed sessions: within the last {@code minimumCleanDays} days a
     * {@code WARNING} naming the result type, the receiving MX host, the reporters and what the live check says
     * about it; before that an {@code INFO} (failures that stopped).
     */
    TLSRPT_REPORTED_FAILURES(Layer.PROMOTION, "RFC 8460 §4.3", true, "TLS-RPT reports show failures"),
    /** The reports given as evidence show fewer consecutive clean {@code sts} days, up to the newest, than needed. */
    TLSRPT_EVIDENCE_SHORT(Layer.PROMOTION, "RFC 8461 §5, RFC 8460 §4", true, "too few clean days of TLS-RPT reports"),
    /** The newest report given as evidence ends more than 3 days before the check: it says little about today. */
    TLSRPT_EVIDENCE_STALE(Layer.PROMOTION, "RFC 8460 §4", true, "the newest TLS-RPT report is old"),
    /**
     * The policy is in {@code enforce} without a testing period behind it: an earlier snapshot showed
     * {@code mode: none}, or there is neither a TLS-RPT record nor report evidence, so senders that fail TLS now
     * refuse mail without anyone seeing why. A {@code WARNING}.
     */
    ENFORCE_WITHOUT_TESTING(Layer.PROMOTION, "RFC 8461 §5, §8", false, "enforce without a testing period");

    private final Layer layer;
    private final String reference;
    private final boolean blocksPromotion;
    private final String summary;

    FindingCode(Layer layer, String reference, boolean blocksPromotion, String summary) {
        this.layer = layer;
        this.reference = reference;
        this.blocksPromotion = blocksPromotion;
        this.summary = summary;
    }

    /** @return the layer that reports this code */
    public Layer layer() {
        return layer;
    }

    /** @return the RFC section checked */
    public String reference() {
        return reference;
    }

    /** @return true if a warning of this code blocks promotion to enforce (every error blocks) */
    public boolean blocksPromotion() {
        return blocksPromotion;
    }

    /** @return a few words saying what the code means */
    public String summary() {
        return summary;
    }
}
