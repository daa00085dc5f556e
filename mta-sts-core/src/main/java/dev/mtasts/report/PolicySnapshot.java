package dev.mtasts.report;

import dev.mtasts.policy.PolicyMode;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a validation saw of a domain's policy, small enough to store between runs: the domain, the record's
 * {@code id}, the SHA-256 of the policy body, when it was fetched, and the policy's mode. Passing the previous
 * snapshot to the next validation lets it say "the policy changed but the id did not" (senders would keep the old
 * policy), and "the policy went from {@code none} to {@code enforce} without a testing period".
 *
 * <p>An immutable, serialisable value with a one-line text form ({@link #toLine()} / {@link #parseLine(String)}):
 * {@code example.com 20261129T120000 3f1a...e9 2026-11-29T12:00:00Z testing}; a line of four fields, as written
 * before the mode was kept, reads with the mode {@code unknown}.
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
 * @param mode         the policy's mode token ({@code enforce}, {@code testing}, {@code none}), or {@link #UNKNOWN_MODE}
 *                     when the policy was not valid; see {@link #policyMode()}
 * @since 0.1.0
 */
public record PolicySnapshot(String domain, String id, String policySha256, Instant fetchedAt, String mode)
        implements Serializable {

    /** The {@link #mode()} of a snapshot whose policy was not valid, or that was written without a mode. */
    public static final String UNKNOWN_MODE = "unknown";

    private static final long serialVersionUID = 1L;

    /** Validates the components. */
    public PolicySnapshot {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policySha256, "policySha256");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(mode, "mode");
        if (!mode.equals(UNKNOWN_MODE) && PolicyMode.fromToken(mode).isEmpty()) {
            throw new IllegalArgumentException("snapshot mode must be enforce, testing, none or unknown, not '"
                    + mode + "'");
        }
        if (domain.isEmpty() || domain.contains(" ") || id.isEmpty() || id.contains(" ")) {
            throw new IllegalArgumentException("snapshot domain and id must be non-empty and without spaces");
        }
        if (policySha256.length() != 64 || !policySha256.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("policySha256 must be 64 lower-case hex digits");
        }
    }

    /**
     * A snapshot whose mode is not known.
     *
     * @param domain       the policy domain
     * @param id           the record's id
     * @param policySha256 the policy's SHA-256
     * @param fetchedAt    when the policy was fetched
     */
    public PolicySnapshot(String domain, String id, String policySha256, Instant fetchedAt) {
        this(domain, id, policySha256, fetchedAt, UNKNOWN_MODE);
    }

    /** @return the policy's mode, empty when it is {@link #UNKNOWN_MODE} */
    public Optional<PolicyMode> policyMode() {
        return PolicyMode.fromToken(mode);
    }

    /** @return {@code domain id sha256 fetchedAt mode}, separated by single spaces */
    public String toLine() {
        return domain + " " + id + " " + policySha256 + " " + fetchedAt + " " + mode;
    }

    /**
     * @param line a line written by {@link #toLine()}
     * @return the snapshot
     * @throws IllegalArgumentException when the line is not a snapshot
     */
    public static PolicySnapshot parseLine(String line) {
        String[] parts = Objects.requireNonNull(line, "line").strip().split(" ");
        if (parts.length != 4 && parts.length != 5) {
            throw new IllegalArgumentException("a snapshot line has 5 fields (domain id sha256 fetchedAt mode), or 4"
                    + " without the mode, not " + parts.length);
        }
        try {
            return new PolicySnapshot(parts[0], parts[1], parts[2], Instant.parse(parts[3]),
                    parts.length == 5 ? parts[4] : UNKNOWN_MODE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("snapshot time '" + parts[3] + "' is not an ISO-8601 instant", e);
        }
    }
}
