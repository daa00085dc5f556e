package dev.mtasts.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A loopback address and port where a TCP connect neither succeeds nor fails: a listener that never accepts,
 * its accept queue filled, so the kernel drops further SYNs (Linux with {@code tcp_abort_on_overflow=0}). The
 * test is skipped, saying why, where connects do not hang this way.
 */
final class Blackhole implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> held = new ArrayList<>();

    private Blackhole(InetAddress address, int port) throws IOException {
        listener = new ServerSocket(port, 1, address);
    }

    static Blackhole on(InetAddress address, int port) throws IOException {
        Blackhole hole = new Blackhole(address, port);
        for (int i = 0; i < 8; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), 300);
                hole.held.add(socket);
            } catch (SocketTimeoutException hanging) {
                socket.close();
                return hole;
            } catch (IOException e) {
                socket.close();
                break;
            }
        }
        hole.close();
        Assumptions.abort("connects to a full accept queue do not hang on this system; skipping");
        return hole;
    }

    @Override
    public void close() {
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
