package dev.mtasts.tlsrpt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code date-range} of a TLS-RPT aggregate report (RFC 8460 §4.4): the period its sessions were counted in, and
 * the UTC days that period covers. An immutable value.
 *
 * <p>The days a range covers are the UTC days it overlaps, with an end at exactly midnight taken as exclusive: both
 * {@code 2026-11-20T00:00:00Z/2026-11-20T23:59:59Z} (Google's and Microsoft's shape) and
 * {@code 2026-11-20T00:00:00Z/2026-11-21T00:00:00Z} cover the one day 2026-11-20.
 *
 * <pre>{@code
 * DateRange range = DateRange.of(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z"));
 * assertThat(range.days()).containsExactly(LocalDate.parse("2026-11-20"));
 * }</pre>
 *
 * @param start the {@code start-datetime}
 * @param end   the {@code end-datetime}, never before {@code start}
 * @since 0.1.0
 */
public record DateRange(Instant start, Instant end) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException when {@code end} is before {@code start}
     */
    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    /**
     * @param start the {@code start-datetime}
     * @param end   the {@code end-datetime}
     * @return the range
     * @throws IllegalArgumentException when {@code end} is before {@code start}
     */
    public static DateRange of(Instant start, Instant end) {
        return new DateRange(start, end);
    }

    /** @return the UTC day the range starts on */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(start, ZoneOffset.UTC);
    }

    /** @return the last UTC day the range covers: the day of its end, or the day before when it ends at midnight */
    public LocalDate lastDay() {
        LocalDate endDay = LocalDate.ofInstant(end, ZoneOffset.UTC);
        boolean endsAtMidnight = end.equals(endDay.atTime(LocalTime.MIDNIGHT).toInstant(ZoneOffset.UTC));
        return endsAtMidnight && end.isAfter(start) ? endDay.minusDays(1) : endDay;
    }

    /** @return every UTC day the range covers, oldest first: at least one */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = lastDay();
        for (LocalDate d = firstDay(); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return List.copyOf(days);
    }

    /** @return the range in ISO-8601 interval form, {@code start/end} */
    @Override
    public String toString() {
        return start + "/" + end;
    }
}
