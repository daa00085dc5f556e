package dev.mtasts.examples.cli;

/**
 * ANSI colours, or none. Colours are on only when stdout is a terminal and {@code NO_COLOR} is not set
 * (<a href="https://no-color.org">no-color.org</a>).
 */
final class Style {

    static final Style PLAIN = new Style(false);
    static final Style ANSI = new Style(true);

    private final boolean on;

    private Style(boolean on) {
        this.on = on;
    }

    /** @return colours when stdout is a terminal and {@code NO_COLOR} is unset or empty */
    static Style forTerminal() {
        String noColor = System.getenv("NO_COLOR");
        boolean wanted = noColor == null || noColor.isEmpty();
        return wanted && Terminal.stdout() ? ANSI : PLAIN;
    }

    String red(String s) {
        return paint("31", s);
    }

    String green(String s) {
        return paint("32", s);
    }

    String yellow(String s) {
        return paint("33", s);
    }

    String cyan(String s) {
        return paint("36", s);
    }

    String bold(String s) {
        return paint("1", s);
    }

    String dim(String s) {
        return paint("2", s);
    }

    private String paint(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
