package dev.mtasts.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An incremental HTTP/1.x response parser (RFC 9112) with hard limits: the head is capped at
 * {@code maxHead} bytes, the body at {@code maxBody}; reading stops one byte past the body cap.
 * Only a 200 response has its body read: for every other status the head is all the fetcher needs.
 */
final class ResponseParser {

    /** What the parser concluded. */
    enum Result { NEED_MORE, COMPLETE, TOO_LARGE, MALFORMED }

    private enum Phase { HEAD, LENGTH_BODY, CLOSE_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[0-9] ([0-9]{3})(?: .*)?");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final int MAX_LINE = 8 * 1024;

    private final int maxHead;
    private final int maxBody;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private Phase phase = Phase.HEAD;
    private int status;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private long remaining; // body bytes (LENGTH_BODY) or chunk bytes (CHUNK_DATA) still expected
    private long announced;
    private Result result = Result.NEED_MORE;
    private String problem = "";

    ResponseParser(int maxHead, int maxBody) {
        this.maxHead = maxHead;
        this.maxBody = maxBody;
    }

    Result feed(ByteBuffer in) {
        while (in.hasRemaining() && result == Result.NEED_MORE) {
            byte b;
            switch (phase) {
                case HEAD:
                    b = in.get();
                    if (head.size() >= maxHead) {
                        return malformed("the response head is longer than " + maxHead + " bytes");
                    }
                    head.write(b);
                    if (b == '\n' && headEnded()) {
                        parseHead();
                    }
                    break;
                case LENGTH_BODY:
                    int n = (int) Math.min(in.remaining(), remaining);
                    take(in, n);
                    remaining -= n;
                    if (remaining == 0 && result == Result.NEED_MORE) {
                        complete();
                    }
                    break;
                case CLOSE_BODY:
                    take(in, in.remaining());
                    break;
                case CHUNK_SIZE:
                case CHUNK_END:
                case TRAILERS:
                    b = in.get();
                    if (line.size() >= MAX_LINE) {
                        return malformed("a chunk line is longer than " + MAX_LINE + " bytes");
                    }
                    line.write(b);
                    if (b == '\n') {
                        String text = line.toString(StandardCharsets.ISO_8859_1).strip();
                        line.reset();
                        chunkLine(text);
                    }
                    break;
                case CHUNK_DATA:
                    int c = (int) Math.min(in.remaining(), remaining);
                    take(in, c);
                    remaining -= c;
                    if (remaining == 0 && result == Result.NEED_MORE) {
                        phase = Phase.CHUNK_END;
                    }
                    break;
                default:
                    in.position(in.limit());
            }
        }
        return result;
    }

    /** The connection closed: decide what the bytes so far amount to. */
    Result endOfStream() {
        if (result != Result.NEED_MORE) {
            return result;
        }
        switch (phase) {
            case HEAD:
                return malformed(head.size() == 0 ? "the server closed the connection without a response"
                        : "the server closed the connection inside the response head");
            case CLOSE_BODY:
                return complete();
            case LENGTH_BODY:
                return malformed("the server closed the connection after " + body.size() + " of " + announced
                        + " body bytes");
            default:
                return malformed("the server closed the connection inside a chunked body after " + body.size()
                        + " bytes");
        }
    }

    int status() {
        return status;
    }

    List<Map.Entry<String, String>> headers() {
        return headers;
    }

    byte[] body() {
        byte[] all = body.toByteArray();
        return all.length > maxBody ? java.util.Arrays.copyOf(all, maxBody) : all;
    }

    String problem() {
        return problem;
    }

    boolean headComplete() {
        return phase != Phase.HEAD;
    }

    private boolean headEnded() {
        byte[] h = head.toByteArray();
        int n = h.length;
        return n >= 2 && h[n - 2] == '\n' || n >= 3 && h[n - 3] == '\n' && h[n - 2] == '\r';
    }

    private void parseHead() {
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r?\n");
        Matcher m = STATUS_LINE.matcher(lines.length == 0 ? "" : lines[0]);
        if (!m.matches()) {
            malformed("the response does not start with an HTTP/1.x status line: '" + printable(lines[0]) + "'");
            return;
        }
        int code = Integer.parseInt(m.group(1));
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(lines[i].substring(0, colon)).matches()) {
                malformed("malformed header line '" + printable(lines[i]) + "'");
                return;
            }
            fields.add(Map.entry(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
        }
        if (code >= 100 && code < 200 && code != 101) {
            head.reset(); // an interim response: the real one follows
            return;
        }
        status = code;
        headers.addAll(fields);
        if (code != 200) {
            complete();
            return;
        }
        startBody();
    }

    private void startBody() {
        List<String> encodings = values("transfer-encoding");
        if (!encodings.isEmpty()) {
            String last = encodings.get(encodings.size() - 1);
            String[] codings = last.split(",");
            if (codings[codings.length - 1].strip().equalsIgnoreCase("chunked")) {
                phase = Phase.CHUNK_SIZE;
                return;
            }
            phase = Phase.CLOSE_BODY;
            return;
        }
        List<String> lengths = values("content-length");
        if (lengths.isEmpty()) {
            phase = Phase.CLOSE_BODY;
            return;
        }
        String first = lengths.get(0).split(",")[0].strip();
        for (String value : lengths) {
            for (String part : value.split(",")) {
                if (!part.strip().equals(first) || !first.matches("[0-9]{1,18}")) {
                    malformed("invalid Content-Length " + lengths);
                    return;
                }
            }
        }
        announced = Long.parseLong(first);
        if (announced > maxBody) {
            tooLarge();
            return;
        }
        remaining = announced;
        phase = Phase.LENGTH_BODY;
        if (remaining == 0) {
            complete();
        }
    }

    private void chunkLine(String text) {
        if (phase == Phase.CHUNK_END) {
            if (!text.isEmpty()) {
                malformed("chunk data is not followed by CRLF");
                return;
            }
            phase = Phase.CHUNK_SIZE;
        } else if (phase == Phase.CHUNK_SIZE) {
            String size = text.split(";", 2)[0].strip();
            if (!size.matches("[0-9A-Fa-f]{1,15}")) {
                malformed("invalid chunk size '" + printable(text) + "'");
                return;
            }
            remaining = Long.parseLong(size, 16);
            phase = remaining == 0 ? Phase.TRAILERS : Phase.CHUNK_DATA;
        } else if (text.isEmpty()) { // TRAILERS: an empty line ends the message
            complete();
        }
    }

    private void take(ByteBuffer in, int n) {
        int room = maxBody + 1 - body.size();
        int keep = Math.min(n, Math.max(room, 0));
        if (in.hasArray()) {
            body.write(in.array(), in.arrayOffset() + in.position(), keep);
        } else {
            byte[] copy = new byte[keep];
            in.duplicate().get(copy);
            body.write(copy, 0, keep);
        }
        in.position(in.position() + n);
        if (body.size() > maxBody) {
            tooLarge();
        }
    }

    private List<String> values(String name) {
        List<String> out = new ArrayList<>();
        headers.stream().filter(h -> h.getKey().toLowerCase(Locale.ROOT).equals(name))
                .forEach(h -> out.add(h.getValue()));
        return out;
    }

    private Result complete() {
        phase = Phase.DONE;
        result = Result.COMPLETE;
        return result;
    }

    private Result tooLarge() {
        phase = Phase.DONE;
        result = Result.TOO_LARGE;
        problem = "the body is larger than " + maxBody + " bytes"
                + (announced > maxBody ? " (Content-Length: " + announced + ")" : "");
        return result;
    }

    private Result malformed(String why) {
        phase = Phase.DONE;
        result = Result.MALFORMED;
        problem = why;
        return result;
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c >= 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return s.length() > 80 ? out + "..." : out.toString();
    }
}
