package dev.mtasts.testkit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What one SMTP connection has done so far; {@link #snapshot()} makes the {@link SmtpSession}. Thread-safe. */
final class SessionRecorder {

    /** The most commands recorded per session. */
    static final int MAX_COMMANDS = 1000;

    /** The longest command recorded, in characters; longer ones are cut. */
    static final int MAX_COMMAND_LENGTH = 512;

    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final Runnable onEnd;
    private final List<String> commands = new ArrayList<>();
    private Optional<String> ehloName = Optional.empty();
    private boolean tls;
    private Optional<String> sniHost = Optional.empty();
    private Optional<String> tlsProtocol = Optional.empty();
    private Optional<SmtpSession.Ending> ending = Optional.empty();

    /**
     * @param onEnd called once, when the session ends
     */
    SessionRecorder(InetSocketAddress local, InetSocketAddress remote, Runnable onEnd) {
        this.local = local;
        this.remote = remote;
        this.onEnd = onEnd;
    }

    synchronized void command(String line) {
        if (commands.size() < MAX_COMMANDS) {
            commands.add(line.length() > MAX_COMMAND_LENGTH ? line.substring(0, MAX_COMMAND_LENGTH) : line);
        }
    }

    synchronized void ehlo(String name) {
        if (ehloName.isEmpty()) {
            ehloName = Optional.of(name);
        }
    }

    synchronized void sni(Optional<String> host) {
        sniHost = host;
    }

    synchronized void tls(String protocol) {
        tls = true;
        tlsProtocol = Optional.of(protocol);
    }

    /** Records the end, unless one was recorded before. */
    void end(SmtpSession.Ending how) {
        synchronized (this) {
            if (ending.isPresent()) {
                return;
            }
            ending = Optional.of(how);
        }
        onEnd.run();
    }

    synchronized boolean ended() {
        return ending.isPresent();
    }

    synchronized SmtpSession snapshot() {
        return new SmtpSession(local, remote, ehloName, commands, tls, sniHost, tlsProtocol, ending);
    }
}
