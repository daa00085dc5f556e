package dev.mtasts.smtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Splits the bytes a server sends before TLS into SMTP replies (RFC 5321 §4.2: {@code 250-first},
 * {@code 250 last}), under one cap on all the bytes read on the connection, so that an endless greeting or a
 * reply of a million lines ends the probe instead of filling the memory. Lines end with CRLF; a bare LF is taken
 * too, as senders do. Not thread-safe: one per connection, used under its lock.
 */
final class ReplyReader {

    /** What {@link #next()} found. */
    enum Status {
        /** A whole reply: see {@link #reply()}. */
        COMPLETE,
        /** More bytes are needed. */
        NEED_MORE,
        /** The cap was reached before the reply's last line. */
        TOO_LONG,
        /** A line that is not a reply line: see {@link #badLine()}. */
        MALFORMED
    }

    private final int maxBytes;
    private byte[] pending = new byte[1024];
    private int length;
    private long received;
    private int linesInReply;
    private int code;
    private final List<String> lines = new ArrayList<>();
    private SmtpReply reply;
    private String badLine = "";

    /** @param maxBytes the most bytes to read on the connection before TLS */
    ReplyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @param data bytes received; all are consumed */
    void feed(ByteBuffer data) {
        int n = data.remaining();
        received += n;
        if (length + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + n));
        }
        data.get(pending, length, n);
        length += n;
    }

    /** @return whether a whole reply is now at hand, taking its lines from the bytes received */
    Status next() {
        int start = 0;
        try {
            while (true) {
                int lf = indexOfLf(start);
                if (lf < 0) {
                    return received >= maxBytes ? Status.TOO_LONG : Status.NEED_MORE;
                }
                int end = lf > start && pending[lf - 1] == '\r' ? lf - 1 : lf;
                String line = new String(pending, start, end - start, StandardCharsets.ISO_8859_1);
                start = lf + 1;
                Optional<Boolean> last = take(line);
                if (last.isEmpty()) {
                    badLine = line;
                    return Status.MALFORMED;
                }
                if (last.get()) {
                    reply = new SmtpReply(code, lines);
                    lines.clear();
                    linesInReply = 0;
                    return Status.COMPLETE;
                }
                if (received >= maxBytes && indexOfLf(start) < 0) {
                    return Status.TOO_LONG;
                }
            }
        } finally {
            consume(start);
        }
    }

    /** @return the reply {@link #next()} last completed */
    SmtpReply reply() {
        return reply;
    }

    /** @return the line {@link #next()} found malformed */
    String badLine() {
        return badLine;
    }

    /** @return the lines of the reply being read when the cap was reached */
    int linesInReply() {
        return linesInReply;
    }

    /** @return every byte received on the connection so far */
    long received() {
        return received;
    }

    /** @return the bytes received after the last whole reply, now dropped (they must never be read as TLS data) */
    byte[] discardPending() {
        byte[] out = Arrays.copyOf(pending, length);
        length = 0;
        return out;
    }

    /** @return empty for a line that is not a reply line, else whether it is the reply's last */
    private Optional<Boolean> take(String line) {
        if (line.length() < 3 || !isDigit(line.charAt(0)) || !isDigit(line.charAt(1)) || !isDigit(line.charAt(2))
                || line.charAt(0) < '1' || line.charAt(0) > '5'
                || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
            return Optional.empty();
        }
        int lineCode = Integer.parseInt(line.substring(0, 3));
        if (linesInReply == 0) {
            code = lineCode;
        }
        linesInReply++;
        lines.add(line.length() > 4 ? line.substring(4) : "");
        return Optional.of(line.length() == 3 || line.charAt(3) == ' ');
    }

    private int indexOfLf(int from) {
        for (int i = from; i < length; i++) {
            if (pending[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void consume(int count) {
        System.arraycopy(pending, count, pending, 0, length - count);
        length -= count;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
