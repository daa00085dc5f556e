package dev.mtasts.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of a few known names a typed one resembles: {@code max-age}, {@code maxage} and {@code MAX_AGE} resemble
 * {@code max_age}; {@code nmx}, {@code mxs} and {@code mx_} resemble {@code mx}; {@code verison} resembles
 * {@code version}. For a parser's "did you mean" hint on an unknown field or value.
 *
 * <p>The comparison ignores case and treats {@code -}, {@code .} and {@code _} alike, or drops them
 * ({@code maxage}); otherwise it allows one edit (an insertion, a deletion, a substitution, or two neighbours
 * swapped) against a name of up to four characters and two edits against a longer one, so that {@code note}
 * does not pass for {@code mode} nor {@code id} for {@code mx}. Linear in the names; a typed name longer than
 * {@value #MAX_TYPED} characters resembles nothing.
 *
 * <p>Not API: this package is not exported by the module and may change in any release.
 */
public final class NearName {

    /** Longer typed names are not compared: no known field or value is half as long. */
    static final int MAX_TYPED = 40;

    private NearName() {
    }

    /**
     * @param typed the name as written
     * @param known the known names, in order of preference for a tie
     * @return the known name {@code typed} resembles most, or empty when it resembles none (or is one exactly)
     */
    public static Optional<String> among(String typed, List<String> known) {
        Objects.requireNonNull(typed, "typed");
        Objects.requireNonNull(known, "known");
        if (typed.isEmpty() || typed.length() > MAX_TYPED) {
            return Optional.empty();
        }
        String folded = fold(typed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            if (name.equals(typed)) {
                return Optional.empty();
            }
            String target = fold(name);
            int distance = folded.equals(target) || squash(folded).equals(squash(target)) ? 0
                    : distance(folded, target, allowed(name) + 1);
            if (distance <= allowed(name) && distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How many edits a typed name may be from {@code name} and still resemble it. */
    private static int allowed(String name) {
        return name.length() <= 4 ? 1 : 2;
    }

    /** Lower case, with {@code -} and {@code .} written as {@code _}. */
    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    private static String squash(String s) {
        return s.replace("_", "");
    }

    /**
     * The optimal-string-alignment distance (Levenshtein plus the swap of two neighbours), or {@code limit} as soon as
     * it is certain to reach it.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] reuse = before;
            before = previous;
            previous = current;
            current = reuse;
        }
        return Math.min(previous[b.length()], limit);
    }
}
