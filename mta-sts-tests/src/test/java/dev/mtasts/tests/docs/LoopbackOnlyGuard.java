package dev.mtasts.tests.docs;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The security manager of the JVM that runs the documentation examples: it refuses every connection (TCP connect, UDP
 * connect or send, multicast) to an address outside loopback, before a packet leaves, and records the address.
 * Everything else is allowed. An example that names a public name server ({@code nameserver("9.9.9.9")}) still
 * runs to its end: its look-ups fail as network errors, and the test checks that every refused address is one the
 * example names.
 *
 * <p>Only for that forked JVM (started with {@code -Djava.security.manager=allow}); never installed in the test
 * JVM.
 */
@SuppressWarnings("removal")   // SecurityManager: the one hook the JDK has on every socket it opens
final class LoopbackOnlyGuard extends SecurityManager {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<String> refused = new CopyOnWriteArrayList<>();

    private LoopbackOnlyGuard() {
    }

    /**
     * Installs the guard and proves it works: a UDP {@code connect} to 192.0.2.1 (which sends nothing) must be
     * refused.
     *
     * @return the installed guard, its record of refusals empty
     * @throws IllegalStateException when the JVM would let the connection through
     */
    static LoopbackOnlyGuard install() {
        LoopbackOnlyGuard guard = new LoopbackOnlyGuard();
        System.setSecurityManager(guard);
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}), 53));
            throw new IllegalStateException("the loopback guard let a UDP connect to 192.0.2.1 through");
        } catch (SecurityException expected) {
            guard.refused.clear();
            return guard;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot check the loopback guard", e);
        }
    }

    /** @return every destination refused so far, as {@code host:port}, each once, and forgets them */
    List<String> takeRefused() {
        List<String> out = List.copyOf(refused);
        refused.removeAll(out);
        return out.stream().distinct().toList();
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything but connections beyond loopback is allowed
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // everything but connections beyond loopback is allowed
    }

    @Override
    public void checkConnect(String host, int port) {
        if (port != -1 && !isLoopback(host)) {   // port -1 is a name look-up, which jdk.net.hosts.file confines
            if (!isServerFilter()) {
                refused.add(host + ":" + port);
            }
            throw new SecurityException("the documentation examples may only connect to loopback, not " + host + ":" + port);
        }
    }

    /**
     * @return true when the JDK's JNDI DNS provider asks whether the platform's name servers may be used (which
     *         dnsjava's configuration does once, and only under a security manager): a question, not a connection,
     *         so it is refused without being recorded
     */
    private static boolean isServerFilter() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().equals("com.sun.jndi.dns.DnsContextFactory")
                        && f.getMethodName().equals("filterNameServers")));
    }

    @Override
    public void checkConnect(String host, int port, Object context) {
        checkConnect(host, port);
    }

    @Override
    public void checkMulticast(InetAddress address) {
        refused.add(address.getHostAddress() + " (multicast)");
        throw new SecurityException("the documentation examples may not send multicast");
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!IPV4.matcher(h).matches() && h.indexOf(':') < 0) {
            return false;   // a host name: nothing says where it points
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();   // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
