package dev.mtasts.smtp;

import dev.mtasts.internal.Quoting;
import java.util.List;

/**
 * One SMTP reply (RFC 5321 §4.2): its three-digit code and its lines without the code and separator.
 *
 * @param code  the reply code, 100 to 599 as sent (not checked for meaning)
 * @param lines the text of each line, in order; at least one (possibly empty)
 */
record SmtpReply(int code, List<String> lines) {

    /** How many characters of a reply a detail quotes. */
    static final int QUOTE_LIMIT = 160;

    SmtpReply {
        lines = List.copyOf(lines);
    }

    /** @return true for a 2xx reply (positive completion) */
    boolean isPositive() {
        return code / 100 == 2;
    }

    /** @return the first line's text */
    String firstLine() {
        return lines.get(0);
    }

    /** @return the reply as sent, lines joined with " / ", control characters escaped, cut, in single quotes */
    String quoted() {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(out.length() == 0 ? "" : " / ").append(code).append(' ').append(line);
            if (out.length() > QUOTE_LIMIT) {
                break;
            }
        }
        return "'" + Quoting.printable(out.toString().strip(), QUOTE_LIMIT, true) + "'";
    }
}
