package dev.mtasts.tests.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the code examples in a file's text: {@code ```java} fences in Markdown, {@code <pre>{@code ...}</pre>}
 * blocks in Java sources (Javadoc). Pure functions of the text; a block that is opened and never closed is an
 * {@link IllegalArgumentException} naming the line, so that a broken block cannot vanish from the test.
 */
final class SnippetExtractor {

    /** A fence that opens a Java block: {@code ```java}, possibly indented (inside a list item). */
    private static final Pattern JAVA_FENCE = Pattern.compile("^(\\s*)```java\\s*$");

    /** Any fence line; the first one after an opening fence closes it. */
    private static final Pattern FENCE = Pattern.compile("^\\s*```.*$");

    private static final String PRE_OPEN = "<pre>{@code";
    private static final String PRE_CLOSE = "}</pre>";

    /** The leading {@code " * "} of a Javadoc line: white space, the star, and at most one space. */
    private static final Pattern JAVADOC_PREFIX = Pattern.compile("^\\s*\\*(?: )?");

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|lt|gt|amp|quot|apos);");

    private SnippetExtractor() {
    }

    /**
     * @param file the file's name, relative to the repository root
     * @param text the file's content
     * @return every {@code ```java} block, in order
     */
    static List<Snippet> markdown(String file, String text) {
        List<Snippet> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = JAVA_FENCE.matcher(lines[i]);
            if (!open.matches()) {
                if (FENCE.matcher(lines[i]).matches()) {
                    i = skipFence(file, lines, i);   // another language's block: its content is not Markdown
                }
                continue;
            }
            int indent = open.group(1).length();
            List<String> code = new ArrayList<>();
            List<Integer> stripped = new ArrayList<>();
            int j = i + 1;
            while (j < lines.length && !FENCE.matcher(lines[j]).matches()) {
                int cut = Math.min(indent, leadingSpaces(lines[j]));
                code.add(lines[j].substring(cut));
                stripped.add(cut);
                j++;
            }
            if (j == lines.length) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": ```java block is never closed");
            }
            out.add(new Snippet(file, i + 2, code, stripped, Snippet.Kind.MARKDOWN));
            i = j;
        }
        return out;
    }

    private static int skipFence(String file, String[] lines, int start) {
        for (int j = start + 1; j < lines.length; j++) {
            if (FENCE.matcher(lines[j]).matches()) {
                return j;
            }
        }
        throw new IllegalArgumentException(file + ":" + (start + 1) + ": code block is never closed");
    }

    /**
     * @param file the file's name, relative to the repository root
     * @param text the Java source
     * @return every {@code <pre>{@code ...}</pre>} block, in order, with Javadoc's escapes undone
     */
    static List<Snippet> javadoc(String file, String text) {
        List<Snippet> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int at = lines[i].indexOf(PRE_OPEN);
            if (at < 0) {
                continue;
            }
            List<String> code = new ArrayList<>();
            List<Integer> stripped = new ArrayList<>();
            int first = i + 1;
            String rest = lines[i].substring(at + PRE_OPEN.length());
            if (rest.contains(PRE_CLOSE)) {            // a one-line block: <pre>{@code x();}</pre>
                int start = at + PRE_OPEN.length();
                start += Character.isWhitespace(lines[i].charAt(start)) ? 1 : 0;   // {@code x}: the blank separates
                addLine(code, stripped, lines[i].substring(start, lines[i].indexOf(PRE_CLOSE, start)), start);
                out.add(new Snippet(file, i + 1, code, stripped, Snippet.Kind.JAVADOC));
                continue;
            }
            if (!rest.isBlank()) {
                int cut = Character.isWhitespace(rest.charAt(0)) ? 1 : 0;
                addLine(code, stripped, rest.substring(cut), at + PRE_OPEN.length() + cut);
                first = i;
            }
            int j = i + 1;
            while (j < lines.length && !lines[j].contains(PRE_CLOSE)) {
                addJavadocLine(code, stripped, lines[j]);
                j++;
            }
            if (j == lines.length) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": <pre>{@code block is never closed");
            }
            String last = lines[j].substring(0, lines[j].indexOf(PRE_CLOSE));
            if (!JAVADOC_PREFIX.matcher(last).replaceFirst("").isBlank()) {
                addJavadocLine(code, stripped, last);
            }
            out.add(new Snippet(file, first + 1, code, stripped, Snippet.Kind.JAVADOC));
            i = j;
        }
        return out;
    }

    private static void addJavadocLine(List<String> code, List<Integer> stripped, String line) {
        Matcher prefix = JAVADOC_PREFIX.matcher(line);
        int cut = prefix.lookingAt() ? prefix.end() : 0;
        addLine(code, stripped, line.substring(cut), cut);
    }

    private static void addLine(List<String> code, List<Integer> stripped, String line, int cut) {
        code.add(unescape(line));
        stripped.add(cut);
    }

    /**
     * Undoes the escapes Javadoc comments need for code: {@code &#64;} for {@code @} (a line that starts with
     * {@code @} would be a block tag), {@code &lt; &gt; &amp; &quot; &apos;} and numeric character references.
     *
     * @param line a line of a Javadoc code block
     * @return the line as code
     */
    static String unescape(String line) {
        Matcher m = ENTITY.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = switch (name) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(name.charAt(1) == 'x' || name.charAt(1) == 'X'
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
