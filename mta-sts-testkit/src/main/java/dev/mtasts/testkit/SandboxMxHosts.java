package dev.mtasts.testkit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The SMTP side of a {@link MtaStsSandbox}: hands out a loopback address of its own to each MX host, and remembers
 * which domain's zone made the {@link TestSmtpServer} listen where, so that clearing one domain stops only its
 * listeners. Thread-safe.
 */
final class SandboxMxHosts {

    /** How many addresses {@code 127.0.1.1} to {@code 127.255.255.254} hold, 254 per /24. */
    private static final int CAPACITY = 255 * 254;

    private final TestSmtpServer smtp;
    private final Map<String, Set<String>> listenersByZone = new HashMap<>(); // guarded by this
    private int allocated; // guarded by this; never reused while the sandbox runs, reset or not

    SandboxMxHosts(TestSmtpServer smtp) {
        this.smtp = smtp;
    }

    /** @return the next unused address: {@code 127.0.1.1}, {@code 127.0.1.2}, ... {@code 127.0.2.1}, ... */
    synchronized String allocate() {
        if (allocated >= CAPACITY) {
            throw new IllegalStateException("the sandbox has given out all " + CAPACITY + " MX host addresses");
        }
        int index = allocated++;
        int block = 1 + index / 254; // 1 to 255: 127.0.1.x to 127.0.255.x
        return "127.0." + block + "." + (1 + index % 254);
    }

    /** Listens on the address with the behaviour, on behalf of the zone. */
    synchronized void listen(String zone, String address, SmtpBehaviour behaviour) {
        smtp.host(address, behaviour);
        listenersByZone.computeIfAbsent(zone, z -> new HashSet<>()).add(Loopback.text(Loopback.parse(address)));
    }

    /** Stops the listeners the zone started, but those another zone started too. */
    synchronized void forget(String zone) {
        Set<String> mine = listenersByZone.remove(zone);
        if (mine == null) {
            return;
        }
        for (String address : mine) {
            if (listenersByZone.values().stream().noneMatch(s -> s.contains(address))) {
                smtp.remove(address);
            }
        }
    }

    /** Forgets every zone's listeners (the server's reset stops them). */
    synchronized void reset() {
        listenersByZone.clear();
    }
}
