package dev.mtasts;

import java.util.Optional;

/** Decoding of Punycode (RFC 3492 §6.2), for checking A-labels that {@link java.net.IDN} cannot decode (IDNA2008 ß). */
final class Punycode {

    private static final int BASE = 36;
    private static final int TMIN = 1;
    private static final int TMAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Punycode() {
    }

    /**
     * @param encoded the part of an A-label after {@code xn--}
     * @return the Unicode label, or empty when the input is not valid Punycode
     */
    static Optional<String> decode(String encoded) {
        int delimiter = encoded.lastIndexOf('-');
        StringBuilder output = new StringBuilder();
        int[] codePoints = new int[encoded.length()];
        int count = 0;
        for (int j = 0; j < Math.max(delimiter, 0); j++) {
            char c = encoded.charAt(j);
            if (c >= 0x80) {
                return Optional.empty();
            }
            codePoints[count++] = c;
        }
        int n = INITIAL_N;
        long i = 0;
        int bias = INITIAL_BIAS;
        int pos = delimiter > 0 ? delimiter + 1 : 0;
        while (pos < encoded.length()) {
            long oldI = i;
            long w = 1;
            for (int k = BASE; ; k += BASE) {
                if (pos >= encoded.length()) {
                    return Optional.empty();
                }
                int digit = digit(encoded.charAt(pos++));
                if (digit < 0) {
                    return Optional.empty();
                }
                i += digit * w;
                if (i > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
                int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
                if (digit < t) {
                    break;
                }
                w *= BASE - t;
                if (w > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
            }
            bias = adapt(i - oldI, count + 1, oldI == 0);
            long next = n + i / (count + 1);
            if (next > Character.MAX_CODE_POINT) {
                return Optional.empty();
            }
            n = (int) next;
            i %= count + 1;
            if (count == codePoints.length || (n >= 0xD800 && n <= 0xDFFF)) {
                return Optional.empty();
            }
            System.arraycopy(codePoints, (int) i, codePoints, (int) i + 1, count - (int) i);
            codePoints[(int) i] = n;
            count++;
            i++;
        }
        for (int j = 0; j < count; j++) {
            output.appendCodePoint(codePoints[j]);
        }
        return Optional.of(output.toString());
    }

    private static int adapt(long delta, int points, boolean first) {
        long d = first ? delta / DAMP : delta / 2;
        d += d / points;
        int k = 0;
        while (d > ((BASE - TMIN) * TMAX) / 2) {
            d /= BASE - TMIN;
            k += BASE;
        }
        return (int) (k + (BASE - TMIN + 1) * d / (d + SKEW));
    }

    private static int digit(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        return -1;
    }
}
