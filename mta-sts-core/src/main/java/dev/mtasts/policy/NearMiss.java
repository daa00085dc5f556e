package dev.mtasts.policy;

import dev.mtasts.DomainName;
import dev.mtasts.policy.MxMatchExplanation.Kind;
import java.util.List;
import java.util.Optional;

/**
 * Why no pattern matches a host: one pass over the patterns that keeps, for each kind of near miss, the pattern that
 * explains it best, then names the most telling kind (a wildcard one label too shallow first, no pattern in the
 * domain last). Labels are compared in place, from the right, without splitting the names. Stateless.
 */
final class NearMiss {

    private NearMiss() {
    }

    /** @param patterns at least one pattern, none of which matches the host */
    static MxMatchExplanation of(DomainName host, List<MxPattern> patterns) {
        String h = host.value();
        int n = labelCount(h);
        MxPattern tooDeep = null;
        MxPattern itself = null;
        MxPattern above = null;
        MxPattern oneLabel = null;
        MxPattern below = null;
        MxPattern closest = null;
        int closestShared = 0;
        for (MxPattern p : patterns) {
            String name = p.baseName();
            int m = labelCount(name);
            int shared = sharedSuffixLabels(h, name);
            if (p.isWildcard() && shared == m && n >= m + 2) {
                tooDeep = tooDeep == null || m > labelCount(tooDeep.baseName()) ? p : tooDeep;
            } else if (p.isWildcard() && shared == m && n == m) {
                itself = itself == null ? p : itself;
            } else if (!p.isWildcard() && shared == m && n > m) {
                above = above == null || m > labelCount(above.baseName()) ? p : above;
            } else if (shared == n && m > n) {
                below = below == null || m < labelCount(below.baseName()) ? p : below;
            } else if (oneLabel == null && n == m + (p.isWildcard() ? 1 : 0)
                    && differingLabels(h, n - m, name) == 1) {
                oneLabel = p;
            }
            if (shared > closestShared) {
                closest = p;
                closestShared = shared;
            }
        }
        if (tooDeep != null) {
            String base = tooDeep.baseName();
            String extra = h.substring(0, h.length() - base.length() - 1);
            return MxMatchExplanation.miss(host, Kind.WILDCARD_TOO_DEEP, Optional.of(tooDeep), Optional.of(extra),
                    "'" + tooDeep + "' covers exactly one label below " + base + ", but " + h + " is "
                            + count(n - labelCount(base)) + " labels below it ('" + extra + "')");
        }
        if (itself != null) {
            return MxMatchExplanation.miss(host, Kind.WILDCARD_NOT_ITSELF, Optional.of(itself), Optional.empty(),
                    "'" + itself + "' covers the names exactly one label below " + h + ", not " + h + " itself");
        }
        if (above != null) {
            String between = h.substring(0, h.length() - above.text().length() - 1);
            int labels = n - labelCount(above.text());
            return MxMatchExplanation.miss(host, Kind.EXACT_ABOVE_HOST, Optional.of(above), Optional.of(between),
                    "'" + above + "' is an exact pattern and names " + above + " only, not " + h + ", "
                            + count(labels) + " label" + (labels == 1 ? "" : "s") + " below it");
        }
        if (oneLabel != null) {
            return oneLabelDiffers(host, oneLabel, n);
        }
        if (below != null) {
            return MxMatchExplanation.miss(host, Kind.PATTERN_BELOW_HOST, Optional.of(below), Optional.empty(),
                    "the closest pattern, '" + below + "', " + (below.isWildcard() ? "covers names" : "names a host")
                            + " below " + h + ", not " + h + " itself");
        }
        return noMatch(host, n, Optional.ofNullable(closest), closestShared);
    }

    private static MxMatchExplanation oneLabelDiffers(DomainName host, MxPattern p, int n) {
        String h = host.value();
        String[] hostLabels = h.split("\\.", -1);
        String[] patternLabels = p.text().split("\\.", -1);
        int at = p.isWildcard() ? 1 : 0;
        while (at < n && hostLabels[at].equals(patternLabels[at])) {
            at++;
        }
        String hostLabel = hostLabels[at];
        return MxMatchExplanation.miss(host, Kind.ONE_LABEL_DIFFERS, Optional.of(p), Optional.of(hostLabel),
                "the closest pattern, '" + p + "', differs from " + h + " in one label: '" + patternLabels[at]
                        + "' where the host has '" + hostLabel + "'");
    }

    private static MxMatchExplanation noMatch(DomainName host, int n, Optional<MxPattern> closest, int shared) {
        String h = host.value();
        String text;
        if (n == 1) {
            text = "no pattern names " + h;
        } else {
            String parent = h.substring(h.indexOf('.') + 1);
            if (closest.isEmpty()) {
                text = "no pattern ends in '." + parent + "'" + (n >= 3 ? ", nor even in '." + suffix(h, 1) + "'" : "");
            } else if (shared < n - 1) {
                text = "no pattern ends in '." + parent + "'; the closest, '" + closest.get() + "', shares only '."
                        + suffix(h, shared) + "' with it";
            } else {
                MxPattern p = closest.get();
                text = "no pattern names " + h + ": the closest, '" + p + "', is also under " + parent + " but "
                        + (p.isWildcard() ? "covers only the names one label below " + p.baseName()
                        : "names another host");
            }
        }
        return MxMatchExplanation.miss(host, Kind.NO_MATCH, closest, Optional.empty(), text);
    }

    /** @return the last {@code labels} labels of {@code name} */
    private static String suffix(String name, int labels) {
        int at = name.length();
        for (int i = 0; i < labels; i++) {
            at = name.lastIndexOf('.', at - 1);
        }
        return name.substring(at + 1);
    }

    static int labelCount(String name) {
        int count = 1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.') {
                count++;
            }
        }
        return count;
    }

    /** @return how many labels {@code a} and {@code b} share, counted from the right (both lower case) */
    static int sharedSuffixLabels(String a, String b) {
        int shared = 0;
        int i = a.length();
        int j = b.length();
        while (i > 0 && j > 0) {
            int ai = a.lastIndexOf('.', i - 1);
            int bj = b.lastIndexOf('.', j - 1);
            int aLength = i - ai - 1;
            if (aLength != j - bj - 1 || !a.regionMatches(ai + 1, b, bj + 1, aLength)) {
                break;
            }
            shared++;
            i = ai;
            j = bj;
        }
        return shared;
    }

    /**
     * @param a      a name
     * @param skip   how many leading labels of {@code a} to leave out (the one a wildcard stands for)
     * @param b      a name with as many labels as {@code a} has after {@code skip}
     * @return how many labels differ, place by place
     */
    static int differingLabels(String a, int skip, String b) {
        int from = 0;
        for (int s = 0; s < skip; s++) {
            from = a.indexOf('.', from) + 1;
        }
        int differing = 0;
        int i = from;
        int j = 0;
        while (i <= a.length() && j <= b.length()) {
            int ai = a.indexOf('.', i);
            int bj = b.indexOf('.', j);
            int aEnd = ai < 0 ? a.length() : ai;
            int bEnd = bj < 0 ? b.length() : bj;
            if (aEnd - i != bEnd - j || !a.regionMatches(i, b, j, aEnd - i)) {
                differing++;
            }
            if (ai < 0 || bj < 0) {
                return ai < 0 && bj < 0 ? differing : Integer.MAX_VALUE;
            }
            i = ai + 1;
            j = bj + 1;
        }
        return differing;
    }

    /** @return a small count in words: "two", "three"; digits from eleven on */
    private static String count(int n) {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return n < words.length ? words[n] : Integer.toString(n);
    }
}
