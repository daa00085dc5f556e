package dev.mtasts.report;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * What a validation saw of a domain's policy, small enough to store between runs: the domain, the record's
 * {@code id}, the SHA-256 of the policy body, and when it was fetched. Passing the previous snapshot to the next
 * validation lets it say "the policy changed but the id did not" (senders would keep the old policy).
 *
 * <p>An immutable, serialisable value with a one-line text form ({@link #toLine()} / {@link #parseLine(String)}):
 * {@code example.com 20261129T120000 3f1a...e9 2026-11-29T12:00:00Z}.
 *
 * <pre>{@code
 * Path saved = Path.of("example.com.snapshot");
 * ValidationReport now = Files.exists(saved)
 *         ? validator.validate("example.com", PolicySnapshot.parseLine(Files.readString(saved).strip()))
 *         : validator.validate("example.com");   // the first run: nothing to compare with yet
 * if (now.snapshot().isPresent()) {
 *     Files.writeString(saved, now.snapshot().get().toLine());
 * }
 * }</pre>
 *
 * @param domain       the policy domain
 * @param id           the {@code id} of the {@code _mta-sts} record
 * @param policySha256 lower-case hex SHA-256 of the policy's canonical text ({@code MtaStsPolicy.toText()}) when it
 *                     is valid, so that line endings or field order alone are not a change; of the body as fetched
 *                     otherwise
 * @param fetchedAt    when the policy was fetched
 * @since 0.1.0
 */
public record PolicySnapshot(String domain, String id, String policySha256, Instant fetchedAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Validates the components. */
    public PolicySnapshot {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policySha256, "policySha256");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        if (domain.isEmpty() || domain.contains(" ") || id.isEmpty() || id.contains(" ")) {
            throw new IllegalArgumentException("snapshot domain and id must be non-empty and without spaces");
        }
        if (policySha256.length() != 64 || !policySha256.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("policySha256 must be 64 lower-case hex digits");
        }
    }

    /** @return {@code domain id sha256 fetchedAt}, separated by single spaces */
    public String toLine() {
        return domain + " " + id + " " + policySha256 + " " + fetchedAt;
    }

    /**
     * @param line a line written by {@link #toLine()}
     * @return the snapshot
     * @throws IllegalArgumentException when the line is not a snapshot
     */
    public static PolicySnapshot parseLine(String line) {
        String[] parts = Objects.requireNonNull(line, "line").strip().split(" ");
        if (parts.length != 4) {
            throw new IllegalArgumentException("a snapshot line has 4 fields (domain id sha256 fetchedAt), not "
                    + parts.length);
        }
        try {
            return new PolicySnapshot(parts[0], parts[1], parts[2], Instant.parse(parts[3]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("snapshot time '" + parts[3] + "' is not an ISO-8601 instant", e);
        }
    }
}
