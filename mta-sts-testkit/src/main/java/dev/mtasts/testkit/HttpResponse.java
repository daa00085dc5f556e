package dev.mtasts.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link TestHttpsServer} answers for a host: status, headers, body, and how badly to behave while
 * sending it. Immutable: every {@code with...} method returns a copy. Thread-safe.
 *
 * <pre>{@code
 * HttpResponse.ok("text/plain", "version: STSv1\nmode: enforce\nmx: mx.example.test\nmax_age: 86400\n");
 * HttpResponse.redirect(301, "https://www.example.test/");
 * HttpResponse.status(404);
 * HttpResponse.ok("text/plain", text).withoutContentType();
 * HttpResponse.ok("text/plain", text).trickling(Duration.ofSeconds(1));   // one byte a second
 * HttpResponse.ok("text/plain", text).withEndlessBody();                  // never ends
 * HttpResponse.ok("text/plain", text).closingAfter(10);                   // connection closed mid-body
 * HttpResponse.ok("text/plain", text).resettingAfter(10);                 // connection reset (RST) mid-body
 * HttpResponse.ok("text/plain", text).inPiecesOf(1);                      // one TLS record per byte
 * HttpResponse.status(200).stallingHandshake();                          // TLS handshake stops half-way
 * HttpResponse.raw("\r\n\r\nHTTP/1.1 200 OK\r\n\r\n");                  // exactly these bytes
 * HttpResponse.rawEndless("", "HTTP/1.1 100 Continue\r\n\r\n");          // these bytes for ever
 * }</pre>
 *
 * <p>A response with a {@code Content-Encoding} header is sent as given: the body is not compressed by the
 * server, so pass compressed bytes (a compression bomb, say) as the body.
 *
 * @since 0.1.0
 */
public final class HttpResponse {

    private final int status;
    private final Optional<String> contentType;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final Duration headerDelay;
    private final Duration byteInterval;
    private final boolean endless;
    private final OptionalInt closeAfter;
    private final Wire wire;

    /** The hostile-wire options, kept apart so that the common ones stay a short constructor. */
    record Wire(Optional<byte[]> raw, Optional<byte[]> rawRepeat, int pieceSize, OptionalInt resetAfter,
            boolean stallHandshake) {
        static final Wire NONE = new Wire(Optional.empty(), Optional.empty(), 0, OptionalInt.empty(), false);
    }

    private HttpResponse(int status, Optional<String> contentType, List<Map.Entry<String, String>> headers,
            byte[] body, Duration headerDelay, Duration byteInterval, boolean endless, OptionalInt closeAfter) {
        this(status, contentType, headers, body, headerDelay, byteInterval, endless, closeAfter, Wire.NONE);
    }

    private HttpResponse(int status, Optional<String> contentType, List<Map.Entry<String, String>> headers,
            byte[] body, Duration headerDelay, Duration byteInterval, boolean endless, OptionalInt closeAfter,
            Wire wire) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status " + status + " is not three digits");
        }
        this.status = status;
        this.contentType = contentType;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.headerDelay = headerDelay;
        this.byteInterval = byteInterval;
        this.endless = endless;
        this.closeAfter = closeAfter;
        this.wire = wire;
    }

    private HttpResponse with(Wire w) {
        return new HttpResponse(status, contentType, headers, body, headerDelay, byteInterval, endless, closeAfter, w);
    }

    /**
     * A response sent exactly as given, nothing added or checked: for responses no well-behaved server sends.
     *
     * <pre>{@code
     * HttpResponse.raw("\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");   // starts with an empty line
     * }</pre>
     *
     * @param wire the bytes of the whole response, as ISO-8859-1
     * @return a response that writes these bytes and closes the connection
     */
    public static HttpResponse raw(String wire) {
        Objects.requireNonNull(wire, "wire");
        return new HttpResponse(200, Optional.empty(), List.of(), new byte[0], Duration.ZERO, Duration.ZERO, false,
                OptionalInt.empty(), new Wire(Optional.of(wire.getBytes(StandardCharsets.ISO_8859_1)),
                        Optional.empty(), 0, OptionalInt.empty(), false));
    }

    /**
     * A response that never ends: {@code first}, then {@code repeated} again and again until the client hangs
     * up, exactly as given (batched into writes of about 8 KiB).
     *
     * <pre>{@code
     * HttpResponse.rawEndless("", "HTTP/1.1 100 Continue\r\n\r\n");                       // endless interim responses
     * HttpResponse.rawEndless("HTTP/1.1 200 OK\r\n", "X-Filler: x\r\n");                    // headers that never end
     * HttpResponse.rawEndless("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n",
     *         "X-Trailer: x\r\n");                                                          // endless trailers
     * HttpResponse.rawEndless("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
     *         "1;ext=" + "e".repeat(8000) + "\r\nx\r\n");                                   // 1-byte chunks, 8 KB extensions
     * }</pre>
     *
     * @param first    sent once, first (may be empty)
     * @param repeated sent for ever after it; not empty
     * @return that response
     */
    public static HttpResponse rawEndless(String first, String repeated) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(repeated, "repeated");
        if (repeated.isEmpty()) {
            throw new IllegalArgumentException("nothing to repeat");
        }
        return new HttpResponse(200, Optional.empty(), List.of(), new byte[0], Duration.ZERO, Duration.ZERO, true,
                OptionalInt.empty(), new Wire(Optional.of(first.getBytes(StandardCharsets.ISO_8859_1)),
                        Optional.of(repeated.getBytes(StandardCharsets.ISO_8859_1)), 0, OptionalInt.empty(), false));
    }

    /**
     * @param contentType the {@code Content-Type} header value
     * @param body the body, sent as UTF-8
     * @return a 200 response
     */
    public static HttpResponse ok(String contentType, String body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param contentType the {@code Content-Type} header value
     * @param body the body
     * @return a 200 response
     */
    public static HttpResponse ok(String contentType, byte[] body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return new HttpResponse(200, Optional.of(contentType), List.of(), body.clone(), Duration.ZERO, Duration.ZERO,
                false, OptionalInt.empty());
    }

    /**
     * @param status the status code
     * @return a response with that status, {@code text/plain} and a one-line body naming the status
     *         (no body for 1xx, 204 and 304)
     */
    public static HttpResponse status(int status) {
        boolean bodyless = status < 200 || status == 204 || status == 304;
        byte[] body = bodyless ? new byte[0] : ("status " + status + "\n").getBytes(StandardCharsets.US_ASCII);
        return new HttpResponse(status, Optional.of("text/plain"), List.of(), body, Duration.ZERO, Duration.ZERO,
                false, OptionalInt.empty());
    }

    /**
     * @param status a 3xx status
     * @param location the {@code Location} header value
     * @return a redirect
     */
    public static HttpResponse redirect(int status, String location) {
        Objects.requireNonNull(location, "location");
        return status(status).withHeader("Location", location);
    }

    /** @return a copy with the header added (sent after {@code Content-Type}) */
    public HttpResponse withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new HttpResponse(status, contentType, more, body, headerDelay, byteInterval, endless, closeAfter,
                wire);
    }

    /** @return a copy that sends no {@code Content-Type} header */
    public HttpResponse withoutContentType() {
        return new HttpResponse(status, Optional.empty(), headers, body, headerDelay, byteInterval, endless,
                closeAfter, wire);
    }

    /** @param delay how long to wait after the request before sending the status line @return a copy */
    public HttpResponse withHeaderDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return new HttpResponse(status, contentType, headers, body, requireNotNegative(delay), byteInterval, endless,
                closeAfter, wire);
    }

    /** @param interval the pause after each body byte @return a copy that sends its body one byte at a time */
    public HttpResponse trickling(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        return new HttpResponse(status, contentType, headers, body, headerDelay, requireNotNegative(interval), endless,
                closeAfter, wire);
    }

    /** @return a copy that sends no length and repeats its body (or {@code x}) until the client hangs up */
    public HttpResponse withEndlessBody() {
        return new HttpResponse(status, contentType, headers, body, headerDelay, byteInterval, true, closeAfter, wire);
    }

    /**
     * @param bytes how many body bytes to send before closing the connection
     * @return a copy that announces the full {@code Content-Length} but closes after {@code bytes}
     */
    public HttpResponse closingAfter(int bytes) {
        if (bytes < 0 || bytes >= body.length) {
            throw new IllegalArgumentException("closingAfter(" + bytes + ") must be below the body length "
                    + body.length);
        }
        return new HttpResponse(status, contentType, headers, body, headerDelay, byteInterval, endless,
                OptionalInt.of(bytes), wire);
    }

    /**
     * Writes the whole response (head and body) in pieces of this many bytes, each a write of its own: over
     * HTTPS each piece is a TLS record of its own.
     *
     * <pre>{@code
     * HttpResponse.ok("text/plain", text).inPiecesOf(1);       // one TLS record per byte
     * }</pre>
     *
     * @param bytes the size of each write, at least 1
     * @return a copy
     */
    public HttpResponse inPiecesOf(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("pieces of " + bytes + " bytes");
        }
        return with(new Wire(wire.raw(), wire.rawRepeat(), bytes, wire.resetAfter(), wire.stallHandshake()));
    }

    /**
     * Sends the head and this many body bytes, then resets the connection (a TCP RST: {@code SO_LINGER} zero),
     * as a crashing server or a middlebox does.
     *
     * <pre>{@code
     * HttpResponse.ok("text/plain", text).resettingAfter(10);
     * }</pre>
     *
     * @param bytes body bytes to send before the reset, below the body length
     * @return a copy
     */
    public HttpResponse resettingAfter(int bytes) {
        if (bytes < 0 || bytes >= body.length) {
            throw new IllegalArgumentException("resettingAfter(" + bytes + ") must be below the body length "
                    + body.length);
        }
        return with(new Wire(wire.raw(), wire.rawRepeat(), wire.pieceSize(), OptionalInt.of(bytes),
                wire.stallHandshake()));
    }

    /**
     * Over HTTPS, stops the TLS handshake half-way: the server reads the ClientHello, sends the first bytes of
     * a record that never completes, then stays silent until the client hangs up. Nothing is recorded as a
     * request. Plain HTTP is not affected.
     *
     * <pre>{@code
     * sandbox.httpsServer().respond("mta-sts.stall.test", HttpResponse.status(200).stallingHandshake());
     * }</pre>
     *
     * @return a copy
     */
    public HttpResponse stallingHandshake() {
        return with(new Wire(wire.raw(), wire.rawRepeat(), wire.pieceSize(), wire.resetAfter(), true));
    }

    /** @return the status code */
    public int statusCode() {
        return status;
    }

    /** @return the {@code Content-Type}, or empty when none is sent */
    public Optional<String> contentType() {
        return contentType;
    }

    /** @return the extra headers, in order */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** @return a copy of the body */
    public byte[] body() {
        return body.clone();
    }

    Duration headerDelay() {
        return headerDelay;
    }

    Duration byteInterval() {
        return byteInterval;
    }

    boolean endless() {
        return endless;
    }

    OptionalInt closeAfter() {
        return closeAfter;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    Wire wire() {
        return wire;
    }

    private static Duration requireNotNegative(Duration d) {
        if (Objects.requireNonNull(d, "duration").isNegative()) {
            throw new IllegalArgumentException("negative duration " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "HttpResponse[" + status + contentType.map(t -> ", " + t).orElse(", no content type") + ", "
                + body.length + " bytes" + (endless ? ", endless" : "")
                + (byteInterval.isZero() ? "" : ", trickling " + byteInterval)
                + (headerDelay.isZero() ? "" : ", delay " + headerDelay)
                + (closeAfter.isPresent() ? ", closing after " + closeAfter.getAsInt() : "")
                + (wire.raw().isPresent() ? ", raw " + wire.raw().get().length + " bytes" : "")
                + (wire.pieceSize() > 0 ? ", in pieces of " + wire.pieceSize() : "")
                + (wire.resetAfter().isPresent() ? ", resetting after " + wire.resetAfter().getAsInt() : "")
                + (wire.stallHandshake() ? ", stalling the TLS handshake" : "") + "]";
    }
}
