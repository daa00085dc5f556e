package dev.mtasts.examples.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --bind ADDR}: an IPv4 or IPv6 address literal ({@code 127.0.0.1}, {@code ::1}, {@code [::1]},
 * {@code 0.0.0.0}); a name is refused, never looked up, so the address listened on is the one written.
 */
final class BindAddressConverter implements ITypeConverter<InetAddress> {

    @Override
    public InetAddress convert(String value) {
        String text = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        boolean ipv4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            throw new TypeConversionException("'" + value + "' is not an IP address: give one such as 127.0.0.1"
                    + " or ::1 (a name is not looked up)");
        }
        try {
            // a literal: InetAddress parses it without any look-up
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new TypeConversionException("'" + value + "' is not a valid IP address");
        }
    }
}
