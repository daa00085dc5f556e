package dev.mtasts.examples.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of {@code --txt} or {@code --tlsrpt}: one TXT record. Written plainly ({@code v=STSv1; id=1}) it is a
 * record of one character-string; written as a zone file writes it, in double quotes ({@code "v=STSv1; " "id=1"}),
 * each quoted part is one character-string of the record, with {@code \"} and {@code \\} for a quote and a
 * backslash inside.
 */
final class TxtArgument {

    private TxtArgument() {
    }

    /**
     * @param option the option, for the message ({@code --txt})
     * @param value  the value as given
     * @return the record's character-strings
     * @throws InputException when quoted strings are not closed, or text stands between them
     */
    static String[] parse(String option, String value) {
        if (!value.strip().startsWith("\"")) {
            return new String[] {value};
        }
        List<String> strings = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c != '"') {
                throw new InputException(option + " '" + Printable.of(value) + "': text outside the quotes at"
                        + " character " + (i + 1) + "; write each string of the record in double quotes,"
                        + " \"v=STSv1; \" \"id=1\", or the whole record without quotes");
            }
            StringBuilder s = new StringBuilder();
            i++;
            boolean closed = false;
            while (i < value.length()) {
                char d = value.charAt(i++);
                if (d == '\\' && i < value.length()) {
                    s.append(value.charAt(i++));
                } else if (d == '"') {
                    closed = true;
                    break;
                } else {
                    s.append(d);
                }
            }
            if (!closed) {
                throw new InputException(option + " '" + Printable.of(value) + "': a quoted string is not closed");
            }
            strings.add(s.toString());
        }
        return strings.toArray(String[]::new);
    }
}
