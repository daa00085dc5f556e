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
 * {@code maxHead} bytes, the body at {@code maxBody} (reading stops one byte past it), and the whole response
 * (interim 1xx responses, the head, chunk framing and extensions, trailers and the body) at
 * {@code maxBody + }{@link #FRAMING_ALLOWANCE}: no byte past that budget is consumed, whatever the server sends.
 * Only a 200 response has its body read: for every other status the head is all the fetcher needs; a 200 with a
 * {@code Content-Encoding} is refused without reading its body (the fetcher never asks for compression and never
 * inflates). Not thread-safe: one parser per response.
 */
class ResponseParser {

    /** What the parser concluded. */
    enum Result { NEED_MORE, COMPLETE, TOO_LARGE, MALFORMED }

    private enum Phase { HEAD, LENGTH_BODY, CLOSE_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[0-9] ([0-9]{3})(?: .*)?");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    // compiled once: a flooding server can make the parser meet thousands of heads and chunk lines per response
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern CHUNK_SIZE = Pattern.compile("[0-9A-Fa-f]{1,15}");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("[0-9]{1,18}");
    private static final int MAX_LINE = 8 * 1024;

    /** What the whole response may hold beyond the body cap: the head, interim responses, framing, trailers. */
    static final int FRAMING_ALLOWANCE = 64 * 1024;

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
    private final long budget;
    private long consumed;
    private int interim;
    private int last = -1;     // the byte before the current one in the head
    private int beforeLast = -1;

    ResponseParser(int maxHead, int maxBody) {
        this.maxHead = maxHead;
        this.maxBody = maxBody;
        this.budget = (long) maxBody + FRAMING_ALLOWANCE;
    }

    /**
     * Consumes bytes, never more than what is left of the response's budget.
     *
     * @param in bytes received; advanced past what was consumed
     * @return what the bytes so far amount to
     */
    Result feed(ByteBuffer in) {
        if (result != Result.NEED_MORE) {
            return result;
        }
        long left = budget - consumed;
        ByteBuffer view = in;
        if (in.remaining() > left) {
            view = in.duplicate();
            view.limit(view.position() + (int) left);
        }
        int start = view.position();
        parse(view);
        consumed += view.position() - start;
        if (view != in) {
            in.position(view.position());
        }
        if (result == Result.NEED_MORE && consumed >= budget) {
            return malformed("the response is longer than the " + budget + " bytes read for a whole response (the"
                    + " body cap of " + maxBody + " plus " + FRAMING_ALLOWANCE + " for the head, interim responses,"
                    + " chunk framing and trailers), while " + phaseWords() + ", after " + interim
                    + " interim (1xx) responses and " + body.size() + " body bytes");
        }
        return result;
    }

    /** @return the bytes consumed so far, at most {@link #budget()} */
    long consumed() {
        return consumed;
    }

    /** @return the most this parser consumes: the body cap plus {@link #FRAMING_ALLOWANCE} */
    long budget() {
        return budget;
    }

    private String phaseWords() {
        switch (phase) {
            case HEAD:
                return "reading a response head";
            case TRAILERS:
                return "reading the trailers";
            case CHUNK_SIZE:
            case CHUNK_END:
            case CHUNK_DATA:
                return "reading a chunked body";
            default:
                return "reading the body";
        }
    }

    private void parse(ByteBuffer in) {
        while (in.hasRemaining() && result == Result.NEED_MORE) {
            byte b;
            switch (phase) {
                case HEAD:
                    b = in.get();
                    if (head.size() >= maxHead) {
                        malformed("the response head is longer than " + maxHead + " bytes");
                        return;
                    }
                    head.write(b);
                    boolean ended = b == '\n' && (last == '\n' || last == '\r' && beforeLast == '\n'
                            || head.size() <= 2); // an empty first line ends the head at once
                    beforeLast = last;
                    last = b;
                    if (ended) {
                        last = -1;
                        beforeLast = -1;
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
                        malformed("a chunk line is longer than " + MAX_LINE + " bytes");
                        return;
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

    private void parseHead() {
        String[] lines = LINE_BREAK.split(head.toString(StandardCharsets.ISO_8859_1));
        String first = lines.length == 0 ? "" : lines[0];
        if (first.isEmpty()) {
            malformed("the response starts with an empty line instead of an HTTP/1.x status line");
            return;
        }
        Matcher m = STATUS_LINE.matcher(first);
        if (!m.matches()) {
            malformed("the response does not start with an HTTP/1.x status line: '" + printable(first) + "'");
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
            head.reset(); // an interim response: the real one follows (the budget bounds how many)
            interim++;
            return;
        }
        status = code;
        headers.addAll(fields);
        if (code != 200) {
            complete();
            return;
        }
        List<String> codings = new ArrayList<>();
        for (String value : values("content-encoding")) {
            for (String coding : value.split(",")) {
                String c = coding.strip();
                if (!c.isEmpty() && !c.equalsIgnoreCase("identity")) {
                    codings.add(c);
                }
            }
        }
        if (!codings.isEmpty()) {
            malformed("the server sent the body with Content-Encoding: " + printable(String.join(", ", codings))
                    + " although the request asked for none (Accept-Encoding: identity); senders read the body as it"
                    + " is and see compressed bytes, not a policy (the body was neither read nor inflated)");
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
                if (!part.strip().equals(first) || !CONTENT_LENGTH.matcher(first).matches()) {
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
            int extensions = text.indexOf(';');
            String size = (extensions < 0 ? text : text.substring(0, extensions)).strip();
            if (!CHUNK_SIZE.matcher(size).matches()) {
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
