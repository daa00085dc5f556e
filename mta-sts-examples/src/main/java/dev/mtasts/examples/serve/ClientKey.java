package dev.mtasts.examples.serve;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;

/**
 * Who is asking, for the rate limit: the connection's remote address (never a header a client can set, such as
 * {@code X-Forwarded-For}), an IPv6 address cut to its /64.
 */
final class ClientKey {

    private ClientKey() {
    }

    static String of(InetSocketAddress remote) {
        InetAddress address = remote.getAddress();
        if (address == null) {
            return remote.getHostString();
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        }
        return address.getHostAddress();
    }
}
