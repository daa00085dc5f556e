package dev.mtasts.fetcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Parses {@code type "/" subtype *( OWS ";" OWS [ parameter ] )} (RFC 9110 §8.3.1, §5.6). */
final class MediaTypeParser {

    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final String in;
    private int pos;

    MediaTypeParser(String in) {
        this.in = in;
    }

    static boolean isToken(String s) {
        return !s.isEmpty() && s.chars().allMatch(MediaTypeParser::isTchar);
    }

    private static boolean isTchar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TCHAR_SYMBOLS.indexOf(c) >= 0;
    }

    Optional<MediaType> parse() {
        skipOws();
        String type = token();
        if (type.isEmpty() || !consume('/')) {
            return Optional.empty();
        }
        String subtype = token();
        if (subtype.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        skipOws();
        while (pos < in.length()) {
            if (!consume(';')) {
                return Optional.empty();
            }
            skipOws();
            if (pos == in.length() || peek() == ';') {
                continue; // empty parameter, allowed by the grammar
            }
            String name = token();
            if (name.isEmpty() || !consume('=')) {
                return Optional.empty();
            }
            Optional<String> value = pos < in.length() && peek() == '"'
                    ? quoted()
                    : Optional.of(token()).filter(t -> !t.isEmpty());
            if (value.isEmpty()) {
                return Optional.empty();
            }
            parameters.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), value.get());
            skipOws();
        }
        return Optional.of(new MediaType(type, subtype, parameters));
    }

    private char peek() {
        return in.charAt(pos);
    }

    private boolean consume(char c) {
        if (pos < in.length() && in.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipOws() {
        while (pos < in.length() && (in.charAt(pos) == ' ' || in.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private String token() {
        int start = pos;
        while (pos < in.length() && isTchar(in.charAt(pos))) {
            pos++;
        }
        return in.substring(start, pos);
    }

    private Optional<String> quoted() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (pos < in.length()) {
            char c = in.charAt(pos++);
            if (c == '"') {
                return Optional.of(out.toString());
            }
            if (c == '\\') {
                if (pos == in.length()) {
                    return Optional.empty();
                }
                c = in.charAt(pos++);
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return Optional.empty();
            }
            out.append(c);
        }
        return Optional.empty(); // no closing quote
    }
}
