package dev.mtasts.tests.docs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One code example taken from the documentation: a {@code ```java} block of a README, or a
 * {@code <pre>{@code ...}</pre>} block of a Javadoc comment, with where it came from.
 *
 * <p>A value. {@code lines} is the code as a reader sees it (Javadoc's leading {@code " * "} removed, its escapes
 * undone); {@code stripped} says, for each line, how many characters of the source line were removed in front of
 * it, so that a compiler's column maps back to the file.
 *
 * @param file     the file, relative to the repository root, with {@code /} separators
 * @param line     the line of the file (from 1) where the first code line is
 * @param lines    the code, one entry per line
 * @param stripped for each line, the number of characters removed in front of it
 * @param kind     where in a file the block was found
 */
record Snippet(String file, int line, List<String> lines, List<Integer> stripped, Kind kind) {

    /**
     * The marker a block begins with when it is not Java statements: {@code // not compiled: <why>}, such as
     * {@code // not compiled: shell command}. The test lists every marked block and never compiles it.
     */
    static final Pattern NOT_COMPILED = Pattern.compile("^\\s*//\\s*not compiled\\s*:(.*)$");

    /**
     * The marker a block begins with when it is Java, compiled like any other, but cannot run meaningfully on
     * loopback: {@code // not run: <why>}, such as {@code // not run: waits for a real server}. The run test
     * lists every marked block and never runs it.
     */
    static final Pattern NOT_RUN = Pattern.compile("^\\s*//\\s*not run\\s*:(.*)$");

    /** Where a block was found. */
    enum Kind {
        /** A {@code ```java} fence of a Markdown file. */
        MARKDOWN,
        /** A {@code <pre>{@code ...}</pre>} block of a Javadoc comment. */
        JAVADOC
    }

    Snippet {
        Objects.requireNonNull(file, "file");
        lines = List.copyOf(lines);
        stripped = List.copyOf(stripped);
        Objects.requireNonNull(kind, "kind");
        if (lines.size() != stripped.size()) {
            throw new IllegalArgumentException(lines.size() + " lines but " + stripped.size() + " offsets");
        }
    }

    /** @return {@code file:line}, the way the failure messages name a snippet */
    String location() {
        return file + ":" + line;
    }

    /** @return the code as one string, lines joined with {@code \n} */
    String code() {
        return String.join("\n", lines);
    }

    /**
     * @return the marker's reason when the first non-blank line is a {@code // not compiled: ...} marker (empty
     *         reason when the marker has none), or empty when the block is to be compiled
     */
    Optional<String> notCompiledReason() {
        return marker(NOT_COMPILED);
    }

    /**
     * @return the marker's reason when the first non-blank line is a {@code // not run: ...} marker (empty reason
     *         when the marker has none), or empty when the block is to be run (if it is compiled)
     */
    Optional<String> notRunReason() {
        return marker(NOT_RUN);
    }

    /** @return whether the block is compiled and run: it has neither marker */
    boolean isRun() {
        return notCompiledReason().isEmpty() && notRunReason().isEmpty();
    }

    private Optional<String> marker(Pattern marker) {
        for (String l : lines) {
            if (l.isBlank()) {
                continue;
            }
            Matcher m = marker.matcher(l);
            return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Maps a position in the snippet to the position in its file.
     *
     * @param snippetLine   the line in the snippet, from 1
     * @param snippetColumn the column in that line, from 1
     * @return {@code file:line:column}
     */
    String locate(long snippetLine, long snippetColumn) {
        int index = (int) Math.max(0, Math.min(lines.size() - 1, snippetLine - 1));
        long column = snippetColumn <= 0 ? 1 : snippetColumn + stripped.get(index);
        return file + ":" + (line + index) + ":" + column;
    }
}
