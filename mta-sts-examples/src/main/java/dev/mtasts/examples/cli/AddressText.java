package dev.mtasts.examples.cli;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An IP address as people write it: IPv4 dotted, IPv6 in the short form of RFC 5952 §4 ({@code 2001:db8::25}, lower
 * case, the longest run of two or more zero groups as {@code ::}, the first of equal runs), where
 * {@link InetAddress#getHostAddress()} writes every group ({@code 2001:db8:0:0:0:0:0:25}). Stateless.
 */
final class AddressText {

    private AddressText() {
    }

    static String of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;   // a single zero group is never shortened (RFC 5952 §4.2.2)
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
