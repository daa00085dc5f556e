package dev.mtasts.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stdout or stderr is a terminal. Java 17 has no direct test; on Linux the file descriptor's link in
 * {@code /proc/self/fd} names the terminal device, elsewhere the JVM's console (present only when stdin and
 * stdout are a terminal) stands in.
 */
final class Terminal {

    private Terminal() {
    }

    /** @return true when stdout is a terminal */
    static boolean stdout() {
        return isTerminal(1);
    }

    /** @return true when stderr is a terminal */
    static boolean stderr() {
        return isTerminal(2);
    }

    private static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.isSymbolicLink(link)) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                return System.console() != null;
            }
        }
        return System.console() != null;
    }
}
