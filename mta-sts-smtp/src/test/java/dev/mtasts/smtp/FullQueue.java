package dev.mtasts.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Assumptions;

/**
 * A listener on 127.0.0.1 that never accepts, with its backlog filled by our own sockets, so that a further
 * connect hangs (Linux drops the SYN when the queue is full). Where connects fail or succeed instead, the test is
 * skipped and says why.
 */
final class FullQueue implements AutoCloseable {

    private final ServerSocket listener;
    private final Deque<Socket> fillers = new ArrayDeque<>();

    private FullQueue(ServerSocket listener) {
        this.listener = listener;
    }

    static FullQueue open() throws IOException {
        FullQueue queue = new FullQueue(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")));
        InetSocketAddress target = new InetSocketAddress(queue.address(), queue.port());
        for (int tries = 0; tries < 10; tries++) {
            Socket filler = new Socket();
            try {
                filler.connect(target, 250);
                queue.fillers.push(filler);
            } catch (SocketTimeoutException full) {
                filler.close();
                return queue; // this connect hung: so will the probe's
            } catch (IOException other) {
                filler.close();
                break;
            }
        }
        queue.close();
        Assumptions.abort("a connect to a full accept queue does not hang on this system, so a connect timeout cannot"
                + " be shown on loopback");
        return queue;
    }

    InetAddress address() {
        return listener.getInetAddress();
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        while (!fillers.isEmpty()) {
            fillers.pop().close();
        }
        listener.close();
    }
}
