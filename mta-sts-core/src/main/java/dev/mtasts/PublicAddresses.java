package dev.mtasts;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/** {@link AddressPolicy#publicOnly()}: refuses every address that is not public unicast. */
final class PublicAddresses implements AddressPolicy {

    static final PublicAddresses INSTANCE = new PublicAddresses();

    private PublicAddresses() {
    }

    @Override
    public Optional<String> refusal(InetAddress address) {
        byte[] b = Objects.requireNonNull(address, "address").getAddress();
        if (b.length == 4) {
            return v4Refusal(b);
        }
        byte[] last4 = {b[12], b[13], b[14], b[15]};
        if (isV4Mapped(b)) {
            return v4Refusal(last4).map(r -> r + ", as an IPv4-mapped IPv6 address");
        }
        if (isV4Translated(b)) {
            // SIIT (RFC 2765, RFC 6145): a translator turns these into IPv4 packets to the embedded address, public or not.
            // Not to be confused with IPv4-mapped ::ffff:0:0/96 below, which the JDK hands over as the IPv4 address itself
            return Optional.of("IPv4-translated (::ffff:0:0:0/96, SIIT)");
        }
        if (startsWith(b, NAT64_WELL_KNOWN, 12) || startsWith(b, NAT64_LOCAL_USE, 6)) {
            // a NAT64 gateway forwards these to the embedded IPv4 address (RFC 6052, RFC 8215)
            return v4Refusal(last4).map(r -> r + ", through the NAT64 prefix");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            // 6to4 (RFC 3056): 2002:AABB:CCDD::/48 reaches the IPv4 address AA.BB.CC.DD
            return v4Refusal(new byte[] {b[2], b[3], b[4], b[5]}).map(r -> r + ", inside a 6to4 address");
        }
        if (startsWith(b, new byte[12], 12) && !((b[12] | b[13] | b[14]) == 0 && (b[15] == 0 || b[15] == 1))) {
            return Optional.of("IPv4-compatible IPv6 (::/96, deprecated by RFC 4291)");
        }
        return v6Refusal(b);
    }

    private static final byte[] NAT64_WELL_KNOWN = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] NAT64_LOCAL_USE = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 1};

    private static boolean startsWith(byte[] b, byte[] prefix, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code ::ffff:0:a.b.c.d}: eight zero bytes, {@code ffff}, two zero bytes, then the IPv4 address. */
    private static boolean isV4Translated(byte[] b) {
        for (int i = 0; i < 8; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0;
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
        if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
            return Optional.of("IETF protocol assignments (192.0.0.0/24)");
        }
        if ((a0 == 192 && a1 == 0 && (b[2] & 0xff) == 2) || (a0 == 198 && a1 == 51 && (b[2] & 0xff) == 100)
                || (a0 == 203 && a1 == 0 && (b[2] & 0xff) == 113)) {
            return Optional.of("documentation (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24)");
        }
        if (a0 == 192 && a1 == 88 && (b[2] & 0xff) == 99) {
            return Optional.of("deprecated 6to4 relay anycast (192.88.99.0/24, RFC 7526)");
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) {
            return Optional.of("benchmarking (198.18.0.0/15)");
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
        int word0 = (first << 8) | (b[1] & 0xff);
        int word1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (word0 == 0x0100 && word1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return Optional.of("discard-only (100::/64, RFC 6666)");
        }
        if (word0 == 0x2001 && word1 == 0x0db8) {
            return Optional.of("documentation (2001:db8::/32, RFC 3849)");
        }
        if (word0 == 0x3fff && (word1 & 0xf000) == 0) {
            return Optional.of("documentation (3fff::/20, RFC 9637)");
        }
        if (word0 == 0x2001 && word1 < 0x0200) {
            // IANA's IPv6 special-purpose registry: 2001::/23 is not globally reachable, apart from a few anycast
            // services (AMT, AS112, ORCHIDv2, DRIP) that never serve a policy or mail
            return Optional.of(word1 == 0 ? "Teredo (2001::/32, RFC 4380)"
                    : word1 == 2 && b[4] == 0 && b[5] == 0 ? "benchmarking (2001:2::/48, RFC 5180)"
                    : "IETF protocol assignments (2001::/23)");
        }
        if (word0 == 0x5f00) {
            return Optional.of("segment routing SIDs (5f00::/16, RFC 9602)");
        }
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
