package dev.mtasts.validate;

import dev.mtasts.Severity;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.PolicySnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares this validation with the previous one: a policy whose text changed while the {@code id} stayed the same
 * is never fetched again by senders that cached it (RFC 8461 §3.1, §5.1, rule F8).
 */
final class SnapshotCheck {

    private final PolicyNames names;
    private final FindingList findings;

    SnapshotCheck(PolicyNames names, FindingList findings) {
        this.names = Objects.requireNonNull(names, "names");
        this.findings = Objects.requireNonNull(findings, "findings");
    }

    /**
     * @param policy the policy, when its text is valid (however it was served): its canonical text is what the
     *               snapshot digests, so that changing only line endings, field order or the media type is not a
     *               change; an invalid body is digested as it was served
     */
    Optional<PolicySnapshot> check(Optional<StsRecord> record, Optional<byte[]> body, Optional<MtaStsPolicy> policy,
                                   Instant fetchedAt, Optional<PolicySnapshot> previous) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(previous, "previous");
        if (record.isEmpty() || body.isEmpty()) {
            return Optional.empty();
        }
        String digest = policy.map(p -> sha256(p.toText())).orElseGet(() -> sha256(body.get()));
        String domain = names.domain().value();
        PolicySnapshot now = new PolicySnapshot(domain, record.get().id(), digest, fetchedAt,
                policy.map(p -> p.mode().token()).orElse(PolicySnapshot.UNKNOWN_MODE));
        previous.filter(p -> p.domain().equals(domain)).ifPresent(before -> {
            String subject = names.stsSubject();
            if (before.id().equals(now.id()) && !before.policySha256().equals(now.policySha256())) {
                findings.add(FindingCode.POLICY_CHANGED_WITHOUT_NEW_ID, Severity.ERROR, subject, "The policy text"
                        + " changed since " + before.fetchedAt() + " but the id is still '" + now.id() + "'; senders"
                        + " that cached the old policy keep using it until it expires.",
                        "Publish the _mta-sts record with a new id (see the remediation) every time the policy changes.");
            } else if (!before.id().equals(now.id())) {
                findings.add(FindingCode.STS_ID_CHANGED, Severity.INFO, subject, "The id changed from '" + before.id()
                        + "' to '" + now.id() + "' since " + before.fetchedAt() + "; senders fetch the policy again.",
                        "Nothing to do.");
            }
        });
        return Optional.of(now);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
