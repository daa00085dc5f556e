package dev.mtasts.examples.serve;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the server listens and what it allows: an immutable value; {@link #defaults()} then the {@code with...}
 * methods.
 *
 * @param bind        the address to listen on; default 127.0.0.1
 * @param port        the port, 0 for any free one; default 8080
 * @param maxInFlight validations running at once, over every client; default 16
 * @param maxWaiting  API requests waiting for a check at once (each holds a server thread); default 64
 * @param burst       checks a client may ask for at once; default 10
 * @param refill      after this, a client may ask for one more; default 6 seconds (10 a minute)
 * @param reuseFor    a finished check's report is served again for this long; default 60 seconds
 * @param examples    domains the page offers to check (the demo's); default none
 */
record ServerSettings(InetAddress bind, int port, int maxInFlight, int maxWaiting, int burst, Duration refill,
                      Duration reuseFor, List<Example> examples) {

    ServerSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        if (maxInFlight < 1 || maxWaiting < 1 || burst < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        Objects.requireNonNull(refill, "refill");
        Objects.requireNonNull(reuseFor, "reuseFor");
        examples = List.copyOf(examples);
    }

    /** 127.0.0.1. */
    static final InetAddress LOOPBACK = loopback();

    static ServerSettings defaults() {
        return new ServerSettings(LOOPBACK, 8080, 16, 64, 10, Duration.ofSeconds(6),
                Duration.ofSeconds(60), List.of());
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    ServerSettings withBind(InetAddress value, int portValue) {
        return new ServerSettings(value, portValue, maxInFlight, maxWaiting, burst, refill, reuseFor, examples);
    }

    ServerSettings withLimits(int inFlight, int waiting) {
        return new ServerSettings(bind, port, inFlight, waiting, burst, refill, reuseFor, examples);
    }

    ServerSettings withRate(int burstValue, Duration refillValue) {
        return new ServerSettings(bind, port, maxInFlight, maxWaiting, burstValue, refillValue, reuseFor, examples);
    }

    ServerSettings withReuseFor(Duration value) {
        return new ServerSettings(bind, port, maxInFlight, maxWaiting, burst, refill, value, examples);
    }

    ServerSettings withExamples(List<Example> value) {
        return new ServerSettings(bind, port, maxInFlight, maxWaiting, burst, refill, reuseFor, value);
    }
}
