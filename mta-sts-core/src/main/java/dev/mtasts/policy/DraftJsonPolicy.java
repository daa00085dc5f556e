package dev.mtasts.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy body in the JSON form of the drafts before RFC 8461 (draft-ietf-uta-mta-sts-01 to -06, 2016-2017, most
 * of them served at {@code /.well-known/mta-sts.json}):
 * <pre>
 * {"version": "STSv1", "mode": "report", "mx": [".mail.example.com"], "max_age": 123456}
 * </pre>
 * read leniently so that a finding can give the RFC 8461 lines to publish instead: {@code report} becomes
 * {@code testing}, a leading-dot suffix {@code .mail.example.com} becomes {@code *.mail.example.com}. Only a flat
 * object is read: string, number, {@code true}, {@code false} and {@code null} members, and arrays of those; a nested
 * object or array, or more than {@value #MAX_MEMBERS} members or array items, makes the body unreadable. The first of a
 * repeated member wins. Linear in the text, no recursion; the text is at most a policy body (64 KiB).
 */
final class DraftJsonPolicy {

    static final int MAX_MEMBERS = 1000;

    private final String text;
    private int pos;
    private int items;

    private DraftJsonPolicy(String text, int from) {
        this.text = text;
        this.pos = from;
    }

    /** @return the index of the {@code {} when the text from {@code from} is whitespace then {@code {}, else -1 */
    static int objectStart(String text, int from) {
        int i = from;
        while (i < text.length() && isJsonWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '{' ? i : -1;
    }

    /**
     * @param text  the body
     * @param brace the index of its opening {@code {}
     * @return the members, each a list of its scalar values as text (a string's content, a number as written), or
     *     empty when the text is not a flat JSON object and nothing else
     */
    static Optional<Map<String, List<String>>> members(String text, int brace) {
        return new DraftJsonPolicy(text, brace + 1).object();
    }

    private Optional<Map<String, List<String>>> object() {
        Map<String, List<String>> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return end(members);
        }
        while (true) {
            skipWhitespace();
            Optional<String> name = string();
            skipWhitespace();
            if (name.isEmpty() || peek() != ':') {
                return Optional.empty();
            }
            pos++;
            skipWhitespace();
            Optional<List<String>> value = peek() == '[' ? array() : scalar().map(List::of);
            if (value.isEmpty() || ++items > MAX_MEMBERS) {
                return Optional.empty();
            }
            members.putIfAbsent(name.get(), value.get());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return end(members);
            }
            if (c != ',') {
                return Optional.empty();
            }
        }
    }

    /** Only whitespace may follow the closing brace. */
    private Optional<Map<String, List<String>>> end(Map<String, List<String>> members) {
        skipWhitespace();
        return pos >= text.length() ? Optional.of(members) : Optional.empty();
    }

    private Optional<List<String>> array() {
        pos++; // '['
        List<String> values = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Optional.of(values);
        }
        while (true) {
            skipWhitespace();
            Optional<String> value = scalar();
            if (value.isEmpty() || ++items > MAX_MEMBERS) {
                return Optional.empty();
            }
            values.add(value.get());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return Optional.of(values);
            }
            if (c != ',') {
                return Optional.empty();
            }
        }
    }

    /** A string's content, or a number, {@code true}, {@code false} or {@code null} as written. */
    private Optional<String> scalar() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        int start = pos;
        while (pos < text.length() && isWordCharacter(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        boolean number = !word.isEmpty()
                && word.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || "+-.eE".indexOf(ch) >= 0);
        return number || word.equals("true") || word.equals("false") || word.equals("null") ? Optional.of(word)
                : Optional.empty();
    }

    private Optional<String> string() {
        if (peek() != '"') {
            return Optional.empty();
        }
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return Optional.of(out.toString());
            }
            if (c < 0x20) {
                return Optional.empty();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                return Optional.empty();
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        return Optional.empty();
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(pos++), 16);
                        if (digit < 0) {
                            return Optional.empty();
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length() && isJsonWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** A character of a number, {@code true}, {@code false} or {@code null}, or of a bare word that is none of them. */
    private static boolean isWordCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-'
                || c == '.';
    }

    private static boolean isJsonWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
