package dev.mtasts.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a {@code scan} input, read the same way from a file and from stdin: bytes split on LF only (one CR
 * before the LF is dropped, so CRLF files read as LF files; a CR anywhere else stays in the line), each line decoded
 * as UTF-8 on its own. A line that cannot be a domain for a reason of its bytes (not UTF-8, a control character,
 * longer than {@value #MAX_LINE_BYTES} bytes) comes back with an {@link Line#error() error}, so that the scan reports
 * it and goes on.
 *
 * <p>Memory is bounded: at most {@value #MAX_LINE_BYTES} bytes of a line are kept; the rest of a longer line is
 * read and dropped, and the whole of it is one bad line.
 */
final class InputLines implements AutoCloseable {

    /** The bytes of a line that are kept; a domain name with a comment fits many times over. */
    static final int MAX_LINE_BYTES = 4096;

    private static final int BUFFER_BYTES = 64 * 1024;

    /**
     * One input line.
     *
     * @param number 1-based line number
     * @param text   the line as text: invalid UTF-8 bytes shown as U+FFFD, cut at {@value #MAX_LINE_BYTES} bytes
     * @param error  why the line cannot be read as a domain before even looking at it, or {@code null}
     */
    record Line(long number, String text, String error) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private boolean eof;
    private long number;

    InputLines(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next line, or {@code null} at the end of the input (text after the last LF is a line too)
     * @throws IOException when the input cannot be read
     */
    Line next() throws IOException {
        int kept = 0;
        long total = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (eof) {
                    break;
                }
                int n = in.read(buffer);
                if (n < 0) {
                    eof = true;
                    break;
                }
                position = 0;
                limit = n;
                continue;
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (kept < MAX_LINE_BYTES) {
                line[kept++] = b;
            }
            total++;
        }
        if (!any) {
            return null;
        }
        number++;
        if (total <= MAX_LINE_BYTES && kept > 0 && line[kept - 1] == '\r') {
            kept--;
            total--;
        }
        String lenient = new String(line, 0, kept, StandardCharsets.UTF_8);
        if (total > MAX_LINE_BYTES) {
            return new Line(number, lenient, "line is " + total + " bytes long: longer than the "
                    + MAX_LINE_BYTES + " bytes read of a line (a domain name is at most 253 characters)");
        }
        int bad = firstInvalidByte(kept);
        if (bad >= 0) {
            return new Line(number, lenient, String.format("not valid UTF-8: byte 0x%02X at byte offset %d"
                    + " (shown as U+FFFD)", line[bad] & 0xff, bad));
        }
        for (int i = 0; i < lenient.length(); i++) {
            char c = lenient.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                return new Line(number, lenient, String.format("contains the control character U+%04X at"
                        + " column %d", (int) c, i + 1));
            }
        }
        return new Line(number, lenient, null);
    }

    /** @return the offset of the first byte of {@code line[0, length)} that is not valid UTF-8, or -1 */
    private int firstInvalidByte(int length) {
        decoder.reset();
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            return bytes.position();
        }
        result = decoder.flush(chars);
        return result.isError() ? bytes.position() : -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
