package dev.mtasts;

import java.net.InetAddress;
import java.util.Optional;

/** {@link AddressPolicy#publicOnly()}: refuses every address that is not public unicast. */
final class PublicAddresses implements AddressPolicy {

    static final PublicAddresses INSTANCE = new PublicAddresses();

    private PublicAddresses() {
    }

    @Override
    public Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16 && isV4Mapped(b)) {
            byte[] v4 = {b[12], b[13], b[14], b[15]};
            return v4Refusal(v4).map(r -> r + ", as an IPv4-mapped IPv6 address");
        }
        return b.length == 4 ? v4Refusal(b) : v6Refusal(b);
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static Optional<String> v4Refusal(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return Optional.of("unspecified (0.0.0.0/8)");
        }
        if (a0 == 127) {
            return Optional.of("loopback (127.0.0.0/8)");
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private (RFC 1918)");
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Optional.of("carrier-grade NAT (100.64.0.0/10)");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local (169.254.0.0/16)");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("multicast (224.0.0.0/4)");
        }
        if (a0 >= 240) {
            return Optional.of("reserved or broadcast (240.0.0.0/4)");
        }
        return Optional.empty();
    }

    private static Optional<String> v6Refusal(byte[] b) {
        boolean allZeroButLast = true;
        for (int i = 0; i < 15; i++) {
            allZeroButLast &= b[i] == 0;
        }
        if (allZeroButLast && b[15] == 0) {
            return Optional.of("unspecified (::)");
        }
        if (allZeroButLast && b[15] == 1) {
            return Optional.of("loopback (::1)");
        }
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("unique-local (fc00::/7)");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("link-local (fe80::/10)");
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("site-local (fec0::/10)");
        }
        if (first == 0xff) {
            return Optional.of("multicast (ff00::/8)");
        }
        return Optional.empty();
    }
}
