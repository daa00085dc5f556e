package dev.mtasts.resolver;

import dev.mtasts.DomainName;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The answer to an address look-up: the A and AAAA records of a name, IPv4 addresses first.
 *
 * <p>The outcome combines both look-ups: {@code FOUND} when either type has records (a failure of the
 * other type is then told in {@link DnsResult#detail()}); {@code NXDOMAIN} when the name does not
 * exist; {@code NODATA} when both types are empty; otherwise the failure. This type is an immutable
 * value. A {@code DnsResolver} of a test's own builds its answers with the factories
 * {@link #found(DomainName, String...)} (address literals), {@link #found(DomainName, List)},
 * {@link #nxdomain(DomainName)}, {@link #nodata(DomainName)} and {@link #failure(DomainName, DnsOutcome, String)}.
 *
 * <pre>{@code
 * AddressAnswer answer = resolver.addresses(DomainName.of("mta-sts.example.com")).toCompletableFuture().join();
 * answer.addresses();   // [192.0.2.10, 2001:db8::10]
 * }</pre>
 *
 * @param result    the outcome and facts of the look-up
 * @param addresses the addresses, IPv4 then IPv6, each in the order the server gave them
 * @since 0.1.0
 */
public record AddressAnswer(DnsResult result, List<InetAddress> addresses) implements DnsAnswer {

    /**
     * @throws NullPointerException if a component is null
     */
    public AddressAnswer {
        Objects.requireNonNull(result, "result");
        addresses = List.copyOf(Objects.requireNonNull(addresses, "addresses"));
    }

    /**
     * An answer without addresses, for any outcome other than {@code FOUND}.
     *
     * @param result the outcome and facts
     * @return the answer
     */
    public static AddressAnswer empty(DnsResult result) {
        return new AddressAnswer(result, List.of());
    }

    /**
     * A {@code FOUND} answer of address literals, as a fake resolver gives it; IPv4 addresses are put first, as
     * {@link #addresses()} promises. A literal is parsed without any name look-up.
     *
     * <pre>{@code
     * AddressAnswer answer = AddressAnswer.found(DomainName.of("mta-sts.example.com"), "2001:db8::10", "192.0.2.10");
     * answer.addresses();   // [/192.0.2.10, /2001:db8:0:0:0:0:0:10]
     * }</pre>
     *
     * @param host      the host asked for
     * @param addresses IPv4 literals ({@code 192.0.2.10}) and IPv6 literals ({@code 2001:db8::10}, without
     *                  brackets or zone); at least one
     * @return the answer
     * @throws NullPointerException     when an argument or an address is null (the message names it)
     * @throws IllegalArgumentException when there is no address (use {@link #nodata(DomainName)}), or one is not an
     *                                  address literal
     */
    public static AddressAnswer found(DomainName host, String... addresses) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(addresses, "addresses");
        List<InetAddress> parsed = new ArrayList<>();
        for (String literal : FakeAnswers.nonEmpty(Arrays.asList(addresses), "addresses")) {
            parsed.add(literal(literal));
        }
        return found(host, parsed);
    }

    /**
     * A {@code FOUND} answer of addresses; IPv4 addresses are put first, each family in the order given.
     *
     * <pre>{@code
     * AddressAnswer answer = AddressAnswer.found(DomainName.of("mta-sts.example.com"),
     *         List.of(InetAddress.getByName("192.0.2.10")));
     * }</pre>
     *
     * @param host      the host asked for
     * @param addresses the addresses; at least one
     * @return the answer
     * @throws NullPointerException     when an argument or an address is null (the message names it)
     * @throws IllegalArgumentException when there is no address: use {@link #nodata(DomainName)}
     */
    public static AddressAnswer found(DomainName host, List<InetAddress> addresses) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(addresses, "addresses");
        List<InetAddress> all = FakeAnswers.nonEmpty(addresses, "addresses");
        List<InetAddress> ordered = new ArrayList<>(all.size());
        all.stream().filter(Inet4Address.class::isInstance).forEach(ordered::add);
        all.stream().filter(a -> !(a instanceof Inet4Address)).forEach(ordered::add);
        return new AddressAnswer(DnsResult.of(host, DnsOutcome.FOUND), ordered);
    }

    /**
     * The answer for a host name that does not exist.
     *
     * <pre>{@code
     * AddressAnswer answer = AddressAnswer.nxdomain(DomainName.of("mta-sts.example.com"));
     * answer.outcome();   // NXDOMAIN
     * }</pre>
     *
     * @param host the host asked for
     * @return the answer, without addresses
     */
    public static AddressAnswer nxdomain(DomainName host) {
        Objects.requireNonNull(host, "host");
        return empty(DnsResult.of(host, DnsOutcome.NXDOMAIN));
    }

    /**
     * The answer for a name that exists but has neither A nor AAAA records.
     *
     * <pre>{@code
     * AddressAnswer answer = AddressAnswer.nodata(DomainName.of("mta-sts.example.com"));
     * answer.addresses();   // []
     * }</pre>
     *
     * @param host the host asked for
     * @return the answer, without addresses
     */
    public static AddressAnswer nodata(DomainName host) {
        Objects.requireNonNull(host, "host");
        return empty(DnsResult.of(host, DnsOutcome.NODATA));
    }

    /**
     * The answer of a look-up that failed: nothing is known about the host.
     *
     * <pre>{@code
     * AddressAnswer answer = AddressAnswer.failure(DomainName.of("mta-sts.example.com"), DnsOutcome.REFUSED,
     *         "REFUSED by 192.0.2.53");
     * }</pre>
     *
     * @param host    the host asked for
     * @param outcome the failure: any outcome for which {@link DnsOutcome#isFailure()} is true
     * @param detail  why, for people; blank for no detail
     * @return the answer, without addresses
     * @throws IllegalArgumentException when the outcome is {@code FOUND}, {@code NXDOMAIN} or {@code NODATA}
     */
    public static AddressAnswer failure(DomainName host, DnsOutcome outcome, String detail) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        return empty(DnsResult.failure(host, FakeAnswers.failureOutcome(outcome), detail));
    }

    /**
     * Parses an IPv4 or IPv6 literal. The JDK's parser is only given text that it reads as an IPv6 literal (hex
     * digits, colons and dots, with a colon), so it never looks a name up.
     */
    private static InetAddress literal(String text) {
        byte[] v4 = ipv4(text);
        if (v4 != null) {
            try {
                return InetAddress.getByAddress(v4);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);   // four bytes are always an address
            }
        }
        boolean ipv6Shaped = text.indexOf(':') >= 0 && (text.charAt(0) == ':' || isHexDigit(text.charAt(0)))
                && text.chars().allMatch(c -> c == ':' || c == '.' || isHexDigit(c));
        if (ipv6Shaped) {
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                // not a valid IPv6 literal after all: reported below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address literal");
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** @return the four bytes of a dotted-quad literal (no leading zeros), or null when it is not one */
    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0'
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(p);
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    /** @return the IPv4 addresses (A records) */
    public List<Inet4Address> ipv4() {
        return addresses.stream().filter(Inet4Address.class::isInstance).map(Inet4Address.class::cast).toList();
    }

    /** @return the IPv6 addresses (AAAA records) */
    public List<Inet6Address> ipv6() {
        return addresses.stream().filter(Inet6Address.class::isInstance).map(Inet6Address.class::cast).toList();
    }
}
