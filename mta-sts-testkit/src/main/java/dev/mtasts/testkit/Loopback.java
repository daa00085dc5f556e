package dev.mtasts.testkit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.Address;

/** Loopback address literals: parsed without any name look-up, and written in one canonical form. */
final class Loopback {

    private Loopback() {
    }

    /**
     * @param literal an IPv4 or IPv6 address literal
     * @return the address
     * @throws IllegalArgumentException when it is not a literal or not a loopback address ({@code 127.0.0.0/8},
     *                                  {@code ::1})
     */
    static InetAddress parse(String literal) {
        byte[] bytes = literal.indexOf(':') >= 0 ? Address.toByteArray(literal, Address.IPv6)
                : Address.toByteArray(literal, Address.IPv4);
        if (bytes == null) {
            throw new IllegalArgumentException("'" + literal + "' is not an IPv4 or IPv6 address literal");
        }
        InetAddress address;
        try {
            address = InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + literal + "' is not an address literal", e);
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException(literal + " is not a loopback address: the testkit listens on"
                    + " 127.0.0.0/8 and ::1 only");
        }
        return address;
    }

    /** @return the address as {@code 127.0.1.7} or {@code ::1} (RFC 5952: lower case, longest zero run as ::) */
    static String text(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
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
