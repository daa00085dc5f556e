package dev.mtasts.examples.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --nameserver}: an IP address literal, {@code IPv4}, {@code IPv4:PORT}, {@code IPv6} or
 * {@code [IPv6]:PORT}; the port defaults to 53.
 *
 * <p>Only literals, and parsed here, byte by byte, into {@link InetAddress#getByAddress(byte[])}: nothing is ever
 * looked up. A host name would have to be resolved through the system resolver to find the resolver to use (DNS
 * traffic nobody asked for, from a tool whose point is to choose its name server), and {@code new
 * InetSocketAddress(host, port)} does exactly that for any string that is not a valid literal, such as
 * {@code 999.1.1.1}.
 */
final class NameserverConverter implements ITypeConverter<InetSocketAddress> {

    private static final int DNS_PORT = 53;
    private static final String AS_ADDRESS = "give the name server as an IP address (such as 192.0.2.53,"
            + " 192.0.2.53:5353 or [2001:db8::53]:5353), not a name: it is not looked up";

    @Override
    public InetSocketAddress convert(String value) {
        String text = value.strip();
        int port = DNS_PORT;
        byte[] address;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw error(value, "missing ']' after the IPv6 address");
            }
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw error(value, "write [IPv6]:PORT");
                }
                port = port(rest.substring(1), value);
            }
            String inner = text.substring(1, close);
            if (!inner.isEmpty() && inner.chars().allMatch(c -> c == '.' || isDigit(c))) {
                throw error(value, "brackets are for IPv6 only: write an IPv4 address as "
                        + inner + (rest.isEmpty() ? "" : rest));
            }
            address = ipv6(inner, value);
        } else {
            int colons = (int) text.chars().filter(c -> c == ':').count();
            if (colons >= 2) {
                address = ipv6(text, value);
            } else {
                String host = text;
                if (colons == 1) {
                    int colon = text.indexOf(':');
                    host = text.substring(0, colon);
                    port = port(text.substring(colon + 1), value);
                }
                address = ipv4(host, value);
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes, always", e);
        }
    }

    /** Dotted decimal, four numbers 0-255 without leading zeros (which some readers take for octal). */
    private static byte[] ipv4(String host, String value) {
        if (host.isEmpty()) {
            throw error(value, "no address: " + AS_ADDRESS);
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4 || !host.chars().allMatch(c -> c == '.' || isDigit(c))) {
            throw error(value, AS_ADDRESS);
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw error(value, AS_ADDRESS);
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                throw error(value, part + " has a leading zero: write " + Integer.parseInt(part)
                        + " (is it octal or decimal?)");
            }
            if (part.length() > 3 || Integer.parseInt(part) > 255) {
                throw error(value, part + " is not 0-255");
            }
            bytes[i] = (byte) Integer.parseInt(part);
        }
        return bytes;
    }

    /** RFC 4291 §2.2 text: eight groups of 1-4 hex digits, one {@code ::} at most, an IPv4 tail allowed. */
    private static byte[] ipv6(String text, String value) {
        if (text.isEmpty()) {
            throw error(value, "no address: " + AS_ADDRESS);
        }
        if (text.indexOf('%') >= 0) {
            throw error(value, "zone ids (%...) are not supported: give a global or loopback address");
        }
        if (text.indexOf(':') < 0) {
            throw error(value, AS_ADDRESS);
        }
        int compressed = text.indexOf("::");
        if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
            throw error(value, "'::' may appear once in an IPv6 address");
        }
        int[] head = groups(compressed < 0 ? text : text.substring(0, compressed), compressed < 0, value);
        int[] tail = compressed < 0 ? new int[0] : groups(text.substring(compressed + 2), true, value);
        int count = head.length + tail.length;
        if (compressed < 0 ? count != 8 : count > 7) {
            throw notIpv6(value);
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.length; i++) {
            put(bytes, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(bytes, 8 - tail.length + i, tail[i]);
        }
        return bytes;
    }

    /**
     * @param side      the groups on one side of {@code ::} (or all of them), colon-separated; may be empty
     * @param lastSide  whether the side ends the address, so its last group may be dotted IPv4
     * @return the 16-bit groups
     */
    private static int[] groups(String side, boolean lastSide, String value) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        boolean dotted = lastSide && parts[parts.length - 1].indexOf('.') >= 0;
        int[] groups = new int[parts.length + (dotted ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (dotted && i == parts.length - 1) {
                byte[] v4 = ipv4(part, value);
                groups[i] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
                groups[i + 1] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
                break;
            }
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(NameserverConverter::isHexDigit)) {
                throw notIpv6(value);
            }
            groups[i] = Integer.parseInt(part, 16);
        }
        return groups;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    private static int port(String text, String value) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(NameserverConverter::isDigit)
                || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw error(value, "port must be 1-65535");
        }
        return Integer.parseInt(text);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static TypeConversionException notIpv6(String value) {
        return error(value, "not an IPv6 address (eight groups of 1-4 hex digits, '::' for zeros); "
                + AS_ADDRESS);
    }

    private static TypeConversionException error(String value, String reason) {
        return new TypeConversionException("'" + value + "': " + reason);
    }
}
