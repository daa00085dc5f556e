package dev.mtasts.plan;

import dev.mtasts.DomainName;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How a plan writes hosts, durations and dates in its sentences. */
final class Wording {

    private Wording() {
    }

    /** @return {@code a}, {@code a and b}, {@code a, b and c} */
    static String hosts(List<DomainName> hosts) {
        if (hosts.isEmpty()) {
            return "no host";
        }
        List<String> names = hosts.stream().map(DomainName::value).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** @return seconds, with the same in days, hours or minutes when whole: {@code 604800 s (7 days)} */
    static String duration(Duration d) {
        long s = d.getSeconds();
        String exact = s + " s";
        if (s >= 86_400 && s % 86_400 == 0) {
            return exact + " (" + unit(s / 86_400, "day") + ")";
        }
        if (s >= 3_600 && s % 3_600 == 0) {
            return exact + " (" + unit(s / 3_600, "hour") + ")";
        }
        if (s >= 60 && s % 60 == 0) {
            return exact + " (" + unit(s / 60, "minute") + ")";
        }
        return exact;
    }

    private static String unit(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** @return the UTC ISO-8601 form, to the second: {@code 2026-12-08T10:00:00Z} */
    static String date(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
