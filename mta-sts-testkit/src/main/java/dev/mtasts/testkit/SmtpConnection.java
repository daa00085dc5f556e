package dev.mtasts.testkit;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Serves one accepted SMTP connection with one {@link SmtpBehaviour}, on a thread of its own, until the client
 * quits or hangs up, the behaviour closes, the client idles too long, or {@link #stop()}.
 */
final class SmtpConnection implements Runnable {

    /** The longest command line read, CRLF included; longer lines get {@code 500} and the connection is closed. */
    static final int MAX_LINE = 4096;

    private final Socket socket;
    private final SmtpBehaviour behaviour;
    private final Function<SmtpBehaviour, SSLSocketFactory> tlsFactory;
    private final SessionRecorder session;
    private final Duration idleTimeout;
    private final Runnable onClose;
    private volatile Thread thread;
    private volatile boolean stopped;

    private InputStream in;
    private OutputStream out;

    SmtpConnection(Socket socket, SmtpBehaviour behaviour, Function<SmtpBehaviour, SSLSocketFactory> tlsFactory,
            SessionRecorder session, Duration idleTimeout, Runnable onClose) {
        this.socket = socket;
        this.behaviour = behaviour;
        this.tlsFactory = tlsFactory;
        this.session = session;
        this.idleTimeout = idleTimeout;
        this.onClose = onClose;
    }

    /** @return the server address that accepted the connection */
    InetAddress localAddress() {
        return socket.getLocalAddress();
    }

    /** Closes the connection in whatever state it is and wakes its thread; the session ends {@code STOPPED}. */
    void stop() {
        stopped = true;
        closeQuietly(socket);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        Socket current = socket;
        try {
            if (stopped) {
                return;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            sleep(behaviour.greetingDelay());
            greet();
            if (behaviour.greetingCode() == 421) {
                session.end(SmtpSession.Ending.SERVER_CLOSED);
            } else if (behaviour.greetingCode() != 220) {
                refuseUntilQuit();
            } else {
                current = converse();
            }
        } catch (SocketTimeoutException e) {
            session.end(stopped ? SmtpSession.Ending.STOPPED : SmtpSession.Ending.TIMEOUT);
        } catch (IOException | RuntimeException e) {
            session.end(stopped ? SmtpSession.Ending.STOPPED : SmtpSession.Ending.CONNECTION_ERROR);
        } catch (InterruptedException e) {
            session.end(SmtpSession.Ending.STOPPED);
        } finally {
            closeQuietly(current);
            closeQuietly(socket);
            session.end(stopped ? SmtpSession.Ending.STOPPED : SmtpSession.Ending.SERVER_CLOSED);
            thread = null;
            Thread.interrupted(); // a stop() that came late must not reach the pool's next task
            onClose.run();
        }
    }

    private void greet() throws IOException, InterruptedException {
        int code = behaviour.greetingCode();
        long lines = behaviour.greetingLines();
        if (lines > 0) {
            OutputStream buffered = new BufferedOutputStream(out, 16 * 1024);
            String prefix = code + "-" + behaviour.hostName() + " greeting line ";
            for (long i = 1; i <= lines; i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                buffered.write((prefix + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            buffered.flush();
        }
        reply(code + " " + behaviour.greetingText());
    }

    /** After a greeting that refuses service (RFC 5321 §3.1): {@code 503} to everything until {@code QUIT}. */
    private void refuseUntilQuit() throws IOException {
        while (true) {
            String line = readCommand();
            if (line == null) {
                return;
            }
            if (verb(line).equals("QUIT")) {
                quit();
                return;
            }
            reply("503 5.5.1 No SMTP service here");
        }
    }

    /** @return the socket in use at the end: the TLS one after {@code STARTTLS} */
    private Socket converse() throws IOException {
        Socket current = socket;
        boolean tls = false;
        while (true) {
            String line = readCommand();
            if (line == null) {
                return current;
            }
            String verb = verb(line);
            String argument = line.length() > verb.length() ? line.substring(verb.length()).strip() : "";
            switch (verb) {
                case "EHLO":
                case "HELO":
                    if (argument.isEmpty()) {
                        reply("501 5.5.4 Syntax: " + verb + " hostname");
                        break;
                    }
                    session.ehlo(argument);
                    reply(verb.equals("HELO") ? "250 " + behaviour.hostName() : ehloReply(argument, tls));
                    break;
                case "STARTTLS":
                    if (tls) {
                        reply("503 5.5.1 TLS already active");
                    } else if (!behaviour.startTlsOffered()) {
                        reply("502 5.5.1 STARTTLS not offered");
                    } else if (behaviour.startTlsCode() != 220) {
                        reply(behaviour.startTlsCode() + " " + behaviour.startTlsText());
                    } else {
                        reply("220 " + behaviour.startTlsText());
                        SSLSocket secure = startTls();
                        if (secure == null) {
                            return current;
                        }
                        current = secure;
                        tls = true;
                    }
                    break;
                case "QUIT":
                    quit();
                    return current;
                case "NOOP":
                case "RSET":
                    reply("250 2.0.0 OK");
                    break;
                default:
                    reply("502 5.5.2 Error: command not recognized");
            }
        }
    }

    /** @return the TLS socket to go on with, or null when the session has ended */
    private SSLSocket startTls() throws IOException {
        byte[] hello = ClientHello.readRecord(in);
        session.sni(ClientHello.sni(hello));
        switch (behaviour.tlsStart()) {
            case SILENCE:
                while (in.read() >= 0) {
                    // never answer; wait for the client to give up
                }
                session.end(SmtpSession.Ending.CLIENT_CLOSED);
                return null;
            case CLOSE_AFTER_CLIENT_HELLO:
                session.end(SmtpSession.Ending.SERVER_CLOSED);
                return null;
            default:
                break;
        }
        // the ClientHello read above is handed back to the TLS engine, which reads on from the socket
        SSLSocket ssl = (SSLSocket) tlsFactory.apply(behaviour).createSocket(socket,
                new ByteArrayInputStream(hello), true);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            session.end(stopped ? SmtpSession.Ending.STOPPED
                    : e instanceof SocketTimeoutException ? SmtpSession.Ending.TIMEOUT
                    : SmtpSession.Ending.TLS_FAILED);
            closeQuietly(ssl);
            return null;
        }
        session.tls(ssl.getSession().getProtocol());
        in = ssl.getInputStream();
        out = ssl.getOutputStream();
        return ssl;
    }

    private String ehloReply(String client, boolean tls) {
        StringBuilder reply = new StringBuilder("250-").append(behaviour.hostName()).append(" Hello ").append(client)
                .append("\r\n250-PIPELINING\r\n");
        if (!tls && behaviour.startTlsOffered()) {
            reply.append("250-8BITMIME\r\n250 STARTTLS");
        } else {
            reply.append("250 8BITMIME");
        }
        return reply.toString();
    }

    private void quit() throws IOException {
        reply("221 2.0.0 Bye");
        session.end(SmtpSession.Ending.QUIT);
    }

    /**
     * Reads a command line, a byte at a time so that nothing after it is consumed (after {@code STARTTLS} the next
     * bytes are the ClientHello), and records it.
     *
     * @return the line without CRLF, or null when the client closed the connection (the session has ended)
     */
    private String readCommand() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                session.end(SmtpSession.Ending.CLIENT_CLOSED);
                return null;
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                reply("500 5.5.2 Line too long");
                session.end(SmtpSession.Ending.SERVER_CLOSED);
                return null;
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        session.command(text);
        return text;
    }

    private void reply(String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String verb(String line) {
        int space = line.indexOf(' ');
        return (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
