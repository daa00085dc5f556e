package dev.mtasts.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.xbill.DNS.Message;

/**
 * A UDP server on 127.0.0.1 that answers each query with the bytes a test makes for it, for replies no real
 * server would build (records with malformed RDATA), and that keeps each query it received, to look at its
 * header and EDNS flags.
 */
final class CannedDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Function<Message, byte[]> replies;
    private final List<Message> queries = new CopyOnWriteArrayList<>();
    private final Thread thread;

    /** @param replies the reply to each query; null for none */
    CannedDnsServer(Function<Message, byte[]> replies) {
        this.replies = replies;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "CannedDnsServer-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                queries.add(query);
                byte[] out = replies.apply(query);
                if (out != null) {
                    socket.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                // closed, or a packet that is not a query: nothing to answer
            }
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return the queries received, oldest first */
    List<Message> queries() {
        return List.copyOf(queries);
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
