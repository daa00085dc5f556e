package dev.mtasts.examples.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code HOST}, {@code HOST:PORT}, {@code [IPv6]:PORT} or a bare IPv6 address; the port defaults to 53. */
final class NameserverConverter implements ITypeConverter<InetSocketAddress> {

    private static final int DNS_PORT = 53;

    @Override
    public InetSocketAddress convert(String value) {
        String host = value.strip();
        int port = DNS_PORT;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new TypeConversionException("'" + value + "': missing ']' after the IPv6 address");
            }
            String rest = host.substring(close + 1);
            host = host.substring(1, close);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new TypeConversionException("'" + value + "': write [IPv6]:PORT");
                }
                port = port(rest.substring(1), value);
            }
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            int colon = host.indexOf(':');
            port = port(host.substring(colon + 1), value);
            host = host.substring(0, colon);
        }
        if (host.isEmpty()) {
            throw new TypeConversionException("'" + value + "': no host");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new TypeConversionException("name server '" + host + "' cannot be resolved");
        }
        return address;
    }

    private static int port(String text, String value) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "': port must be 1-65535");
        }
    }
}
