package dev.mtasts.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code id}s of the records a plan publishes, in the scheme the report's remediation uses: the UTC time of
 * the step as {@code yyyyMMddTHHmmss}. Ids are compared as opaque strings (RFC 8461 §3.1), so each must differ from
 * the current one and from every other id of the plan; a clash takes the next second. Not thread-safe: one per plan.
 */
final class PlanIds {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Set<String> taken = new HashSet<>();

    PlanIds(Iterable<String> existing) {
        Objects.requireNonNull(existing, "existing").forEach(taken::add);
    }

    /** @return a new id for a record published at that time, unlike every id given out or existing */
    String at(Instant when) {
        Instant t = Objects.requireNonNull(when, "when");
        String id = FORMAT.format(t);
        while (!taken.add(id)) {
            t = t.plusSeconds(1);
            id = FORMAT.format(t);
        }
        return id;
    }
}
