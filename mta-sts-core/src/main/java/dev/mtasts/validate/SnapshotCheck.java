package dev.mtasts.validate;

import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.record.StsRecord;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.PolicySnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Compares this validation with the previous one: a policy whose text changed while the {@code id} stayed the same
 * is never fetched again by senders that cached it (RFC 8461 §3.1, §5.1, rule F8).
 */
final class SnapshotCheck {

    private final DomainName domain;
    private final FindingList findings;

    SnapshotCheck(DomainName domain, FindingList findings) {
        this.domain = domain;
        this.findings = findings;
    }

    /**
     * @param policy the parsed policy, when valid: its canonical text is what the snapshot digests, so that changing
     *               only line endings or field order is not a change; an invalid body is digested as it was served
     */
    Optional<PolicySnapshot> check(Optional<StsRecord> record, Optional<byte[]> body,
                                   Optional<dev.mtasts.policy.MtaStsPolicy> policy, Instant fetchedAt,
                                   Optional<PolicySnapshot> previous) {
        if (record.isEmpty() || body.isEmpty()) {
            return Optional.empty();
        }
        String digest = policy.map(p -> sha256(p.toText())).orElseGet(() -> sha256(body.get()));
        PolicySnapshot now = new PolicySnapshot(domain.value(), record.get().id(), digest, fetchedAt);
        previous.filter(p -> p.domain().equals(domain.value())).ifPresent(before -> {
            String subject = "dns:" + domain.prefixedWith("_mta-sts") + " TXT";
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
