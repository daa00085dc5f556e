package dev.mtasts.conformance;

import dev.mtasts.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the conformance tables under {@code src/test/resources/conformance/}.
 *
 * <p>Two formats, both UTF-8, both with {@code #} comment lines:
 * <ul>
 *   <li>Row files ({@code *.tsv}): one case a line, columns separated by {@code " | "}; the last column takes the
 *       rest of the line, so it may hold anything.</li>
 *   <li>Block files ({@code *.cases}), for multi-line policies: a {@code case ID} line, then {@code key value}
 *       lines, then body lines starting with {@code "| "}. Body lines are joined with nothing in between: each
 *       line ending in the text must be written as an escape ({@code \n}, {@code \r\n}), so that the file's own
 *       line endings never matter.</li>
 * </ul>
 * Escapes, in inputs only: {@code \n} LF, {@code \r} CR, {@code \t} TAB, {@code \s} space, {@code \\} backslash,
 * backslash-u and four hex digits for any UTF-16 unit (so an unpaired surrogate can be written).
 */
final class ConformanceTable {

    static final String SEPARATOR = " | ";

    private ConformanceTable() {
    }

    /** One row of a row file, with its 1-based line number for messages. */
    record Row(String file, int line, List<String> columns) {
        String get(int index) {
            return columns.get(index);
        }
    }

    /** One block of a block file. */
    record Block(String file, int line, String id, java.util.Map<String, String> keys, String body) {
        String key(String name) {
            String value = keys.get(name);
            if (value == null) {
                throw new IllegalStateException(file + ":" + line + ": case " + id + " has no '" + name + "'");
            }
            return value;
        }
    }

    static List<String> lines(String resource) {
        try (InputStream in = ConformanceTable.class.getResourceAsStream("/conformance/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource conformance/" + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.asList(text.split("\r?\n", -1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Row> rows(String resource, int columns) {
        List<Row> rows = new ArrayList<>();
        List<String> lines = lines(resource);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.endsWith(" |")) {
                line = line + " "; // an empty last column whose trailing space an editor removed
            }
            List<String> cells = new ArrayList<>();
            int pos = 0;
            for (int c = 0; c < columns - 1; c++) {
                int sep = line.indexOf(SEPARATOR, pos);
                if (sep < 0) {
                    throw new IllegalStateException(resource + ":" + (i + 1) + ": expected " + columns
                            + " columns separated by ' | ': " + line);
                }
                cells.add(line.substring(pos, sep).strip());
                pos = sep + SEPARATOR.length();
            }
            cells.add(line.substring(pos));
            rows.add(new Row(resource, i + 1, cells));
        }
        return rows;
    }

    static List<Block> blocks(String resource) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = lines(resource);
        String id = null;
        int start = 0;
        java.util.Map<String, String> keys = null;
        StringBuilder body = null;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "case";
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("case")) {
                if (id != null) {
                    blocks.add(new Block(resource, start, id, keys, body.toString()));
                }
                if (i == lines.size()) {
                    break;
                }
                id = line.substring(4).strip();
                if (id.isEmpty()) {
                    throw new IllegalStateException(resource + ":" + (i + 1) + ": case without an id");
                }
                start = i + 1;
                keys = new java.util.LinkedHashMap<>();
                body = new StringBuilder();
            } else if (line.isBlank()) {
                continue;
            } else if (id == null) {
                throw new IllegalStateException(resource + ":" + (i + 1) + ": text before the first case: " + line);
            } else if (line.equals("|") || line.startsWith("| ")) {
                body.append(unescape(line.length() <= 2 ? "" : line.substring(2)));
            } else {
                int space = line.indexOf(' ');
                if (space < 0) {
                    throw new IllegalStateException(resource + ":" + (i + 1) + ": expected 'key value': " + line);
                }
                keys.put(line.substring(0, space), line.substring(space + 1).strip());
            }
        }
        return blocks;
    }

    /** Reads the codes column: {@code -} for none, else codes separated by commas. */
    static Set<ProblemCode> codes(String cell) {
        Set<ProblemCode> codes = new TreeSet<>();
        if (cell.strip().equals("-")) {
            return codes;
        }
        for (String name : cell.split(",")) {
            codes.add(ProblemCode.valueOf(name.strip()));
        }
        return codes;
    }

    /** Reads {@code valid} / {@code invalid}. */
    static boolean validity(String cell) {
        return switch (cell.strip()) {
            case "valid" -> true;
            case "invalid" -> false;
            default -> throw new IllegalStateException("expected 'valid' or 'invalid', not '" + cell + "'");
        };
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= s.length()) {
                throw new IllegalStateException("dangling backslash in: " + s);
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 's' -> out.append(' ');
                case '\\' -> out.append('\\');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw new IllegalStateException("short \\u escape in: " + s);
                    }
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalStateException("unknown escape \\" + e + " in: " + s);
            }
        }
        return out.toString();
    }

    /**
     * Reads TXT records written as in a zone file: each record is {@code [ ... ]} holding double-quoted strings
     * (escapes allowed inside, and a backslash-quote for a quote). {@code []} is a record with no strings; nothing at all is an empty answer.
     */
    static List<List<String>> txtRecords(String cell) {
        List<List<String>> records = new ArrayList<>();
        int i = 0;
        String s = cell.strip();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c != '[') {
                throw new IllegalStateException("expected '[' at " + i + " in: " + cell);
            }
            i++;
            List<String> strings = new ArrayList<>();
            while (true) {
                while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                    i++;
                }
                if (i >= s.length()) {
                    throw new IllegalStateException("unclosed '[' in: " + cell);
                }
                if (s.charAt(i) == ']') {
                    i++;
                    break;
                }
                if (s.charAt(i) != '"') {
                    throw new IllegalStateException("expected '\"' at " + i + " in: " + cell);
                }
                int end = i + 1;
                while (end < s.length() && s.charAt(end) != '"') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= s.length()) {
                    throw new IllegalStateException("unclosed string in: " + cell);
                }
                strings.add(unescape(s.substring(i + 1, end).replace("\\\"", "\\u0022")));
                i = end + 1;
            }
            records.add(strings);
        }
        return records;
    }
}
