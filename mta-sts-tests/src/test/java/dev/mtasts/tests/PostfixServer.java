package dev.mtasts.tests;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A private instance of Debian's postfix for {@link PostfixInteropTest}: its own {@code main.cf} and {@code master.cf}
 * in a directory of the test, its own queue and data directories there, and only {@code smtpd} listeners on
 * {@code 127.0.0.1} (one per {@link Listener}, each on a free port, each with its own {@code syslog_name} and
 * {@code -o} overrides), plus the two local helpers smtpd needs ({@code tlsmgr} for TLS, {@code postlog} for the log
 * file).
 *
 * <p>It can reach nothing beyond loopback and deliver nothing: {@code master.cf} has no {@code cleanup},
 * {@code qmgr}, {@code smtp}, {@code local} or {@code pickup} service (a message cannot even be queued), every
 * recipient is rejected, every transport is {@code error}, no name is looked up ({@code smtpd_peername_lookup = no},
 * {@code disable_dns_lookups}, {@code smtp_dns_support_level = disabled}) and postmaster notices are off.
 *
 * <p>Started with {@code postfix -c <dir> start-fg} (the master daemon stays a descendant of the test's JVM, so it
 * can be found and stopped), stopped with {@code postfix -c <dir> stop}; whatever is left of its process tree is
 * killed, also from a shutdown hook. Postfix runs only as root ({@code postfix} and {@code master} refuse other
 * users): {@link #whyNotRunnable()} says so, for the test's assumption.
 */
final class PostfixServer implements AutoCloseable {

    /** One smtpd listener: a name (its {@code syslog_name} is {@code postfix-<name>}) and main.cf overrides. */
    record Listener(String name, Map<String, String> overrides) {
        Listener {
            overrides = Map.copyOf(overrides);
        }

        String syslogName() {
            return "postfix-" + name;
        }
    }

    private static final List<String> SBIN = List.of("/usr/sbin", "/usr/local/sbin", "/sbin");
    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Path postfix;
    private final Path dir;
    private final Path conf;
    private final Process process;
    private final Map<String, Integer> ports;
    private final Thread hook;

    private PostfixServer(Path postfix, Path dir, Process process, Map<String, Integer> ports) {
        this.postfix = postfix;
        this.dir = dir;
        this.conf = dir.resolve("conf");
        this.process = process;
        this.ports = Map.copyOf(ports);
        this.hook = new Thread(this::kill, "postfix-interop-kill");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    // ---- can it run here? ----

    /** @return the {@code postfix} command, when installed */
    static Optional<Path> findPostfix() {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator));
        return Stream.concat(SBIN.stream(), path)
                .filter(p -> !p.isEmpty())
                .map(p -> Path.of(p, "postfix"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** @return why this JVM cannot run postfix, or empty when it can (it runs as root) */
    static Optional<String> whyNotRunnable() {
        Optional<Path> postfix = findPostfix();
        if (postfix.isEmpty()) {
            return Optional.of("postfix is not installed; to run this interop test: apt-get install -y postfix"
                    + " (debconf 'No configuration'), or run .ci/install-postfix.sh");
        }
        Path postconf = postfix.get().resolveSibling("postconf");
        if (!Files.isExecutable(postconf)) {
            return Optional.of("postfix is installed at " + postfix.get() + " but postconf is not next to it");
        }
        Optional<Integer> uid = uid();
        if (uid.isPresent() ? uid.get() != 0 : !"root".equals(System.getProperty("user.name"))) {
            return Optional.of("postfix's master daemon runs only as root ('the postfix command is reserved for the"
                    + " superuser'; it drops to mail_owner itself) and this JVM runs as uid " + uid.map(String::valueOf)
                    .orElse(System.getProperty("user.name")) + "; run the tests as root (as in the CI container)"
                    + " to run this interop test");
        }
        try {
            String owner = postconf(postconf, "-d", "-h", "mail_owner");
            if (!accountExists(owner)) {
                return Optional.of("postfix's mail_owner account '" + owner + "' does not exist (the postfix"
                        + " package creates it when installed: apt-get install -y postfix, or .ci/install-postfix.sh)");
            }
        } catch (IOException e) {
            return Optional.of("cannot run " + postconf + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** @return postfix's version, such as {@code 3.7.11} */
    static String version() throws IOException {
        return postconf(findPostfix().orElseThrow().resolveSibling("postconf"), "-d", "-h", "mail_version");
    }

    private static Optional<Integer> uid() {
        try {
            return Optional.of((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static boolean accountExists(String user) throws IOException {
        Path passwd = Path.of("/etc/passwd");
        if (Files.isReadable(passwd)) {
            try (Stream<String> lines = Files.lines(passwd)) {
                if (lines.anyMatch(l -> l.startsWith(user + ":"))) {
                    return true;
                }
            }
        }
        return run(Duration.ofSeconds(10), "getent", "passwd", user).exitCode == 0;
    }

    // ---- start ----

    /**
     * Starts postfix with one smtpd per listener, each on a free loopback port, and waits until every one greets.
     *
     * @param dir       a directory owned by this (root) JVM, for the configuration, queue, data and log
     * @param settings  main.cf settings of the test (such as {@code smtpd_tls_chain_files}), after this class's
     * @param listeners the smtpd services
     * @return the running instance
     * @throws IOException when postfix does not start; the message has its output and log
     */
    static PostfixServer start(Path dir, Map<String, String> settings, List<Listener> listeners)
            throws IOException, InterruptedException {
        Path postfix = findPostfix().orElseThrow();
        prepare(dir);
        IOException last = null;
        for (int attempt = 1; attempt <= 4; attempt++) {
            Map<String, Integer> ports = freePorts(listeners);
            writeConfig(dir, settings, listeners, ports);
            Path out = dir.resolve("postfix-" + attempt + ".out");
            Process p = new ProcessBuilder(postfix.toString(), "-c", dir.resolve("conf").toString(), "start-fg")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            PostfixServer server = new PostfixServer(postfix, dir, p, ports);
            try {
                server.awaitGreetings();
                return server;
            } catch (IOException e) {
                server.close();
                last = e;
                if (!server.logs().contains("Address already in use")) {
                    break;  // not a port race: retrying would fail alike
                }
            }
        }
        throw last;
    }

    /** The directory and every one above must be searchable by mail_owner, who works in the queue directory. */
    private static void prepare(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException(p + " is not searchable by others, so postfix's unprivileged processes"
                        + " cannot reach their queue under " + dir + "; set java.io.tmpdir to a directory they can"
                        + " reach (such as /tmp)");
            }
        }
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("queue"));
        Files.setPosixFilePermissions(dir.resolve("queue"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Map<String, Integer> freePorts(List<Listener> listeners) throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (Listener l : listeners) {
                ServerSocket s = new ServerSocket();
                held.add(s);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
                ports.put(l.name(), s.getLocalPort());
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return ports;
    }

    private static void writeConfig(Path dir, Map<String, String> settings, List<Listener> listeners,
            Map<String, Integer> ports) throws IOException {
        String d = dir.toAbsolutePath().toString();
        String version = version();
        List<String> main = new ArrayList<>(List.of(
                "# written by PostfixInteropTest: smtpd on loopback only, nothing is ever queued or delivered",
                "compatibility_level = " + (atLeast(version, 3, 6) ? "3.6" : "2"),
                "queue_directory = " + d + "/queue",
                "data_directory = " + d + "/data",
                "myhostname = mx1.interop.test",
                "mydomain = interop.test",
                "myorigin = $myhostname",
                "mydestination =",
                "relay_domains =",
                "relayhost =",
                "mynetworks = 127.0.0.1/32",
                "inet_interfaces = 127.0.0.1",
                "inet_protocols = ipv4",
                "proxy_interfaces =",
                "smtp_bind_address = 127.0.0.1",
                "smtpd_peername_lookup = no",
                "disable_dns_lookups = yes",
                "smtp_dns_support_level = disabled",
                "lmtp_dns_support_level = disabled",
                "default_transport = error:PostfixInteropTest delivers nothing",
                "relay_transport = error:PostfixInteropTest delivers nothing",
                "local_transport = error:PostfixInteropTest delivers nothing",
                "virtual_transport = error:PostfixInteropTest delivers nothing",
                "local_recipient_maps =",
                "relay_recipient_maps =",
                "alias_maps =",
                "alias_database =",
                "smtpd_relay_restrictions = reject",
                "smtpd_recipient_restrictions = reject",
                "notify_classes =",
                "smtpd_tls_loglevel = 1"));
        if (atLeast(version, 3, 4)) {
            main.add("maillog_file = " + d + "/maillog");
            main.add("maillog_file_prefixes = " + d);
        }
        settings.forEach((k, v) -> main.add(k + " = " + v));
        Files.write(dir.resolve("conf/main.cf"), main, StandardCharsets.US_ASCII);

        List<String> master = new ArrayList<>(List.of(
                "# service type private unpriv chroot wakeup maxproc command + args"));
        for (Listener l : listeners) {
            StringBuilder line = new StringBuilder("127.0.0.1:" + ports.get(l.name())
                    + " inet n - n - - smtpd -o syslog_name=" + l.syslogName());
            l.overrides().forEach((k, v) -> line.append(" -o ").append(k).append('=').append(v));
            master.add(line.toString());
        }
        master.add("tlsmgr unix - - n 1000? 1 tlsmgr");
        if (atLeast(version, 3, 4)) {
            master.add("postlog unix-dgram n - n - 1 postlogd");
        }
        Files.write(dir.resolve("conf/master.cf"), master, StandardCharsets.US_ASCII);
    }

    /** @return true when the version (such as 3.7.11) is at least major.minor */
    static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.trim().split("[.-]");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Reads each listener's 220 greeting and says QUIT: postfix is up and smtpd answers. */
    private void awaitGreetings() throws IOException, InterruptedException {
        long until = System.nanoTime() + STARTUP.toNanos();
        for (Map.Entry<String, Integer> listener : ports.entrySet()) {
            IOException failure = null;
            while (true) {
                if (!process.isAlive()) {
                    throw new IOException("postfix exited with " + process.exitValue() + " before smtpd '"
                            + listener.getKey() + "' listened on 127.0.0.1:" + listener.getValue() + "\n" + logs());
                }
                if (System.nanoTime() > until) {
                    throw new IOException("postfix's smtpd '" + listener.getKey() + "' did not greet on 127.0.0.1:"
                            + listener.getValue() + " within " + STARTUP.toSeconds() + " s (" + failure + ")\n"
                            + logs());
                }
                try {
                    greet(listener.getValue());
                    break;
                } catch (IOException notYet) {
                    failure = notYet;
                    Thread.sleep(100);
                }
            }
        }
    }

    private static void greet(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    throw new IOException("connection closed before the greeting");
                }
            } while (line.startsWith("220-"));
            if (!line.startsWith("220 ")) {
                throw new IOException("greeting: " + line);
            }
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.readLine();
        }
    }

    // ---- use ----

    /** @param listener a listener's name @return its port on 127.0.0.1 */
    int port(String listener) {
        Integer port = ports.get(listener);
        if (port == null) {
            throw new IllegalArgumentException("no listener " + listener);
        }
        return port;
    }

    /** @return true when postfix writes its log to {@link #maillog()} (postfix 3.4 and later) */
    boolean logsToFile() {
        return readOr(conf.resolve("master.cf")).contains("postlogd");
    }

    /** @return the log file postlogd writes */
    Path maillog() {
        return dir.resolve("maillog");
    }

    /**
     * Waits for a log line of a listener's smtpd.
     *
     * @param listener the listener
     * @param line     what the line must satisfy
     * @param wait     how long to wait (postlogd writes asynchronously)
     * @return the first matching line, if one came in time
     */
    Optional<String> awaitLogLine(Listener listener, Predicate<String> line, Duration wait)
            throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        do {
            Optional<String> found = smtpdLog(listener).stream().filter(line).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < until);
        return Optional.empty();
    }

    /** @return the log lines of a listener's smtpd, so far */
    List<String> smtpdLog(Listener listener) {
        String tag = " " + listener.syslogName() + "/smtpd[";
        return readOr(maillog()).lines().filter(l -> l.contains(tag)).toList();
    }

    /** @return postfix's output and log, for failure messages */
    String logs() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".out") || name.equals("maillog")) {
                    all.append("---- ").append(name).append('\n').append(readOr(f));
                }
            }
        } catch (IOException e) {
            all.append("(cannot list ").append(dir).append(": ").append(e).append(")\n");
        }
        return all.toString();
    }

    private static String readOr(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")\n";
        }
    }

    // ---- stop ----

    /** Stops postfix ({@code postfix stop}), then kills whatever of its process tree is left. */
    @Override
    public void close() {
        try {
            List<ProcessHandle> tree = tree();
            if (process.isAlive()) {
                run(Duration.ofSeconds(15), postfix.toString(), "-c", conf.toString(), "stop");
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
            for (ProcessHandle h : tree) {
                h.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // fall through to the kill
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            kill();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    /** @return true while any process of this postfix is alive */
    boolean anyAlive() {
        return process.isAlive() || tree().stream().anyMatch(ProcessHandle::isAlive);
    }

    /** Kills the start-fg process, the master daemon (by its pid file too) and every descendant. */
    private void kill() {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** @return the master daemon (found by its pid file as well, should it have left the tree) and descendants */
    private List<ProcessHandle> tree() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        masterPid().flatMap(ProcessHandle::of).ifPresent(master -> {
            if (master.info().command().map(c -> c.endsWith("/master")).orElse(false)
                    && all.stream().noneMatch(h -> h.pid() == master.pid())) {
                all.add(master);
                all.addAll(master.descendants().toList());
            }
        });
        return all;
    }

    private Optional<Long> masterPid() {
        Path pid = dir.resolve("queue/pid/master.pid");
        try {
            return Files.exists(pid) ? Optional.of(Long.parseLong(Files.readString(pid).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    // ---- commands ----

    private record Result(int exitCode, String output) {
    }

    private static String postconf(Path postconf, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(postconf.toString());
        command.addAll(List.of(args));
        Result r = run(Duration.ofSeconds(10), command.toArray(new String[0]));
        if (r.exitCode != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + r.exitCode + ": " + r.output);
        }
        return r.output.trim();
    }

    private static Result run(Duration timeout, String... command) throws IOException {
        Path out = Files.createTempFile("postfix-interop-cmd", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new IOException(String.join(" ", command) + " did not finish within " + timeout);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + String.join(" ", command), e);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
