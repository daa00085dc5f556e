package dev.mtasts.examples.cli;

/** Whether the program talks to a person: the JVM has a console only when stdin and stdout are a terminal. */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        return System.console() != null;
    }
}
