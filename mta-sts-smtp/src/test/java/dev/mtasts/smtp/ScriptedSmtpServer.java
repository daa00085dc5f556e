package dev.mtasts.smtp;

import dev.mtasts.testkit.IssuedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny SMTP server on a loopback address for this module's tests, one thread per connection, each running a
 * {@link Script}: what to send and what to expect, step by step. It records the client's commands and whether
 * the client closed the connection (end of stream seen). Until the testkit's {@code TestSmtpServer} exists.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** What the server does on one connection. */
    @FunctionalInterface
    interface Script {
        void run(Conversation c) throws Exception;
    }

    private final ServerSocket listener;
    private final Script script;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private final CountDownLatch accepted = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    private ScriptedSmtpServer(ServerSocket listener, Script script) {
        this.listener = listener;
        this.script = script;
        this.acceptor = new Thread(this::acceptLoop, "scripted-smtp-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return a server on 127.0.0.1, on a free port */
    static ScriptedSmtpServer start(Script script) throws IOException {
        return on(InetAddress.getByName("127.0.0.1"), 0, script);
    }

    /** @return a server on this loopback address and port (0 for a free one) */
    static ScriptedSmtpServer on(InetAddress loopback, int port, Script script) throws IOException {
        if (!loopback.isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback only: " + loopback);
        }
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        // Room for every test's connections at once: when the accept queue is full, Linux drops the client's final
        // ACK, and a client that waits for the server to speak first (as SMTP's does) then waits in vain.
        listener.bind(new InetSocketAddress(loopback, port), 128);
        return new ScriptedSmtpServer(listener, script);
    }

    int port() {
        return listener.getLocalPort();
    }

    InetAddress address() {
        return listener.getInetAddress();
    }

    /** @return the commands the client sent, in order, as lines without CRLF */
    List<String> commands() {
        return List.copyOf(commands);
    }

    /** @return true when the client closed its side within the time (the server read the end of the stream) */
    boolean clientClosedWithin(Duration time) throws InterruptedException {
        return clientClosed.await(time.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean acceptedWithin(Duration time) throws InterruptedException {
        return accepted.await(time.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return how many connections this server has accepted */
    int connections() {
        return connections.get();
    }

    List<Throwable> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return;
            }
            accepted.countDown();
            connections.incrementAndGet();
            Thread worker = new Thread(() -> serve(socket), "scripted-smtp-conn");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void serve(Socket socket) {
        Conversation c = new Conversation(socket);
        try (socket) {
            socket.setSoTimeout(20_000);
            script.run(c);
            c.drainToEnd();
        } catch (java.net.SocketException e) {
            c.ended = true; // reset or broken pipe: the client has gone
        } catch (Exception e) {
            if (!c.ended && !(e.getCause() instanceof java.net.SocketException)) {
                failures.add(e);
            }
        } finally {
            if (c.ended) {
                clientClosed.countDown();
            }
        }
    }

    /** One connection, seen from the server. */
    final class Conversation {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        boolean ended;

        Conversation(Socket socket) {
            this.socket = socket;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                in = socket.getInputStream();
            }
            return in;
        }

        private OutputStream out() throws IOException {
            if (out == null) {
                out = socket.getOutputStream();
            }
            return out;
        }

        /** Sends text as it is (add the CRLFs yourself). */
        Conversation send(String text) throws IOException {
            out().write(text.getBytes(StandardCharsets.ISO_8859_1));
            out().flush();
            return this;
        }

        /** Sends each line with CRLF. */
        Conversation lines(String... lines) throws IOException {
            StringBuilder all = new StringBuilder();
            for (String line : lines) {
                all.append(line).append("\r\n");
            }
            return send(all.toString());
        }

        /** Reads one command line, byte by byte (nothing is buffered past it, so TLS can start after it). */
        String command() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in().read()) >= 0) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                    commands.add(text);
                    return text;
                }
                line.write(b);
            }
            ended = true;
            throw new IOException("the client closed the connection");
        }

        /** Reads a command and fails unless it starts with this. */
        Conversation expect(String prefix) throws IOException {
            String command = command();
            if (!command.startsWith(prefix)) {
                throw new IOException("expected " + prefix + ", got " + command);
            }
            return this;
        }

        /** Starts TLS as the server, presenting this certificate whatever the client asks for. */
        Conversation startTls(IssuedCertificate certificate) throws Exception {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {certificate.keyManager()}, null, null);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
            tls.setUseClientMode(false);
            tls.startHandshake();
            socket = tls;
            in = null;
            out = null;
            return this;
        }

        /** Reads some bytes the client sends (its ClientHello, say) and closes the connection. */
        void readSomeAndClose() throws IOException {
            byte[] buffer = new byte[512];
            if (in().read(buffer) < 0) {
                ended = true;
            }
            socket.close();
            ended = true; // we closed; nothing more to see
        }

        void sleep(Duration time) throws InterruptedException {
            Thread.sleep(time.toMillis());
        }

        /** Reads and drops whatever the client sends until it closes the connection. */
        void drainToEnd() throws IOException {
            byte[] buffer = new byte[4096];
            try {
                while (in().read(buffer) >= 0) {
                    // dropped
                }
            } catch (java.net.SocketTimeoutException e) {
                return; // the client never closed
            } catch (IOException e) {
                ended = true; // reset by the client: closed too
                return;
            }
            ended = true;
        }

        /** Sends this line over and over until the client goes away. */
        void sendForever(String line) {
            byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            try {
                while (true) {
                    out().write(bytes);
                }
            } catch (IOException e) {
                ended = true; // the client closed (broken pipe or reset)
            }
        }
    }
}
